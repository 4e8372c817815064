/**
 * Serves the compiled rules to WXT and vitest as `virtual:dunwatch-rules` and fails the
 * build with every rule error. Rule files are watched so `wxt` dev reloads on edits.
 */
import type { Plugin } from 'vite';
import { listRuleFiles, loadBundleFromDisk } from './load';

const ID = 'virtual:dunwatch-rules';
const RESOLVED = '\0' + ID;

export function rulesBundlePlugin(): Plugin {
  return {
    name: 'dunwatch-rules',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of listRuleFiles()) this.addWatchFile(f);
      const bundle = await loadBundleFromDisk();
      return `export default ${JSON.stringify(bundle)};`;
    },
  };
}
