import { describe, expect, it } from 'vitest';
import { buildKeywordIndex, findKeywords } from './keywords';
import { rule } from './test-rules';

const jail = rule({ id: 'en.threat.jail', keywords: ['jail'], patterns: ['jail'] });
const jailed = rule({ id: 'en.threat.jailed', keywords: ['jailed'], patterns: ['jailed'] });
const family = rule({ id: 'zh.privacy.family', keywords: ['家人'], patterns: ['家人'] });
const safety = rule({ id: 'zh.threat.safety', keywords: ['人身安全'], patterns: ['人身安全'] });
const regexy = rule({ id: 'en.unfair.fee', keywords: ['$50 fee', 'a.b'], patterns: ['fee'] });
const index = buildKeywordIndex([jail, jailed, family, safety, regexy]);
const ids = (text: string) => [...findKeywords(index, text).rules].map((r) => r.id).sort();

describe('keyword prefilter', () => {
  it('a keyword inside a longer keyword: "jailed" also counts as "jail"', () => {
    expect(ids('you will be jailed')).toEqual(['en.threat.jail', 'en.threat.jailed']);
    expect(ids('jail')).toEqual(['en.threat.jail']);
  });

  it('finds overlapping keywords (家人 and 人身安全 share 人)', () => {
    expect(ids('注意你家人身安全')).toEqual(['zh.privacy.family', 'zh.threat.safety']);
  });

  it('reports every start position, including repeats', () => {
    expect(findKeywords(index, 'jail, jail and jailed').positions).toEqual([0, 6, 15]);
  });

  it('escapes regular-expression characters in keywords', () => {
    expect(ids('a $50 fee')).toEqual(['en.unfair.fee']);
    expect(ids('axb')).toEqual([]);
    expect(ids('a.b')).toEqual(['en.unfair.fee']);
  });

  it('finds nothing in ordinary text, and an empty index matches nothing', () => {
    expect(ids('see you at lunch')).toEqual([]);
    const empty = buildKeywordIndex([]);
    expect(findKeywords(empty, 'anything').positions).toEqual([]);
  });

  it('is reusable: a second call is not affected by the first (global regex state)', () => {
    expect(ids('jail')).toEqual(['en.threat.jail']);
    expect(ids('jail')).toEqual(['en.threat.jail']);
  });
});
