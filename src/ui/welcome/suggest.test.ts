import { describe, expect, it } from 'vitest';
import { jurisdictionForZone, suggestFor } from './suggest';

describe('welcome: jurisdiction suggested from the time zone, then the locale', () => {
  it('the time zone wins over the language (the readers the locale got wrong)', () => {
    expect(suggestFor('America/New_York', 'zh-CN')).toEqual({ jurisdiction: 'us', from: 'timeZone' });
    expect(suggestFor('Asia/Hong_Kong', 'en-US')).toEqual({ jurisdiction: 'hk', from: 'timeZone' });
    expect(suggestFor('Asia/Taipei', 'en-GB')).toEqual({ jurisdiction: 'tw', from: 'timeZone' });
    expect(suggestFor('Europe/London', 'hi-IN')).toEqual({ jurisdiction: 'uk', from: 'timeZone' });
  });

  it('a zone we cannot place falls back to the locale', () => {
    expect(suggestFor('UTC', 'zh-TW')).toEqual({ jurisdiction: 'tw', from: 'locale' });
    expect(suggestFor('Europe/Zurich', 'en-GB')).toEqual({ jurisdiction: 'uk', from: 'locale' });
    expect(suggestFor('', 'en-US')).toEqual({ jurisdiction: 'us', from: 'locale' });
  });

  it('places the zones of each jurisdiction we have', () => {
    const cases: [string, string][] = [
      ['Asia/Shanghai', 'cn'], ['Asia/Urumqi', 'cn'], ['Asia/Macau', 'hk'], ['America/Chicago', 'us'], ['Pacific/Honolulu', 'us'],
      ['America/Indiana/Knox', 'us'], ['America/Toronto', 'ca'], ['America/Vancouver', 'ca'], ['Europe/Berlin', 'eu'], ['Europe/Dublin', 'eu'],
      ['Atlantic/Canary', 'eu'], ['Asia/Kolkata', 'in'], ['Australia/Sydney', 'au'], ['Asia/Manila', 'ph'], ['Asia/Jakarta', 'id'],
    ];
    for (const [zone, j] of cases) expect(jurisdictionForZone(zone), zone).toBe(j);
    expect(jurisdictionForZone('America/Mexico_City')).toBeUndefined();
    expect(jurisdictionForZone('Europe/Moscow')).toBeUndefined();
  });
});
