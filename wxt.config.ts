import { defineConfig } from 'wxt';
import { preparedPatternsPlugin } from './src/rule-compiler/prepared-patterns-plugin';
import { rulesBundlePlugin } from './src/rule-compiler/vite-plugin';

// WXT builds the extension; the rules are compiled from rules/**/*.yaml into one JSON
// bundle at build time by the vite plugin (no YAML parser ships in the extension).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  // Solid for the extension pages: fine-grained updates, no virtual DOM, ~7 kB runtime, and
  // JSX text children are always text nodes (message text can never become markup).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/module-solid'],
  vite: () => ({ plugins: [rulesBundlePlugin(), preparedPatternsPlugin()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: the on-demand scan of a page the user chooses; no standing host access
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'dunwatch@dunwatch.invalid', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
});
