/** dunwatch verify BUNDLE.zip — check an evidence export (see src/evidence/bundle.ts). */
import { readFile } from 'node:fs/promises';
import { verifyBundle, type BundleVerdict } from '../evidence/bundle';
import { liveRecords } from '../evidence/ledger';
import { forTerminal, jsonForTerminal } from './terminal';

export interface VerifyOptions {
  format: 'text' | 'json';
  /** the fingerprint (SHA-256 hex of the public key) the user was given by the person who made the export */
  expectFingerprint?: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** "AB:cd 12…" as people copy it → 64 lowercase hex digits, or undefined when it is not one. */
export function normaliseFingerprint(s: string): string | undefined {
  const hex = s.replace(/[\s:]/g, '').toLowerCase();
  return HEX64.test(hex) ? hex : undefined;
}

/** What `dunwatch verify` prints for a verdict, and its exit code. Every string from the bundle is escaped. */
export function verifyReport(file: string, v: BundleVerdict, opts: VerifyOptions): { out: string; code: number } {
  const entries = v.evidence?.entries ?? [];
  const expected = opts.expectFingerprint;
  const keyMatches = expected === undefined ? undefined : v.fingerprint === expected;
  const problems = [...v.problems];
  if (keyMatches === false) problems.push({ file: 'signature.json', reason: `signed with key ${v.fingerprint ?? '(none)'}, not the expected key ${expected}` });
  const ok = v.ok && keyMatches !== false;
  const summary = {
    bundle: file,
    valid: ok,
    problems,
    records: v.ok ? liveRecords(entries).length : undefined,
    entries: v.evidence ? entries.length : undefined,
    deletions: v.ok ? entries.filter((e) => e.kind === 'deletion').length : undefined,
    imports: v.ok ? entries.filter((e) => e.kind === 'import').length : undefined,
    keyFingerprint: v.fingerprint,
    expectedFingerprint: expected,
    keyMatchesExpected: keyMatches,
    createdAt: v.createdAt,
    softwareVersion: v.evidence?.softwareVersion,
  };
  if (opts.format === 'json') return { out: jsonForTerminal(JSON.stringify(summary, null, 2)) + '\n', code: ok ? 0 : 4 };
  const s = (x: unknown) => forTerminal(x);
  const name = s(file);
  if (!ok) {
    let out = `${name}: INVALID\n`;
    for (const p of problems) out += `  ${s(p.file)}: ${s(p.reason)}\n`;
    return { out, code: 4 };
  }
  const key =
    keyMatches === true
      ? `  signing key fingerprint (SHA-256): ${s(v.fingerprint)} — the key you expected\n`
      : `  signing key fingerprint (SHA-256): ${s(v.fingerprint)}\n` +
        `  (not compared: pass --expect-fingerprint HEX with the fingerprint the person who made the export gave you)\n`;
  return {
    out:
      `${name}: valid\n` +
      `  every file matches SHA256SUMS; the signature over SHA256SUMS holds; the hash chain is intact;\n` +
      `  report.html, evidence.csv and VERIFY.txt are exactly what evidence.json gives\n` +
      `  ${summary.records} records, ${summary.entries} chain entries (${summary.deletions} deletions, ${summary.imports} imports), exported ${s(v.createdAt)} by ${s(summary.softwareVersion)}\n` +
      key +
      `  A valid signature proves: no file changed since the holder of that key signed it, and no saved\n` +
      `  message was edited, removed or reordered since it was saved.\n` +
      `  It does not prove: who holds that key (anyone can make one), that the sender sent the message,\n` +
      `  or that imported records were first saved when they claim.\n`,
    code: 0,
  };
}

export async function verifyCommand(file: string, opts: VerifyOptions): Promise<number> {
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(await readFile(file));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { out, code } = verifyReport(file, await verifyBundle(zip), opts);
  process.stdout.write(out);
  return code;
}
