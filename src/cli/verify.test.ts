import { describe, expect, it } from 'vitest';
import { exportFiles, verifyBundle, verifyFiles } from '../evidence/bundle';
import { zipEntries } from '../evidence/test-zip';
import { sampleRecords } from '../evidence/fixtures';
import { Ledger } from '../evidence/ledger';
import { generateInstallKey } from '../evidence/signing';
import { normaliseFingerprint, verifyReport } from './verify';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

async function bundle() {
  const { records, screenshots } = await sampleRecords();
  const l = new Ledger();
  for (const r of records) await l.capture(r);
  const keyPair = await generateInstallKey();
  return exportFiles(l.entries, screenshots, { exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 'dunwatch 0.1.0', language: 'en', keyPair });
}

describe('dunwatch verify output', () => {
  it('attack: a member named with terminal escapes cannot erase INVALID and draw "valid"', async () => {
    const files = await bundle();
    // cursor up, erase the line, print a green "valid"
    const evil = 'x\r\x1b[1A\x1b[2K\x1b[32mbundle.zip: valid\x1b[0m\x9b2K';
    const v = await verifyBundle(zipEntries([...files, [evil, new Uint8Array([1])]]));
    expect(v.ok).toBe(false);
    const { out, code } = verifyReport('bundle.zip', v, { format: 'text' });
    expect(code).toBe(4);
    expect(out).toMatch(/^bundle\.zip: INVALID\n/);
    expect(CONTROL.test(out)).toBe(false);
    expect(out).toContain('x\\x0d\\x1b[1A\\x1b[2K\\x1b[32mbundle.zip: valid\\x1b[0m\\x9b2K: not a file a Dunwatch bundle holds');
    const json = verifyReport('bundle.zip', v, { format: 'json' });
    expect(CONTROL.test(json.out.replace(/\n/g, ''))).toBe(false);
    expect(JSON.parse(json.out).problems[0].file).toBe(evil);
  });
  it('says what a valid signature proves and what it does not', async () => {
    const v = await verifyFiles(await bundle());
    const { out, code } = verifyReport('b.zip', v, { format: 'text' });
    expect(code).toBe(0);
    expect(out).toContain('A valid signature proves: no file changed since the holder of that key signed it');
    expect(out).toContain('It does not prove: who holds that key');
  });
  it('--expect-fingerprint: exit 0 with the right key, 4 with another', async () => {
    const v = await verifyFiles(await bundle());
    const fp = v.fingerprint!;
    expect(verifyReport('b.zip', v, { format: 'text', expectFingerprint: fp })).toMatchObject({ code: 0, out: expect.stringContaining('the key you expected') });
    const other = 'ab'.repeat(32);
    const r = verifyReport('b.zip', v, { format: 'text', expectFingerprint: other });
    expect(r.code).toBe(4);
    expect(r.out).toContain(`signature.json: signed with key ${fp}, not the expected key ${other}`);
    expect(JSON.parse(verifyReport('b.zip', v, { format: 'json', expectFingerprint: other }).out)).toMatchObject({ valid: false, keyMatchesExpected: false });
  });
  it('reads a fingerprint as people copy it', () => {
    expect(normaliseFingerprint('AB:' + 'cd'.repeat(31))).toBe('ab' + 'cd'.repeat(31));
    expect(normaliseFingerprint('ab cd')).toBeUndefined();
  });
});
