/**
 * The background's evidence service: answers the requests of evidence-messages.ts over the one
 * EvidenceStore (the single writer of the locker). No browser.* here — the screenshot, the
 * durable stash of pending writes and the change broadcast are injected, so the whole thing
 * runs in unit tests on fake-indexeddb.
 *
 * Pending writes: the store keeps a failed write in memory and retries it, but a service
 * worker can be stopped at any time. So every operation that could not be written is also
 * copied to a durable stash (sealed with the extension's key in extension storage, which has
 * its own quota apart from IndexedDB's: pending-stash.ts); when the worker starts again the
 * stash is replayed. Each replayed operation must pass stash-schema.ts first. Replays are
 * idempotent (record, annotation and deletion ids are checked against the chain), and the
 * stash is cleared as soon as nothing is pending.
 *
 * Export and import of whole bundles are not runtime messages (one message is at most
 * 64 MiB in Chrome): the background serves `exportZip` and `importZip` over ports
 * (evidence-transfer.ts).
 */
import { sha256Hex } from '../evidence/canonical';
import { fromBase64, toBase64Fast } from './base64';
import { openPending, provenance, verifyChain, type Annotation, type ChainEntry } from '../evidence/ledger';
import { newCaptureRecord, type CaptureRecord } from '../evidence/record';
import type { EvidenceStore, TrustedKey, WriteFailure } from '../evidence/storage';
import { checkStashedOps } from './stash-schema';
import type { UploadCommands } from './evidence-transfer';
import type {
  CapturedMessage,
  EvidenceCaptureRequest,
  EvidenceCaptureResponse,
  EvidenceChangedEvent,
  EvidenceImportPreviewResponse,
  EvidenceImportResponse,
  EvidenceKeysResponse,
  EvidenceListResponse,
  EvidenceRequest,
  EvidenceScreenshotResponse,
  EvidenceStatus,
  EvidenceVerifyResponse,
  EvidenceWriteResponse,
  LockerDeletion,
  LockerItem,
  LockerPendingChange,
  NoScreenshot,
} from './evidence-messages';
import { IMPORT_COMMANDS, importArgs } from './evidence-messages';

/** An operation not yet written to IndexedDB, kept where a stopped worker cannot lose it. */
export type StashedOp =
  | { op: 'capture'; record: CaptureRecord; png?: string }
  | { op: 'annotate'; annotation: Annotation }
  | { op: 'delete'; recordId: string; reason: string; at: string };

export interface PendingStash {
  load(): Promise<StashedOp[]>;
  save(ops: StashedOp[]): Promise<void>;
}

export interface ShotResult {
  /** record id → PNG of that message */
  pngs: Map<string, Uint8Array>;
  /** why some (or all) messages have none */
  noScreenshot?: NoScreenshot;
}

export interface CaptureContext {
  /** the page's URL as the browser knows it (sender.tab.url), not as the page claims */
  url?: string;
  tabId?: number;
  windowId?: number;
}

export interface ServiceDeps {
  store: EvidenceStore;
  extensionVersion: string;
  rulesBundleHash: string;
  /** take and crop the screenshot for a capture; absent: no screenshots */
  screenshot?: (req: EvidenceCaptureRequest, ctx: CaptureContext) => Promise<ShotResult>;
  stash?: PendingStash;
  notify?: (event: EvidenceChangedEvent) => void;
  now?: () => Date;
}

/** "Name <addr>" → both; an e-mail address or a phone number → address; anything else → name. */
export function splitSender(s: string | undefined): { name: string | null; address: string | null } {
  const v = s?.trim();
  if (!v) return { name: null, address: null };
  const angle = /^(.*?)\s*<([^<>]+)>$/.exec(v);
  if (angle) return { name: angle[1]!.replace(/^"|"$/g, '').trim() || null, address: angle[2]!.trim() };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || /^\+?[\d\s().-]{6,}$/.test(v)) return { name: null, address: v };
  return { name: v, address: null };
}

function validDate(iso: string | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export class EvidenceService {
  private lastError: WriteFailure | undefined;
  private stashed: StashedOp[] = [];

  constructor(private readonly deps: ServiceDeps) {}

  /** Call once the store is open: replays operations a stopped worker left in the stash. */
  async start(): Promise<void> {
    const loaded: unknown = await this.deps.stash?.load().catch((e: Error) => {
      console.warn('[dunwatch] could not read the pending evidence writes:', e);
      return [];
    });
    // nothing reaches the locker unless it has the shape of an operation we write
    const { ops, rejected } = checkStashedOps(loaded ?? []);
    for (const r of rejected) console.warn(`[dunwatch] a pending evidence write was left out: ${r}`);
    if (!ops.length) return;
    const ledger = this.deps.store.ledger;
    for (const o of ops) {
      try {
        if (o.op === 'capture' && !ledger.has(o.record.id)) await this.deps.store.capture(o.record, o.png ? fromBase64(o.png) : undefined);
        else if (o.op === 'annotate' && !ledger.entries.some((e) => e.kind === 'annotation' && e.payload?.id === o.annotation.id) && !ledger.isDeleted(o.annotation.recordId)) await this.deps.store.annotate(o.annotation);
        else if (o.op === 'delete' && ledger.has(o.recordId) && !ledger.isDeleted(o.recordId)) await this.deps.store.delete(o.recordId, o.reason, o.at);
      } catch (e) {
        console.warn('[dunwatch] could not replay a pending evidence write:', e);
      }
    }
    this.stashed = ops;
    await this.afterWrite([]);
  }

  /** Called by the store's onWriteError. */
  writeFailed(f: WriteFailure): void {
    this.lastError = f;
  }

  status(): EvidenceStatus {
    const pending = this.deps.store.pending;
    return {
      pending,
      ...(pending && this.lastError ? { lastError: { kind: this.lastError.kind, message: this.lastError.message } } : {}),
    };
  }

  async handle(req: EvidenceRequest, ctx: CaptureContext = {}): Promise<unknown> {
    switch (req.type) {
      case 'dunwatch:evidence-capture':
        return this.capture(req, ctx);
      case 'dunwatch:evidence-save-pasted':
        return this.savePasted(req.id, req.text, req.findings, req.note);
      case 'dunwatch:evidence-list':
        return this.list();
      case 'dunwatch:evidence-screenshot':
        return this.screenshot(req.recordId);
      case 'dunwatch:evidence-annotate':
        return this.write(async () => {
          const annotation: Annotation = { id: crypto.randomUUID(), recordId: req.recordId, type: req.kind, value: req.value.trim(), createdAt: this.now() };
          const r = await this.deps.store.annotate(annotation);
          return { saved: r.saved, op: { op: 'annotate', annotation } };
        });
      case 'dunwatch:evidence-delete':
        return this.write(async () => {
          const at = this.now();
          const r = await this.deps.store.delete(req.recordId, req.reason.trim(), at);
          return { saved: r.saved, op: { op: 'delete', recordId: req.recordId, reason: req.reason.trim(), at } };
        });
      case 'dunwatch:evidence-verify':
        return this.verify();
      case 'dunwatch:evidence-confirm-pending':
        return this.write(async () => ({ saved: (await this.deps.store.confirmPending(req.importId, req.indexes, this.now())).saved }));
      case 'dunwatch:evidence-pin-key':
        return this.keys(() => this.deps.store.pinKey(req.fingerprint, req.label, this.now()));
      case 'dunwatch:evidence-unpin-key':
        return this.keys(() => this.deps.store.unpinKey(req.fingerprint));
      case 'dunwatch:evidence-retry':
        return this.write(async () => ({ saved: await this.deps.store.retry() }));
    }
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  private async capture(req: EvidenceCaptureRequest, ctx: CaptureContext): Promise<EvidenceCaptureResponse> {
    const ledger = this.deps.store.ledger;
    // a retried request (same ids) saves nothing twice
    const fresh = req.messages.filter((m) => !ledger.has(m.id));
    let shots: ShotResult = { pngs: new Map(), noScreenshot: 'none-asked' };
    if (fresh.length && this.deps.screenshot) {
      try {
        shots = await this.deps.screenshot({ ...req, messages: fresh }, ctx);
      } catch {
        shots = { pngs: new Map(), noScreenshot: 'failed' }; // never fail the capture for its picture
      }
    }
    const capturedAt = new Date(this.now());
    try {
      const ops: StashedOp[] = [];
      let saved = true;
      for (const m of fresh) {
        const png = shots.pngs.get(m.id);
        const record = this.recordOf(m, req.site, ctx.url ?? null, capturedAt, png ? await sha256Hex(png) : null);
        const r = await this.deps.store.capture(record, png);
        saved &&= r.saved;
        ops.push({ op: 'capture', record, ...(png ? { png: toBase64Fast(png) } : {}) });
      }
      await this.afterWrite(saved ? [] : ops);
      const withShot = req.messages.filter((m) => shots.pngs.has(m.id)).length;
      return {
        ok: true,
        ids: req.messages.map((m) => m.id),
        screenshots: withShot,
        ...(withShot < fresh.length ? { noScreenshot: shots.noScreenshot ?? 'off-screen' } : {}),
        saved: this.deps.store.pending === 0,
      };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }

  recordOf(m: CapturedMessage, site: string, url: string | null, capturedAt: Date, screenshotSha256: string | null): CaptureRecord {
    return newCaptureRecord({
      id: m.id,
      capturedAt,
      site,
      url,
      threadId: m.threadId ?? null,
      sender: splitSender(m.sender),
      sentAtShown: m.sentAt ?? null,
      sentAt: validDate(m.sentAtIso),
      direction: m.direction === 'unknown' ? null : m.direction,
      subject: m.subject ?? null,
      text: m.text,
      findings: m.findings,
      rulesBundleHash: this.deps.rulesBundleHash,
      extensionVersion: this.deps.extensionVersion,
      screenshotSha256,
      source: 'page',
    });
  }

  private async savePasted(id: string, text: string, findings: CapturedMessage['findings'], note: string): Promise<EvidenceCaptureResponse> {
    if (this.deps.store.ledger.has(id)) return { ok: true, ids: [id], screenshots: 0, saved: this.deps.store.pending === 0 };
    try {
      const record = newCaptureRecord({
        id,
        capturedAt: new Date(this.now()),
        site: 'pasted',
        text,
        findings,
        rulesBundleHash: this.deps.rulesBundleHash,
        extensionVersion: this.deps.extensionVersion,
        source: 'pasted',
        note: note.trim() || null,
      });
      const r = await this.deps.store.capture(record);
      await this.afterWrite(r.saved ? [] : [{ op: 'capture', record }]);
      return { ok: true, ids: [id], screenshots: 0, saved: this.deps.store.pending === 0 };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }

  private async write(fn: () => Promise<{ saved: boolean; op?: StashedOp }>): Promise<EvidenceWriteResponse> {
    try {
      const { saved, op } = await fn();
      await this.afterWrite(!saved && op ? [op] : []);
      return { ok: true, saved: this.deps.store.pending === 0, status: this.status() };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }

  /** Keep the stash in step with what is pending, then tell the pages. */
  private async afterWrite(newlyPending: StashedOp[]): Promise<void> {
    const before = this.stashed.length;
    if (this.deps.store.pending === 0) this.stashed = [];
    else this.stashed = [...this.stashed, ...newlyPending];
    if (this.deps.stash && (before || this.stashed.length)) {
      try {
        await this.deps.stash.save(this.stashed);
      } catch (e) {
        // both stores refuse (disk full): still in memory and retried while the worker lives
        console.warn('[dunwatch] could not keep pending evidence in extension storage:', e);
      }
    }
    this.deps.notify?.({ type: 'dunwatch:evidence-changed', status: this.status() });
  }

  private async list(): Promise<EvidenceListResponse> {
    const entries = this.deps.store.ledger.entries;
    const deleted = new Set(entries.filter((e) => e.kind === 'deletion').map((e) => e.recordId));
    const prov = provenance(entries);
    const items: LockerItem[] = [];
    const byId = new Map<string, LockerItem>();
    const deletions: LockerDeletion[] = [];
    for (const e of entries) {
      if (e.kind === 'capture' && e.payload && !deleted.has(e.recordId)) {
        const p = prov.get(e.recordId);
        const item: LockerItem = { record: e.payload, sha256: e.payloadSha256, seq: e.seq, annotations: [], ...(p ? { imported: p } : {}) };
        items.push(item);
        byId.set(e.recordId, item);
      } else if (e.kind === 'annotation' && e.payload) byId.get(e.recordId)?.annotations.push(e.payload);
      else if (e.kind === 'deletion') deletions.push({ recordId: e.recordId, reason: e.payload.reason, deletedAt: e.payload.deletedAt });
    }
    const pending: LockerPendingChange[] = openPending(entries).map((p) => {
      const r = byId.get(p.change.recordId)?.record;
      return { ...p, subject: r?.subject ?? null, sender: r ? (r.sender.name ?? r.sender.address) : null };
    });
    const keys = { own: await this.deps.store.ownFingerprint(), trusted: await this.deps.store.trustedKeys() };
    return { items, deletions, status: this.status(), pending, keys };
  }

  private async keys(fn: () => Promise<TrustedKey[]>): Promise<EvidenceKeysResponse> {
    try {
      const trusted = await fn();
      this.deps.notify?.({ type: 'dunwatch:evidence-changed', status: this.status() });
      return { ok: true, trusted };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }

  /** What importing this bundle (the page sent it in chunks) would do, and whose key signed it; nothing changes. */
  async previewZip(zip: Uint8Array): Promise<EvidenceImportPreviewResponse> {
    try {
      return await this.deps.store.previewImport(zip);
    } catch (e) {
      return { ok: false, problems: [{ file: '(bundle)', reason: (e as Error).message }] };
    }
  }

  private async screenshot(recordId: string): Promise<EvidenceScreenshotResponse> {
    const row = await this.deps.store.db.screenshots.get(recordId);
    const png = row?.png ?? (await this.deps.store.screenshots()).get(recordId);
    return png && !this.deps.store.ledger.isDeleted(recordId) ? { png: toBase64Fast(png) } : { none: true };
  }

  /**
   * Verify what is on disk (re-read from IndexedDB, not the copy in memory) when nothing is
   * pending; with writes pending, the chain in memory (the disk holds a prefix of it).
   */
  private async verify(): Promise<EvidenceVerifyResponse> {
    const store = this.deps.store;
    const entries: ChainEntry[] = store.pending ? store.ledger.entries : await store.db.entries.orderBy('seq').toArray();
    const v = await verifyChain(entries);
    const known = new Map<string, CaptureRecord>();
    for (const e of [...store.ledger.entries, ...entries]) if (e?.kind === 'capture' && e.payload && !known.has(e.recordId)) known.set(e.recordId, e.payload);
    return {
      ok: v.ok,
      entries: v.entries,
      headSha256: v.headSha256,
      problems: v.problems.map((p) => {
        const r = p.recordId ? known.get(p.recordId) : undefined;
        return { ...p, ...(r ? { subject: r.subject, sender: r.sender.name ?? r.sender.address } : {}) };
      }),
    };
  }

  /** The bundle of the whole locker (the background sends it to the page in chunks). */
  async exportZip(language: 'en' | 'zh-CN'): Promise<{ ok: true; zip: Uint8Array; filename: string } | { ok: false; error: string }> {
    try {
      const exportedAt = this.now();
      const zip = await this.deps.store.export({ exportedAt, softwareVersion: `dunwatch ${this.deps.extensionVersion}`, language });
      const stamp = exportedAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      return { ok: true, zip, filename: `dunwatch-evidence-${stamp}.zip` };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }

  /**
   * Import a bundle (the page sent it in chunks, over the same port as its preview): verified
   * first, nothing changes on failure; refused when it is not the bundle the preview showed
   * (expectHeadSha256). Notes and deletions for records already here stay pending.
   */
  async importZip(zip: Uint8Array, expectHeadSha256?: string): Promise<EvidenceImportResponse> {
    try {
      const r = await this.deps.store.import(zip, { importedAt: this.now(), ...(expectHeadSha256 ? { expectHeadSha256 } : {}) });
      if (r.ok) await this.afterWrite([]);
      return r;
    } catch (e) {
      return { ok: false, problems: [{ file: '(bundle)', reason: (e as Error).message }] };
    }
  }
}

/**
 * What the import port serves on one uploaded bundle (the background and the tests' transport
 * both use this): `preview`, then `import` with the head hash the preview showed.
 */
export function importCommands(service: () => Promise<EvidenceService>): UploadCommands {
  return {
    [IMPORT_COMMANDS.preview]: (zip) => service().then((s) => s.previewZip(zip)),
    [IMPORT_COMMANDS.import]: async (zip, raw) => {
      const args = importArgs(raw);
      if (!args) return { ok: false, problems: [{ file: '(bundle)', reason: 'bad import arguments (expectHeadSha256 must be a string)' }] } satisfies EvidenceImportResponse;
      return (await service()).importZip(zip, args.expectHeadSha256);
    },
  };
}
