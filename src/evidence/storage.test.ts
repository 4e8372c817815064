import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { canonicalJson } from './canonical';
import { verifyBundle } from './bundle';
import { sampleRecords } from './fixtures';
import { liveRecords } from './ledger';
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
    expect(await b.import(zip)).toMatchObject({ ok: true, added: 4, saved: true });
    b.close();
    const { store: c } = await openFresh(undefined, indexedDB);
    expect(canonicalJson(c.ledger.entries)).toBe(canonicalJson(a.ledger.entries));
    expect((await c.screenshots()).size).toBe(2);
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
