import { describe, expect, it } from 'vitest';
import { decideCollection } from './collection';
import { normalize } from './normalize/normalize';

const decide = (text: string, forced?: boolean) => decideCollection(normalize(text).text, forced);

describe('collection decision', () => {
  it.each([
    // collectors: lawful and abusive, en and zh
    ['This is an attempt to collect a debt. Your balance of $1,240.50 is past due. Please call us.', true],
    ['You owe $900 on your credit card. Pay today or we will call your boss.', true],
    ['u owe us money, pay up or else', true],
    ['您的借款已逾期3天，应还金额1200元，请尽快还款。', true],
    ['我們是催收公司，您的貸款逾期未還，請立即還款。', true],
    // not collection: news, marketing, scams, ordinary mail
    ['Police said two debt collectors were arrested on Tuesday after complaints from borrowers.', false],
    ['Congratulations! You have won a $1,000 prize. Claim your voucher now, press 1.', false],
    ['Pre-approved! Apply now for an instant loan at low interest.', false],
    ['据警方通报，一男子涉嫌暴力催收被拘捕。', false],
    ['尊敬的客户，您的信用卡额度可提至5万元，诚邀您办理。', false],
    ['Hi team, the meeting moved to 3pm. Please bring the slides.', false],
    ['Your order #4411 has shipped. Thanks for shopping with us.', false],
  ])('%s -> %s', (text, expected) => {
    expect(decide(text).is).toBe(expected);
  });

  // was a bug before main a5f2e8b: 欠的钱 was no cue, the message scored 0.5
  it('你欠的钱再不还，我们就爆你通讯录。 is collection', () => {
    expect(decide('你欠的钱再不还，我们就爆你通讯录。').is).toBe(true);
  });

  it('reports the cues and score that made the decision', () => {
    const d = decide('You owe $900. Pay today.');
    expect(d.cues).toEqual(['owe', 'pay-demand', 'pay-deadline', 'pay', 'money-amount', 'addressed']);
    expect(d.score).toBe(4.5); // debt cues are capped at 4, plus 0.5 for addressing the reader
    expect(d.is).toBe(true);
  });

  it('a story nobody is addressed in needs overwhelming cues', () => {
    const d = decide('The debt is overdue and the balance remains unpaid.');
    expect(d.cues).not.toContain('addressed');
    expect(d.is).toBe(false);
  });

  it('the context can force the decision either way, and says so', () => {
    expect(decide('hello there', true)).toMatchObject({ is: true, cues: ['context:collection'] });
    const off = decide('You owe $900. Pay today.', false);
    expect(off.is).toBe(false);
    expect(off.cues.at(-1)).toBe('context:not-collection');
  });
});
