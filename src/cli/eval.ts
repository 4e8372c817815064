/**
 * `dunwatch eval`: compare the engine with labelled messages (the ../shared/corpus format):
 * is_collection, lawful (false = unlawful), categories. Reports precision / recall / F1 for
 * collection detection, for "unlawful message" (any finding) and per category, overall and
 * per language, false-alarm rates on lawful collection and on non-collection messages, and
 * the ids of every miss and false alarm.
 */
import { forTerminal } from './terminal';
import { CATEGORIES, type AnalyzeResult, type Category } from '../engine';
import { bootstrapF1, confusion, score, type Counts, type Interval, type Scores } from '../research/metrics';
import type { Label } from '../research/labels';

/** The labels eval reads: the corpus label schema (src/research/labels.ts). */
export type Labelled = Pick<Label, 'id' | 'lang' | 'is_collection' | 'lawful' | 'categories' | 'context_dependent' | 'source_kind'>;
export type { Counts, Scores };
export { score };

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

export interface RuleCount {
  /** messages where the rule fired */
  messages: number;
  /** … of which labelled unlawful collection / lawful collection / not collection */
  unlawful: number;
  lawful: number;
  notCollection: number;
}

export interface EvalReport {
  messages: number;
  overall: Slice;
  byLang: Record<string, Slice>;
  bySourceKind: Record<string, Slice>;
  perRule: Record<string, RuleCount>;
  /** true categories (of unlawful messages; 'none' otherwise) x predicted categories */
  categoryConfusion: Record<string, Record<string, number>>;
  /** seeded percentile bootstrap, 1000 resamples */
  ci: { collection: Interval; unlawful: Interval; unlawfulTextOnly: Interval };
  errors: { id: string; kind: 'missed-unlawful' | 'false-alarm' | 'missed-collection' | 'false-collection' | 'missed-category' | 'wrong-category'; detail: string }[];
}

export function evaluate(items: EvalItem[]): EvalReport {
  const report: EvalReport = { messages: items.length, overall: newSlice(), byLang: {}, bySourceKind: {}, perRule: {}, categoryConfusion: {}, ci: undefined as unknown as EvalReport['ci'], errors: [] };
  const pairs = { collection: [] as [boolean, boolean][], unlawful: [] as [boolean, boolean][], unlawfulTextOnly: [] as [boolean, boolean][] };
  const confusionItems: { truth: string[]; predicted: string[] }[] = [];
  for (const { label, result } of items) {
    const lang = label.lang ?? result.lang;
    const kind = label.source_kind ?? 'unknown';
    const slices = [report.overall, (report.byLang[lang] ??= newSlice()), (report.bySourceKind[kind] ??= newSlice())];
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
        // a flagged scam that imitates a collector is not a false alarm (../shared/corpus/README.md)
        if (flagged && !(label.categories ?? []).includes('scam')) s.nonCollection.flagged++;
      }
    }
    pairs.collection.push([isCollection, result.collection.is]);
    pairs.unlawful.push([unlawful, flagged]);
    if (!label.context_dependent) pairs.unlawfulTextOnly.push([unlawful, flagged]);
    confusionItems.push({ truth: unlawful ? [...trueCats] : [], predicted: [...predictedCats] });
    for (const rule of new Set(result.findings.map((f) => f.rule))) {
      const c = (report.perRule[rule] ??= { messages: 0, unlawful: 0, lawful: 0, notCollection: 0 });
      c.messages++;
      if (unlawful) c.unlawful++;
      else if (isCollection) c.lawful++;
      else c.notCollection++;
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
  report.ci = { collection: bootstrapF1(pairs.collection), unlawful: bootstrapF1(pairs.unlawful), unlawfulTextOnly: bootstrapF1(pairs.unlawfulTextOnly) };
  report.categoryConfusion = confusion(confusionItems);
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
  if (Object.keys(report.bySourceKind).length > 1) for (const [kind, slice] of Object.entries(report.bySourceKind).sort()) out.push(...rows(kind, slice).slice(0, 3), '');
  const ci = (name: string, x: Interval) => `  ${name.padEnd(22)} ${num(x.value)}  [${num(x.lo)}, ${num(x.hi)}]`;
  out.push('F1, 95 % bootstrap interval (1000 resamples, seed 1):', ci('collection', report.ci.collection), ci('unlawful', report.ci.unlawful), ci('unlawful (text-only)', report.ci.unlawfulTextOnly), '');
  out.push(...confusionText(report.categoryConfusion), '');
  out.push(`per rule (messages: unlawful / lawful collection / not collection):`);
  for (const [rule, c] of Object.entries(report.perRule).sort((a, b) => b[1].messages - a[1].messages || (a[0] < b[0] ? -1 : 1))) out.push(`  ${rule.padEnd(40)} ${String(c.messages).padStart(4)}: ${c.unlawful} / ${c.lawful} / ${c.notCollection}`);
  out.push('');
  const kinds = ['missed-unlawful', 'false-alarm', 'missed-category', 'wrong-category', 'missed-collection', 'false-collection'] as const;
  for (const kind of kinds) {
    const list = report.errors.filter((e) => e.kind === kind);
    if (!list.length) continue;
    out.push(`${kind} (${list.length}):`);
    for (const e of list) out.push(`  ${forTerminal(e.id).padEnd(10)} ${forTerminal(e.detail)}`);
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
    bySourceKind: Object.fromEntries(Object.entries(report.bySourceKind).map(([k, v]) => [k, sliceJson(v)])),
    f1Interval95: report.ci,
    categoryConfusion: report.categoryConfusion,
    perRule: report.perRule,
    errors: report.errors,
  };
}

const CONF_COLS = [...CATEGORIES, 'none'];
function confusionText(table: Record<string, Record<string, number>>): string[] {
  const rowsOf = [...CATEGORIES, 'scam', 'none'].filter((r) => table[r]);
  const out = ['category confusion (rows: labelled, columns: found; messages):', `  ${''.padEnd(11)}${CONF_COLS.map((c) => c.slice(0, 6).padStart(7)).join('')}`];
  for (const r of rowsOf) out.push(`  ${r.padEnd(11)}${CONF_COLS.map((c) => String(table[r]?.[c] ?? 0).padStart(7)).join('')}`);
  return out;
}

/** The report as Markdown tables (for pull requests and papers). */
export function formatMarkdown(report: EvalReport): string {
  const f = (n: number) => n.toFixed(3);
  const out = [`# Dunwatch evaluation`, '', `${report.messages} messages.`, '', '| slice | measure | precision | recall | F1 | tp | fp | fn | tn |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  const add = (name: string, s: Slice) => {
    for (const [m, c] of [['collection', s.collection], ['unlawful', s.unlawful], ['unlawful (text-only)', s.unlawfulTextOnly], ...CATEGORIES.filter((k) => s.categories[k].tp + s.categories[k].fp + s.categories[k].fn).map((k) => [k, s.categories[k]] as const)] as const) {
      const x = score(c);
      out.push(`| ${name} | ${m} | ${f(x.precision)} | ${f(x.recall)} | ${f(x.f1)} | ${x.tp} | ${x.fp} | ${x.fn} | ${x.tn} |`);
    }
  };
  add('all', report.overall);
  for (const [k, s] of Object.entries(report.byLang).sort()) add(k, s);
  for (const [k, s] of Object.entries(report.bySourceKind).sort()) add(`source: ${k}`, s);
  out.push('', '## F1 with 95 % bootstrap intervals', '', '| measure | F1 | 95 % interval |', '| --- | --- | --- |');
  for (const [k, v] of Object.entries(report.ci)) out.push(`| ${k} | ${f(v.value)} | ${f(v.lo)} – ${f(v.hi)} |`);
  const rate = (x: { total: number; flagged: number }) => (x.total ? `${((100 * x.flagged) / x.total).toFixed(1)} % (${x.flagged}/${x.total})` : 'n/a');
  out.push('', '## False alarms', '', '| slice | lawful collection | not collection |', '| --- | --- | --- |', `| all | ${rate(report.overall.lawfulCollection)} | ${rate(report.overall.nonCollection)} |`);
  for (const [k, s] of Object.entries(report.byLang).sort()) out.push(`| ${k} | ${rate(s.lawfulCollection)} | ${rate(s.nonCollection)} |`);
  out.push('', '## Category confusion', '', `| labelled \\ found | ${CONF_COLS.join(' | ')} |`, `| --- |${CONF_COLS.map(() => ' --- |').join('')}`);
  for (const r of [...CATEGORIES, 'scam', 'none'].filter((x) => report.categoryConfusion[x])) out.push(`| ${r} | ${CONF_COLS.map((c) => report.categoryConfusion[r]?.[c] ?? 0).join(' | ')} |`);
  out.push('', '## Per rule', '', '| rule | messages | unlawful | lawful collection | not collection |', '| --- | --- | --- | --- | --- |');
  for (const [rule, c] of Object.entries(report.perRule).sort((a, b) => b[1].messages - a[1].messages || (a[0] < b[0] ? -1 : 1))) out.push(`| ${rule} | ${c.messages} | ${c.unlawful} | ${c.lawful} | ${c.notCollection} |`);
  out.push('', '## Errors', '');
  for (const e of report.errors) out.push(`- \`${forTerminal(e.id)}\` ${e.kind}: ${forTerminal(e.detail.replace(/\|/g, '\\|').replace(/\n/g, ' '))}`);
  return out.join('\n') + '\n';
}
