/**
 * `virtual:dunwatch-prepared-patterns`: the words each English rule pattern cannot match
 * without (src/engine/match/english.ts patternNeeds), computed at build time. The background
 * engine uses it, so the first analysis after a service-worker wake parses only the patterns a
 * sentence has the words for (issue #14); a pattern missing from it (a custom rule) is parsed
 * at run time as before.
 */
import type { Plugin } from 'vite';
import type { PreparedTable } from '../engine/match/prepared-patterns';
import type { RulesBundle } from '../engine/types';
import { listRuleFiles, loadBundleFromDisk } from './load';

const ID = 'virtual:dunwatch-prepared-patterns';
const RESOLVED = '\0' + ID;

export async function preparedTable(bundle: RulesBundle): Promise<PreparedTable> {
  // parseMatch is the same in compromise/one and the full build (tests/prepared-patterns.test.ts checks the table)
  const nlp = (await import('compromise/one')).default;
  const { patternNeeds } = await import('../engine/match/english');
  const table: Record<string, string[][]> = {};
  for (const rule of bundle.rules) {
    if (rule.lang !== 'en') continue;
    for (const p of [...rule.patterns, ...rule.unless]) table[p] ??= patternNeeds(nlp, p);
  }
  return table;
}

export function preparedPatternsPlugin(): Plugin {
  return {
    name: 'dunwatch-prepared-patterns',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of listRuleFiles()) this.addWatchFile(f);
      return `export default ${JSON.stringify(await preparedTable(await loadBundleFromDisk()))};`;
    },
  };
}
