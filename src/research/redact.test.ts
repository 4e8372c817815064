import { describe, expect, it } from 'vitest';
import { aadhaarValid, hkIdValid, ibanValid, panValid, ssnValid, twIdValid, verhoeffValid } from './checks';
import { cnIdCheckDigit, cnIdValid, luhnValid, redact, remapSpan } from './redact';
import { HANDSET, HAND_NO_PII, HELDOUT } from './redact-handset';
import { measureHandset, measureRedaction } from './redact-measure';
import { generateTestSet } from './redact-testset';

describe('checks', () => {
  it('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
  it('Chinese ID check digit (ISO 7064 MOD 11-2)', () => {
    expect(cnIdCheckDigit('11010519491231002')).toBe('X');
    expect(cnIdValid('11010519491231002X')).toBe(true);
    expect(cnIdValid('110105194912310021')).toBe(false);
  });
});

describe('check digits', () => {
  it('SSN validity (SSA rules)', () => {
    expect(ssnValid('123', '45', '6789')).toBe(true);
    expect(ssnValid('000', '45', '6789')).toBe(false);
    expect(ssnValid('666', '45', '6789')).toBe(false);
    expect(ssnValid('912', '45', '6789')).toBe(false);
    expect(ssnValid('123', '00', '6789')).toBe(false);
    expect(ssnValid('123', '45', '0000')).toBe(false);
  });
  it('Verhoeff (Aadhaar)', () => {
    expect(verhoeffValid('2363')).toBe(true); // the textbook example: 236 → check digit 3
    expect(verhoeffValid('2364')).toBe(false);
    expect(aadhaarValid('234567890124')).toBe(true);
    expect(aadhaarValid('234567890125')).toBe(false);
    expect(aadhaarValid('123456789012')).toBe(false); // cannot start with 1
  });
  it('IBAN mod 97 with the country length', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(ibanValid('GB82WEST1234569876543')).toBe(false); // one short for GB
    expect(ibanValid('be68539007547034')).toBe(true);
    expect(ibanValid('ZZ68539007547034')).toBe(false); // no such country
  });
  it('Hong Kong and Taiwan ID check digits, PAN holder letter', () => {
    expect(hkIdValid('A', '123456', '3')).toBe(true);
    expect(hkIdValid('A', '123456', '4')).toBe(false);
    expect(hkIdValid('Z', '683365', 'A')).toBe(true);
    expect(twIdValid('A123456789')).toBe(true);
    expect(twIdValid('A123456788')).toBe(false);
    expect(panValid('ABCPE1234F')).toBe(true);
    expect(panValid('ABCXE1234F')).toBe(false); // X is no holder type
  });
});

describe('redact', () => {
  it('replaces each kind with its placeholder and reduces dates to the month', () => {
    const r = redact('Dear Mr. John Smith, call (212) 555-0147 or mail j.smith@example.com. Card 4111 1111 1111 1111, due March 5, 2024, at 221 Oak Street, Austin, TX 78701.');
    expect(r.text).toBe('Dear Mr. [NAME], call [PHONE] or mail [EMAIL]. Card [ACCOUNT], due March 2024, at [ADDRESS].');
  });
  it('Chinese names, ID, mobile, address', () => {
    const r = redact('张伟先生，身份证11010519491231002X，手机138 1234 5678，家住浙江省杭州市西湖区文三路90号5栋301室。');
    expect(r.text).toBe('[NAME]先生，身份证[ID]，手机[PHONE]，家住[ADDRESS]。');
  });
  it('does not take a number that fails the Luhn or ID check for a card or an ID', () => {
    const r = redact('Order 4111 1111 1111 1112 shipped; 身份证110105194912310021');
    expect(r.replacements.map((x) => x.type)).not.toContain('ID');
    expect(r.text).toContain('4111 1111 1111 1112');
  });
  it('CFPB style uses XXXX and keeps the month of a date; amounts only when asked', () => {
    expect(redact('Call 212-555-0147 by 03/15/2024 to pay $250.', { style: 'cfpb' }).text).toBe('Call XXXX by XX/XX/2024 to pay $250.');
    expect(redact('Pay $250.00 or 5000元', { amounts: true }).text).toBe('Pay [AMOUNT] or [AMOUNT]');
  });
  it('the identifiers of the issue: SSN, Aadhaar, PAN, IBAN, passport, licence, HK and TW ID, dotted cards', () => {
    const r = redact('SSN 123-45-6789; Aadhaar 2345 6789 0124; PAN ABCPE1234F; IBAN GB82 WEST 1234 5698 7654 32; passport No. 533401299; DL No. S530-4621-7845; HKID A123456(3); 身分證 A123456789; card 4111.1111.1111.1111.');
    expect(r.text).toBe('SSN [ID]; Aadhaar [ID]; PAN [ID]; IBAN [ACCOUNT]; passport No. [ID]; DL No. [ID]; HKID [ID]; 身分證 [ID]; card [ACCOUNT].');
  });
  it('traditional-Chinese names with titles, Taiwan addresses and phone numbers, lower-case names, handles and profile URLs', () => {
    expect(redact('陳先生您好，聯絡人：鄭家豪，電話0912-345-678，住台北市大安區忠孝東路四段100號5樓').text).toBe('[NAME]先生您好，聯絡人：[NAME]，電話[PHONE]，住[ADDRESS]');
    expect(redact('hi, my name is john smith. dm @johnsmith88 or see facebook.com/john.smith.123').text).toBe('hi, my name is [NAME]. dm [HANDLE] or see [HANDLE]');
  });
  it('a card number written in four groups is one card, not an Aadhaar or SSN inside it', () => {
    // 5191 3402 5612 is Verhoeff-valid by chance: the generated set found this
    expect(redact('card 5191 3402 5612 0666 overdue').text).toBe('card [ACCOUNT] overdue');
  });
  it('does not take numbers that fail their checks, nor words after "this is" that are not names', () => {
    expect(redact('Ref 123-45-0000, code 2345 6789 0125, IBAN GB82 WEST 1234 5698 7654 33, HK A123456(4)').replacements.filter((x) => x.type === 'ID')).toEqual([]);
    expect(redact('this is a reminder: dear customer, my name is on the account').replacements).toEqual([]);
    expect(redact('Meet @ 5pm; version 2.4.1; 15 U.S.C. § 1692g').replacements).toEqual([]);
  });
  it('leaves ordinary words that begin with a surname alone', () => {
    expect(redact('周末愉快，明天见。王者荣耀更新了。马上就到。').replacements).toEqual([]);
  });
});

describe('remapSpan', () => {
  it('keeps a finding aligned with the redacted text', () => {
    const text = 'Mr. John Smith, we will call your boss at 212-555-0147 today.';
    const r = redact(text);
    const start = text.indexOf('we will call');
    const end = text.indexOf(' today');
    const m = remapSpan(r.replacements, start, end);
    expect(r.text.slice(m.start, m.end)).toBe('we will call your boss at [PHONE]');
    // a span that starts inside a placeholder widens to the placeholder
    const inside = remapSpan(r.replacements, text.indexOf('Smith'), text.indexOf(','));
    expect(r.text.slice(inside.start, inside.end)).toBe('[NAME]');
  });
});

describe('measured on the planted test set', () => {
  const scores = measureRedaction();
  it('has at least 500 items in en and zh', () => {
    expect(scores.items).toBeGreaterThanOrEqual(500);
    expect(new Set(generateTestSet().map((x) => x.lang))).toEqual(new Set(['en', 'zh']));
  });
  // thresholds as measured (2025): all 1.000 on this set; names are planted in context
  it.each([
    ['PHONE', 0.98],
    ['EMAIL', 0.98],
    ['ACCOUNT', 0.98],
    ['ID', 0.98],
    ['ADDRESS', 0.95],
    ['NAME', 0.95],
  ] as const)('%s recall >= %f', (type, min) => {
    expect(scores.recall[type]?.recall, JSON.stringify(scores.misses.filter((m) => m.type === type).slice(0, 5))).toBeGreaterThanOrEqual(min);
  });
  it('redacts nothing but dates in messages without personal data', () => {
    expect(scores.falseRedactions).toEqual([]);
  });
});

describe('measured on the hand-written sets', () => {
  // HANDSET: written before the detectors, which were then fixed against its misses — a
  // regression set: everything in it is found.
  it('HANDSET: every value is redacted', () => {
    const s = measureHandset(HANDSET, []);
    expect(s.misses).toEqual([]);
    expect(Object.values(s.recall).reduce((n, r) => n + r!.total, 0)).toBe(89);
  });
  // HELDOUT: written after the detectors and measured once, without changing a detector for it.
  // Measured: ID 15/15, ACCOUNT 8/8, NAME 7/9, ADDRESS 3/3, PHONE 4/4, HANDLE 4/5. The misses
  // are kept here as they are, so the number stays honest; a detector change that finds them
  // must update this list.
  it('HELDOUT: recall per type as measured, and exactly these misses', () => {
    const s = measureHandset(HELDOUT, []);
    const rate = (t: string) => s.recall[t as keyof typeof s.recall]!;
    expect([rate('ID'), rate('ACCOUNT'), rate('NAME'), rate('ADDRESS'), rate('PHONE'), rate('HANDLE')].map((r) => `${r.found}/${r.total}`)).toEqual(['15/15', '8/8', '7/9', '3/3', '4/4', '4/5']);
    expect(s.misses.map((m) => m.value)).toEqual(['洪佳玲', 'jennifer', 'https://facebook.com/profile.php?id=100012345678901']);
  });
  it('clean messages: only an organisation handle is taken (a handle detector cannot tell @CFPB from a person)', () => {
    expect(measureHandset([], HAND_NO_PII).falseRedactions.map((f) => f.redacted)).toEqual(['We follow [HANDLE] and the FTC for updates on the rules.']);
  });
});
