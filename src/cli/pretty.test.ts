import { describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../engine';
import { prettyMessage } from './pretty';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f]|\x1b(?!\[[0-9;]*m)/;

describe('scan --format pretty', () => {
  it('attack: ids, text, excerpts and titles with ESC / CSI / OSC / C1 controls reach the terminal as text', () => {
    const text = 'Pay now \x1b]0;pwned\x07 or \x9b2J we will \x1b[8mhide\x1b[0m';
    const result: AnalyzeResult = {
      lang: 'en',
      collection: { is: true, score: 3, cues: [] },
      findings: [{ rule: 'en.threat.x\x1b[2K', ruleVersion: 1, category: 'threat', severity: 'high', start: 8, end: 20, excerpt: text.slice(8, 20), title: 'T\x9d', explanation: '', law: ['l\x1b[1A'], citations: [] }],
    } as unknown as AnalyzeResult;
    for (const colour of [false, true]) {
      const out = prettyMessage('id\x1b[2K\r\x1b[1Avalid', text, result, colour);
      // our own colours are SGR sequences; nothing else may reach the terminal
      expect(CONTROL.test(out), JSON.stringify(out)).toBe(false);
      expect(out).toContain('id\\x1b[2K\\x0d\\x1b[1Avalid');
      expect(out).toContain('\\x1b]0;pwned\\x07');
      expect(out).toContain('\\x9b2J');
    }
  });
});
