/**
 * Chinese rules: safe regular expressions over normalised simplified text (checked for
 * catastrophic backtracking at build time). A match must start and end on a word boundary
 * given by Intl.Segmenter, so 上门 does not fire inside 马上门店.
 */
import type { CompiledRule } from '../types';
import type { RawMatch } from './english';
import { sentenceNear } from '../context';

const compiled = new WeakMap<CompiledRule, { patterns: RegExp[]; unless: RegExp[] }>();

function regexesOf(rule: CompiledRule) {
  let r = compiled.get(rule);
  if (!r) {
    r = { patterns: rule.patterns.map((p) => new RegExp(p, 'gu')), unless: rule.unless.map((p) => new RegExp(p, 'gu')) };
    compiled.set(rule, r);
  }
  return r;
}

let segmenter: Intl.Segmenter | undefined;
function boundariesOf(sentence: string): Set<number> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out = new Set<number>([0, sentence.length]);
  for (const seg of segmenter.segment(sentence)) {
    out.add(seg.index);
    out.add(seg.index + seg.segment.length);
  }
  return out;
}

function* allMatches(re: RegExp, text: string): Generator<{ from: number; to: number }> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield { from: m.index, to: m.index + m[0].length };
  }
}

export function matchChinese(text: string, rules: readonly CompiledRule[]): { matches: RawMatch[]; blocked: RawMatch[] } {
  const matches: RawMatch[] = [];
  const blocked: RawMatch[] = [];
  const boundaryCache = new Map<number, { start: number; set: Set<number> }>();
  const onBoundary = (pos: number, from: number, to: number): boolean => {
    const s = sentenceNear(text, from, to);
    let entry = boundaryCache.get(s.start);
    if (!entry) {
      entry = { start: s.start, set: boundariesOf(text.slice(s.start, s.end)) };
      boundaryCache.set(s.start, entry);
    }
    return entry.set.has(pos - entry.start);
  };
  for (const rule of rules) {
    const { patterns, unless } = regexesOf(rule);
    for (const re of patterns) {
      for (const s of allMatches(re, text)) {
        if (rule.wordBoundaries && !(onBoundary(s.from, s.from, s.to) && onBoundary(s.to, s.from, s.to))) continue;
        matches.push({ rule, ...s });
      }
    }
    for (const re of unless) for (const s of allMatches(re, text)) blocked.push({ rule, ...s });
  }
  return { matches, blocked };
}
