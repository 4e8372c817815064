/**
 * Per-rule match counts over the regression corpora: ../shared/corpus/real-dev.jsonl (when the
 * shared folder exists) and tests/corpus/benign.jsonl. Used by tests/corpus.test.ts and by
 * `npm run corpus:update`, which rewrites tests/corpus/expected-counts.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/engine';
import { loadBundleFromDisk, REPO_ROOT } from '../../src/rule-compiler/load';

/** ../shared/corpus beside the repository (DUNWATCH_SHARED_CORPUS overrides, e.g. in a git worktree) */
export const SHARED_CORPUS_DIR = process.env.DUNWATCH_SHARED_CORPUS ?? join(REPO_ROOT, '..', 'shared', 'corpus');
export const CORPORA: Record<string, string> = {
  'real-dev': join(SHARED_CORPUS_DIR, 'real-dev.jsonl'),
  benign: join(REPO_ROOT, 'tests', 'corpus', 'benign.jsonl'),
};
export const SNAPSHOT = join(REPO_ROOT, 'tests', 'corpus', 'expected-counts.json');
export const UPDATE_COMMAND = 'npm run corpus:update';

export interface CorpusCounts {
  messages: number;
  /** messages with at least one finding */
  flagged: number;
  /** messages judged collection messages */
  collection: number;
  /** messages on which each rule fired */
  rules: Record<string, number>;
}

export function countCorpus(engine: Engine, file: string): CorpusCounts {
  const counts: CorpusCounts = { messages: 0, flagged: 0, collection: 0, rules: {} };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line) as { text: string };
    const r = engine.analyze(text);
    counts.messages++;
    if (r.findings.length) counts.flagged++;
    if (r.collection.is) counts.collection++;
    for (const rule of new Set(r.findings.map((f) => f.rule))) counts.rules[rule] = (counts.rules[rule] ?? 0) + 1;
  }
  counts.rules = Object.fromEntries(Object.entries(counts.rules).sort(([a], [b]) => (a < b ? -1 : 1)));
  return counts;
}

/** Counts for every corpus that exists here. */
export async function countAll(): Promise<Record<string, CorpusCounts>> {
  const engine = createEngine(await loadBundleFromDisk());
  const out: Record<string, CorpusCounts> = {};
  for (const [name, file] of Object.entries(CORPORA)) if (existsSync(file)) out[name] = countCorpus(engine, file);
  return out;
}

/** Readable differences between the snapshot and now ([] when equal). */
export function describeChanges(name: string, expected: CorpusCounts, actual: CorpusCounts): string[] {
  const out: string[] = [];
  for (const k of ['messages', 'flagged', 'collection'] as const) if (expected[k] !== actual[k]) out.push(`${name}: ${k} ${expected[k]} -> ${actual[k]}`);
  const rules = new Set([...Object.keys(expected.rules), ...Object.keys(actual.rules)]);
  for (const r of [...rules].sort()) {
    const a = expected.rules[r] ?? 0;
    const b = actual.rules[r] ?? 0;
    if (a !== b) out.push(`${name}: ${r} ${a} -> ${b} message${b === 1 ? '' : 's'} (${b > a ? '+' : ''}${b - a})`);
  }
  return out;
}
