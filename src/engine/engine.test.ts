import { describe, expect, it } from 'vitest';
import { createEngine, lawFor } from './engine';
import { rule } from './match/test-rules';
import type { LawCitation, RulesBundle } from './types';

const cite = (id: string): LawCitation => {
  const t = { en: `title ${id}`, 'zh-CN': `标题 ${id}`, 'zh-TW': `標題 ${id}` };
  return { id, jurisdiction: id.split('.')[0]!, title: t, url: `https://law.example/${id}`, text: t };
};
const LAW = ['us.fdcpa.1692e-4', 'us-ca.rosenthal.1788.10', 'uk.aja.s40-1-b', 'cn.cc-measures.68', 'cn.pipl.23-25'];

const arrest = rule({
  id: 'en.threat.arrest',
  requires: 'collection',
  law: ['us.fdcpa.1692e-4', 'us-ca.rosenthal.1788.10', 'uk.aja.s40-1-b'],
  keywords: ['arrest', 'jail'],
  patterns: ['(will|going to) be arrested', '(go|going) to jail'],
  unless: ['nobody is going to be arrested'],
  title: { en: 'Threat of arrest', 'zh-CN': '以逮捕相威胁', 'zh-TW': '以逮捕相威脅' },
});
const insult = rule({ id: 'en.abuse.insult', category: 'abuse', severity: 'medium', keywords: ['loser'], patterns: ['you (loser|deadbeat)'], filters: { negation: true, question: false, lawTalk: true } });
const jailLow = rule({ id: 'en.threat.jail-low', severity: 'low', keywords: ['jail'], patterns: ['jail'] });
const contacts = rule({
  id: 'zh.privacy.contacts',
  category: 'privacy',
  requires: 'collection',
  law: ['cn.cc-measures.68', 'cn.pipl.23-25'],
  keywords: ['通讯录'],
  patterns: ['爆(你的?)?通讯录', '(发|联系)[^，。！？；,.!?;\\n]{0,8}通讯录'],
});
const bundle: RulesBundle = {
  schemaVersion: 1,
  hash: 'test',
  rules: [arrest, insult, jailLow, contacts],
  law: Object.fromEntries(LAW.map((id) => [id, cite(id)])),
  jurisdictions: {},
};
const engine = createEngine(bundle);
const COLLECTOR = 'You owe $900 on your credit card and it is overdue.';
const spans = (text: string, opts = {}) => engine.analyze(text, opts).findings.map((f) => [f.rule, f.excerpt, f.start, f.end]);

describe('analyze', () => {
  it('reports findings in ORIGINAL offsets, with the excerpt from the original', () => {
    const text = `${COLLECTOR} ＹＯＵ ＷＩＬＬ ＢＥ ＡＲＲＥＳＴＥＤ.`;
    const f = engine.analyze(text).findings;
    expect(f.map((x) => [x.rule, x.excerpt])).toEqual([['en.threat.arrest', 'ＷＩＬＬ ＢＥ ＡＲＲＥＳＴＥＤ']]);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe('ＷＩＬＬ ＢＥ ＡＲＲＥＳＴＥＤ');
  });

  it('Chinese: traditional, padded and pinyin forms map back to what was written', () => {
    const base = '您的借款已逾期，应还1200元。';
    expect(spans(`${base}再不還就爆你的通訊錄`)).toEqual([['zh.privacy.contacts', '爆你的通訊錄', 20, 26]]);
    expect(spans(`${base}再不还就爆 通 讯 录`)).toEqual([['zh.privacy.contacts', '爆 通 讯 录', 20, 27]]);
    expect(spans(`${base}再不还就爆你txl`)).toEqual([['zh.privacy.contacts', '爆你txl', 20, 25]]);
    expect(spans(`😀😀${base}再不还就爆你通迅录`)).toEqual([['zh.privacy.contacts', '爆你通迅录', 24, 29]]);
  });

  it('requires: collection rules stay silent outside collection messages; requires: none rules do not', () => {
    expect(spans('Police said the suspect will be arrested and go to jail.')).toEqual([['en.threat.jail-low', 'jail', 51, 55]]);
  });

  it('suppresses negated matches and antipatterns, and says why', () => {
    const r = engine.analyze(`${COLLECTOR} Nobody is going to be arrested. We never said you will be arrested.`);
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toEqual([
      { rule: 'en.threat.arrest', start: 62, end: 82, reason: 'unless' },
      { rule: 'en.threat.arrest', start: 102, end: 118, reason: 'negation' },
    ]);
    const q = engine.analyze(`${COLLECTOR} Do you want to go to jail?`);
    expect(q.findings.map((f) => f.rule)).toEqual([]);
    expect(q.suppressed.map((s) => [s.rule, s.reason])).toEqual([
      ['en.threat.arrest', 'question'],
      ['en.threat.jail-low', 'question'],
    ]);
  });

  it('a rule with question: false fires in a question', () => {
    expect(spans('Why are you such a loser? you loser?')).toEqual([['en.abuse.insult', 'you loser', 26, 35]]);
  });

  it('overlapping matches of one category keep the most severe', () => {
    expect(spans(`${COLLECTOR} You are going to jail.`).map((s) => s[0])).toEqual(['en.threat.arrest']);
  });

  it('outgoing messages never have findings', () => {
    const r = engine.analyze(`${COLLECTOR} You will be arrested.`, { context: { direction: 'outgoing' } });
    expect(r.findings).toEqual([]);
    expect(r.collection.is).toBe(true);
  });

  it('categories and disabledRules limit the rules', () => {
    const text = `${COLLECTOR} You will be arrested, you loser.`;
    expect(spans(text).map((s) => s[0])).toEqual(['en.threat.arrest', 'en.abuse.insult']);
    expect(spans(text, { categories: ['abuse'] }).map((s) => s[0])).toEqual(['en.abuse.insult']);
    expect(spans(text, { disabledRules: ['en.abuse.insult'] }).map((s) => s[0])).toEqual(['en.threat.arrest']);
  });

  it('the collection context can be forced', () => {
    expect(spans('You will be arrested.')).toEqual([]);
    expect(spans('You will be arrested.', { context: { collection: true } })).toEqual([['en.threat.arrest', 'will be arrested', 4, 20]]);
  });

  it('titles and citations follow uiLang', () => {
    const f = engine.analyze(`${COLLECTOR} You will be arrested.`, { uiLang: 'zh-CN', jurisdiction: 'uk' }).findings[0]!;
    expect(f.title).toBe('以逮捕相威胁');
    expect(f.citations).toEqual([{ id: 'uk.aja.s40-1-b', title: '标题 uk.aja.s40-1-b', url: 'https://law.example/uk.aja.s40-1-b' }]);
  });

  it('empty text, and a non-string throws a TypeError', () => {
    expect(engine.analyze('').findings).toEqual([]);
    expect(() => engine.analyze(null as unknown as string)).toThrow(TypeError);
  });
});

describe('lawFor: jurisdiction filtering of law ids', () => {
  it('keeps the ids of the jurisdiction, and us covers us-ca', () => {
    expect(lawFor(arrest, 'uk')).toEqual(['uk.aja.s40-1-b']);
    expect(lawFor(arrest, 'US')).toEqual(['us.fdcpa.1692e-4', 'us-ca.rosenthal.1788.10']);
    expect(lawFor(contacts, 'cn')).toEqual(['cn.cc-measures.68', 'cn.pipl.23-25']);
  });

  it('no jurisdiction, or none of the rule\'s ids in it: all ids', () => {
    expect(lawFor(arrest)).toEqual(arrest.law);
    expect(lawFor(arrest, 'au')).toEqual(arrest.law);
  });

  it('us-ca gets the state law AND the federal law', () => {
    expect(lawFor(arrest, 'us-ca')).toEqual(['us.fdcpa.1692e-4', 'us-ca.rosenthal.1788.10']);
  });
});
