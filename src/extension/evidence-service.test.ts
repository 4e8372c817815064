import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getEngine } from '../engine/bundled';
import { fromBase64Strict, sha256Hex } from '../evidence/canonical';
import { fakePng } from '../evidence/fixtures';
import { verifyBundle } from '../evidence/bundle';
import { EvidenceStore } from '../evidence/storage';
import {
  isEvidenceRequest,
  type EvidenceCaptureRequest,
  type EvidenceCaptureResponse,
  type EvidenceListResponse,
  type EvidenceVerifyResponse,
  type EvidenceWriteResponse,
} from './evidence-messages';
import { EvidenceService, splitSender, type PendingStash, type ShotResult, type StashedOp } from './evidence-service';

const engine = getEngine();
const threat = 'If you do not pay today we will call your employer and tell your whole family about your debt.';
const reply = 'I dispute this debt. Please send me validation in writing.';

function captureRequest(ids: string[], scope: 'message' | 'thread' = 'message'): EvidenceCaptureRequest {
  const texts = [threat, reply];
  return {
    type: 'dunwatch:evidence-capture',
    site: 'gmail',
    scope,
    viewport: { width: 1280, height: 900, dpr: 1 },
    messages: ids.map((id, i) => ({
      id,
      sender: i === 0 ? 'Apex Recovery <collections@apex.example>' : 'me',
      sentAt: 'Nov 20, 2026, 9:14 AM',
      sentAtIso: '2026-11-20T14:14:00.000Z',
      direction: i === 0 ? 'incoming' : 'outgoing',
      threadId: 'thread-1',
      subject: 'Final notice',
      text: texts[i % 2]!,
      findings: i % 2 === 0 ? engine.analyze(texts[0]!, { uiLang: 'en' }).findings : [],
      rect: { x: 10, y: 20, width: 300, height: 100 },
    })),
  };
}

class MemoryStash implements PendingStash {
  ops: StashedOp[] = [];
  async load() {
    return structuredClone(this.ops);
  }
  async save(ops: StashedOp[]) {
    this.ops = structuredClone(ops);
  }
}

async function service(opts: { indexedDB?: IDBFactory; stash?: PendingStash; shot?: (r: EvidenceCaptureRequest) => Promise<ShotResult> } = {}) {
  const indexedDB = opts.indexedDB ?? new IDBFactory();
  const ref: { svc?: EvidenceService } = {};
  const store = await EvidenceStore.open({ dexie: { indexedDB, IDBKeyRange }, onWriteError: (f) => ref.svc?.writeFailed(f) });
  const events: unknown[] = [];
  const svc = (ref.svc = new EvidenceService({ store, extensionVersion: '0.1.0', rulesBundleHash: engine.bundle.hash, screenshot: opts.shot, stash: opts.stash, notify: (e) => events.push(e) }));
  await svc.start();
  return { svc, store, indexedDB, events };
}

const shotAll = async (r: EvidenceCaptureRequest): Promise<ShotResult> => ({ pngs: new Map(r.messages.map((m, i) => [m.id, fakePng(i + 1)])) });

afterEach(() => vi.restoreAllMocks());

describe('evidence messages', () => {
  it('accepts well-formed requests and refuses malformed ones', () => {
    expect(isEvidenceRequest(captureRequest(['a']))).toBe(true);
    expect(isEvidenceRequest({ ...captureRequest(['a']), messages: [] })).toBe(false);
    expect(isEvidenceRequest({ ...captureRequest(['a']), scope: 'page' })).toBe(false);
    const bad = captureRequest(['a']);
    (bad.messages[0] as unknown as { findings: unknown[] }).findings = [{ rule: 'x' }];
    expect(isEvidenceRequest(bad)).toBe(false);
    expect(isEvidenceRequest({ type: 'dunwatch:evidence-delete', recordId: 'a', reason: '  ' })).toBe(false);
    expect(isEvidenceRequest({ type: 'dunwatch:evidence-delete', recordId: 'a', reason: 'duplicate' })).toBe(true);
    expect(isEvidenceRequest({ type: 'dunwatch:evidence-export', language: 'fr' })).toBe(false);
    expect(isEvidenceRequest({ type: 'dunwatch:analyze', text: 'x' })).toBe(false);
  });

  it('splits a sender into name and address', () => {
    expect(splitSender('Apex Recovery <collections@apex.example>')).toEqual({ name: 'Apex Recovery', address: 'collections@apex.example' });
    expect(splitSender('+1 (555) 010-2000')).toEqual({ name: null, address: '+1 (555) 010-2000' });
    expect(splitSender('x@y.example')).toEqual({ name: null, address: 'x@y.example' });
    expect(splitSender('王经理')).toEqual({ name: '王经理', address: null });
    expect(splitSender(undefined)).toEqual({ name: null, address: null });
  });
});

describe('evidence service (background handlers on fake-indexeddb)', () => {
  it('captures a message with its screenshot and every canonical field, and lists it after a restart', async () => {
    const { svc, store, indexedDB } = await service({ shot: shotAll });
    const res = (await svc.handle(captureRequest(['m1']), { url: 'https://mail.google.com/mail/u/0/#inbox/abc' })) as EvidenceCaptureResponse;
    expect(res).toMatchObject({ ok: true, ids: ['m1'], screenshots: 1, saved: true });
    store.close();
    const again = await service({ indexedDB });
    const list = (await again.svc.handle({ type: 'dunwatch:evidence-list' })) as EvidenceListResponse;
    expect(list.items).toHaveLength(1);
    const r = list.items[0]!.record;
    expect(r).toMatchObject({
      id: 'm1',
      site: 'gmail',
      url: 'https://mail.google.com/mail/u/0/#inbox/abc',
      threadId: 'thread-1',
      sender: { name: 'Apex Recovery', address: 'collections@apex.example' },
      sentAt: { shown: 'Nov 20, 2026, 9:14 AM', iso: '2026-11-20T14:14:00.000Z' },
      direction: 'incoming',
      subject: 'Final notice',
      text: threat,
      rulesBundleHash: engine.bundle.hash,
      extensionVersion: '0.1.0',
      source: 'page',
    });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings[0]).toHaveProperty('ruleVersion');
    expect(r.screenshotSha256).toBe(await sha256Hex(fakePng(1)));
    const shot = (await again.svc.handle({ type: 'dunwatch:evidence-screenshot', recordId: 'm1' })) as { png: string };
    expect(await sha256Hex(fromBase64Strict(shot.png)!)).toBe(r.screenshotSha256);
  });

  it('saves without a screenshot when none can be taken, and says why; a retried request saves nothing twice', async () => {
    const { svc, store } = await service({ shot: async () => ({ pngs: new Map(), noScreenshot: 'no-permission' }) });
    const req = captureRequest(['t1', 't2'], 'thread');
    const res = (await svc.handle(req)) as EvidenceCaptureResponse;
    expect(res).toMatchObject({ ok: true, screenshots: 0, noScreenshot: 'no-permission', saved: true });
    expect(store.ledger.entries).toHaveLength(2);
    expect(store.ledger.entries.map((e) => e.kind === 'capture' && e.payload?.direction)).toEqual(['incoming', 'outgoing']);
    await svc.handle(req);
    expect(store.ledger.entries).toHaveLength(2);
    const thrower = await service({ shot: async () => Promise.reject(new Error('boom')) });
    expect(await thrower.svc.handle(captureRequest(['x1']))).toMatchObject({ ok: true, noScreenshot: 'failed' });
  });

  it('saves a pasted message with the user note, annotates, deletes with a reason, and verifies', async () => {
    const { svc, events } = await service();
    const findings = engine.analyze(threat, { uiLang: 'en' }).findings;
    expect(await svc.handle({ type: 'dunwatch:evidence-save-pasted', id: 'p1', text: threat, findings, note: 'SMS from 555-0100, 3 Nov, 9pm' })).toMatchObject({ ok: true });
    await svc.handle(captureRequest(['m1']));
    expect(await svc.handle({ type: 'dunwatch:evidence-annotate', recordId: 'p1', kind: 'tag', value: 'employer' })).toMatchObject({ ok: true, saved: true });
    expect(await svc.handle({ type: 'dunwatch:evidence-delete', recordId: 'm1', reason: 'duplicate' })).toMatchObject({ ok: true, saved: true });
    expect(await svc.handle({ type: 'dunwatch:evidence-delete', recordId: 'm1', reason: 'again' })).toMatchObject({ ok: false });
    const list = (await svc.handle({ type: 'dunwatch:evidence-list' })) as EvidenceListResponse;
    expect(list.items.map((i) => [i.record.id, i.record.source, i.record.note, i.annotations.map((a) => a.value)])).toEqual([['p1', 'pasted', 'SMS from 555-0100, 3 Nov, 9pm', ['employer']]]);
    expect(list.deletions).toEqual([expect.objectContaining({ recordId: 'm1', reason: 'duplicate' })]);
    const v = (await svc.handle({ type: 'dunwatch:evidence-verify' })) as EvidenceVerifyResponse;
    expect(v).toMatchObject({ ok: true, entries: 4, problems: [] });
    expect(events.length).toBeGreaterThanOrEqual(4);
  });

  it('verify reads the disk and names the record whose stored entry was edited', async () => {
    const { svc, store } = await service();
    await svc.handle(captureRequest(['m1']));
    await svc.handle({ ...captureRequest(['m2']), site: 'whatsapp' });
    await store.db.entries.where('seq').equals(0).modify((e) => {
      if (e.kind === 'capture' && e.payload) e.payload.subject = 'Friendly reminder';
    });
    const v = (await svc.handle({ type: 'dunwatch:evidence-verify' })) as EvidenceVerifyResponse;
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ index: 0, recordId: 'm1', subject: 'Final notice', sender: 'Apex Recovery', reason: expect.stringMatching(/edited/) })]);
  });

  it('exports a bundle that verifies, and imports it into a fresh locker; a tampered bundle is refused and changes nothing', async () => {
    const a = await service({ shot: shotAll });
    await a.svc.handle(captureRequest(['m1', 'm2'], 'thread'));
    await a.svc.handle({ type: 'dunwatch:evidence-annotate', recordId: 'm1', kind: 'note', value: 'called my work too' });
    const exp = await a.svc.exportZip('en');
    if (!exp.ok) throw new Error(exp.error);
    expect(exp.filename).toMatch(/^dunwatch-evidence-\d{8}-\d{6}\.zip$/);
    const zip = exp.zip;
    expect((await verifyBundle(zip)).ok).toBe(true);

    const b = await service();
    const tampered = zip.slice();
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at]! ^ 1;
    const bad = await b.svc.importZip(tampered);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.length).toBeGreaterThan(0);
    expect(b.store.ledger.entries).toHaveLength(0);
    expect(await b.svc.importZip(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false });

    expect(await b.svc.importZip(zip)).toMatchObject({ ok: true, added: 3, saved: true });
    const list = (await b.svc.handle({ type: 'dunwatch:evidence-list' })) as EvidenceListResponse;
    expect(list.items.map((i) => i.record.id)).toEqual(['m1', 'm2']);
    expect(list.items[0]!.annotations.map((x) => x.value)).toEqual(['called my work too']);
    expect(await b.svc.handle({ type: 'dunwatch:evidence-screenshot', recordId: 'm2' })).toHaveProperty('png');
  });

  it('a write that fails is reported, stashed, and replayed after the worker restarts — nothing lost', async () => {
    const stash = new MemoryStash();
    const first = await service({ stash, shot: shotAll });
    await first.svc.handle(captureRequest(['ok1']));
    vi.spyOn(first.store.db.entries, 'bulkPut').mockImplementation(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never);
    const res = (await first.svc.handle(captureRequest(['q1']))) as EvidenceCaptureResponse;
    expect(res).toMatchObject({ ok: true, saved: false });
    const ann = (await first.svc.handle({ type: 'dunwatch:evidence-annotate', recordId: 'q1', kind: 'note', value: 'pending note' })) as EvidenceWriteResponse;
    expect(ann).toMatchObject({ ok: true, saved: false, status: { pending: 2, lastError: { kind: 'quota' } } });
    expect(stash.ops.map((o) => o.op)).toEqual(['capture', 'annotate']);
    // the worker is stopped: memory is gone, the stash is not
    first.store.close();
    vi.restoreAllMocks();
    const second = await service({ indexedDB: first.indexedDB, stash });
    const list = (await second.svc.handle({ type: 'dunwatch:evidence-list' })) as EvidenceListResponse;
    expect(list.items.map((i) => [i.record.id, i.annotations.length])).toEqual([['ok1', 0], ['q1', 1]]);
    expect(list.status.pending).toBe(0);
    expect(stash.ops).toEqual([]);
    expect(list.items[1]!.record.screenshotSha256).toBe(await sha256Hex(fakePng(1)));
    expect(await second.svc.handle({ type: 'dunwatch:evidence-verify' })).toMatchObject({ ok: true, entries: 3 });
  });

  it('retry writes what is pending once storage works again', async () => {
    const { svc, store } = await service({ stash: new MemoryStash() });
    const put = vi.spyOn(store.db.entries, 'bulkPut').mockImplementation(() => Promise.reject(new DOMException('disk', 'UnknownError')) as never);
    expect(await svc.handle(captureRequest(['r1']))).toMatchObject({ saved: false });
    expect(svc.status()).toMatchObject({ pending: 1, lastError: { kind: 'other' } });
    put.mockRestore();
    expect(await svc.handle({ type: 'dunwatch:evidence-retry' })).toMatchObject({ ok: true, saved: true, status: { pending: 0 } });
    expect(await store.db.entries.count()).toBe(1);
  });
});
