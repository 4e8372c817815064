import { describe, expect, it } from 'vitest';
import { redactRecord } from './redact';

describe('redactRecord', () => {
  it('redacts text and header fields and moves findings with the text', () => {
    const text = '王小明，你再不还钱我们就打你单位电话010-87654321，告诉你领导。';
    const start = text.indexOf('打你单位');
    const end = text.indexOf('，告诉');
    const out = redactRecord({ id: 'x', text, from: 'Zhang Wei <zw@example.com>', findings: [{ rule: 'r', start, end, excerpt: text.slice(start, end) }] }, {});
    expect(out.text).toBe('[NAME]，你再不还钱我们就打你单位电话[PHONE]，告诉你领导。');
    expect(out.from).toBe('[NAME] <[EMAIL]>');
    const f = (out.findings as { start: number; end: number; excerpt: string }[])[0]!;
    expect(f.excerpt).toBe('打你单位电话[PHONE]');
    expect((out.text as string).slice(f.start, f.end)).toBe(f.excerpt);
    expect(out.redacted).toEqual({ NAME: 2, PHONE: 1, EMAIL: 1 });
  });

  it('attack: every column is redacted, not a short case-sensitive list; personal columns as a whole', () => {
    // a CSV export with the columns people really have: none of them was redacted before but Name/email/phone/address
    const rec = {
      id: 'c-1',
      text: 'They called my work.',
      NAME: 'okafor',
      Email: 'j.okafor@example.com',
      'Phone Number': '555 0100',
      'Home_Address': '12 rue de la Paix',
      'ZIP code': '787XX',
      Consumer_Notes: 'My SSN 123-45-6789 and my sister Mary Jones were mentioned; call 212-555-0147.',
      Issue: 'Communication tactics',
      sender: 'Okafor <o@example.com>',
      contacts: [{ name: 'bob', tel: 2125550147 }],
      score: 3,
      'Date received': '2024-03-05',
    };
    const out = redactRecord(rec, {});
    expect(out).toMatchObject({
      id: 'c-1',
      NAME: '[NAME]',
      Email: '[EMAIL]',
      'Phone Number': '[PHONE]',
      Home_Address: '[ADDRESS]',
      'ZIP code': '[ADDRESS]',
      Consumer_Notes: 'My SSN [ID] and my sister [NAME] were mentioned; call [PHONE].',
      Issue: 'Communication tactics',
      sender: '[NAME] <[EMAIL]>',
      contacts: [{ name: '[NAME]', tel: '[PHONE]' }],
      score: 3,
      'Date received': '2024-03',
    });
    // --keep, case-insensitively
    expect(redactRecord(rec, { keep: ['date received', 'issue'] })).toMatchObject({ 'Date received': '2024-03-05', Issue: 'Communication tactics' });
    expect(redactRecord(rec, { style: 'cfpb' })).toMatchObject({ NAME: 'XXXX', contacts: [{ tel: 'XXXX' }] });
  });

  it('the field a record came from (an .eml file name) and free text in any column are redacted by content', () => {
    const out = redactRecord({ id: 'x', text: 'hi', file: 'letters/Mary Jones 212-555-0147.eml', 备注: '联系人：张伟，电话13812345678' }, {});
    expect(out.file).toBe('letters/[NAME] [PHONE].eml');
    expect(out['备注']).toBe('联系人：[NAME]，电话[PHONE]');
  });
});
