import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { preparedPatternsPlugin } from './src/rule-compiler/prepared-patterns-plugin';
import { rulesBundlePlugin } from './src/rule-compiler/vite-plugin';

// Two projects, one run: unit and cross-module suites, then the browser suite (the built
// extension in Debian's Chromium, pages served at the real site URLs by request routing).
export default defineConfig({
  // solid: component tests (*.test.tsx) render Solid pages in happy-dom
  plugins: [WxtVitest(), solid(), rulesBundlePlugin(), preparedPatternsPlugin()],
  test: {
    testTimeout: 30_000,
    // vite-plugin-solid would default every test to jsdom; DOM tests opt in to happy-dom per file
    environment: 'node',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['tests/e2e/**', 'node_modules/**'] },
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
