import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { canonicalJson, fromUtf8, sha256Hex } from './canonical';
import { exportBundle, exportFiles, importBundle, verifyBundle, verifyFiles, zipFiles, type ExportOptions } from './bundle';
import { sampleRecords } from './fixtures';
import { Ledger } from './ledger';
import { generateInstallKey } from './signing';

async function setup(language: ExportOptions['language'] = 'en') {
  const { records, screenshots } = await sampleRecords();
  const l = new Ledger();
  for (const r of records) await l.capture(r);
  await l.annotate({ id: 'n1', recordId: 'gm-0001', type: 'note', value: 'Called them <script>alert(1)</script>', createdAt: '2026-11-21T10:00:00.000Z' });
  const keyPair = await generateInstallKey();
  const opts: ExportOptions = { exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 'dunwatch 0.1.0', language, keyPair };
  return { l, screenshots, opts };
}

describe('export bundle', () => {
  it('holds the files, and SHA256SUMS lists every file but itself and the signature', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    expect(Object.keys(files).sort()).toEqual(['SHA256SUMS', 'VERIFY.txt', 'evidence.csv', 'evidence.json', 'report.html', 'screenshots/gm-0001.png', 'screenshots/wa-0001.png', 'signature.json']);
    const sums = fromUtf8(files['SHA256SUMS']!);
    expect(sums).toMatch(/^([0-9a-f]{64} {2}\S+\n)+$/);
    for (const line of sums.trimEnd().split('\n')) {
      const [hex, name] = line.split('  ');
      expect(await sha256Hex(files[name!]!)).toBe(hex);
    }
    const sig = JSON.parse(fromUtf8(files['signature.json']!));
    expect(sig).toMatchObject({ algorithm: 'ECDSA-P256-SHA256', signedFile: 'SHA256SUMS', digest: await sha256Hex(files['SHA256SUMS']!), createdAt: opts.exportedAt, softwareVersion: 'dunwatch 0.1.0' });
    expect(sig.publicKey.jwk.crv).toBe('P-256');
  });
  it('CSV: BOM, CRLF, one row per finding, RFC 4180 quoting, formula cells defused', async () => {
    const { l, screenshots, opts } = await setup();
    const csv = fromUtf8((await exportFiles(l.entries, screenshots, opts))['evidence.csv']!);
    expect(csv.startsWith('\uFEFFrecord_id,captured_at,')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows.pop()).toBe('');
    expect(rows.length).toBe(1 + 2 + 1 + 2 + 1); // header, gm-0001×2, gm-0002 (no findings), wa-0001×2, px-0001
    expect(csv).toContain('"Apex Recovery ""Legal"" Dept"');
    expect(csv).toContain(',老赖,');
    expect(csv).not.toMatch(/[^\r]\n/); // every line ends CRLF
  });
  it('report.html escapes message text and notes, marks spans, states what it proves (en and zh-CN)', async () => {
    const { l, screenshots, opts } = await setup();
    const html = fromUtf8((await exportFiles(l.entries, screenshots, opts))['report.html']!);
    expect(html).toContain('&lt;b&gt;Final notice&lt;/b&gt;');
    expect(html).not.toContain('<b>Final notice');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Called them &lt;script&gt;');
    expect(html).toContain('<mark title="threat.arrest: Threat of arrest or jail">we will have you ARRESTED</mark>');
    expect(html).toMatch(/It does not prove that the sender really sent the message/);
    expect(html).toContain('<img src="screenshots/gm-0001.png"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const zh = await setup('zh-CN');
    const zhHtml = fromUtf8((await exportFiles(zh.l.entries, zh.screenshots, zh.opts))['report.html']!);
    expect(zhHtml).toContain('<html lang="zh-CN">');
    expect(zhHtml).toContain('它不能证明发送者确实发送了该消息');
    expect(zhHtml).toContain('<mark title="abuse.laolai: 侮辱性称呼">老赖</mark>');
  });
  it('a fresh export verifies', async () => {
    const { l, screenshots, opts } = await setup();
    const v = await verifyBundle(await exportBundle(l.entries, screenshots, opts));
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });
  it('round trip: import into a fresh locker and export again gives byte-identical files (bar the randomised signature)', async () => {
    const { l, screenshots, opts } = await setup();
    const zip = await exportBundle(l.entries, screenshots, opts);
    const fresh = new Ledger();
    const r = await importBundle(fresh, zip);
    expect(r).toMatchObject({ ok: true, added: l.entries.length, skipped: 0 });
    if (!r.ok) return;
    expect(canonicalJson(fresh.entries)).toBe(canonicalJson(l.entries));
    const a = unzipSync(zip);
    const b = unzipSync(await exportBundle(fresh.entries, r.screenshots, opts));
    for (const name of Object.keys(a)) if (name !== 'signature.json') expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!)), name).toBe(true);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    // importing the same bundle again adds nothing
    expect(await importBundle(fresh, zip)).toMatchObject({ ok: true, added: 0, skipped: l.entries.length });
  });
  it('refuses to import a tampered bundle, changes nothing, and says why', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    const ej = files['evidence.json']!.slice();
    ej[ej.indexOf(0x41)]! ^= 0x01; // some "A" in the JSON
    const target = new Ledger();
    const { records } = await sampleRecords();
    await target.capture({ ...records[0]!, id: 'local-1' });
    const before = canonicalJson(target.entries);
    const r = await importBundle(target, zipFiles({ ...files, 'evidence.json': ej }, opts.exportedAt));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ file: 'evidence.json', reason: expect.stringMatching(/SHA-256 differs/) });
    expect(canonicalJson(target.entries)).toBe(before);
  });
  it('names a missing file, an added file, a non-zip', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    const { ['report.html']: _gone, ...rest } = files;
    expect((await verifyFiles(rest)).problems).toEqual([
      { file: 'report.html', reason: 'missing from the bundle' },
    ]);
    expect((await verifyFiles({ ...files, 'extra.txt': new Uint8Array(1) })).problems).toEqual([{ file: 'extra.txt', reason: 'not listed in SHA256SUMS (added after the export)' }]);
    expect((await verifyBundle(new Uint8Array([1, 2, 3]))).problems[0]!.file).toBe('(zip)');
    // a member larger than the limit is refused before it is inflated (zip bombs)
    const big = await verifyBundle(zipFiles(files, opts.exportedAt), { file: 5000, total: 1e9 });
    expect(big.ok).toBe(false);
    expect(big.problems.map((p) => p.file).sort()).toEqual(Object.keys(files).filter((n) => files[n]!.length > 5000).sort());
    expect(big.problems[0]!.reason).toMatch(/larger than this tool reads/);
  });
  it('re-signing with another key after editing is caught only by the key fingerprint, which is reported', async () => {
    const { l, screenshots, opts } = await setup();
    const v1 = await verifyBundle(await exportBundle(l.entries, screenshots, opts));
    const v2 = await verifyBundle(await exportBundle(l.entries, screenshots, { ...opts, keyPair: await generateInstallKey() }));
    expect(v1.ok && v2.ok).toBe(true);
    expect(v1.fingerprint).not.toBe(v2.fingerprint);
  });
});

describe('tamper detection (property)', () => {
  it('flipping any one byte of any file in the zip fails verification naming exactly that file', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    const names = Object.keys(files).sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.nat(), fc.integer({ min: 1, max: 255 }), async (name, pos, mask) => {
        const bytes = files[name]!.slice();
        const at = pos % bytes.length;
        bytes[at]! ^= mask;
        const v = await verifyBundle(zipFiles({ ...files, [name]: bytes }, opts.exportedAt));
        expect(v.ok).toBe(false);
        expect([...new Set(v.problems.map((p) => p.file))]).toEqual([name]);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
