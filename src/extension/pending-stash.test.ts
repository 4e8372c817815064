/**
 * The sealed pending-write stash, and what a content script (which can read and write
 * storage.local, not the extension's IndexedDB or storage.session) can do with it:
 * - it reads only ciphertext: no message text, no screenshot;
 * - it cannot plant operations: an unsealed list (the old `evidencePending` form), a box sealed
 *   with another key, or a changed box are left out, and the locker is unchanged;
 * - deleting the storage.local copy does not lose a pending write while storage.session has it;
 * - well-sealed operations of the wrong shape are still refused by the schema.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getEngine } from '../engine/bundled';
import { fakePng } from '../evidence/fixtures';
import { newCaptureRecord } from '../evidence/record';
import { EvidenceStore } from '../evidence/storage';
import type { EvidenceCaptureRequest, EvidenceListResponse } from './evidence-messages';
import { EvidenceService, type PendingStash, type StashedOp } from './evidence-service';
import { openExtensionKeys } from './extension-keys';
import { LEGACY_STASH_KEY, sealedStash, STASH_KEY, type StashArea } from './pending-stash';
import { sealJson } from './sealed';
import { checkStashedOps } from './stash-schema';

const engine = getEngine();
const secret = 'Pay today or we will tell your employer about your debt. Account 4417-1234.';

class MapArea implements StashArea {
  readonly data = new Map<string, unknown>();
  constructor(readonly name: string) {}
  async get(key: string) {
    return structuredClone(this.data.get(key));
  }
  async set(key: string, value: unknown) {
    this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
  async remove(key: string) {
    this.data.delete(key);
  }
}

function capture(id: string): EvidenceCaptureRequest {
  return {
    type: 'dunwatch:evidence-capture',
    site: 'gmail',
    scope: 'message',
    viewport: { width: 1000, height: 800, dpr: 1 },
    messages: [{ id, sender: 'Apex <c@apex.example>', direction: 'incoming', subject: 'Final notice', text: secret, findings: engine.analyze(secret, { uiLang: 'en' }).findings, rect: { x: 0, y: 0, width: 10, height: 10 } }],
  };
}

interface Worker {
  svc: EvidenceService;
  store: EvidenceStore;
}

/** One "worker": the store on a shared IndexedDB, the key store, the stash over two areas. */
async function startWorker(idb: IDBFactory, stash: PendingStash): Promise<Worker> {
  const ref: { svc?: EvidenceService } = {};
  const store = await EvidenceStore.open({ dexie: { indexedDB: idb, IDBKeyRange }, onWriteError: (f) => ref.svc?.writeFailed(f) });
  const svc = (ref.svc = new EvidenceService({
    store,
    extensionVersion: '0.1.0',
    rulesBundleHash: engine.bundle.hash,
    screenshot: async (r) => ({ pngs: new Map(r.messages.map((m) => [m.id, fakePng(5)])) }),
    stash,
  }));
  await svc.start();
  return { svc, store };
}

function setup() {
  const idb = new IDBFactory();
  const keys = openExtensionKeys({ dexie: { indexedDB: idb, IDBKeyRange } });
  const local = new MapArea('storage.local');
  const session = new MapArea('storage.session');
  const warnings: string[] = [];
  const stash = sealedStash({ key: () => keys.get('stash'), areas: [local, session], warn: (m) => warnings.push(m) });
  return { idb, keys, local, session, stash, warnings };
}

const listIds = async (w: Worker) => ((await w.svc.handle({ type: 'dunwatch:evidence-list' })) as EvidenceListResponse).items.map((i) => i.record.id);

/** A worker whose IndexedDB writes fail (quota), with one capture pending in the stash. */
async function pendingCapture(s: ReturnType<typeof setup>, id: string): Promise<Worker> {
  const w = await startWorker(s.idb, s.stash);
  const put = vi.spyOn(w.store.db.entries, 'bulkPut').mockImplementation(() => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never);
  expect(await w.svc.handle(capture(id))).toMatchObject({ ok: true, saved: false });
  put.mockRestore();
  w.store.close(); // the worker stops
  return w;
}

afterEach(() => vi.restoreAllMocks());

describe('sealed pending-write stash', () => {
  it('keeps ciphertext only, in both areas, and replays it after the worker stops', async () => {
    const s = setup();
    await pendingCapture(s, 'p1');
    for (const area of [s.local, s.session]) {
      const stored = JSON.stringify(area.data.get(STASH_KEY));
      expect(stored).toMatch(/"v":1/);
      expect(stored).not.toContain('employer');
      expect(stored).not.toContain('4417');
      expect(stored).not.toContain('Apex');
    }
    const again = await startWorker(s.idb, s.stash);
    expect(await listIds(again)).toEqual(['p1']);
    expect(again.store.pending).toBe(0);
    expect(s.local.data.has(STASH_KEY)).toBe(false);
    expect(s.session.data.has(STASH_KEY)).toBe(false);
  });

  it('a content script that deletes the storage.local copy does not lose the pending write (storage.session has it)', async () => {
    const s = setup();
    await pendingCapture(s, 'p2');
    s.local.data.clear();
    expect(await listIds(await startWorker(s.idb, s.stash))).toEqual(['p2']);
  });

  it('a planted unsealed stash (the old form) deletes and forges nothing, and is removed', async () => {
    const s = setup();
    const w = await startWorker(s.idb, s.stash);
    await w.svc.handle(capture('real1'));
    w.store.close();
    const forged = newCaptureRecord({ id: 'forged', capturedAt: new Date('2020-01-01T00:00:00Z'), site: 'gmail', text: 'I owe everything and agreed to pay double.', findings: [], rulesBundleHash: engine.bundle.hash, extensionVersion: '0.1.0', source: 'page' });
    const planted: StashedOp[] = [
      { op: 'delete', recordId: 'real1', reason: 'duplicate', at: '2026-01-01T00:00:00.000Z' },
      { op: 'capture', record: forged },
      { op: 'annotate', annotation: { id: 'n1', recordId: 'real1', type: 'note', value: 'the debtor admitted the debt', createdAt: '2026-01-01T00:00:00.000Z' } },
    ];
    // what a content script can do: storage.local.set({ evidencePending: [...] })
    await s.local.set(LEGACY_STASH_KEY, planted);
    const again = await startWorker(s.idb, s.stash);
    const list = (await again.svc.handle({ type: 'dunwatch:evidence-list' })) as EvidenceListResponse;
    expect(list.items.map((i) => [i.record.id, i.annotations.length])).toEqual([['real1', 0]]);
    expect(list.deletions).toEqual([]);
    expect(s.local.data.has(LEGACY_STASH_KEY)).toBe(false);
    expect(s.warnings.join('\n')).toMatch(/unsealed pending-write stash in storage.local was not replayed/);
  });

  it('a box sealed with another key, or a changed box, is left out; the locker is unchanged', async () => {
    const s = setup();
    const w = await startWorker(s.idb, s.stash);
    await w.svc.handle(capture('real2'));
    w.store.close();
    const attackerKey = (await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])) as CryptoKey;
    const planted: StashedOp[] = [{ op: 'delete', recordId: 'real2', reason: 'duplicate', at: '2026-01-01T00:00:00.000Z' }];
    await s.local.set(STASH_KEY, await sealJson(attackerKey, 'dunwatch:evidence-pending:v1', planted));
    expect(await listIds(await startWorker(s.idb, s.stash))).toEqual(['real2']);
    expect(s.warnings.join('\n')).toMatch(/storage.local was left out: it does not open with this extension's key/);

    // a real box, one byte of its ciphertext changed
    await pendingCapture(s, 'p3');
    const box = s.local.data.get(STASH_KEY) as { ct: string };
    const flipped = box.ct[10] === 'A' ? 'B' : 'A';
    s.local.data.set(STASH_KEY, { ...box, ct: box.ct.slice(0, 10) + flipped + box.ct.slice(11) });
    s.session.data.clear();
    expect(await listIds(await startWorker(s.idb, s.stash))).toEqual(['real2']);
  });

  it('a well-sealed stash of the wrong shape is still refused, operation by operation', async () => {
    const s = setup();
    const w = await startWorker(s.idb, s.stash);
    await w.svc.handle(capture('real3'));
    w.store.close();
    const good = { op: 'annotate', annotation: { id: 'ann-1', recordId: 'real3', type: 'tag', value: 'employer', createdAt: '2026-02-01T00:00:00.000Z' } };
    const bad = [
      { op: 'delete', recordId: '../real3', reason: 'x', at: '2026-01-01T00:00:00.000Z' },
      { op: 'delete', recordId: 'real3', reason: '   ', at: '2026-01-01T00:00:00.000Z' },
      { op: 'annotate', annotation: { ...good.annotation, id: 'ann-2', type: 'constructor' } },
      { op: 'annotate', annotation: { ...good.annotation, id: 'ann-3', value: 42 } },
      { op: 'capture', record: { id: 'x' } },
      { op: 'capture', record: { ...newCaptureRecord({ id: 'c1', capturedAt: new Date(), site: 'gmail', text: 't', findings: [], rulesBundleHash: 'h', extensionVersion: 'v', source: 'page' }) }, png: 'not base64!' },
      { op: 'delete', recordId: 'real3', reason: 'x', at: 'yesterday' },
      { op: 'wipe' },
      null,
    ];
    const key = await s.keys.get('stash');
    await s.local.set(STASH_KEY, await sealJson(key, 'dunwatch:evidence-pending:v1', [...bad, good]));
    const again = await startWorker(s.idb, s.stash);
    const list = (await again.svc.handle({ type: 'dunwatch:evidence-list' })) as EvidenceListResponse;
    expect(list.items.map((i) => [i.record.id, i.annotations.map((a) => a.value)])).toEqual([['real3', ['employer']]]);
    expect(list.deletions).toEqual([]);
    expect(checkStashedOps([...bad, good]).rejected).toHaveLength(bad.length);
  });
});
