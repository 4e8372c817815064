/**
 * English rules: compromise match syntax, run with compromise/one (tokenizer + matcher,
 * no tagger: 30 kB gzipped, ~1 ms a message). Lemmas were expanded at build time, so
 * "{arrest}" already lists arrest|arrests|arrested|arresting. Only the sentences around
 * keyword hits are parsed, which keeps huge messages linear and ordinary mail nearly free.
 */
import nlpOne from 'compromise/one';
import type { CompiledRule } from '../types';
import { sentenceAround } from '../context';

export type Nlp = typeof nlpOne;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}]/gu;
export interface RawMatch {
  rule: CompiledRule;
  from: number;
  to: number;
}

interface TermLike {
  offset?: { start: number; length: number };
}
interface ViewLike {
  docs: TermLike[][];
  fullPointer: unknown[];
  compute(method: string): unknown;
  match(p: unknown): ViewLike;
  update(pointer: unknown[]): ViewLike;
}

const MAX_WINDOW = 1200;

/** At most MAX_WINDOW characters of the sentence around p, cut at spaces. */
function pieceAround(text: string, p: number, s: { start: number; end: number }): { start: number; end: number } {
  let start = Math.max(s.start, p - MAX_WINDOW / 2);
  let end = Math.min(s.end, p + MAX_WINDOW / 2);
  if (start > s.start) {
    const sp = text.indexOf(' ', start);
    if (sp >= 0 && sp < p) start = sp + 1;
  }
  if (end < s.end) {
    const sp = text.lastIndexOf(' ', end);
    if (sp > p) end = sp;
  }
  return { start, end };
}

/** Merge the sentences around every keyword hit into a few windows of the text. */
export function windowsAround(text: string, positions: readonly number[]): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  for (const p of [...positions].sort((a, b) => a - b)) {
    const last = windows.at(-1);
    if (last && p < last.end) continue;
    let s = sentenceAround(text, p, p);
    // compromise's matcher grows faster than linearly on one huge "sentence" (80 000 chars
    // without a full stop: 40x the time of 40 000): parse only a piece around the keyword
    if (s.end - s.start > MAX_WINDOW) s = pieceAround(text, p, s);
    // one sentence of context on the left, so "warrant … for your arrest" across a comma still parses whole
    const start = Math.max(0, s.start);
    // merge overlapping or adjacent windows, but never into one huge window (see MAX_WINDOW)
    if (last && start <= last.end && (s.end - last.start <= 4 * MAX_WINDOW || s.end <= last.end)) last.end = Math.max(last.end, s.end);
    else windows.push({ start, end: s.end });
  }
  return windows;
}

function spans(view: ViewLike, offset: number): { from: number; to: number }[] {
  view.compute('offset');
  const out: { from: number; to: number }[] = [];
  for (const terms of view.docs) {
    const real = terms.filter((t) => t.offset && t.offset.length > 0);
    const first = real[0]?.offset;
    const last = real.at(-1)?.offset;
    if (first && last) out.push({ from: offset + first.start, to: offset + last.start + last.length });
  }
  return out;
}

interface Reg {
  word?: string;
  fastOr?: Set<string>;
  choices?: Reg[][];
  optional?: boolean;
  negative?: boolean;
  fuzzy?: boolean;
  anything?: boolean;
  use?: string;
  min?: number;
}

/**
 * The words a pattern cannot match without: one set per required term (a word, a choice of
 * words, or a choice of phrases by their first words). A sentence that lacks every word of
 * one set cannot hold a match. compromise's own cache check ignores choices of phrases
 * ("(you are|you're) (a|an)? (dead beat|low life|…)"), which are most of our patterns.
 */
function requiredWordSets(regs: Reg[]): Set<string>[] {
  const words = (r: Reg | undefined): string[] | undefined => {
    if (!r || r.optional || r.negative || r.fuzzy || r.anything || r.use || r.min === 0) return undefined;
    if (r.word !== undefined) return [r.word];
    if (r.fastOr) return [...r.fastOr];
    if (r.choices) {
      const out: string[] = [];
      for (const seq of r.choices) {
        const first = words(seq[0]);
        if (!first) return undefined;
        out.push(...first);
      }
      return out;
    }
    return undefined;
  };
  const sets: Set<string>[] = [];
  for (const r of regs) {
    const w = words(r);
    if (w?.length) sets.push(new Set(w));
  }
  // the rarest-looking (smallest) sets first: most sentences fail on them
  return sets.sort((a, b) => a.size - b.size);
}

/**
 * compromise takes the first alternative of a choice that fits and never comes back to try
 * another: "(you|you are) (so)? useless" fails on "you are so useless", because "you" fits
 * and "are" then fails. Longer alternatives first ("you are" before "you") fix that.
 */
function longestChoicesFirst(regs: Reg[]): Reg[] {
  for (const r of regs) {
    if (!r.choices) continue;
    for (const seq of r.choices) longestChoicesFirst(seq);
    const size = (seq: Reg[]) => seq.filter((x) => !x.optional).length;
    // a stable sort: alternatives of the same length keep the author's order
    r.choices = r.choices.map((seq, i) => ({ seq, i })).sort((a, b) => size(b.seq) - size(a.seq) || a.i - b.i).map((x) => x.seq);
  }
  return regs;
}

interface CompiledPattern {
  parsed: unknown;
  needs: Set<string>[];
}

// A pattern string is parsed by compromise on every .match(string): parse each one once.
const parsedByNlp = new WeakMap<Nlp, Map<string, CompiledPattern>>();
/**
 * The word sets of each pattern, computed at build time (issue #14): the first analysis after a
 * service-worker wake then parses only the few patterns a sentence has the words for, not every
 * pattern of every rule whose keyword occurs (that parsing was most of its cost).
 */
let preparedNeeds: ((pattern: string) => readonly (readonly string[])[] | undefined) | undefined;
export function usePreparedPatterns(lookup: typeof preparedNeeds): void {
  preparedNeeds = lookup;
}
/** What the build stores for a pattern: the words it cannot match without (see requiredWordSets). */
export function patternNeeds(nlp: Nlp, pattern: string): string[][] {
  return requiredWordSets(longestChoicesFirst(nlp.parseMatch(pattern) as unknown as Reg[])).map((set) => [...set]);
}
function compiledPatterns(nlp: Nlp): (pattern: string) => CompiledPattern {
  let cache = parsedByNlp.get(nlp);
  if (!cache) parsedByNlp.set(nlp, (cache = new Map()));
  const c = cache;
  const parse = (pattern: string) => longestChoicesFirst(nlp.parseMatch(pattern) as unknown as Reg[]);
  return (pattern) => {
    let compiled = c.get(pattern);
    if (compiled === undefined) {
      const needs = preparedNeeds?.(pattern);
      if (needs) {
        let regs: Reg[] | undefined;
        compiled = { needs: needs.map((words) => new Set(words)), get parsed() { return (regs ??= parse(pattern)); } };
      } else {
        const regs = parse(pattern);
        compiled = { parsed: regs, needs: requiredWordSets(regs) };
      }
      c.set(pattern, compiled);
    }
    return compiled;
  };
}

interface TermWords {
  text?: string;
  normal?: string;
  machine?: string | null;
  implicit?: string | null;
  root?: string | null;
  alias?: string[];
}

/** Every form of every word of a sentence that a pattern word can match. */
function sentenceWords(terms: TermWords[]): Set<string> {
  const out = new Set<string>();
  for (const t of terms) {
    if (t.normal) out.add(t.normal);
    if (t.text) out.add(t.text);
    if (t.machine) out.add(t.machine);
    if (t.implicit) out.add(t.implicit);
    if (t.root) out.add(t.root);
    for (const a of t.alias ?? []) out.add(a);
  }
  return out;
}

/** [from, to) of each sentence compromise found in a window, in text offsets. */
function sentenceBounds(doc: ViewLike, offset: number): { from: number; to: number }[] {
  doc.compute('offset');
  return doc.docs.map((terms) => {
    const real = terms.filter((t) => t.offset);
    const first = real[0]?.offset;
    const last = real.at(-1)?.offset;
    return first && last ? { from: offset + first.start, to: offset + last.start + last.length } : { from: 0, to: 0 };
  });
}

/** The sentences (by index) that hold one of the positions (both ascending). */
function sentencesHolding(bounds: { from: number; to: number }[], positions: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  for (let n = 0; n < bounds.length; n++) {
    const b = bounds[n]!;
    while (i < positions.length && positions[i]! < b.from) i++;
    if (i < positions.length && positions[i]! < b.to) out.push(n);
  }
  return out;
}

function hasAll(needs: Set<string>[], words: Set<string>): boolean {
  for (const need of needs) {
    let found = false;
    const [small, big] = need.size < words.size ? [need, words] : [words, need];
    for (const w of small) {
      if (big.has(w)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

export function matchEnglish(
  text: string,
  rules: readonly CompiledRule[],
  positions: readonly number[],
  nlp: Nlp,
  /** where each rule's own keywords start: a rule then runs only on the sentences holding one */
  positionsByRule?: ReadonlyMap<CompiledRule, readonly number[]>,
): { matches: RawMatch[]; blocked: RawMatch[] } {
  const matches: RawMatch[] = [];
  const blocked: RawMatch[] = [];
  if (!rules.length) return { matches, blocked };
  // Rules without #Tags need only the tokenizer (with contractions). nlp() would also run every
  // compute hook, and in ESM 'compromise/one' shares its world with 'compromise': once anything
  // in the process imports the full build (the rule compiler, the CLI), nlp() runs the whole
  // part-of-speech tagger, ~10x slower. nlp.tokenize() stays a tokenizer.
  const tagged = rules.some((r) => r.needsTagger);
  const parse = (s: string) => (tagged ? nlp(s) : nlp.tokenize(s)) as unknown as ViewLike;
  const compiled = compiledPatterns(nlp);
  for (const w of windowsAround(text, positions)) {
    // CJK characters and emoji glued to English words ("𠀀Your", "你owe") would join the word; blank them
    // out with the same number of UTF-16 units so offsets do not move
    const doc = parse(text.slice(w.start, w.end).replace(CJK, (c) => ' '.repeat(c.length)));
    // tokenised once per window; each pattern then runs only on the sentences holding its required words
    const sentences = doc.docs.map((terms) => sentenceWords(terms as TermWords[]));
    const pointers = doc.fullPointer;
    const bounds = positionsByRule ? sentenceBounds(doc, w.start) : [];
    const run = (pattern: string, into: RawMatch[], rule: CompiledRule, candidates: readonly number[]) => {
      const compiledPattern = compiled(pattern);
      const keep = candidates.filter((n) => hasAll(compiledPattern.needs, sentences[n]!));
      if (!keep.length) return;
      const view = keep.length === sentences.length ? doc : doc.update(keep.map((n) => pointers[n]));
      for (const s of spans(view.match(compiledPattern.parsed), w.start)) into.push({ rule, ...s });
    };
    const all = sentences.map((_s, n) => n);
    for (const rule of rules) {
      // every match holds one of the rule's keywords, and a match stays inside one sentence
      const own = positionsByRule ? sentencesHolding(bounds, positionsByRule.get(rule) ?? []) : all;
      if (!own.length) continue;
      for (const p of rule.patterns) run(p, matches, rule, own);
      for (const p of rule.unless) run(p, blocked, rule, own);
    }
  }
  return { matches, blocked };
}
