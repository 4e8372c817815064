/**
 * The lazy prefilter (issue #14: per-script expressions compiled on first use, `contained` on a
 * keyword's first hit) finds exactly what the eager one did: the same rules in the same order,
 * the same positions, the same positions per rule. The oracle below is the previous
 * implementation, kept verbatim.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundle } from '../bundled';
import type { CompiledRule } from '../types';
import { buildKeywordIndex, findKeywords } from './keywords';
import { normalize } from '../normalize/normalize';

function eagerIndex(rules: readonly CompiledRule[]) {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const WORD_START = /^[a-z0-9]/;
  const containsKeyword = (kw: string, other: string) => {
    if (!WORD_START.test(other)) return kw.includes(other);
    for (let i = kw.indexOf(other); i >= 0; i = kw.indexOf(other, i + 1)) if (i === 0 || !/[a-z0-9]/.test(kw[i - 1]!)) return true;
    return false;
  };
  const rulesByKeyword = new Map<string, CompiledRule[]>();
  for (const rule of rules) for (const kw of rule.keywords) rulesByKeyword.set(kw, [...(rulesByKeyword.get(kw) ?? []), rule]);
  const keywords = [...rulesByKeyword.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const contained = new Map<string, string[]>();
  for (const kw of keywords) contained.set(kw, keywords.filter((other) => containsKeyword(kw, other)));
  const latin = keywords.filter((k) => WORD_START.test(k)).map(escape);
  const other = keywords.filter((k) => !WORD_START.test(k)).map(escape);
  const alternatives = [...(latin.length ? [`(?<![a-z0-9])(?:${latin.join('|')})`] : []), ...other];
  const re = new RegExp(keywords.length ? `(?=(${alternatives.join('|')}))` : '(?!)', 'g');
  return (text: string) => {
    const found = new Set<CompiledRule>();
    const positions: number[] = [];
    const byRule = new Map<CompiledRule, number[]>();
    const rulesOf = new Map<string, CompiledRule[]>();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      re.lastIndex = m.index + 1;
      const kw = m[1]!;
      positions.push(m.index);
      let list = rulesOf.get(kw);
      if (!list) {
        list = [...new Set((contained.get(kw) ?? [kw]).flatMap((k) => rulesByKeyword.get(k) ?? []))];
        rulesOf.set(kw, list);
        for (const r of list) found.add(r);
      }
      for (const r of list) {
        const at = byRule.get(r);
        if (!at) byRule.set(r, [m.index]);
        else if (at.at(-1) !== m.index) at.push(m.index);
      }
    }
    return { rules: found, positions, byRule };
  };
}

const plain = (h: { rules: Set<CompiledRule>; positions: number[]; byRule: Map<CompiledRule, number[]> }) => ({
  rules: [...h.rules].map((r) => r.id),
  positions: h.positions,
  byRule: [...h.byRule].map(([r, at]) => [r.id, at]),
});

describe('lazy keyword prefilter = the eager one', () => {
  const eager = eagerIndex(bundle.rules);
  const lazy = buildKeywordIndex(bundle.rules);
  const keywords = [...new Set(bundle.rules.flatMap((r) => r.keywords))];
  const examples = bundle.rules.flatMap((r) => [...r.examples.hit, ...r.examples.miss]).map((e) => e.replace(/\[\[|\]\]/g, ''));

  it('on every rule example (normalised)', () => {
    for (const e of examples) {
      const text = normalize(e).text;
      expect(plain(findKeywords(lazy, text)), e).toEqual(plain(eager(text)));
    }
  });

  it('on keywords glued, spaced and mixed with other text', () => {
    const piece = fc.oneof(fc.constantFrom(...keywords), fc.constantFrom(' ', '', 'x', '1', '，', '*', '家', 'ed', 'un'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(plain(findKeywords(lazy, text))).toEqual(plain(eager(text)));
      }),
      { numRuns: 400 },
    );
  });

  it('only the expressions a text can need are compiled', () => {
    const fresh = buildKeywordIndex(bundle.rules);
    findKeywords(fresh, '你欠款已逾期，今天不还钱');
    expect(fresh.scans.map((s) => Boolean(s.re))).toEqual([false, true]);
    findKeywords(fresh, 'you owe a debt');
    expect(fresh.scans.map((s) => Boolean(s.re))).toEqual([true, true]);
  });
});
