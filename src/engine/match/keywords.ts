/**
 * The cheap prefilter: one pass of one regular expression over the normalised text finds
 * every rule keyword; only rules with a keyword present are tried.
 */
import type { CompiledRule } from '../types';

export interface KeywordIndex {
  re: RegExp;
  /** keyword -> every keyword it contains (a hit on "jailed" is also a hit on "jail") */
  contained: Map<string, string[]>;
  rulesByKeyword: Map<string, CompiledRule[]>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_START = /^[a-z0-9]/;

/** Is `other` a keyword hit inside `kw`? Latin keywords only count where a word starts ("credit bureau" holds "bureau", "deadbeat" does not hold "beat"). */
function containsKeyword(kw: string, other: string): boolean {
  if (!WORD_START.test(other)) return kw.includes(other);
  for (let i = kw.indexOf(other); i >= 0; i = kw.indexOf(other, i + 1)) if (i === 0 || !/[a-z0-9]/.test(kw[i - 1]!)) return true;
  return false;
}

export function buildKeywordIndex(rules: readonly CompiledRule[]): KeywordIndex {
  const rulesByKeyword = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    for (const kw of rule.keywords) {
      const list = rulesByKeyword.get(kw) ?? [];
      list.push(rule);
      rulesByKeyword.set(kw, list);
    }
  }
  const keywords = [...rulesByKeyword.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const contained = new Map<string, string[]>();
  for (const kw of keywords) contained.set(kw, keywords.filter((other) => containsKeyword(kw, other)));
  // An index with no keywords must match nothing, not the empty string.
  // A lookahead: every position is tried, so overlapping keywords are all found ("家人身安全"
  // holds 家人 and 人身安全; a consuming match of 家人 would hide 人身安全). At each position the
  // longest keyword wins, and `contained` adds the shorter ones inside it.
  // A Latin keyword starts a word: "rest" is not a hit inside "arrested", nor "ice" inside
  // "notice" (a keyword may still be a stem: "harass" finds "harassment").
  // One lookbehind in front of all Latin keywords (one per keyword made the scan ~100x slower:
  // V8 then tries every alternative at every position).
  const latin = keywords.filter((k) => WORD_START.test(k)).map(escape);
  const other = keywords.filter((k) => !WORD_START.test(k)).map(escape);
  const alternatives = [...(latin.length ? [`(?<![a-z0-9])(?:${latin.join('|')})`] : []), ...other];
  const re = new RegExp(keywords.length ? `(?=(${alternatives.join('|')}))` : '(?!)', 'g');
  return { re, contained, rulesByKeyword };
}

export interface KeywordHits {
  rules: Set<CompiledRule>;
  /** positions (normalised text) where some keyword of an English rule starts */
  positions: number[];
  /** the same positions, per rule whose keyword starts there */
  byRule: Map<CompiledRule, number[]>;
}

export function findKeywords(index: KeywordIndex, text: string): KeywordHits {
  const rules = new Set<CompiledRule>();
  const positions: number[] = [];
  const byRule = new Map<CompiledRule, number[]>();
  const rulesOf = new Map<string, CompiledRule[]>();
  index.re.lastIndex = 0;
  for (let m = index.re.exec(text); m; m = index.re.exec(text)) {
    // the match is empty (a lookahead): step past it by hand
    index.re.lastIndex = m.index + 1;
    const kw = m[1]!;
    positions.push(m.index);
    let list = rulesOf.get(kw);
    if (!list) {
      list = [...new Set((index.contained.get(kw) ?? [kw]).flatMap((k) => index.rulesByKeyword.get(k) ?? []))];
      rulesOf.set(kw, list);
      for (const r of list) rules.add(r);
    }
    for (const r of list) {
      const at = byRule.get(r);
      if (!at) byRule.set(r, [m.index]);
      else if (at.at(-1) !== m.index) at.push(m.index);
    }
  }
  return { rules, positions, byRule };
}
