import { describe, expect, it } from 'vitest';
import { compileCustomRules, splitDocuments } from './custom';
import { CUSTOM_EN, CUSTOM_ZH } from './custom-fixtures';
import { isSafeRegex } from './redos';

const opts = { builtinIds: ['en.threat.arrest', 'custom.en.threat.taken'], lawIds: ['cn.cba-guideline.privacy', 'us.fdcpa.1692d-5'], isSafeRegex };

describe('compileCustomRules', () => {
  it('accepts a good rule with the built-in compiler (lemmas, derived keywords, zh-TW, no law needed)', () => {
    const { rules, errors, results } = compileCustomRules(CUSTOM_EN, opts);
    expect(errors).toEqual([]);
    expect(rules.map((r) => r.id)).toEqual(['custom.en.harassment.lunch-calls']);
    expect(rules[0]!.lang).toBe('en');
    expect(rules[0]!.law).toEqual([]);
    expect(rules[0]!.title['zh-TW']).toBe('每天午飯時間來電');
    expect(results[0]!.source).toBe(CUSTOM_EN.trimEnd());
  });

  it('names the line of a schema error counted from the top of the paste', () => {
    const text = `${CUSTOM_EN}---\n${CUSTOM_ZH.replace('severity: high', 'severity: extreme')}`;
    const { rules, errors } = compileCustomRules(text, opts);
    expect(rules.map((r) => r.id)).toEqual(['custom.en.harassment.lunch-calls']);
    const severityLine = text.split('\n').findIndex((l) => l.includes('extreme')) + 1;
    expect(severityLine).toBe(21);
    expect(errors).toEqual([{ ruleId: 'custom.zh.privacy.wechat-group', line: severityLine, message: expect.stringMatching(/^severity: /) }]);
  });

  it('rejects a catastrophic regular expression with its line and reason, and keeps the good rule', () => {
    const bad = CUSTOM_ZH.replace('"(发|拉)(到|进)…(微信群|家族群)"', '"(群+)+发"');
    const { rules, errors, results } = compileCustomRules(`${bad}---\n${CUSTOM_EN}`, opts);
    expect(rules.map((r) => r.id)).toEqual(['custom.en.harassment.lunch-calls']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId: 'custom.zh.privacy.wechat-group', line: 10 });
    expect(errors[0]!.message).toMatch(/may backtrack catastrophically/);
    expect(results[0]!.safeRegexes).toEqual([]);
  });

  it('records the regular expressions the ReDoS check passed', () => {
    const { errors, results } = compileCustomRules(CUSTOM_ZH, opts);
    expect(errors).toEqual([]);
    expect(results[0]!.safeRegexes).toEqual([`u/${results[0]!.rule!.patterns[0]}`]);
  });

  it('rejects a built-in id, an id without custom., a duplicate id and an unknown law id', () => {
    const builtin = compileCustomRules(CUSTOM_EN.replace('custom.en.harassment.lunch-calls', 'en.harassment.lunch-calls'), opts);
    expect(builtin.errors).toEqual([{ ruleId: 'en.harassment.lunch-calls', line: 1, message: expect.stringMatching(/starts with 'custom\.'/) }]);
    const taken = compileCustomRules(CUSTOM_EN.replace('custom.en.harassment.lunch-calls', 'custom.en.threat.taken').replace('category: harassment', 'category: threat'), opts);
    expect(taken.errors.map((e) => e.message)).toEqual([expect.stringMatching(/built-in rule's id/)]);
    const dup = compileCustomRules(`${CUSTOM_EN}---\n${CUSTOM_EN}`, opts);
    expect(dup.rules).toHaveLength(1);
    expect(dup.errors).toEqual([{ ruleId: 'custom.en.harassment.lunch-calls', line: 18, message: expect.stringMatching(/duplicate id/) }]);
    const law = compileCustomRules(CUSTOM_ZH.replace('law: [cn.cba-guideline.privacy]', 'law:\n  - cn.cba-guideline.privacy\n  - cn.no-such.1'), opts);
    expect(law.errors).toEqual([{ ruleId: 'custom.zh.privacy.wechat-group', line: 9, message: expect.stringMatching(/law reference 'cn.no-such.1' is not defined/) }]);
  });

  it('reports bad YAML and a category that contradicts the id, without losing the other rules', () => {
    const text = `id: [unclosed\n---\n${CUSTOM_EN.replace('category: harassment', 'category: threat')}---\n${CUSTOM_ZH}`;
    const { rules, errors } = compileCustomRules(text, opts);
    expect(rules.map((r) => r.id)).toEqual(['custom.zh.privacy.wechat-group']);
    expect(errors).toEqual([
      { line: 1, message: expect.stringMatching(/^YAML/) },
      { ruleId: 'custom.en.harassment.lunch-calls', line: 3, message: expect.stringMatching(/category 'threat' does not match/) },
    ]);
  });

  it('says so when the text holds no rule', () => {
    expect(compileCustomRules('# only a comment\n', opts).errors).toEqual([{ line: 1, message: expect.stringMatching(/no rule found/) }]);
  });

  it('splits at --- lines and keeps where each document starts', () => {
    expect(splitDocuments('---\na: 1\n---\n\n--- # c\nb: 2\r\n...\n')).toEqual([
      { source: 'a: 1', startLine: 2 },
      { source: 'b: 2', startLine: 6 },
    ]);
  });
});
