import { describe, expect, it } from 'vitest';
import { isValidMatchPattern, urlMatches } from './match-pattern';
import { parseShownTime } from './time';

describe('parseShownTime', () => {
  it.each([
    ['Sat, Nov 28, 2026, 10:02 AM', '2026-11-28T10:02'],
    ['Sat, Nov 28, 2026, 12:05 AM', '2026-11-28T00:05'],
    ['28 November 2026, 22:10', '2026-11-28T22:10'],
    ['10:02, 28/11/2026', '2026-11-28T10:02'],
    ['10:54 PM, 12/29/2025', '2025-12-29T22:54'],
    ['2026年11月28日(星期六) 下午3:15', '2026-11-28T15:15'],
    ['2026年11月28日 晚上11:05', '2026-11-28T23:05'],
    ['2026-11-28 22:10', '2026-11-28T22:10'],
    ['1795831320', '2026-11-28T02:02:00.000Z'],
    ['2026-11-28T15:02:00.000+08:00', '2026-11-28T07:02:00.000Z'],
    ['2026-11-28T15:02', '2026-11-28T15:02'],
    ['Nov 28, 2026', '2026-11-28'],
  ])('%s → %s', (shown, iso) => expect(parseShownTime(shown)).toBe(iso));

  it.each([['10:02'], ['Yesterday'], ['11月28日 10:02'], ['05/06/2026 10:00'], ['31/31/2026'], ['']])('%s has no full date → undefined', (shown) =>
    expect(parseShownTime(shown)).toBeUndefined(),
  );

  it('uses the date order hint only for ambiguous numeric dates', () => {
    expect(parseShownTime('05/06/2026 10:00', { dateOrder: 'dmy' })).toBe('2026-06-05T10:00');
    expect(parseShownTime('05/06/2026 10:00', { dateOrder: 'mdy' })).toBe('2026-05-06T10:00');
    expect(parseShownTime('25/06/2026 10:00', { dateOrder: 'mdy' })).toBe('2026-06-25T10:00');
  });
});

describe('match patterns', () => {
  it('validates', () => {
    for (const p of ['https://mail.google.com/*', '*://*.example.com/a/*', '<all_urls>', 'file:///*']) expect(isValidMatchPattern(p), p).toBe(true);
    for (const p of ['mail.google.com/*', 'https://mail.google.com', 'https://*mail.google.com/*', 'chrome://x/*', 'https://a.com:*/*']) expect(isValidMatchPattern(p), p).toBe(false);
  });
  it('matches paths, ignores the fragment, does not confuse hosts', () => {
    expect(urlMatches('https://web.telegram.org/k/#777', ['https://web.telegram.org/k/*'])).toBe(true);
    expect(urlMatches('https://web.telegram.org/z/#777', ['https://web.telegram.org/k/*'])).toBe(false);
    expect(urlMatches('https://mail.google.com.evil.example/', ['https://mail.google.com/*'])).toBe(false);
    expect(urlMatches('https://x.example.com/a/b', ['*://*.example.com/a/*'])).toBe(true);
    expect(urlMatches('https://www.facebook.com/#/messages/t/1', ['https://www.facebook.com/messages/*'])).toBe(false);
  });
});
