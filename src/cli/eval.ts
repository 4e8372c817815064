/**
 * `dunwatch eval`: compare the engine with labelled messages (the ../shared/corpus format):
 * is_collection, lawful (false = unlawful), categories. Reports precision / recall / F1 for
 * collection detection, for "unlawful message" (any finding) and per category, overall and
 * per language, false-alarm rates on lawful collection and on non-collection messages, and
 * the ids of every miss and false alarm.
 */
import { CATEGORIES, type AnalyzeResult, type Category } from '../engine';

export interface Labelled {
  id: string;
  lang?: string;
  is_collection?: boolean;
  lawful?: boolean | null;
  categories?: string[];
  context_dependent?: boolean;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function score(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : c.fn ? 0 : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function add(c: Counts, truth: boolean, predicted: boolean): void {
  if (truth && predicted) c.tp++;
  else if (!truth && predicted) c.fp++;
  else if (truth && !predicted) c.fn++;
  else c.tn++;
}

export interface EvalItem {
  label: Labelled;
  result: AnalyzeResult;
}

interface Slice {
  collection: Counts;
  unlawful: Counts;
  /** unlawful, counting only messages whose violation is visible in the text */
  unlawfulTextOnly: Counts;
  categories: Record<Category, Counts>;
  lawfulCollection: { total: number; flagged: number };
  nonCollection: { total: number; flagged: number };
}

const newSlice = (): Slice => ({
  collection: empty(),
  unlawful: empty(),
  unlawfulTextOnly: empty(),
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, empty()])) as Record<Category, Counts>,
  lawfulCollection: { total: 0, flagged: 0 },
  nonCollection: { total: 0, flagged: 0 },
});

export interface EvalReport {
  messages: number;
  overall: Slice;
  byLang: Record<string, Slice>;
  errors: { id: string; kind: 'missed-unlawful' | 'false-alarm' | 'missed-collection' | 'false-collection' | 'missed-category' | 'wrong-category'; detail: string }[];
}

export function evaluate(items: EvalItem[]): EvalReport {
  const report: EvalReport = { messages: items.length, overall: newSlice(), byLang: {}, errors: [] };
  for (const { label, result } of items) {
    const lang = label.lang ?? result.lang;
    const slices = [report.overall, (report.byLang[lang] ??= newSlice())];
    const isCollection = Boolean(label.is_collection);
    const unlawful = isCollection && label.lawful === false;
    const flagged = result.findings.length > 0;
    const predictedCats = new Set(result.findings.map((f) => f.category));
    const trueCats = new Set((label.categories ?? []).filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c)));
    for (const s of slices) {
      add(s.collection, isCollection, result.collection.is);
      add(s.unlawful, unlawful, flagged);
      if (!label.context_dependent) add(s.unlawfulTextOnly, unlawful, flagged);
      if (unlawful || !isCollection || label.lawful === true) for (const c of CATEGORIES) add(s.categories[c], unlawful && trueCats.has(c), predictedCats.has(c));
      if (isCollection && label.lawful === true) {
        s.lawfulCollection.total++;
        if (flagged) s.lawfulCollection.flagged++;
      }
      if (!isCollection) {
        s.nonCollection.total++;
        if (flagged) s.nonCollection.flagged++;
      }
    }
    const rules = result.findings.map((f) => `${f.rule} "${f.excerpt}"`).join('; ');
    if (unlawful && !flagged) report.errors.push({ id: label.id, kind: 'missed-unlawful', detail: `expected ${[...trueCats].join(', ') || 'a finding'}${label.context_dependent ? ' (context-dependent)' : ''}` });
    if (!unlawful && flagged) report.errors.push({ id: label.id, kind: 'false-alarm', detail: rules });
    if (unlawful && flagged) {
      const missing = [...trueCats].filter((c) => !predictedCats.has(c));
      const extra = [...predictedCats].filter((c) => !trueCats.has(c));
      if (missing.length) report.errors.push({ id: label.id, kind: 'missed-category', detail: missing.join(', ') });
      if (extra.length) report.errors.push({ id: label.id, kind: 'wrong-category', detail: `${extra.join(', ')}: ${rules}` });
    }
    if (isCollection && !result.collection.is) report.errors.push({ id: label.id, kind: 'missed-collection', detail: `score ${result.collection.score} [${result.collection.cues.join(' ')}]` });
    if (!isCollection && result.collection.is) report.errors.push({ id: label.id, kind: 'false-collection', detail: `score ${result.collection.score} [${result.collection.cues.join(' ')}]` });
  }
  return report;
}

const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
const num = (n: number) => n.toFixed(3);

function rows(name: string, s: Slice): string[] {
  const line = (label: string, c: Counts) => {
    const x = score(c);
    return `${(name + ' ' + label).padEnd(32)} ${num(x.precision)}  ${num(x.recall)}  ${num(x.f1)}   ${String(x.tp).padStart(3)} ${String(x.fp).padStart(3)} ${String(x.fn).padStart(3)} ${String(x.tn).padStart(4)}`;
  };
  const out = [line('collection', s.collection), line('unlawful', s.unlawful), line('unlawful (text-only)', s.unlawfulTextOnly)];
  for (const c of CATEGORIES) {
    const k = s.categories[c];
    if (k.tp + k.fp + k.fn) out.push(line(`  ${c}`, k));
  }
  const rate = (x: { total: number; flagged: number }) => (x.total ? `${pct(x.flagged / x.total)} % (${x.flagged}/${x.total})` : 'n/a');
  out.push(`${(name + ' false alarms, lawful collection').padEnd(32)} ${rate(s.lawfulCollection)}`);
  out.push(`${(name + ' false alarms, not collection').padEnd(32)} ${rate(s.nonCollection)}`);
  return out;
}

export function formatReport(report: EvalReport): string {
  const out = [`${report.messages} messages`, '', `${''.padEnd(32)} prec   recall  F1        tp  fp  fn   tn`];
  out.push(...rows('all', report.overall), '');
  for (const [lang, slice] of Object.entries(report.byLang).sort()) out.push(...rows(lang, slice), '');
  const kinds = ['missed-unlawful', 'false-alarm', 'missed-category', 'wrong-category', 'missed-collection', 'false-collection'] as const;
  for (const kind of kinds) {
    const list = report.errors.filter((e) => e.kind === kind);
    if (!list.length) continue;
    out.push(`${kind} (${list.length}):`);
    for (const e of list) out.push(`  ${e.id.padEnd(10)} ${e.detail}`);
    out.push('');
  }
  return out.join('\n');
}

export function reportJson(report: EvalReport): unknown {
  const sliceJson = (s: Slice) => ({
    collection: score(s.collection),
    unlawful: score(s.unlawful),
    unlawfulTextOnly: score(s.unlawfulTextOnly),
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, score(s.categories[c])])),
    falseAlarmRate: {
      lawfulCollection: s.lawfulCollection.total ? s.lawfulCollection.flagged / s.lawfulCollection.total : null,
      nonCollection: s.nonCollection.total ? s.nonCollection.flagged / s.nonCollection.total : null,
    },
  });
  return {
    messages: report.messages,
    overall: sliceJson(report.overall),
    byLang: Object.fromEntries(Object.entries(report.byLang).map(([k, v]) => [k, sliceJson(v)])),
    errors: report.errors,
  };
}
