import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, fromUtf8, sha256Hex, utf8 } from './canonical';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, derivedFiles, evidenceJsonBytes, exportBundle, exportFiles, importBundle, previewImport, signFiles, unzipBundle, verifyBundle, verifyFiles, zipFiles, type BundleFiles, type EvidenceJson, type ExportOptions } from './bundle';
import { sampleRecords } from './fixtures';
import { Ledger, nextEntry, verifyChain, type ChainEntry } from './ledger';
import { reportHtml } from './report';
import { exportPublicKey, generateInstallKey } from './signing';
import { zipEntries } from './test-zip';

async function setup(language: ExportOptions['language'] = 'en') {
  const { records, screenshots } = await sampleRecords();
  const l = new Ledger();
  for (const r of records) await l.capture(r);
  await l.annotate({ id: 'n1', recordId: 'gm-0001', type: 'note', value: 'Called them <script>alert(1)</script>', createdAt: '2026-11-21T10:00:00.000Z' });
  const keyPair = await generateInstallKey();
  const opts: ExportOptions = { exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 'dunwatch 0.1.0', language, keyPair };
  return { l, screenshots, opts };
}

const text = (files: BundleFiles, name: string) => fromUtf8(files.get(name)!);
const withFile = (files: BundleFiles, name: string, bytes: Uint8Array) => new Map(files).set(name, bytes);

/**
 * What an attacker with their own key can make: any chain, any derived files, correctly
 * hashed and signed. `derived` replaces files that Dunwatch would make from evidence.json.
 */
async function forge(entries: ChainEntry[], keyPair: CryptoKeyPair, derived: Partial<Record<string, Uint8Array>> = {}, shots: ReadonlyMap<string, Uint8Array> = new Map()): Promise<BundleFiles> {
  const doc: EvidenceJson = { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 'x', language: 'en', headSha256: entries[entries.length - 1]!.sha256, entries };
  const files: BundleFiles = new Map([['evidence.json', evidenceJsonBytes(doc)]]);
  for (const [id, png] of shots) files.set(`screenshots/${id}.png`, png);
  let made: BundleFiles;
  try {
    made = derivedFiles(doc, (await exportPublicKey(keyPair.publicKey)).fingerprint, new Set(shots.keys()));
  } catch {
    made = new Map([['evidence.csv', utf8('x')], ['report.html', utf8('x')], ['VERIFY.txt', utf8('x')]]);
  }
  for (const [n, b] of made) files.set(n, b);
  for (const [n, b] of Object.entries(derived)) files.set(n, b!);
  return signFiles(files, keyPair, doc.exportedAt, doc.softwareVersion);
}

describe('export bundle', () => {
  it('holds the files, and SHA256SUMS lists every file but itself and the signature', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    expect(files).toBeInstanceOf(Map);
    expect([...files.keys()].sort()).toEqual(['SHA256SUMS', 'VERIFY.txt', 'evidence.csv', 'evidence.json', 'report.html', 'screenshots/gm-0001.png', 'screenshots/wa-0001.png', 'signature.json']);
    const sums = text(files, 'SHA256SUMS');
    expect(sums).toMatch(/^([0-9a-f]{64} {2}\S+\n)+$/);
    for (const line of sums.trimEnd().split('\n')) {
      const [hex, name] = line.split('  ');
      expect(await sha256Hex(files.get(name!)!)).toBe(hex);
    }
    const sig = JSON.parse(text(files, 'signature.json'));
    expect(sig).toMatchObject({ algorithm: 'ECDSA-P256-SHA256', signedFile: 'SHA256SUMS', digest: await sha256Hex(files.get('SHA256SUMS')!), createdAt: opts.exportedAt, softwareVersion: 'dunwatch 0.1.0' });
    expect(sig.publicKey.jwk.crv).toBe('P-256');
  });
  it('CSV: BOM, CRLF, one row per finding, RFC 4180 quoting, formula cells defused', async () => {
    const { l, screenshots, opts } = await setup();
    const csv = text(await exportFiles(l.entries, screenshots, opts), 'evidence.csv');
    expect(csv.startsWith('\uFEFFrecord_id,captured_at,')).toBe(true);
    expect(csv.split('\r\n')[0]).toMatch(/,record_sha256,imported_at,import_key_fingerprint$/);
    const rows = csv.slice(1).split('\r\n');
    expect(rows.pop()).toBe('');
    expect(rows.length).toBe(1 + 2 + 1 + 2 + 1); // header, gm-0001×2, gm-0002 (no findings), wa-0001×2, px-0001
    expect(csv).toContain('"Apex Recovery ""Legal"" Dept"');
    expect(csv).toContain(',老赖,');
    expect(csv).not.toMatch(/[^\r]\n/); // every line ends CRLF
  });
  it('report.html escapes message text and notes, marks spans, states what it proves (en and zh-CN)', async () => {
    const { l, screenshots, opts } = await setup();
    const html = text(await exportFiles(l.entries, screenshots, opts), 'report.html');
    expect(html).toContain('&lt;b&gt;Final notice&lt;/b&gt;');
    expect(html).not.toContain('<b>Final notice');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Called them &lt;script&gt;');
    expect(html).toContain('<mark title="threat.arrest: Threat of arrest or jail">we will have you ARRESTED</mark>');
    expect(html).toMatch(/It does not prove who holds the key/);
    expect(html).toMatch(/that the sender really sent the message/);
    expect(html).toContain('<img src="screenshots/gm-0001.png"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const zh = await setup('zh-CN');
    const zhHtml = text(await exportFiles(zh.l.entries, zh.screenshots, zh.opts), 'report.html');
    expect(zhHtml).toContain('<html lang="zh-CN">');
    expect(zhHtml).toContain('发送者确实发送了该消息');
    expect(zhHtml).toContain('<mark title="abuse.laolai: 侮辱性称呼">老赖</mark>');
  });
  it('a fresh export verifies, and its derived files are exactly what evidence.json gives', async () => {
    const { l, screenshots, opts } = await setup();
    const zip = await exportBundle(l.entries, screenshots, opts);
    const v = await verifyBundle(zip);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    const files = unzipBundle(zip).files;
    const again = derivedFiles(v.evidence!, v.fingerprint!, new Set(v.screenshots.keys()));
    for (const [name, bytes] of again) expect(Buffer.from(bytes).equals(Buffer.from(files.get(name)!)), name).toBe(true);
  });
  it('round trip: import into a fresh locker adds the chain plus one import entry; the records are marked imported; importing again adds nothing', async () => {
    const { l, screenshots, opts } = await setup();
    const zip = await exportBundle(l.entries, screenshots, opts);
    const fresh = new Ledger();
    const r = await importBundle(fresh, zip, { importedAt: '2026-12-01T09:00:00.000Z', importId: 'imp-1' });
    expect(r).toMatchObject({ ok: true, added: l.entries.length, records: 4, skipped: 0, pending: [], importId: 'imp-1' });
    if (!r.ok) return;
    expect(canonicalJson(fresh.entries.slice(0, -1))).toBe(canonicalJson(l.entries));
    const imp = fresh.entries[fresh.entries.length - 1]!;
    const fp = (await verifyBundle(zip)).fingerprint!;
    expect(imp).toMatchObject({ kind: 'import', recordId: 'imp-1', at: '2026-12-01T09:00:00.000Z', payload: { keyFingerprint: fp, bundleHeadSha256: l.head!.sha256, bundleExportedAt: opts.exportedAt, records: ['gm-0001', 'gm-0002', 'wa-0001', 'px-0001'], imports: [], pending: [] } });
    expect([...r.screenshots.keys()].sort()).toEqual(['gm-0001', 'wa-0001']);
    const b = await exportFiles(fresh.entries, r.screenshots, { ...opts, keyPair: await generateInstallKey() });
    expect(text(b, 'evidence.csv')).toContain(`,2026-12-01T09:00:00.000Z,${fp}\r\n`);
    expect(text(b, 'report.html')).toContain(`Imported</strong> on 2026-12-01T09:00:00.000Z from a bundle signed by key ${fp}`);
    expect((await verifyBundle(zipFiles(b, opts.exportedAt))).ok).toBe(true);
    // importing the same bundle again adds nothing, not even an import entry
    const n = fresh.entries.length;
    expect(await importBundle(fresh, zip)).toMatchObject({ ok: true, added: 0, skipped: l.entries.length });
    expect(fresh.entries.length).toBe(n);
  });
  it('refuses to import a tampered bundle, changes nothing, and says why', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    const ej = files.get('evidence.json')!.slice();
    ej[ej.indexOf(0x41)]! ^= 0x01; // some "A" in the JSON
    const target = new Ledger();
    const { records } = await sampleRecords();
    await target.capture({ ...records[0]!, id: 'local-1' });
    const before = canonicalJson(target.entries);
    const r = await importBundle(target, zipFiles(withFile(files, 'evidence.json', ej), opts.exportedAt));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ file: 'evidence.json', reason: expect.stringMatching(/SHA-256 differs/) });
    expect(canonicalJson(target.entries)).toBe(before);
  });
  it('names a missing file, an added file, a non-zip', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    const rest = new Map(files);
    rest.delete('report.html');
    expect((await verifyFiles(rest)).problems).toEqual([{ file: 'report.html', reason: 'missing from the bundle' }]);
    expect((await verifyFiles(withFile(files, 'extra.txt', new Uint8Array(1)))).problems).toEqual([{ file: 'extra.txt', reason: expect.stringMatching(/^not a file a Dunwatch bundle holds/) }]);
    expect((await verifyBundle(new Uint8Array([1, 2, 3]))).problems[0]!.file).toBe('(zip)');
  });
  it('size limits: a member larger than its limit is refused before it is inflated (zip bombs), with the sizes named', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    const big = await verifyBundle(zipFiles(files, opts.exportedAt), { file: 5000 });
    expect(big.ok).toBe(false);
    expect(big.problems.map((p) => p.file)[0]).toBe([...files.keys()].sort().find((n) => files.get(n)!.length > 5000));
    expect(big.problems[0]!.reason).toMatch(/^\d+ bytes is larger than this tool reads for it \(5000 bytes\); not inflated$/);
    // a zip bomb: 40 MB of zeros deflates to ~40 KB, and is refused by its declared size alone
    const bomb = zipFiles(withFile(files, 'screenshots/gm-0001.png', new Uint8Array(40 * 2 ** 20)), opts.exportedAt);
    expect(bomb.length).toBeLessThan(41 * 2 ** 20);
    expect((await verifyBundle(bomb)).problems).toEqual([{ file: 'screenshots/gm-0001.png', reason: '40 MB is larger than this tool reads for it (32 MB); not inflated' }]);
    expect((await verifyBundle(zipFiles(files, opts.exportedAt), { total: 3000 })).problems[0]!.reason).toMatch(/the bundle is larger than this tool reads \(3000 bytes in all\)/);
    expect((await verifyBundle(zipFiles(files, opts.exportedAt), { members: 3 })).problems).toEqual([{ file: '(zip)', reason: 'more than 3 members' }]);
  });
  it('re-signing with another key after editing is caught only by the key fingerprint, which is reported', async () => {
    const { l, screenshots, opts } = await setup();
    const v1 = await verifyBundle(await exportBundle(l.entries, screenshots, opts));
    const v2 = await verifyBundle(await exportBundle(l.entries, screenshots, { ...opts, keyPair: await generateInstallKey() }));
    expect(v1.ok && v2.ok).toBe(true);
    expect(v1.fingerprint).not.toBe(v2.fingerprint);
  });
});

describe('attacks on the bundle format', () => {
  it('attack: a duplicate report.html (tampered copy first) is refused, naming it', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    const fake = utf8(text(files, 'report.html').replace('we will have you ARRESTED', 'please pay when you can'));
    const entries = [...files].sort(([a], [b]) => (a < b ? -1 : 1));
    const i = entries.findIndex(([n]) => n === 'report.html');
    entries.splice(i, 0, ['report.html', fake]);
    const v = await verifyBundle(zipEntries(entries));
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([{ file: 'report.html', reason: 'appears 2 times in the zip (a second copy could be what other tools show)' }]);
  });
  it('attack: an extra __proto__ member (or ../, or any other name) is refused', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    for (const name of ['__proto__', 'constructor', '../evil.txt', 'screenshots/../x.png', 'screenshots/a b.png', 'report.html.bak']) {
      const v = await verifyBundle(zipEntries([...files, [name, utf8('{"polluted":true}')]]));
      expect(v.ok, name).toBe(false);
      expect(v.problems, name).toEqual([{ file: name, reason: expect.stringMatching(/^not a file a Dunwatch bundle holds/) }]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // the directory entry other zip tools add is fine
    expect((await verifyBundle(zipEntries([['screenshots/', new Uint8Array()], ...files]))).ok).toBe(true);
  });
  it("attack: a signer's report.html that tells another story than evidence.json is refused", async () => {
    const { l, screenshots, opts } = await setup();
    const good = await exportFiles(l.entries, screenshots, opts);
    const html = utf8(text(good, 'report.html').replace('we will have you ARRESTED', 'we will call again'));
    const csv = utf8(text(good, 'evidence.csv').replace('gm-0001', 'gm-9999'));
    const verify = utf8(text(good, 'VERIFY.txt') + '\nThis bundle was notarised.\n');
    const v = await verifyFiles(await forge(l.entries, opts.keyPair, { 'report.html': html, 'evidence.csv': csv, 'VERIFY.txt': verify }, screenshots));
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.file).sort()).toEqual(['VERIFY.txt', 'evidence.csv', 'report.html']);
    expect(v.problems[0]!.reason).toMatch(/differs from the one made from evidence.json/);
  });
  it('a screenshot for no live record is refused', async () => {
    const { l, screenshots, opts } = await setup();
    const shots = new Map(screenshots).set('px-0001', screenshots.get('gm-0001')!);
    const v = await verifyFiles(await forge(l.entries, opts.keyPair, {}, shots));
    expect(v.problems).toEqual([{ file: 'screenshots/px-0001.png', reason: 'no live record px-0001 with a screenshot in evidence.json' }]);
  });
  it('an unknown field in evidence.json, signature.json or a chain entry is refused', async () => {
    const { l, screenshots, opts } = await setup();
    const entries = JSON.parse(JSON.stringify(l.entries)) as (ChainEntry & { imported?: boolean })[];
    entries[0]!.imported = false;
    const v = await verifyFiles(await forge(entries, opts.keyPair, {}, screenshots));
    expect(v.problems).toEqual([{ file: 'evidence.json', reason: 'chain entry 0 (record gm-0001): unknown field imported (not covered by the hash)' }]);
  });
});

describe('odd but correctly hashed payloads', () => {
  /** a chain with one odd payload, hashed and linked as a real one would be */
  async function oddChain(edit: (e: ChainEntry[]) => void): Promise<ChainEntry[]> {
    const { l } = await setup();
    const e = JSON.parse(JSON.stringify(l.entries)) as ChainEntry[];
    edit(e);
    const out: ChainEntry[] = [];
    for (const x of e) out.push(await nextEntry(out[out.length - 1], x.kind, x.recordId, x.payload as never, x.at));
    return out;
  }
  const cases: [string, (e: ChainEntry[]) => void, RegExp][] = [
    ['a finding category "constructor"', (e) => void ((e[0]!.payload as { findings: { category: string }[] }).findings[0]!.category = 'constructor'), /entry 0 \(record gm-0001\): record is malformed: findings\[0\]\.category: must be one of threat/],
    ['a numeric note', (e) => void ((e[4]!.payload as { value: unknown }).value = 42), /entry 4 \(record gm-0001\): annotation is malformed: value: must be a string/],
    ['a null citation', (e) => void ((e[0]!.payload as { findings: { citations: unknown[] }[] }).findings[0]!.citations = [null]), /entry 0 \(record gm-0001\): record is malformed: findings\[0\]\.citations\[0\]: must be an object/],
    ['a javascript: law URL', (e) => void ((e[0]!.payload as { findings: { citations: { url: string }[] }[] }).findings[0]!.citations[0]!.url = 'javascript:alert(1)'), /citations\[0\]\.url: must be an https: or http: link/],
  ];
  it.each(cases)('attack: %s is refused at verify and import, naming the entry; nothing is changed', async (_name, edit, reason) => {
    const { opts } = await setup();
    const chain = await oddChain(edit);
    const zip = zipFiles(await forge(chain, opts.keyPair), opts.exportedAt);
    const v = await verifyBundle(zip);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => `${p.file}: ${p.reason}`).join('\n')).toMatch(reason);
    const target = new Ledger();
    expect(await importBundle(target, zip)).toMatchObject({ ok: false });
    expect(target.entries).toEqual([]);
  });
  it.each(cases)('an export of a locker that already holds %s names the record instead of failing on it', async (_name, edit, reason) => {
    const { screenshots, opts } = await setup();
    const chain = await oddChain(edit);
    await expect(exportFiles(chain, screenshots, opts)).rejects.toThrow(reason);
    await expect(exportFiles(chain, screenshots, opts)).rejects.toThrow(/Delete the record named/);
    // and the report itself does not throw on such values (it is only ever given checked chains)
    const records = chain.flatMap((x) => (x.kind === 'capture' && x.payload ? [{ record: x.payload, sha256: x.payloadSha256 }] : []));
    const notes = chain.flatMap((x) => (x.kind === 'annotation' && x.payload ? [x.payload] : []));
    expect(() => reportHtml({ lang: 'en', entries: chain, records, annotations: notes, screenshots: new Set(), exportedAt: opts.exportedAt, softwareVersion: 'x', keyFingerprint: 'k', headSha256: 'h' })).not.toThrow();
  });
  it('a well-formed chain still verifies (the schemas accept every real payload)', async () => {
    const { l } = await setup();
    expect((await verifyChain(l.entries)).ok).toBe(true);
  });
});

describe('import preview', () => {
  it('names the key, counts what would be added, and changes nothing', async () => {
    const { l, screenshots, opts } = await setup();
    const zip = await exportBundle(l.entries, screenshots, opts);
    const target = new Ledger();
    const p = await previewImport(target, zip);
    expect(p).toMatchObject({ ok: true, fingerprint: (await verifyBundle(zip)).fingerprint, headSha256: l.head!.sha256, records: 4, entries: 5, skipped: 0, pending: [] });
    expect(target.entries).toEqual([]);
    // the import must be of the bundle that was previewed
    expect(await importBundle(target, zip, { expectHeadSha256: '0'.repeat(64) })).toMatchObject({ ok: false, problems: [{ reason: expect.stringMatching(/not the bundle that was previewed/) }] });
    expect(target.entries).toEqual([]);
  });
});

describe('tamper detection (property)', () => {
  it('flipping any one byte of any file in the zip fails verification naming exactly that file', async () => {
    const { l, screenshots, opts } = await setup();
    const files = await exportFiles(l.entries, screenshots, opts);
    const names = [...files.keys()].sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.nat(), fc.integer({ min: 1, max: 255 }), async (name, pos, mask) => {
        const bytes = files.get(name)!.slice();
        const at = pos % bytes.length;
        bytes[at]! ^= mask;
        const v = await verifyBundle(zipFiles(withFile(files, name, bytes), opts.exportedAt));
        expect(v.ok).toBe(false);
        expect([...new Set(v.problems.map((p) => p.file))]).toEqual([name]);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
