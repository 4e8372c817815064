/**
 * Serves the compiled rules to WXT and vitest as `virtual:dunwatch-rules` and fails the
 * build with every rule error. Rule files are watched so `wxt` dev reloads on edits.
 */
import { statSync } from 'node:fs';
import type { Plugin } from 'vite';
import { listRuleFiles, loadBundleFromDisk } from './load';

const ID = 'virtual:dunwatch-rules';
const RESOLVED = '\0' + ID;
// only the jurisdictions (names, complaint channels; ~7 kB): for pages that must not carry the rules
const JUR_ID = 'virtual:dunwatch-jurisdictions';
const JUR_RESOLVED = '\0' + JUR_ID;

// WXT builds every entrypoint separately: compile once per change of the rule files, not per build.
let memo: { stamp: string; code: Promise<string>; jurisdictions: Promise<string> } | undefined;

function stampOf(files: string[]): string {
  return files.map((f) => `${f}:${statSync(f).mtimeMs}`).join('|');
}

export function rulesBundlePlugin(): Plugin {
  return {
    name: 'dunwatch-rules',
    resolveId(id) {
      return id === ID ? RESOLVED : id === JUR_ID ? JUR_RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED && id !== JUR_RESOLVED) return undefined;
      const files = listRuleFiles();
      for (const f of files) this.addWatchFile(f);
      const stamp = stampOf(files);
      if (memo?.stamp !== stamp) {
        const bundle = loadBundleFromDisk();
        memo = {
          stamp,
          code: bundle.then((b) => `export default ${JSON.stringify(b)};`),
          jurisdictions: bundle.then((b) => `export default ${JSON.stringify(b.jurisdictions)};`),
        };
      }
      try {
        return await (id === RESOLVED ? memo.code : memo.jurisdictions);
      } catch (e) {
        memo = undefined;
        // rolldown loses a plain Error's message when it aggregates: say it in full here
        console.error(`\n${(e as Error).message}\n`);
        throw e;
      }
    },
  };
}
