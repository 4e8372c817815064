import { describe, expect, it } from 'vitest';
import { dateOrderFor, parsePastedThread, timedCount, toUtc } from './paste-thread';

const pick = (paste: string, opts = {}) => parsePastedThread(paste, opts).map(({ sender, localTime, direction, text }) => ({ sender, localTime, direction, text }));

describe('parsePastedThread', () => {
  it('an SMS export, one line per message, 24-hour clock; Me: is the reader', () => {
    const paste = [
      '2026-11-02 23:40 Collector: Pay today or we visit your work.',
      '2026-11-03 08:05 Me: STOP. Do not text me again.',
      '2026-11-03 09:10 Collector: We will keep calling until you pay.',
    ].join('\n');
    expect(pick(paste)).toEqual([
      { sender: 'Collector', localTime: '2026-11-02T23:40', direction: 'incoming', text: 'Pay today or we visit your work.' },
      { sender: 'Me', localTime: '2026-11-03T08:05', direction: 'outgoing', text: 'STOP. Do not text me again.' },
      { sender: 'Collector', localTime: '2026-11-03T09:10', direction: 'incoming', text: 'We will keep calling until you pay.' },
    ]);
  });

  it('a WhatsApp-style export with a 12-hour clock and 2-digit years', () => {
    const paste = '11/2/26, 11:40 PM - ABC Recovery: Final notice, pay now\n11/3/26, 7:15 AM - You: Please stop messaging me\n11/3/26, 12:05 AM - ABC Recovery: pay';
    expect(pick(paste, { dateOrder: 'mdy' })).toEqual([
      { sender: 'ABC Recovery', localTime: '2026-11-02T23:40', direction: 'incoming', text: 'Final notice, pay now' },
      { sender: 'You', localTime: '2026-11-03T07:15', direction: 'outgoing', text: 'Please stop messaging me' },
      { sender: 'ABC Recovery', localTime: '2026-11-03T00:05', direction: 'incoming', text: 'pay' },
    ]);
  });

  it('bracketed day-first times ([02/11/2026, 23:40:12])', () => {
    const paste = '[02/11/2026, 23:40:12] Agent: pay\n[03/11/2026, 06:01:00] Agent: pay again';
    expect(pick(paste, { dateOrder: 'dmy' }).map((m) => m.localTime)).toEqual(['2026-11-02T23:40:12', '2026-11-03T06:01:00']);
    expect(parsePastedThread(paste, { dateOrder: 'dmy' })[0]?.shownTime).toBe('02/11/2026, 23:40:12');
  });

  it('Chinese: 年月日, 上午/晚上, full-width colons, 我 is the reader', () => {
    const paste = '2026年11月2日 晚上11:40 催收员：今天不还钱就去你单位\n2026年11月3日 上午8:05 我：请不要再联系我\n2026年11月3日(星期二) 下午2:30 催收员：你躲不掉的';
    expect(pick(paste)).toEqual([
      { sender: '催收员', localTime: '2026-11-02T23:40', direction: 'incoming', text: '今天不还钱就去你单位' },
      { sender: '我', localTime: '2026-11-03T08:05', direction: 'outgoing', text: '请不要再联系我' },
      { sender: '催收员', localTime: '2026-11-03T14:30', direction: 'incoming', text: '你躲不掉的' },
    ]);
  });

  it('blocks separated by blank lines, each opening with a time (sender on the next line), bodies over several lines', () => {
    const paste = '2026-11-02 23:40\nCollector: Pay now.\nLast warning.\n\n2026-11-03 21:30\nAnother line from them\n';
    const msgs = parsePastedThread(paste);
    expect(msgs.map(({ sender, text }) => ({ sender, text }))).toEqual([
      { sender: 'Collector', text: 'Pay now.\nLast warning.' },
      { sender: undefined, text: 'Another line from them' },
    ]);
    // offsets point into the paste, so findings can be marked there
    for (const m of msgs) expect(paste.slice(m.start, m.start + m.text.length)).toBe(m.text);
  });

  it('no times, or only one: the whole paste is one message', () => {
    const plain = 'Pay today or we will call your boss.\n\nThis is your last chance.';
    expect(parsePastedThread(plain)).toEqual([{ id: 'm1', text: plain, start: 0, direction: 'incoming' }]);
    const one = '2026-11-02 23:40 Collector: pay now\nMore text';
    expect(parsePastedThread(one)).toHaveLength(1);
    expect(timedCount(parsePastedThread(one))).toBe(0);
    // a time inside a sentence is not a header
    expect(parsePastedThread('We called at 2026-11-02 23:40 and at 2026-11-03 08:00.')).toHaveLength(1);
  });

  it('text before the first header is kept as an untimed message; a colon in the body is not a sender', () => {
    const paste = 'Export of chat\n2026-11-02 23:40 Reminder: your balance is due.\n2026-11-03 09:00 This is a long sentence with a colon: not a sender';
    const msgs = parsePastedThread(paste);
    expect(msgs.map((m) => [m.sender, m.localTime])).toEqual([
      [undefined, undefined],
      ['Reminder', '2026-11-02T23:40'],
      [undefined, '2026-11-03T09:00'],
    ]);
    expect(timedCount(msgs)).toBe(2);
  });
});

describe('time helpers', () => {
  it('wall-clock time in a zone → UTC, across DST', () => {
    expect(toUtc('2026-11-02T23:40', 'Asia/Shanghai')).toBe('2026-11-02T15:40:00.000Z');
    expect(toUtc('2026-11-02T23:40', 'America/New_York')).toBe('2026-11-03T04:40:00.000Z'); // EST
    expect(toUtc('2026-07-02T23:40', 'America/New_York')).toBe('2026-07-03T03:40:00.000Z'); // EDT
    expect(toUtc('2026-11-02T23:40:30', 'UTC')).toBe('2026-11-02T23:40:30.000Z');
    expect(toUtc('2026-11-02', 'UTC')).toBeUndefined();
    expect(toUtc('2026-11-02T23:40', 'Mars/Olympus')).toBeUndefined();
  });

  it('date order from the locale', () => {
    expect(dateOrderFor('en-US')).toBe('mdy');
    expect(dateOrderFor('en-GB')).toBe('dmy');
    expect(dateOrderFor('zh-CN')).toBe('dmy');
  });
});
