import { describe, expect, it } from 'vitest';
import { getEngine } from '../bundled';
import type { ThreadMessage } from './analyze-thread';
import { readerRequests } from './reader-requests';
import { normalize } from '../normalize/normalize';
import { DISCLOSURES, NOT_DISCLOSURES, NOT_OPT_OUTS, NOT_PLACEMENTS, OPT_OUTS, PLACEMENTS } from './test-wordings';

const engine = getEngine();
const DUN = 'You owe $420 on your overdue account. Please pay today. This is a communication from a debt collector. Reply STOP to opt out.';
const msg = (id: string, sentAt: string, extra: Partial<ThreadMessage> = {}): ThreadMessage => ({ id, text: DUN, direction: 'incoming', sentAt, sender: 'ACME Collections', channel: 'sms', ...extra });
const rulesOf = (messages: ThreadMessage[], jurisdiction: string, timeZone: string) =>
  engine.analyzeThread(messages, { jurisdiction, timeZone }).findings.map((f) => `${f.rule}:${f.messageIds.join(',')}`);

describe('contact hours, in the recipient’s local time', () => {
  // [jurisdiction, zone, ISO instant, allowed?]
  const table: [string, string, string, boolean][] = [
    ['us', 'America/New_York', '2026-06-10T20:59:00-04:00', true],
    ['us', 'America/New_York', '2026-06-10T21:00:00-04:00', false],
    ['us', 'America/New_York', '2026-06-10T07:59:00-04:00', false],
    ['us', 'America/New_York', '2026-06-10T08:00:00-04:00', true],
    // DST starts 8 Mar 2026: 01:00Z on 9 Mar is 21:00 EDT (it would be 20:00 in EST)
    ['us', 'America/New_York', '2026-03-09T01:00:00Z', false],
    // DST ends 1 Nov 2026: 01:30Z on 2 Nov is 20:30 EST (it would be 21:30 in EDT)
    ['us', 'America/New_York', '2026-11-02T01:30:00Z', true],
    ['us-ma', 'America/New_York', '2026-06-10T21:30:00-04:00', false],
    ['cn', 'Asia/Shanghai', '2026-06-10T21:59:00+08:00', true],
    ['cn', 'Asia/Shanghai', '2026-06-10T22:00:00+08:00', false],
    ['cn', 'Asia/Shanghai', '2026-06-10T23:40:00+08:00', false],
    ['cn', 'Asia/Shanghai', '2026-06-10T06:30:00+08:00', false],
    ['in', 'Asia/Kolkata', '2026-06-10T18:59:00+05:30', true],
    ['in', 'Asia/Kolkata', '2026-06-10T19:00:00+05:30', false],
    ['ph', 'Asia/Manila', '2026-06-10T05:59:00+08:00', false],
    ['ph', 'Asia/Manila', '2026-06-10T06:00:00+08:00', true],
    ['id', 'Asia/Jakarta', '2026-06-13T10:00:00+07:00', true], // Saturday
    ['id', 'Asia/Jakarta', '2026-06-14T10:00:00+07:00', false], // Sunday
    ['id', 'Asia/Jakarta', '2026-06-10T20:00:00+07:00', false],
    ['au', 'Australia/Sydney', '2026-06-15T07:30:00+10:00', true], // Monday
    ['au', 'Australia/Sydney', '2026-06-13T08:30:00+10:00', false], // Saturday
    ['au', 'Australia/Sydney', '2026-06-13T09:00:00+10:00', true],
    ['ca-on', 'America/Toronto', '2026-06-14T12:59:00-04:00', false], // Sunday
    ['ca-on', 'America/Toronto', '2026-06-14T13:00:00-04:00', true],
    ['ca-on', 'America/Toronto', '2026-06-14T17:00:00-04:00', false],
    ['ca-on', 'America/Toronto', '2026-06-10T06:59:00-04:00', false],
    ['ca-on', 'America/Toronto', '2026-06-10T20:59:00-04:00', true],
  ];
  it.each(table)('%s %s %s allowed=%s', (jurisdiction, zone, at, allowed) => {
    const found = rulesOf([msg('m1', at)], jurisdiction, zone).filter((r) => r.startsWith('thread.contact-hours'));
    expect(found).toEqual(allowed ? [] : ['thread.contact-hours:m1']);
  });

  it('uses the reader’s zone, not the sender’s', () => {
    // 21:30 in New York is 18:30 in Los Angeles
    expect(rulesOf([msg('m1', '2026-06-10T21:30:00-04:00')], 'us', 'America/Los_Angeles')).toEqual([]);
  });

  it('rejects an unknown time zone with a clear error', () => {
    expect(() => engine.analyzeThread([msg('m1', '2026-06-10T12:00:00Z')], { jurisdiction: 'us', timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone 'Mars\/Olympus'/);
  });

  it('warns about an unreadable time and leaves that message out of time rules', () => {
    const r = engine.analyzeThread([msg('m1', 'yesterday-ish')], { jurisdiction: 'us', timeZone: 'UTC' });
    expect(r.warnings).toEqual(["message m1: unreadable time 'yesterday-ish'"]);
    expect(r.findings.filter((f) => f.rule === 'thread.contact-hours')).toEqual([]);
  });
});

describe('contact frequency', () => {
  const at = (day: number, hour = 12) => `2026-06-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00-04:00`;
  it('Massachusetts: 3 texts in 7 days may indicate harassment; 3 spread over 8 days do not', () => {
    expect(rulesOf([msg('a', at(1)), msg('b', at(4)), msg('c', at(7))], 'us-ma', 'America/New_York')).toContain('thread.contact-frequency:a,b,c');
    expect(rulesOf([msg('a', at(1)), msg('b', at(4)), msg('c', at(8, 13))], 'us-ma', 'America/New_York').filter((r) => r.includes('frequency'))).toEqual([]);
  });
  it('Ontario: 4 contacts in 7 days, not 3', () => {
    const four = [1, 2, 3, 4].map((d) => msg(`m${d}`, at(d), { channel: 'email' }));
    expect(rulesOf(four, 'ca-on', 'America/Toronto').filter((r) => r.includes('frequency'))).toEqual(['thread.contact-frequency:m1,m2,m3,m4']);
    expect(rulesOf(four.slice(0, 3), 'ca-on', 'America/Toronto').filter((r) => r.includes('frequency'))).toEqual([]);
  });
  it('Australia: 11 contacts in a month break the monthly limit even when spread 3 a week', () => {
    const days = [1, 3, 6, 9, 11, 14, 17, 19, 22, 25, 28];
    const list = days.map((d) => msg(`d${d}`, at(d), { channel: 'email' }));
    const found = rulesOf(list, 'au', 'Australia/Sydney').filter((r) => r.includes('frequency'));
    expect(found).toHaveLength(1);
    expect(found[0]!.split(':')[1]!.split(',')).toHaveLength(11);
  });
  it('China: 7 unanswered calls in a day on one channel, but not 6, and a reply resets', () => {
    const calls = (n: number) => Array.from({ length: n }, (_, i) => msg(`c${i}`, `2026-06-10T${String(9 + i).padStart(2, '0')}:00:00+08:00`, { channel: 'call', text: '您的借款已逾期，请尽快还款。' }));
    expect(rulesOf(calls(7), 'cn', 'Asia/Shanghai').filter((r) => r.includes('frequency'))).toHaveLength(1);
    expect(rulesOf(calls(6), 'cn', 'Asia/Shanghai').filter((r) => r.includes('frequency'))).toEqual([]);
    const answered = [...calls(7), { id: 'me', text: '好的，我下午处理', direction: 'outgoing' as const, sentAt: '2026-06-10T16:30:00+08:00', channel: 'call' as const }];
    expect(rulesOf(answered, 'cn', 'Asia/Shanghai').filter((r) => r.includes('frequency'))).toEqual([]);
  });
  it('US: many unanswered texts a day over three days may indicate harassment', () => {
    const list = [10, 11, 12].flatMap((d) => [9, 12, 15].map((h) => msg(`t${d}-${h}`, at(d, h))));
    expect(rulesOf(list, 'us', 'America/New_York').filter((r) => r.startsWith('thread.text-flood'))).toHaveLength(1);
    expect(rulesOf(list.slice(0, 6), 'us', 'America/New_York').filter((r) => r.startsWith('thread.text-flood'))).toEqual([]);
  });
});

describe('the reader’s requests', () => {
  const me = (id: string, text: string, sentAt: string, channel: ThreadMessage['channel'] = 'sms'): ThreadMessage => ({ id, text, direction: 'outgoing', sentAt, channel });
  it.each([
    ['STOP', 'opt-out'],
    ['Stop.', 'opt-out'],
    ['Please stop calling me', 'opt-out'],
    ["Don't text me again", 'opt-out'],
    ['不要再联系我了', 'opt-out'],
    ['别再给我打电话', 'opt-out'],
    ['退订', 'opt-out'],
    ["Don't contact me at work", 'not-at-work'],
    ['别打我单位电话', 'not-at-work'],
    ['I dispute this debt. It is not my debt.', 'dispute'],
    ['这不是我的欠款，我有异议', 'dispute'],
  ])('%s -> %s', (text, kind) => {
    expect(readerRequests(normalize(text).text, 'sms').map((r) => r.kind)).toContain(kind);
  });
  it.each([["Don't stop"], ['STOP by to see us on Friday'], ['I will stop at the bank tomorrow'], ['好的，我明天还']])('%s is no request', (text) => {
    expect(readerRequests(normalize(text).text, 'sms')).toEqual([]);
  });

  it('flags contact after STOP on the same channel, but not one confirmation or another channel', () => {
    const thread = [
      msg('a', '2026-06-10T10:00:00-04:00'),
      me('stop', 'STOP', '2026-06-10T10:05:00-04:00'),
      msg('confirm', '2026-06-10T10:06:00-04:00', { text: 'You have been unsubscribed and will no longer receive texts.' }),
      msg('email', '2026-06-11T10:00:00-04:00', { channel: 'email' }),
    ];
    expect(rulesOf(thread, 'us', 'America/New_York').filter((r) => r.includes('opt-out'))).toEqual([]);
    const after = [...thread, msg('again', '2026-06-12T10:00:00-04:00')];
    expect(rulesOf(after, 'us', 'America/New_York').filter((r) => r.includes('opt-out'))).toEqual(['thread.contact-after-opt-out:stop,again']);
  });

  it('flags collection after a dispute until verification is sent', () => {
    const thread = [msg('a', '2026-06-01T10:00:00-04:00'), me('d', 'I dispute this debt.', '2026-06-02T10:00:00-04:00', 'email'), msg('b', '2026-06-03T10:00:00-04:00')];
    expect(rulesOf(thread, 'us', 'America/New_York').filter((r) => r.includes('dispute'))).toEqual(['thread.collection-after-dispute:d,b']);
    const verified = [...thread.slice(0, 2), msg('v', '2026-06-03T09:00:00-04:00', { text: 'Enclosed is a copy of the contract and the itemization of the debt you owe (verification).' }), msg('b', '2026-06-04T10:00:00-04:00')];
    expect(rulesOf(verified, 'us', 'America/New_York').filter((r) => r.includes('dispute'))).toEqual([]);
  });

  it('flags contact at work after “别打我单位电话”', () => {
    const thread: ThreadMessage[] = [me('w', '别打我单位电话', '2026-06-01T10:00:00+08:00'), msg('x', '2026-06-02T10:00:00+08:00', { text: '您的借款已逾期，我们已致电您单位，请尽快还款。' })];
    expect(rulesOf(thread, 'cn', 'Asia/Shanghai').filter((r) => r.includes('work'))).toEqual(['thread.contact-at-work:w,x']);
  });
});

describe('missing disclosures (US, third-party collectors)', () => {
  const MODEL_FORM =
    'North South Group is a debt collector. We are trying to collect a debt that you owe to Bank of Rockville. We will use any information you give us to help collect the debt. Total amount of the debt now: $2,284.56. How can you dispute the debt? Call or write to us by November 12, 2019.';
  const missing = (text: string, channel: ThreadMessage['channel'], senderType?: 'collector' | 'creditor' | 'unknown') =>
    engine.analyzeThread([msg('m', '2026-06-10T12:00:00-04:00', { text, channel })], { jurisdiction: 'us', timeZone: 'America/New_York', senderType }).findings.map((f) => f.rule).filter((r) => r.startsWith('thread.missing'));
  it('the CFPB Model Form B-1 wording passes as a letter, and as an e-mail with an opt-out', () => {
    expect(missing(MODEL_FORM, 'letter', 'collector')).toEqual([]);
    expect(missing(`${MODEL_FORM} To stop receiving e-mails from us, reply STOP.`, 'email', 'collector')).toEqual([]);
  });
  it('an e-mail from an agency with neither disclosure nor opt-out', () => {
    const text = 'Your account has been placed with our office for collection. You owe $880. Pay today at our website.';
    expect(missing(text, 'email')).toEqual(['thread.missing-collector-disclosure', 'thread.missing-opt-out']);
  });
  it('an original creditor is outside the FDCPA; an unknown sender with no third-party sign is not flagged', () => {
    const text = 'Your credit card payment of $80 is past due. Please pay today.';
    expect(missing(text, 'sms', 'creditor')).toEqual([]);
    expect(missing(text, 'sms')).toEqual([]);
  });
  it('a text says it is from a debt collector but gives no opt-out', () => {
    expect(missing('This is a text from a debt collector. You owe a debt of $300. Please call us.', 'sms', 'collector')).toEqual(['thread.missing-opt-out']);
  });
});

describe('missing disclosures over many wordings (issue 11)', () => {
  const missing = (text: string, channel: ThreadMessage['channel'], senderType?: 'collector' | 'creditor' | 'unknown') =>
    engine.analyzeThread([msg('m', '2026-06-10T12:00:00-04:00', { text, channel })], { jurisdiction: 'us', timeZone: 'America/New_York', senderType }).findings.map((f) => f.rule).filter((r) => r.startsWith('thread.missing'));
  const BOTH = ['thread.missing-collector-disclosure', 'thread.missing-opt-out'];
  const BODY = 'You owe $420 on your overdue account. Please pay today.';

  describe.each(PLACEMENTS.map((p, i) => [p, DISCLOSURES[i % DISCLOSURES.length]!, OPT_OUTS[i % OPT_OUTS.length]!] as const))('a third-party e-mail: %s', (placement, disclosure, optOut) => {
    it('with neither disclosure nor opt-out: both are missing', () => expect(missing(placement, 'email')).toEqual(BOTH));
    it(`with the disclosure "${disclosure}": the opt-out is missing`, () => expect(missing(`${placement} ${disclosure}`, 'email')).toEqual(['thread.missing-opt-out']));
    it(`with the opt-out "${optOut}": the disclosure is missing`, () => expect(missing(`${placement}\n${optOut}`, 'email')).toEqual(['thread.missing-collector-disclosure']));
    it('with both: nothing is missing; as a text the same; as a letter only the disclosure counts', () => {
      expect(missing(`${placement} ${disclosure}\n${optOut}`, 'email')).toEqual([]);
      expect(missing(`${placement} ${BODY}`, 'sms')).toEqual(BOTH);
      expect(missing(`${placement} ${BODY}`, 'letter')).toEqual(['thread.missing-collector-disclosure']);
    });
  });

  it.each(DISCLOSURES)('the disclosure counts, from a known collector and from an unknown sender: %s', (disclosure) => {
    const text = `${disclosure}\n${BODY} Reply STOP to opt out.`;
    expect(missing(text, 'email', 'collector')).toEqual([]);
    expect(missing(text, 'email')).toEqual([]);
  });
  it.each(NOT_DISCLOSURES)('a known collector whose message only says this is still missing the disclosure: %s', (words) => {
    expect(missing(`${words}\n${BODY} Reply STOP to opt out.`, 'email', 'collector')).toEqual(['thread.missing-collector-disclosure']);
  });
  it.each(NOT_PLACEMENTS)('an unknown sender with no third-party sign is not judged: %s', (words) => {
    expect(missing(`${words} ${BODY}`, 'email')).toEqual([]);
  });
  it.each(OPT_OUTS)('the opt-out counts: %s', (optOut) => {
    expect(missing(`This is a communication from a debt collector. ${BODY}\n${optOut}`, 'sms', 'collector')).toEqual([]);
  });
  it.each(NOT_OPT_OUTS)('no opt-out: %s', (words) => {
    expect(missing(`This is a communication from a debt collector. ${BODY}\n${words}`, 'sms', 'collector')).toEqual(['thread.missing-opt-out']);
  });
  it('a creditor warning that it may send the account to a collection agency is not taken for a collector', () => {
    expect(missing(`${BODY} If you do not pay, your account will be sent to a collection agency.`, 'email')).toEqual([]);
  });
});
