import { describe, expect, it } from 'vitest';
import { buildBundle, compileRule as compileWith, inflections, type SourceFile } from './compile';
import { isSafeRegex } from './redos';

const compileRule = (file: SourceFile) => compileWith(file, { isSafeRegex });

const GOOD = `id: en.threat.demo
version: 1
category: threat
severity: high
title: { en: Demo, zh: 演示 }
explain: { en: Demo rule., zh: 演示规则。 }
law: [us.x.1]
match:
  keywords: [arrest]
  patterns: ["{arrest} you"]
examples:
  hit: ["You owe a debt. We will [[arrest you]]."]
  miss: ["Nothing here."]
`;
const LAW = `jurisdiction: us
name: { en: US, zh: 美国 }
rights: [{ title: { en: CFPB, zh: CFPB }, url: "https://www.consumerfinance.gov/complaint/" }]
citations:
  us.x.1: { title: { en: X, zh: X }, url: "https://example.org/x", text: { en: X, zh: X } }
`;
const path = 'rules/en/threat/demo.yaml';

describe('compileRule', () => {
  it('compiles a good rule and expands lemmas', () => {
    const { rule, errors } = compileRule({ path, source: GOOD });
    expect(errors).toEqual([]);
    expect(rule?.patterns[0]).toContain('arrested');
    expect(rule?.title['zh-TW']).toBe('演示');
  });

  it('names the file, the line and the unknown key', () => {
    const { errors } = compileRule({ path, source: GOOD.replace('severity: high', 'severity: high\nseverty: low') });
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^rules\/en\/threat\/demo\.yaml:5: .*unknown key 'severty'/)]);
  });

  it('rejects a catastrophic regular expression with its line', () => {
    const zh = GOOD.replace('id: en.threat.demo', 'id: zh.threat.demo').replace('patterns: ["{arrest} you"]', 'patterns: ["(a+)+b"]');
    const { errors } = compileRule({ path: 'rules/zh/threat/demo.yaml', source: zh });
    expect(errors[0]?.message).toMatch(/demo\.yaml:10: .*backtrack/);
  });

  it('rejects an id that does not match the file name, bad YAML, and a hit without a span', () => {
    expect(compileRule({ path: 'rules/en/threat/other.yaml', source: GOOD }).errors[0]?.message).toMatch(/does not match the file name/);
    expect(compileRule({ path, source: 'id: [unclosed' }).errors[0]?.message).toMatch(/YAML/);
    expect(compileRule({ path, source: GOOD.replace('[[arrest you]]', 'arrest you') }).errors[0]?.message).toMatch(/must mark the expected span/);
  });

  it('rejects unbalanced parentheses in an English pattern', () => {
    expect(compileRule({ path, source: GOOD.replace('"{arrest} you"', '"(will|can arrest you"') }).errors[0]?.message).toMatch(/unbalanced/);
  });
});

describe('buildBundle', () => {
  it('hashes the content and resolves law references', async () => {
    const a = await buildBundle([{ path, source: GOOD }, { path: 'rules/law/us.yaml', source: LAW }], { isSafeRegex });
    expect(a.errors).toEqual([]);
    expect(a.bundle?.hash).toMatch(/^[0-9a-f]{64}$/);
    const b = await buildBundle([{ path, source: GOOD.replace('Demo rule.', 'Changed.') }, { path: 'rules/law/us.yaml', source: LAW }], { isSafeRegex });
    expect(b.bundle?.hash).not.toBe(a.bundle?.hash);
  });

  it('reports unresolved law references and duplicate ids', async () => {
    const { errors } = await buildBundle([{ path, source: GOOD }, { path, source: GOOD }], { isSafeRegex });
    const messages = errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/law reference 'us.x.1' is not defined/);
    expect(messages).toMatch(/duplicate id 'en.threat.demo'/);
  });
});

describe('helpers', () => {
  it('inflects verbs and nouns', () => {
    expect(inflections('arrest')).toEqual(expect.arrayContaining(['arrest', 'arrests', 'arrested', 'arresting']));
    expect(inflections('tell')).toContain('told');
  });
  it('tells safe from catastrophic expressions', () => {
    expect(isSafeRegex('(打|发)[^，]{0,8}通讯录', 'u')).toBe(true);
    expect(isSafeRegex('^(\\w+\\s?)*$', 'u')).toBe(false);
  });
});

describe('rule files keep their own requirements', () => {
  it('a rule file needs a law reference and an id from its path, never a custom. id', () => {
    expect(compileRule({ path, source: GOOD.replace('law: [us.x.1]\n', '') }).errors.map((e) => e.message)).toEqual([expect.stringMatching(/needs at least one law reference/)]);
    expect(compileRule({ path, source: GOOD.replace('law: [us.x.1]', 'law: []') }).errors.map((e) => e.message)).toEqual(['rules/en/threat/demo.yaml:7: law: a rule needs at least one law reference']);
    expect(compileRule({ path, source: GOOD.replace('id: en.threat.demo', 'id: custom.en.threat.demo') }).errors[0]?.message).toMatch(/does not match the file name/);
  });
});

describe('law files', () => {
  it('refuse a law or rights URL that is not a web address (javascript:, data:)', async () => {
    const { compileLaw } = await import('./compile');
    const law = (url: string) => `jurisdiction: xx\nname: {en: X, zh: X}\nrights: []\ncitations:\n  xx.act.1:\n    title: {en: T, zh: T}\n    url: "${url}"\n    text: {en: T, zh: T}\n`;
    expect(compileLaw({ path: 'rules/law/xx.yaml', source: law('https://law.example/1') }).errors).toEqual([]);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x']) {
      const errors = compileLaw({ path: 'rules/law/xx.yaml', source: law(bad) }).errors.map((e) => e.message);
      expect(errors.join('\n')).toMatch(/must start with https:\/\/ or http:\/\/|Invalid URL/);
    }
  });
});
