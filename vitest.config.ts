import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { rulesBundlePlugin } from './src/rule-compiler/vite-plugin';

export default defineConfig({
  plugins: [WxtVitest(), rulesBundlePlugin()],
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
