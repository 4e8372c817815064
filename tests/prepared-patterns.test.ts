/**
 * The word sets prepared at build time for each English pattern (issue #14) are what the engine
 * computes at run time, and an engine that uses them finds exactly what one without them finds.
 */
import nlp from 'compromise/one';
import { describe, expect, it, vi } from 'vitest';
import { bundle } from '../src/engine/bundled';
import { patternNeeds } from '../src/engine/match/english';
import { preparedLookup } from '../src/engine/match/prepared-patterns';
import { preparedTable } from '../src/rule-compiler/prepared-patterns-plugin';

const patterns = [...new Set(bundle.rules.filter((r) => r.lang === 'en').flatMap((r) => [...r.patterns, ...r.unless]))];
const examples = bundle.rules
  .flatMap((r) => [...r.examples.hit, ...r.examples.miss, ...(r.examples['todo-hit'] ?? []), ...(r.examples['todo-miss'] ?? [])])
  .map((e) => e.replace(/\[\[|\]\]/g, ''));

describe('prepared English patterns', () => {
  it('the build table holds every English pattern with the word sets the engine computes', async () => {
    expect(patterns.length).toBeGreaterThan(100);
    const table = await preparedTable(bundle);
    expect(Object.keys(table).sort()).toEqual([...patterns].sort());
    const lookup = preparedLookup(table);
    for (const p of patterns) expect(lookup(p), p).toEqual(patternNeeds(nlp, p));
    expect(lookup('not a pattern of any rule')).toBeUndefined();
    expect(lookup('constructor')).toBeUndefined();
  });

  it('an engine using the table gives the same findings and suppressions as one without, on every example', async () => {
    const table = await preparedTable(bundle);
    const run = async (withTable: boolean) => {
      vi.resetModules();
      const english = await import('../src/engine/match/english');
      const { createEngine } = await import('../src/engine/engine');
      english.usePreparedPatterns(withTable ? preparedLookup(table) : undefined);
      const engine = createEngine(bundle);
      return examples.map((e) => {
        const r = engine.analyze(e, { context: { collection: true } });
        return { findings: r.findings.map((f) => `${f.rule} ${f.start}-${f.end}`), suppressed: r.suppressed };
      });
    };
    const without = await run(false);
    expect(await run(true)).toEqual(without);
    expect(without.flatMap((r) => r.findings).length).toBeGreaterThan(100);
  });
});
