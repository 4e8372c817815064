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
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['tests/e2e/**', 'tests/firefox/**', 'node_modules/**'] },
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
      {
        // the core browser tests again in Debian's firefox-esr (puppeteer-core over WebDriver BiDi).
        // Not `extends`: vite-plugin-solid adds the "browser" resolve condition in tests, which
        // would give puppeteer-core the browser stub of `ws`; these tests render no Solid.
        plugins: [WxtVitest(), rulesBundlePlugin(), preparedPatternsPlugin()],
        test: {
          name: 'firefox',
          environment: 'node',
          include: ['tests/firefox/**/*.test.ts'],
          globalSetup: ['tests/firefox/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
