/**
 * Writes the sample export under docs/examples/: evidence-sample.zip and the same files
 * unzipped in evidence-sample/. Made from the fixture-like records of fixtures.ts, with one
 * note, one tag and one deletion so every entry kind appears. A new signing key is made each
 * run, so signature.json changes; every other file is reproducible.
 * Run: npx tsx src/evidence/make-example.ts [en|zh-CN]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exportFiles, zipFiles } from './bundle';
import { sampleRecords } from './fixtures';
import { Ledger } from './ledger';
import { generateInstallKey } from './signing';

export async function sampleLedger(): Promise<{ ledger: Ledger; screenshots: Map<string, Uint8Array> }> {
  const { records, screenshots } = await sampleRecords();
  const ledger = new Ledger();
  for (const r of records) await ledger.capture(r);
  await ledger.capture({ ...records[3]!, id: 'px-0002', capturedAt: '2026-11-22T18:31:00.000Z', note: 'saved twice by mistake' });
  await ledger.annotate({ id: 'an-1', recordId: 'gm-0001', type: 'note', value: 'Phoned my employer the next day as well (see call log).', createdAt: '2026-11-21T10:00:00.000Z' });
  await ledger.annotate({ id: 'an-2', recordId: 'wa-0001', type: 'tag', value: 'contacts-threat', createdAt: '2026-11-21T10:01:00.000Z' });
  await ledger.delete('px-0002', 'duplicate of px-0001', '2026-11-22T18:32:00.000Z');
  return { ledger, screenshots };
}

async function main(): Promise<void> {
  const language = process.argv[2] === 'zh-CN' ? 'zh-CN' : 'en';
  const { ledger, screenshots } = await sampleLedger();
  const exportedAt = '2026-11-28T12:00:00.000Z';
  const files = await exportFiles(ledger.entries, screenshots, { exportedAt, softwareVersion: 'dunwatch 0.1.0', language, keyPair: await generateInstallKey() });
  const out = join(process.cwd(), 'docs/examples');
  const dir = join(out, 'evidence-sample');
  await rm(dir, { recursive: true, force: true });
  for (const [name, bytes] of files) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  await writeFile(join(out, 'evidence-sample.zip'), zipFiles(files, exportedAt));
  process.stdout.write(`wrote ${dir}/ and ${out}/evidence-sample.zip (${files.size} files)\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
