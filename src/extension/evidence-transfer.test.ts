/**
 * Bundles over ports, in chunks (issue #12 item 6), with the locker client, the background's
 * port handlers and an EvidenceService on fake-indexeddb. The fake ports refuse any message
 * longer than a limit, as Chrome refuses one over 64 MiB; here the limit is 1 MiB and the
 * bundle several times that, so the old single-message path would fail and this one must not.
 * The same run with the real 64 MiB limit and a 70 MB locker is the e2e
 * (tests/e2e/evidence.test.ts).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../engine/bundled';
import { verifyBundle } from '../evidence/bundle';
import { fakePng } from '../evidence/fixtures';
import { EvidenceStore } from '../evidence/storage';
import { requestClient } from '../ui/locker/client';
import type { EvidenceCaptureRequest, EvidenceImportResponse } from './evidence-messages';
import { EvidenceService } from './evidence-service';
import { EXPORT_PORT, IMPORT_PORT, receiveExport, serveExport, serveUpload, upload } from './evidence-transfer';
import { portPair, serviceTransport, type FakePort } from './test-transport';

const engine = getEngine();
const LIMIT = 2 ** 20;
const CHUNK = 256 * 2 ** 10;

async function locker(shotBytes = 0) {
  const store = await EvidenceStore.open({ dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  let seed = 0;
  const svc = new EvidenceService({
    store,
    extensionVersion: '0.1.0',
    rulesBundleHash: engine.bundle.hash,
    screenshot: async (r) => ({ pngs: new Map(r.messages.map((m) => [m.id, fakePng(++seed, shotBytes)])) }),
  });
  await svc.start();
  const ports: [FakePort, FakePort][] = [];
  const client = requestClient(serviceTransport(svc, { maxMessageBytes: LIMIT, chunkBytes: CHUNK, ports }));
  return { svc, store, client, ports };
}

const text = 'If you do not pay today we will call your employer and tell your whole family about your debt.';
function capture(id: string): EvidenceCaptureRequest {
  return {
    type: 'dunwatch:evidence-capture',
    site: 'gmail',
    scope: 'message',
    viewport: { width: 1000, height: 800, dpr: 1 },
    messages: [{ id, direction: 'incoming', text, findings: engine.analyze(text, { uiLang: 'en' }).findings, rect: { x: 0, y: 0, width: 10, height: 10 } }],
  };
}

describe('export and import in chunks over ports', () => {
  it('a bundle several times the message limit goes out and comes back in chunks, none over the limit', async () => {
    const a = await locker(700 * 2 ** 10);
    for (let i = 0; i < 6; i++) await a.svc.handle(capture(`big-${i}`));
    const exp = await a.client.exportZip('en');
    if (!exp.ok) throw new Error(exp.error);
    const zip = new Uint8Array(await exp.zip.arrayBuffer());
    // as one base64 runtime message this would have been refused
    expect(Math.ceil(zip.length / 3) * 4).toBeGreaterThan(4 * LIMIT);
    expect((await verifyBundle(zip)).ok).toBe(true);
    const [client, background] = a.ports[0]!;
    expect(background.sentSizes.length).toBeGreaterThan(Math.floor(zip.length / CHUNK));
    expect(Math.max(...background.sentSizes, ...client.sentSizes)).toBeLessThanOrEqual(LIMIT);

    const b = await locker();
    const r = await b.client.importZip(new Blob([zip as BlobPart]));
    expect(r).toMatchObject({ ok: true, added: 6, skipped: 0, saved: true });
    expect(Math.max(...b.ports[0]![0].sentSizes)).toBeLessThanOrEqual(LIMIT);
    expect((await b.client.list()).items.map((i) => i.record.id)).toEqual(['big-0', 'big-1', 'big-2', 'big-3', 'big-4', 'big-5']);
    const shot = await b.client.screenshot('big-3');
    expect(shot?.length).toBe(700 * 2 ** 10);
    // and back again: the same records, nothing added twice
    expect(await b.client.importZip(new Blob([zip as BlobPart]))).toMatchObject({ ok: true, added: 0, skipped: 6 });
  });

  it('a tampered bundle sent in chunks is refused and changes nothing', async () => {
    const a = await locker(300 * 2 ** 10);
    for (let i = 0; i < 3; i++) await a.svc.handle(capture(`t-${i}`));
    const exp = await a.client.exportZip('zh-CN');
    if (!exp.ok) throw new Error(exp.error);
    const bad = new Uint8Array(await exp.zip.arrayBuffer());
    bad[Math.floor(bad.length * 0.7)]! ^= 1;
    const b = await locker();
    const r = (await b.client.importZip(new Blob([bad as BlobPart]))) as EvidenceImportResponse;
    expect(r.ok).toBe(false);
    expect(b.store.ledger.entries).toHaveLength(0);
  });

  it('preview and import share one upload: the file is sent once, the preview changes nothing, another bundle is refused', async () => {
    const a = await locker(300 * 2 ** 10);
    for (let i = 0; i < 4; i++) await a.svc.handle(capture(`p-${i}`));
    const exp = await a.client.exportZip('en');
    if (!exp.ok) throw new Error(exp.error);
    const zip = new Uint8Array(await exp.zip.arrayBuffer());
    const own = (await a.client.list()).keys.own;
    const b = await locker();
    const opened = await b.client.openImport(new Blob([zip as BlobPart]));
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    const preview = await opened.session.preview();
    expect(preview).toMatchObject({ ok: true, fingerprint: own, key: { kind: 'unknown' }, records: 4 });
    if (!preview.ok) throw new Error('no preview');
    expect(b.store.ledger.entries).toHaveLength(0); // nothing imported by looking
    // a head hash that is not this bundle's: refused, nothing changes
    expect(await opened.session.importZip('0'.repeat(64))).toMatchObject({ ok: false, problems: [{ file: 'evidence.json', reason: expect.stringMatching(/not the bundle that was previewed/) }] });
    expect(b.store.ledger.entries).toHaveLength(0);
    expect(await opened.session.importZip(preview.headSha256)).toMatchObject({ ok: true, added: 4, fingerprint: own, saved: true });
    opened.session.close();
    expect(b.ports).toHaveLength(1);
    const page = b.ports[0]![0];
    // the bytes went once: the page's messages add up to one base64 copy of the bundle (plus small control messages)
    const sent = page.sentSizes.reduce((x, y) => x + y, 0);
    expect(sent).toBeGreaterThan(Math.ceil(zip.length / 3) * 4);
    expect(sent).toBeLessThan(Math.ceil(zip.length / 3) * 4 + 4096);
    expect(Math.max(...page.sentSizes)).toBeLessThanOrEqual(LIMIT);
    expect((await b.client.list()).items.map((i) => i.record.id)).toEqual(['p-0', 'p-1', 'p-2', 'p-3']);
  });

  it('an empty locker exports as a clear error, an empty file imports as one', async () => {
    const a = await locker();
    const exp = await a.client.exportZip('en');
    expect(exp.ok).toBe(true); // an empty locker still exports a (verifiable) empty bundle
    if (exp.ok) expect((await verifyBundle(new Uint8Array(await exp.zip.arrayBuffer()))).ok).toBe(true);
    expect(await a.client.importZip(new Blob([]))).toEqual({ ok: false, problems: [{ file: '(bundle)', reason: 'the file is empty' }] });
  });
});

describe('the port protocol refuses what does not follow it', () => {
  // wait for the n-th answer (timers may run late on a busy machine: never a fixed sleep)
  const answers = async (got: unknown[], n: number) => {
    for (let i = 0; got.length < n && i < 2000; i++) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 5)); // and nothing more arrives
    return got;
  };
  const collect = (port: FakePort) => {
    const got: unknown[] = [];
    port.onMessage.addListener((m) => got.push(m));
    return got;
  };

  it('import: out-of-order, damaged and oversized chunks end the transfer and import nothing', async () => {
    const imported: Uint8Array[] = [];
    const open = (max = 100) => {
      const [page, bg] = portPair(IMPORT_PORT);
      serveUpload(bg, { import: async (zip) => (imported.push(zip), { ok: true }) }, max);
      return { page, got: collect(page) };
    };
    let p = open(10);
    p.page.postMessage({ t: 'start', size: 11 });
    expect(await answers(p.got, 1)).toEqual([{ t: 'error', error: expect.stringMatching(/larger than an evidence bundle can be/) }]);

    p = open();
    p.page.postMessage({ t: 'start', size: 4 });
    await answers(p.got, 1);
    p.page.postMessage({ t: 'chunk', offset: 2, data: 'AAA=' });
    expect(await answers(p.got, 2)).toEqual([{ t: 'ready' }, { t: 'error', error: 'a chunk arrived out of order' }]);

    p = open();
    p.page.postMessage({ t: 'start', size: 4 });
    await answers(p.got, 1);
    p.page.postMessage({ t: 'chunk', offset: 0, data: 'AA A' });
    expect(await answers(p.got, 2)).toEqual([{ t: 'ready' }, { t: 'error', error: 'a chunk arrived damaged' }]);

    p = open();
    p.page.postMessage({ t: 'start', size: 2 });
    await answers(p.got, 1);
    p.page.postMessage({ t: 'chunk', offset: 0, data: 'AAAA' }); // 3 bytes into 2
    expect((await answers(p.got, 2)).at(-1)).toEqual({ t: 'error', error: 'a chunk arrived damaged' });

    p = open();
    p.page.postMessage({ t: 'chunk', offset: 0, data: 'AAAA' });
    expect(await answers(p.got, 1)).toEqual([{ t: 'error', error: 'unexpected message in an import' }]);

    // a call before the upload is complete, and a command that is not one of the background's
    p = open();
    p.page.postMessage({ t: 'start', size: 3 });
    await answers(p.got, 1);
    p.page.postMessage({ t: 'call', command: 'import' });
    expect(await answers(p.got, 2)).toEqual([{ t: 'ready' }, { t: 'error', error: 'unexpected message in an import' }]);
    p = open();
    p.page.postMessage({ t: 'start', size: 3 });
    await answers(p.got, 1);
    p.page.postMessage({ t: 'chunk', offset: 0, data: 'AQID' });
    await answers(p.got, 2);
    p.page.postMessage({ t: 'call', command: 'constructor' });
    expect(await answers(p.got, 3)).toEqual([{ t: 'ready' }, { t: 'received', size: 3 }, { t: 'error', error: 'unknown command' }]);
    expect(imported).toEqual([]);
  });

  it('import: the bytes stay while the port is open, for more than one call; pings are ignored', async () => {
    const [page, bg] = portPair(IMPORT_PORT);
    const seen: number[][] = [];
    serveUpload(bg, { peek: async (zip, args) => (seen.push([...zip]), { args }) }, 100);
    const up = await upload(page, new Blob([new Uint8Array([5, 6, 7, 8, 9])]), 2);
    if (!up.ok) throw new Error(up.error);
    page.postMessage({ t: 'ping' });
    expect(await up.upload.call('peek', { n: 1 })).toEqual({ ok: true, result: { args: { n: 1 } } });
    expect(await up.upload.call('peek', { n: 2 })).toEqual({ ok: true, result: { args: { n: 2 } } });
    expect(seen).toEqual([[5, 6, 7, 8, 9], [5, 6, 7, 8, 9]]);
    up.upload.close();
    expect(await up.upload.call('peek')).toEqual({ ok: false, error: 'the upload is closed' });
  });

  it('a port that closes mid-transfer is an error for the page, never a short bundle', async () => {
    const [page, bg] = portPair(EXPORT_PORT);
    bg.onMessage.addListener(() => {
      bg.postMessage({ t: 'meta', filename: 'x.zip', size: 10 });
      bg.disconnect();
    });
    expect(await receiveExport(page, 'en')).toEqual({ ok: false, error: 'the background stopped before the export was complete; try again' });

    const [page2, bg2] = portPair(IMPORT_PORT);
    bg2.onMessage.addListener(() => bg2.disconnect());
    expect(await upload(page2, new Blob([new Uint8Array(10)]), 4)).toMatchObject({ ok: false, error: expect.stringMatching(/closed before it answered/) });
  });

  it('export: chunks are sent only when asked for, one at a time', async () => {
    const [page, bg] = portPair(EXPORT_PORT);
    serveExport(bg, async () => ({ ok: true, zip: new Uint8Array(10).fill(7), filename: 'f.zip' }), 4);
    const got = collect(page);
    page.postMessage({ t: 'start', language: 'en' });
    expect(await answers(got, 1)).toEqual([{ t: 'meta', filename: 'f.zip', size: 10 }]);
    page.postMessage({ t: 'next' });
    expect((await answers(got, 2)).slice(1)).toEqual([{ t: 'chunk', offset: 0, data: 'BwcHBw==' }]);
    page.postMessage({ t: 'next' });
    page.postMessage({ t: 'next' });
    page.postMessage({ t: 'next' });
    expect((await answers(got, 5)).slice(2)).toEqual([{ t: 'chunk', offset: 4, data: 'BwcHBw==' }, { t: 'chunk', offset: 8, data: 'Bwc=' }, { t: 'error', error: 'no more chunks: the bundle was sent' }]);

    const [page2, bg2] = portPair(EXPORT_PORT);
    serveExport(bg2, async () => ({ ok: true, zip: new Uint8Array(1), filename: 'f.zip' }));
    const got2 = collect(page2);
    page2.postMessage({ t: 'start', language: 'fr' });
    expect(await answers(got2, 1)).toEqual([{ t: 'error', error: 'unknown export language' }]);
  });
});
