import { describe, expect, it } from 'vitest';
import { isLawTalk, isQuestion, quotedRanges, sentenceAround, whySuppressed } from './context';
import { normalize } from './normalize/normalize';
import type { Lang } from './types';

const ALL = { negation: true, question: true, lawTalk: true };

/** Why the first occurrence of `span` in the normalised text would be suppressed. */
function why(text: string, span: string, lang: Lang = 'en', filters = ALL) {
  const t = normalize(text).text;
  const from = t.indexOf(span);
  expect(from, `${span} in ${t}`).toBeGreaterThanOrEqual(0);
  return whySuppressed(t, lang, from, from + span.length, filters, quotedRanges(t)) ?? null;
}

describe('negation (en)', () => {
  it.each([
    ['We will not contact your employer.', 'contact your employer', 'negation'],
    ["We won't contact your employer.", 'contact your employer', 'negation'],
    ['We will never call your family.', 'call your family', 'negation'],
    ['We will contact your employer.', 'contact your employer', null],
    ["If you do not pay, we will contact your employer.", 'contact your employer', null],
    ["Unless you pay today we will contact your employer.", 'contact your employer', null],
    ["Don't make us contact your employer.", 'contact your employer', null],
    ['We will not hesitate to contact your employer.', 'contact your employer', null],
    ['You leave us no choice but to contact your employer.', 'contact your employer', null],
    ['We did not receive your payment, so we will contact your employer.', 'contact your employer', null],
  ])('%s', (text, span, expected) => {
    expect(why(text, span)).toBe(expected);
  });

  it('the negation filter can be turned off', () => {
    expect(why('We will not contact your employer.', 'contact your employer', 'en', { ...ALL, negation: false })).toBeNull();
  });
});

describe('negation (zh)', () => {
  it.each([
    ['我们不会上门。', '上门', 'negation'],
    ['我们绝不会联系你的家人。', '联系你的家人', 'negation'],
    ['我们会上门。', '上门', null],
    ['如果你没有还款，我们就上门。', '上门', null],
    ['如果你没有还款我们会联系你家人。', '联系你家人', null],
    ['你不还钱，我们就上门。', '上门', null],
  ])('%s', (text, span, expected) => {
    expect(why(text, span, 'zh')).toBe(expected);
  });
});

describe('questions', () => {
  it.each([
    ['Will you arrest me?', true],
    ['你们会上门吗', true],
    ['你们会上门吗？', true],
    ['We will arrest you.', false],
    ['我们会上门。', false],
  ])('%s', (sentence, expected) => {
    expect(isQuestion(normalize(sentence).text)).toBe(expected);
  });

  it('"?!" at the end is a question', () => {
    expect(isQuestion(normalize('Can they really send me to jail?!').text)).toBe(true);
  });

  it('a question is suppressed, the statement after it is not', () => {
    expect(why('Do you want to go to jail? Pay now.', 'go to jail')).toBe('question');
    expect(why('Why wait? You will go to jail.', 'go to jail')).toBeNull();
  });

  it('the question filter can be turned off', () => {
    expect(why('Do you want to go to jail?', 'go to jail', 'en', { ...ALL, question: false })).toBeNull();
  });
});

describe('law talk', () => {
  it.each([
    ['It is illegal for a collector to threaten you with jail.', 'en', true],
    ['Under the FDCPA collectors may not threaten arrest.', 'en', true],
    ['You have the right to dispute this debt.', 'en', true],
    ['You will go to jail.', 'en', false],
    ['根据《商业银行信用卡业务监督管理办法》，催收不得骚扰家人。', 'zh', true],
    ['暴力催收属于违法行为。', 'zh', true],
    ['我们会联系你的家人。', 'zh', false],
  ] as const)('%s', (sentence, lang, expected) => {
    expect(isLawTalk(normalize(sentence).text, lang)).toBe(expected);
  });
});

describe('quoted mail', () => {
  it('"> " lines are quoted, the rest is not', () => {
    const t = 'thanks\n> you will go to jail\nok';
    expect(quotedRanges(t)).toEqual([{ start: 7, end: 28 }]);
    expect(why(t, 'go to jail')).toBe('quoted');
  });

  it('everything after "On … wrote:" or "-----Original Message-----" is quoted', () => {
    const a = 'I paid already.\nOn Mon, 3 Jun 2024, Acme Recovery <a@b.com> wrote:\nYou will go to jail.';
    expect(quotedRanges(normalize(a).text)).toEqual([{ start: 16, end: normalize(a).text.length }]);
    expect(why(a, 'go to jail')).toBe('quoted');
    expect(why('Noted.\n-----Original Message-----\nYou will go to jail.', 'go to jail')).toBe('quoted');
    expect(why('收到。\n在 2024年6月3日，催收中心 写道：\n我们会上门。', '上门', 'zh')).toBe('quoted');
  });

  it('text before the reply header is not quoted', () => {
    expect(why('You will go to jail.\nOn Mon, Acme <a@b.com> wrote:\nhello', 'go to jail')).toBeNull();
  });
});

describe('sentenceAround', () => {
  it('a dot inside a number does not end the sentence; ?! stay together', () => {
    const t = 'pay $1.50 to the office now. next';
    expect(sentenceAround(t, 10, 12)).toEqual({ start: 0, end: 28 });
    const q = 'really?! yes';
    expect(sentenceAround(q, 0, 1)).toEqual({ start: 0, end: 8 });
  });

  it('"u.s." followed by a space does not end the sentence', () => {
    const t = 'call the u.s. office now. next';
    expect(sentenceAround(t, 0, 4)).toEqual({ start: 0, end: 25 });
  });

  it('Chinese sentence ends: 。 and full-width ！？ (normalised to !?)', () => {
    const t = normalize('你好。我们会上门！再见').text;
    expect(sentenceAround(t, 5, 7)).toEqual({ start: 3, end: 9 });
  });
});
