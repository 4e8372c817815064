/**
 * The cheap prefilter: one pass of a regular expression over the normalised text finds every
 * rule keyword; only rules with a keyword present are tried.
 *
 * Nothing heavy happens when the index is built (issue #14: it ran at every service-worker wake):
 * the Latin and the other (Chinese) keywords each get their own expression, compiled on the first
 * text that could hold one of them, and what a keyword contains is worked out on its first hit.
 */
import type { CompiledRule } from '../types';

/** One expression over the keywords that start with the same kind of character, built on first use. */
interface Scan {
  keywords: string[];
  /** can the text hold one of these keywords at all? (no: the expression is never compiled) */
  mayHold: (text: string) => boolean;
  source: () => string;
  re?: RegExp;
}

export interface KeywordIndex {
  scans: Scan[];
  /** keyword -> every keyword it contains (a hit on "jailed" is also a hit on "jail"); filled on a keyword's first hit */
  contained: Map<string, string[]>;
  rulesByKeyword: Map<string, CompiledRule[]>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_START = /^[a-z0-9]/;
const LATIN_CHAR = /[a-z0-9]/;

/** Is `other` a keyword hit inside `kw`? Latin keywords only count where a word starts ("credit bureau" holds "bureau", "deadbeat" does not hold "beat"). */
function containsKeyword(kw: string, other: string): boolean {
  if (!WORD_START.test(other)) return kw.includes(other);
  for (let i = kw.indexOf(other); i >= 0; i = kw.indexOf(other, i + 1)) if (i === 0 || !/[a-z0-9]/.test(kw[i - 1]!)) return true;
  return false;
}

const longestFirst = (a: string, b: string) => b.length - a.length;

export function buildKeywordIndex(rules: readonly CompiledRule[]): KeywordIndex {
  const rulesByKeyword = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    for (const kw of rule.keywords) {
      const list = rulesByKeyword.get(kw) ?? [];
      list.push(rule);
      rulesByKeyword.set(kw, list);
    }
  }
  const keywords = [...rulesByKeyword.keys()];
  // A lookahead: every position is tried, so overlapping keywords are all found ("家人身安全"
  // holds 家人 and 人身安全; a consuming match of 家人 would hide 人身安全). At each position the
  // longest keyword wins (alternatives longest first), and `contained` adds the shorter ones inside it.
  // A Latin keyword starts a word: "rest" is not a hit inside "arrested", nor "ice" inside
  // "notice" (a keyword may still be a stem: "harass" finds "harassment").
  // One lookbehind in front of all Latin keywords (one per keyword made the scan ~100x slower:
  // V8 then tries every alternative at every position).
  // A Latin and an other keyword never start at the same position (their first characters
  // differ), so two expressions find exactly what one over all keywords found.
  const latin = keywords.filter((k) => WORD_START.test(k));
  const other = keywords.filter((k) => !WORD_START.test(k));
  const scans: Scan[] = [];
  if (latin.length) {
    scans.push({
      keywords: latin,
      mayHold: (text) => LATIN_CHAR.test(text),
      source: () => `(?=((?<![a-z0-9])(?:${latin.sort(longestFirst).map(escape).join('|')})))`,
    });
  }
  if (other.length) {
    // the first UTF-16 unit of each keyword: a text with none of them holds none of the keywords
    const firsts = new RegExp(`[${[...new Set(other.map((k) => k[0]!))].map((c) => c.replace(/[\]\\^-]/g, '\\$&')).join('')}]`);
    scans.push({
      keywords: other,
      mayHold: (text) => firsts.test(text),
      source: () => `(?=(${other.sort(longestFirst).map(escape).join('|')}))`,
    });
  }
  return { scans, contained: new Map(), rulesByKeyword };
}

/**
 * The keywords inside `kw` (itself included), longest first and, at one length, in
 * localeCompare order (the Collator is made only when two have the same length: making one
 * costs ~7 ms). Every substring of `kw` that is a keyword and counts there.
 */
let collate: ((a: string, b: string) => number) | undefined;
function containedIn(index: KeywordIndex, kw: string): string[] {
  let list = index.contained.get(kw);
  if (list) return list;
  const found = new Set<string>();
  for (let i = 0; i < kw.length; i++) {
    for (let j = i + 1; j <= kw.length; j++) {
      const other = kw.slice(i, j);
      if (!found.has(other) && index.rulesByKeyword.has(other) && containsKeyword(kw, other)) found.add(other);
    }
  }
  list = [...found].sort((a, b) => b.length - a.length || (collate ??= new Intl.Collator().compare)(a, b));
  index.contained.set(kw, list);
  return list;
}

export interface KeywordHits {
  rules: Set<CompiledRule>;
  /** positions (normalised text) where some keyword of an English rule starts */
  positions: number[];
  /** the same positions, per rule whose keyword starts there */
  byRule: Map<CompiledRule, number[]>;
}

/** Every keyword hit of one scan, as [position, keyword], in text order. */
function hitsOf(scan: Scan, text: string): [number, string][] {
  if (!scan.mayHold(text)) return [];
  const re = (scan.re ??= new RegExp(scan.source(), 'g'));
  const out: [number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // the match is empty (a lookahead): step past it by hand
    re.lastIndex = m.index + 1;
    out.push([m.index, m[1]!]);
  }
  return out;
}

export function findKeywords(index: KeywordIndex, text: string): KeywordHits {
  const rules = new Set<CompiledRule>();
  const positions: number[] = [];
  const byRule = new Map<CompiledRule, number[]>();
  const rulesOf = new Map<string, CompiledRule[]>();
  const [a = [], b = []] = index.scans.map((s) => hitsOf(s, text));
  // the two scans in text order, as the one expression over all keywords gave them
  const hits = !a.length ? b : !b.length ? a : [...a, ...b].sort((x, y) => x[0] - y[0]);
  for (const [at, kw] of hits) {
    positions.push(at);
    let list = rulesOf.get(kw);
    if (!list) {
      list = [...new Set(containedIn(index, kw).flatMap((k) => index.rulesByKeyword.get(k) ?? []))];
      rulesOf.set(kw, list);
      for (const r of list) rules.add(r);
    }
    for (const r of list) {
      const seen = byRule.get(r);
      if (!seen) byRule.set(r, [at]);
      else if (seen.at(-1) !== at) seen.push(at);
    }
  }
  return { rules, positions, byRule };
}
