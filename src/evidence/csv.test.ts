import { describe, expect, it } from 'vitest';
import { csvCell } from './csv';

describe('CSV cells (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks; doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "pay"')).toBe('"say ""pay"""');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
  it('defuses text that a spreadsheet would run as a formula, not numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('@home')).toBe("'@home");
    expect(csvCell(-3)).toBe('-3');
  });
});
