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

  it('a Latin keyword starts a word; Chinese keywords match anywhere', () => {
    const rest = rule({ id: 'en.t.rest', keywords: ['rest'], patterns: ['rest'] });
    const harass = rule({ id: 'en.h.harass', keywords: ['harass'], patterns: ['harass'] });
    const bureau = rule({ id: 'en.d.bureau', keywords: ['bureau'], patterns: ['bureau'] });
    const credit = rule({ id: 'en.d.credit', keywords: ['credit bureau'], patterns: ['credit bureau'] });
    const idx = buildKeywordIndex([rest, harass, bureau, credit, family]);
    const found = (text: string) => [...findKeywords(idx, text).rules].map((r) => r.id).sort();
    expect(found('you were arrested')).toEqual([]);
    expect(found('take a rest')).toEqual(['en.t.rest']);
    expect(found('this is harassment')).toEqual(['en.h.harass']);
    expect(found('the credit bureau')).toEqual(['en.d.bureau', 'en.d.credit']);
    expect(found('你家人')).toEqual(['zh.privacy.family']);
  });

  it('reports positions per rule', () => {
    const hits = findKeywords(index, 'jail, and jailed');
    expect(hits.byRule.get(jail)).toEqual([0, 10]);
    expect(hits.byRule.get(jailed)).toEqual([10]);
  });
});
