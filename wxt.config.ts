import { defineConfig } from 'wxt';
import { preparedPatternsPlugin } from './src/rule-compiler/prepared-patterns-plugin';
import { rulesBundlePlugin } from './src/rule-compiler/vite-plugin';
import { solidTemplatesWithoutInnerHtml } from './scripts/build/solid-templates';

// WXT builds the extension; the rules are compiled from rules/**/*.yaml into one JSON
// bundle at build time by the vite plugin (no YAML parser ships in the extension).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  // Solid for the extension pages: fine-grained updates, no virtual DOM, ~7 kB runtime, and
  // JSX text children are always text nodes (message text can never become markup).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/module-solid'],
  // Solid's templates are parsed with DOMParser, not innerHTML (AMO's linter; scripts/build/solid-templates.ts)
  vite: () => ({ plugins: [rulesBundlePlugin(), preparedPatternsPlugin(), solidTemplatesWithoutInnerHtml()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: the on-demand scan of a page the user chooses; no standing host access.
    // unlimitedStorage: the evidence locker (IndexedDB) and its sealed pending-write stash
    // (storage.local, else capped at 10 MB) must not lose a capture to a quota.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'],
    // AMO: every new add-on states what it collects (since 2025-11-03): Dunwatch collects and
    // transmits nothing. Firefox shows that at install from 140 (Android 142); older versions
    // reject the key, so they are the minimum (docs/store/README.md).
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'dunwatch@dunwatch.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
