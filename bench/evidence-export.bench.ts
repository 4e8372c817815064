/**
 * Evidence export time: 1,000 records (the four fixture shapes, en + zh, with findings),
 * each with a 50 KB screenshot (incompressible, like a real PNG), plus 200 notes and 20
 * deletions. Measures: building the chain (hash per record and entry), the export (hash
 * chain check, CSV, report.html, SHA256SUMS, signature, zip), and verifying the zip.
 * Run: node --import tsx bench/evidence-export.bench.ts [records] [screenshot KB]
 */
import { exportBundle, verifyBundle } from '../src/evidence/bundle';
import { sha256Hex } from '../src/evidence/canonical';
import { fakePng, sampleRecords } from '../src/evidence/fixtures';
import { Ledger } from '../src/evidence/ledger';
import type { CaptureRecord } from '../src/evidence/record';
import { generateInstallKey } from '../src/evidence/signing';

const N = Number(process.argv[2] ?? 1000);
const KB = Number(process.argv[3] ?? 50);
const RUNS = 3;

const { records: shapes } = await sampleRecords();
const records: CaptureRecord[] = [];
const screenshots = new Map<string, Uint8Array>();
for (let i = 0; i < N; i++) {
  const base = shapes[i % shapes.length]!;
  const id = `r-${String(i).padStart(5, '0')}`;
  const png = fakePng(i + 1, KB * 1024);
  screenshots.set(id, png);
  const t = Date.parse('2026-01-01T00:00:00.000Z') + i * 3_600_000;
  records.push({ ...base, id, capturedAt: new Date(t + 60_000).toISOString(), sentAt: { shown: base.sentAt.shown, iso: new Date(t).toISOString() }, screenshotSha256: await sha256Hex(png) });
}

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let t0 = performance.now();
const ledger = new Ledger();
for (const r of records) await ledger.capture(r);
for (let i = 0; i < 200; i++) await ledger.annotate({ id: `n-${i}`, recordId: records[i * 5]!.id, type: 'note', value: `note ${i}`, createdAt: '2026-06-01T00:00:00.000Z' });
for (let i = 0; i < 20; i++) await ledger.delete(records[i * 7 + 1]!.id, 'bench', '2026-06-02T00:00:00.000Z');
const chainMs = ms(t0);

const keyPair = await generateInstallKey();
const exportTimes: number[] = [];
const verifyTimes: number[] = [];
let zip: Uint8Array = new Uint8Array();
for (let run = 0; run < RUNS; run++) {
  t0 = performance.now();
  zip = await exportBundle(ledger.entries, screenshots, { exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 'bench', language: 'en', keyPair });
  exportTimes.push(ms(t0));
  t0 = performance.now();
  const v = await verifyBundle(zip);
  verifyTimes.push(ms(t0));
  if (!v.ok) throw new Error(`bench export does not verify: ${JSON.stringify(v.problems.slice(0, 3))}`);
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
process.stdout.write(
  `evidence export: ${N} records × ${KB} KB screenshots, ${ledger.entries.length} chain entries (Node ${process.version})\n` +
    `  build chain (hash every record and entry): ${chainMs.toFixed(0)} ms\n` +
    `  export to zip, median of ${RUNS}:            ${median(exportTimes).toFixed(0)} ms  (runs ${exportTimes.map((x) => x.toFixed(0)).join(', ')})\n` +
    `  verify zip, median of ${RUNS}:               ${median(verifyTimes).toFixed(0)} ms\n` +
    `  zip size: ${mb(zip.length)} MB; heap used: ${mb(process.memoryUsage().heapUsed)} MB\n`,
);
