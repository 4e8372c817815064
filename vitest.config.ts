import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { rulesBundlePlugin } from './src/rule-compiler/vite-plugin';

// Two projects, one run: unit and cross-module suites, then the browser suite (the built
// extension in Debian's Chromium, pages served at the real site URLs by request routing).
export default defineConfig({
  plugins: [WxtVitest(), rulesBundlePlugin()],
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/**/*.test.ts'], exclude: ['tests/e2e/**', 'node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
