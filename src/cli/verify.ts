/** dunwatch verify BUNDLE.zip — check an evidence export (see src/evidence/bundle.ts). */
import { readFile } from 'node:fs/promises';
import { verifyBundle } from '../evidence/bundle';
import { liveRecords } from '../evidence/ledger';

export async function verifyCommand(file: string, format: 'text' | 'json'): Promise<number> {
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(await readFile(file));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const v = await verifyBundle(zip);
  const entries = v.evidence?.entries ?? [];
  const summary = {
    bundle: file,
    valid: v.ok,
    problems: v.problems,
    records: v.ok ? liveRecords(entries).length : undefined,
    entries: v.evidence ? entries.length : undefined,
    deletions: v.ok ? entries.filter((e) => e.kind === 'deletion').length : undefined,
    keyFingerprint: v.fingerprint,
    createdAt: v.createdAt,
    softwareVersion: v.evidence?.softwareVersion,
  };
  if (format === 'json') process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else if (v.ok) {
    process.stdout.write(
      `${file}: valid\n` +
        `  every file matches SHA256SUMS; the signature over SHA256SUMS holds; the hash chain is intact\n` +
        `  ${summary.records} records, ${summary.entries} chain entries (${summary.deletions} deletions), exported ${v.createdAt} by ${summary.softwareVersion}\n` +
        `  signing key fingerprint (SHA-256): ${v.fingerprint}\n` +
        `  Proves: unchanged since export, no saved message edited, removed or reordered since saved.\n` +
        `  Does not prove: that the sender sent it, or who holds the key — compare the fingerprint.\n`,
    );
  } else {
    process.stdout.write(`${file}: INVALID\n`);
    for (const p of v.problems) process.stdout.write(`  ${p.file}: ${p.reason}\n`);
  }
  return v.ok ? 0 : 4;
}
