import { describe, expect, it } from 'vitest';
import { matchChinese } from './chinese';
import { rule } from './test-rules';

const visit = rule({ id: 'zh.harassment.visit', keywords: ['上门'], patterns: ['上门'], unless: ['不会上门'] });
const loose = rule({ id: 'zh.harassment.loose', keywords: ['上门'], patterns: ['上门'], wordBoundaries: false });
const spans = (text: string, r = visit) => matchChinese(text, [r]).matches.map((m) => text.slice(m.from, m.to));

describe('matchChinese', () => {
  it('matches on word boundaries only: 上门 not inside 马上门店', () => {
    expect(spans('我们明天上门找你')).toEqual(['上门']);
    expect(spans('马上门店就关了')).toEqual([]);
  });

  it('word-boundaries: false matches inside words', () => {
    expect(spans('马上门店就关了', loose)).toEqual(['上门']);
  });

  it('returns every match with offsets in the given text', () => {
    const text = '明天上门，后天还上门。';
    expect(matchChinese(text, [visit]).matches.map((m) => [m.from, m.to])).toEqual([
      [2, 4],
      [8, 10],
    ]);
  });

  it('reports antipattern spans as blocked', () => {
    expect(matchChinese('我们不会上门', [visit]).blocked.map((m) => [m.from, m.to])).toEqual([[2, 6]]);
  });

  it('handles astral characters before a match', () => {
    const text = '😀𠀀 明天上门';
    expect(spans(text)).toEqual(['上门']);
  });
});
