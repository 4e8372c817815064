import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forTerminal, jsonForTerminal } from './terminal';

// any byte a terminal acts on: C0 (bar tab), DEL, C1, line/paragraph separators, bidi controls
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('forTerminal', () => {
  it('writes ESC, CSI, OSC and C1 controls out as text', () => {
    const erase = '\x1b[2K\r\x1b[1A\x1b[32mvalid\x1b[0m';
    expect(forTerminal(erase)).toBe('\\x1b[2K\\x0d\\x1b[1A\\x1b[32mvalid\\x1b[0m');
    const osc = '\x1b]8;;https://evil.example\x07click\x1b]8;;\x07';
    expect(forTerminal(osc)).toBe('\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07');
    expect(forTerminal('\x9b2J\x9d0;title\x9c')).toBe('\\x9b2J\\x9d0;title\\x9c');
    expect(forTerminal('abc\u202edcb')).toBe('abc\\u202edcb');
    expect(forTerminal('a\u2028b')).toBe('a\\u2028b');
  });
  it('keeps line breaks only when asked (message text), never a carriage return', () => {
    expect(forTerminal('one\ntwo')).toBe('one\\x0atwo');
    expect(forTerminal('one\ntwo\r', true)).toBe('one\ntwo\\x0d');
    expect(forTerminal('tab\there 中文 ✓')).toBe('tab\there 中文 ✓');
  });
  it('no output ever holds a control character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (s, nl) => {
        const out = forTerminal(s, nl);
        expect(ACTIVE.test(nl ? out.replace(/\n/g, '') : out)).toBe(false);
      }),
    );
  });
});

describe('jsonForTerminal', () => {
  it('escapes what JSON.stringify leaves raw and keeps the same JSON value', () => {
    const value = { id: '\x9b2J\u202e', text: 'ok\x1b[0m' };
    const json = jsonForTerminal(JSON.stringify(value));
    expect(ACTIVE.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual(value);
  });
});
