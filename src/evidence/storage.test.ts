import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { canonicalJson } from './canonical';
import { exportBundle, verifyBundle } from './bundle';
import { sampleRecords } from './fixtures';
import { Ledger, liveRecords, nextEntry } from './ledger';
import { generateInstallKey } from './signing';
import { EvidenceStore, SCHEMA_VERSION, type WriteFailure } from './storage';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function openFresh(onWriteError?: (f: WriteFailure) => void, indexedDB = new IDBFactory()) {
  const store = await EvidenceStore.open({ dexie: { indexedDB, IDBKeyRange }, onWriteError });
  return { store, indexedDB };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('evidence storage (Dexie on fake-indexeddb)', () => {
  it('survives a restart: entries, screenshots and a verifying chain', async () => {
    const { records, screenshots } = await sampleRecords();
    const { store, indexedDB } = await openFresh();
    expect(store.db.verno).toBe(SCHEMA_VERSION);
    for (const r of records) expect((await store.capture(r, screenshots.get(r.id))).saved).toBe(true);
    await store.annotate({ id: 'n1', recordId: 'gm-0001', type: 'note', value: 'x', createdAt: '2026-11-21T10:00:00.000Z' });
    await store.delete('px-0001', 'duplicate', '2026-11-23T00:00:00.000Z');
    const before = canonicalJson(store.ledger.entries);
    store.close();
    const { store: again } = await openFresh(undefined, indexedDB);
    expect(canonicalJson(again.ledger.entries)).toBe(before);
    expect((await again.verify()).ok).toBe(true);
    expect([...(await again.screenshots()).keys()].sort()).toEqual(['gm-0001', 'wa-0001']);
    expect(liveRecords(again.ledger.entries).map((r) => r.id)).toEqual(['gm-0001', 'gm-0002', 'wa-0001']);
    const stored = await again.db.entries.where('recordId').equals('px-0001').toArray();
    expect(stored.map((e) => [e.kind, e.payload === null])).toEqual([['capture', true], ['deletion', false]]);
  });

  it('a write that hits the quota is reported, kept pending in memory, and written on retry — nothing lost', async () => {
    const { records, screenshots } = await sampleRecords();
    const failures: WriteFailure[] = [];
    const { store, indexedDB } = await openFresh((f) => failures.push(f));
    await store.capture(records[0]!, screenshots.get(records[0]!.id));
    const put = vi.spyOn(store.db.entries, 'bulkPut').mockImplementation(() => Promise.reject(quota()) as never);
    const r1 = await store.capture(records[1]!);
    const r2 = await store.capture(records[2]!, screenshots.get(records[2]!.id));
    expect([r1.saved, r2.saved]).toEqual([false, false]);
    expect(failures.map((f) => f.kind)).toEqual(['quota', 'quota']);
    expect(failures[1]).toMatchObject({ pending: 2, message: expect.stringMatching(/QuotaExceededError/) });
    expect(store.pending).toBe(2);
    // still in the session: listed, verifiable, exportable with the pending screenshot
    expect(liveRecords(store.ledger.entries).map((r) => r.id)).toEqual(['gm-0001', 'gm-0002', 'wa-0001']);
    expect((await store.verify()).ok).toBe(true);
    const zip = await store.export({ exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 't', language: 'en' });
    expect((await verifyBundle(zip)).ok).toBe(true);
    expect(await store.db.entries.count()).toBe(1);
    // space freed: retry writes both, in order
    put.mockRestore();
    expect(await store.retry()).toBe(true);
    expect(store.pending).toBe(0);
    const expected = canonicalJson(store.ledger.entries);
    store.close();
    const { store: again } = await openFresh(undefined, indexedDB);
    expect(canonicalJson(again.ledger.entries)).toBe(expected);
    expect((await again.screenshots()).has('wa-0001')).toBe(true);
  });

  it('a later write waits behind a failed one (order kept) and a failure of another kind is reported as other', async () => {
    const { records } = await sampleRecords();
    const failures: WriteFailure[] = [];
    const { store } = await openFresh((f) => failures.push(f));
    const put = vi.spyOn(store.db.entries, 'bulkPut').mockImplementationOnce(() => Promise.reject(new DOMException('closed', 'InvalidStateError')) as never);
    expect((await store.capture(records[1]!)).saved).toBe(false);
    expect(failures).toEqual([{ kind: 'other', message: expect.stringMatching(/InvalidStateError/), pending: 1 }]);
    // the next write flushes the queue first: both saved, in chain order
    expect((await store.capture(records[3]!)).saved).toBe(true);
    expect((await store.db.entries.orderBy('seq').toArray()).map((e) => e.recordId)).toEqual(['gm-0002', 'px-0001']);
    put.mockRestore();
  });

  it('import: a tampered bundle changes nothing; a good one is stored', async () => {
    const { records, screenshots } = await sampleRecords();
    const { store: a } = await openFresh();
    for (const r of records) await a.capture(r, screenshots.get(r.id));
    const zip = await a.export({ exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 't', language: 'zh-CN' });
    const { store: b, indexedDB } = await openFresh();
    const bad = zip.slice();
    bad[bad.length - 30]! ^= 0xff; // inside the zip's central directory
    const r = await b.import(bad);
    expect(r.ok).toBe(false);
    expect(b.ledger.entries).toEqual([]);
    expect(await b.db.entries.count()).toBe(0);
    expect(await b.import(zip, { importedAt: '2026-12-01T00:00:00.000Z' })).toMatchObject({ ok: true, added: 4, records: 4, saved: true, key: { kind: 'unknown' } });
    b.close();
    const { store: c } = await openFresh(undefined, indexedDB);
    expect(canonicalJson(c.ledger.entries.slice(0, -1))).toBe(canonicalJson(a.ledger.entries));
    expect(c.ledger.entries.at(-1)).toMatchObject({ kind: 'import', payload: { keyFingerprint: await a.ownFingerprint(), records: records.map((r) => r.id) } });
    expect((await c.verify()).ok).toBe(true);
    expect((await c.screenshots()).size).toBe(2);
  });

  it('attack, on disk: a crafted bundle deleting a local record changes nothing stored; the deletion waits for confirmation', async () => {
    const { records, screenshots } = await sampleRecords();
    const { store, indexedDB } = await openFresh();
    for (const r of records) await store.capture(r, screenshots.get(r.id));
    const victim = store.ledger.entries[0]!;
    // the attacker's own locker: the victim record's id and hash (from any shared export), then a deletion
    const attacker = new Ledger([await nextEntry(undefined, 'capture', victim.recordId, null, victim.at, victim.payloadSha256)]);
    attacker.entries.push(await nextEntry(attacker.head, 'deletion', victim.recordId, { recordId: victim.recordId, recordSha256: victim.payloadSha256, reason: 'duplicate', deletedAt: '2026-11-22T00:00:00.000Z' }, '2026-11-22T00:00:00.000Z'));
    const zip = await exportBundle(attacker.entries, new Map(), { exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 'x', language: 'en', keyPair: await generateInstallKey() });
    const before = await store.db.entries.orderBy('seq').toArray();
    const preview = await store.previewImport(zip);
    expect(preview).toMatchObject({ ok: true, records: 0, entries: 0, pending: [{ kind: 'deletion', recordId: victim.recordId }], key: { kind: 'unknown' } });
    const r = await store.import(zip, { importId: 'imp-a', importedAt: '2026-12-01T00:00:00.000Z' });
    expect(r).toMatchObject({ ok: true, records: 0, pending: [{ kind: 'deletion' }], saved: true });
    const after = await store.db.entries.orderBy('seq').toArray();
    expect(canonicalJson(after.slice(0, -1))).toBe(canonicalJson(before));
    expect(after.at(-1)!.kind).toBe('import');
    expect(await store.db.screenshots.get(victim.recordId)).toBeDefined();
    expect(store.pendingChanges()).toHaveLength(1);
    // only the explicit confirmation applies it
    expect((await store.confirmPending('imp-a', [0], '2026-12-02T00:00:00.000Z')).saved).toBe(true);
    store.close();
    const { store: again } = await openFresh(undefined, indexedDB);
    expect(liveRecords(again.ledger.entries).map((x) => x.id)).not.toContain(victim.recordId);
    expect(await again.db.screenshots.get(victim.recordId)).toBeUndefined();
    expect((await again.verify()).ok).toBe(true);
    expect(again.pendingChanges()).toEqual([]);
  });

  it("says whether a bundle was signed by this installation's key or a pinned one", async () => {
    const { records } = await sampleRecords();
    const { store } = await openFresh();
    await store.capture(records[1]!);
    const zip = await store.export({ exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 't', language: 'en' });
    expect(await store.previewImport(zip)).toMatchObject({ ok: true, key: { kind: 'own' } });
    const { store: other } = await openFresh();
    const fp = await store.ownFingerprint();
    expect(await other.previewImport(zip)).toMatchObject({ key: { kind: 'unknown' }, fingerprint: fp });
    await expect(other.pinKey('abc', 'Ann')).rejects.toThrow(/64 hex digits/);
    await expect(other.pinKey(fp, '  ')).rejects.toThrow(/whose key/);
    expect(await other.pinKey(fp.toUpperCase().match(/.{2}/g)!.join(':'), 'Ann Lee (legal aid)', '2026-12-01T00:00:00.000Z')).toEqual([{ fingerprint: fp, label: 'Ann Lee (legal aid)', pinnedAt: '2026-12-01T00:00:00.000Z' }]);
    expect(await other.previewImport(zip)).toMatchObject({ key: { kind: 'trusted', label: 'Ann Lee (legal aid)' } });
    expect(await other.unpinKey(fp)).toEqual([]);
    expect(await other.previewImport(zip)).toMatchObject({ key: { kind: 'unknown' } });
  });

  it('keeps one signing key per install, across restarts', async () => {
    const { store, indexedDB } = await openFresh();
    const k1 = await store.installKey();
    expect(k1.privateKey.extractable).toBe(false);
    store.close();
    const { store: again } = await openFresh(undefined, indexedDB);
    const k2 = await again.installKey();
    const spki = async (k: CryptoKey) => Buffer.from(await crypto.subtle.exportKey('spki', k)).toString('hex');
    expect(await spki(k2.publicKey)).toBe(await spki(k1.publicKey));
  });

  it('requests persistent storage where the API exists', async () => {
    vi.stubGlobal('navigator', {});
    expect(await EvidenceStore.requestPersistence()).toBe('unsupported');
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
    expect(await EvidenceStore.requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });
});
