import { describe, expect, it } from 'vitest';
import { loadEngine } from '../cli/engine';
import { newCaptureRecord, recordProblems, recordSha256 } from './record';

describe('newCaptureRecord from a real engine result', () => {
  it('keeps rule ids and versions, offsets into the exact text, times in UTC', async () => {
    const engine = await loadEngine();
    const text = 'This is a debt collector. Pay the $900 today or we will have you arrested and tell your boss.';
    const result = engine.analyze(text, {});
    expect(result.findings.length).toBeGreaterThan(0);
    const r = newCaptureRecord({
      site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc', threadId: 'abc', sender: { name: 'ACME Collections', address: 'x@acme.example' },
      sentAtShown: '3:02 PM', sentAt: new Date('2026-11-20T15:02:00-05:00'), direction: 'incoming', text, findings: result.findings,
      rulesBundleHash: engine.bundle.hash, extensionVersion: '0.1.0', capturedAt: new Date('2026-11-20T21:00:00Z'),
    });
    expect(recordProblems(r)).toEqual([]);
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.sentAt).toEqual({ shown: '3:02 PM', iso: '2026-11-20T20:02:00.000Z' });
    for (const f of r.findings) {
      expect(Number.isInteger(f.ruleVersion)).toBe(true);
      expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    }
    expect(await recordSha256(r)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('refuses a bad id or an invalid date', () => {
    const base = { site: 'pasted', text: 'x', findings: [], rulesBundleHash: 'h', extensionVersion: 'v' };
    expect(() => newCaptureRecord({ ...base, id: '../../etc' })).toThrow(/id: must be/);
    expect(() => newCaptureRecord({ ...base, sentAt: new Date('nope') })).toThrow(/invalid date/);
    expect(newCaptureRecord({ ...base, source: 'pasted', note: 'SMS, Tuesday' })).toMatchObject({ source: 'pasted', note: 'SMS, Tuesday', url: null });
  });
});
