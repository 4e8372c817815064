import { describe, expect, it } from 'vitest';
import { csvCell, defuseFormulas, evidenceCsv } from './csv';
import { sampleRecords } from './fixtures';

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
  it('attack: a formula after a ";" (or "," / tab / line break) inside a cell is defused too, for spreadsheets whose list separator is ";"', () => {
    // a ;-locale spreadsheet splits "pay;=cmd|' /C calc'!A0" at the ; and runs the second cell
    expect(defuseFormulas("pay now;=cmd|' /C calc'!A0")).toBe("pay now;'=cmd|' /C calc'!A0");
    expect(defuseFormulas('a; +1+1, -2-2\t@SUM(A1)\n=1')).toBe("a; '+1+1, '-2-2\t'@SUM(A1)\n'=1");
    expect(csvCell('x;=1+1')).toBe(`"x;'=1+1"`);
    expect(defuseFormulas('pay $5 - today')).toBe('pay $5 - today'); // not after a separator: left alone
  });
  it('no cell of an export starts a formula after any separator (property over real rows)', async () => {
    const { records } = await sampleRecords();
    const evil = records.map((r) => ({ record: { ...r, subject: '=1;=2,+3\t-4\n@5', note: 'ok;@SUM(1)' }, sha256: 'h' }));
    const csv = evidenceCsv(evil);
    // split as a ;-locale spreadsheet would (ignoring quotes), and as a ,-locale would
    for (const sep of [';', ',', '\t', '\n', '\r']) for (const cell of csv.split(sep)) expect(cell.replace(/^[\s"]+/, ''), JSON.stringify(cell)).not.toMatch(/^[=+\-@]/);
  });
});
