/**
 * Per-rule match counts over the regression corpora: ../shared/corpus/real-dev.jsonl and the two
 * ordinary-message corpora ordinary-dev-en.jsonl and ordinary-dev-zh.jsonl (when the shared folder
 * exists), and tests/corpus/benign.jsonl. Used by tests/corpus.test.ts and by
 * `npm run corpus:update`, which rewrites tests/corpus/expected-counts.json.
 * The same pass lists the false alarms on the ordinary corpora: flagged messages not marked scam.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/engine';
import { loadBundleFromDisk, REPO_ROOT } from '../../src/rule-compiler/load';

/** ../shared/corpus beside the repository (DUNWATCH_SHARED_CORPUS overrides, e.g. in a git worktree) */
export const SHARED_CORPUS_DIR = process.env.DUNWATCH_SHARED_CORPUS ?? join(REPO_ROOT, '..', 'shared', 'corpus');
export const CORPORA: Record<string, string> = {
  'real-dev': join(SHARED_CORPUS_DIR, 'real-dev.jsonl'),
  'ordinary-dev-en': join(SHARED_CORPUS_DIR, 'ordinary-dev-en.jsonl'),
  'ordinary-dev-zh': join(SHARED_CORPUS_DIR, 'ordinary-dev-zh.jsonl'),
  benign: join(REPO_ROOT, 'tests', 'corpus', 'benign.jsonl'),
};
/** Corpora that live in the shared folder, outside the repository (absent on a fresh clone). */
export const SHARED_CORPORA = Object.keys(CORPORA).filter((name) => CORPORA[name]!.startsWith(SHARED_CORPUS_DIR));
/** Real messages that are not debt collection: every flagged one that is not a scam is a false alarm. */
export const ORDINARY_CORPORA = ['ordinary-dev-en', 'ordinary-dev-zh'];
/** Issue 11's target: at most 0.3 % of the messages of each ordinary corpus flagged (scams aside). */
export const FALSE_ALARM_LIMIT = 0.003;
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

export interface CorpusRun {
  counts: CorpusCounts;
  /** messages labelled `scam` (categories) */
  scam: number;
  /** flagged messages not labelled `scam`, with the rules that fired */
  flaggedNotScam: { id: string; rules: string[] }[];
}

interface Line {
  id?: string;
  text: string;
  categories?: string[];
}

export function countCorpus(engine: Engine, file: string): CorpusRun {
  const counts: CorpusCounts = { messages: 0, flagged: 0, collection: 0, rules: {} };
  const run: CorpusRun = { counts, scam: 0, flaggedNotScam: [] };
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    let item: Line;
    try {
      item = JSON.parse(line) as Line;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    if (typeof item.text !== 'string') throw new Error(`${file}:${i + 1}: no "text" string`);
    const r = engine.analyze(item.text);
    const rules = [...new Set(r.findings.map((f) => f.rule))];
    const scam = item.categories?.includes('scam') ?? false;
    counts.messages++;
    if (scam) run.scam++;
    if (r.findings.length) counts.flagged++;
    if (r.findings.length && !scam) run.flaggedNotScam.push({ id: item.id ?? `line ${i + 1}`, rules });
    if (r.collection.is) counts.collection++;
    for (const rule of rules) counts.rules[rule] = (counts.rules[rule] ?? 0) + 1;
  }
  counts.rules = Object.fromEntries(Object.entries(counts.rules).sort(([a], [b]) => (a < b ? -1 : 1)));
  return run;
}

/** Counts for every corpus that exists here. */
export async function countAll(): Promise<Record<string, CorpusRun>> {
  const engine = createEngine(await loadBundleFromDisk());
  const out: Record<string, CorpusRun> = {};
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
