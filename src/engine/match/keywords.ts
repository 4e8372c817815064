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
  for (const kw of keywords) contained.set(kw, keywords.filter((other) => kw.includes(other)));
  // An index with no keywords must match nothing, not the empty string.
  const re = new RegExp(keywords.length ? keywords.map(escape).join('|') : '(?!)', 'g');
  return { re, contained, rulesByKeyword };
}

export interface KeywordHits {
  rules: Set<CompiledRule>;
  /** positions (normalised text) where some keyword of an English rule starts */
  positions: number[];
}

export function findKeywords(index: KeywordIndex, text: string): KeywordHits {
  const rules = new Set<CompiledRule>();
  const positions: number[] = [];
  const seen = new Set<string>();
  index.re.lastIndex = 0;
  for (let m = index.re.exec(text); m; m = index.re.exec(text)) {
    positions.push(m.index);
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    for (const kw of index.contained.get(m[0]) ?? [m[0]]) for (const r of index.rulesByKeyword.get(kw) ?? []) rules.add(r);
  }
  return { rules, positions };
}
