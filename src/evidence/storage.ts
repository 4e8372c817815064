/**
 * The evidence locker's storage: IndexedDB through Dexie. The ONLY module here that touches
 * IndexedDB. The in-memory Ledger is the truth for this session; every change is queued as
 * a write and flushed in order. A write that fails (quota exceeded, private mode, disk full)
 * stays queued — in memory, with its screenshot — is reported through `onWriteError`, and is
 * retried by `retry()` (and before every later write); nothing is ever dropped.
 *
 * Schema versions (Dexie upgrades run on open; never edit a released version, add one):
 *   1  entries (seq, recordId, kind), screenshots (recordId), meta (key)
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';
import { exportBundle, importBundle, previewImport, type ExportOptions, type ImportDone, type ImportOptions, type ImportPreview, type ImportRefusal, type UnzipLimits } from './bundle';
import { sha256Hex } from './canonical';
import { Ledger, openPending, verifyChain, type Annotation, type ChainEntry, type ChainVerdict, type OpenPending } from './ledger';
import type { CaptureRecord } from './record';
import { HEX64 } from './schema';
import { exportPublicKey, generateInstallKey } from './signing';

export const DB_NAME = 'dunwatch-evidence';
export const SCHEMA_VERSION = 1;

interface ScreenshotRow {
  recordId: string;
  sha256: string;
  png: Uint8Array;
}
interface MetaRow {
  key: string;
  value: unknown;
}

export class EvidenceDb extends Dexie {
  entries!: Table<ChainEntry, number>;
  screenshots!: Table<ScreenshotRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ entries: 'seq, recordId, kind', screenshots: 'recordId', meta: 'key' });
  }
}

type Write =
  | { type: 'append'; entries: ChainEntry[]; screenshots: ScreenshotRow[] }
  | { type: 'delete'; entry: ChainEntry };

export interface WriteFailure {
  /** quota = storage full (QuotaExceededError); other = private mode, disk error, closed db… */
  kind: 'quota' | 'other';
  message: string;
  /** writes waiting in memory, including this one */
  pending: number;
}

export interface SaveResult<T> {
  entry: T;
  /** false: kept in memory and queued for retry (see onWriteError) */
  saved: boolean;
}

/** A signing key the user said they trust (they checked its fingerprint with its owner). */
export interface TrustedKey {
  fingerprint: string;
  /** the user's own words: whose key it is */
  label: string;
  pinnedAt: string;
}

/** Whose key signed a bundle, as far as this locker knows. */
export type KeyStatus = { kind: 'own' } | { kind: 'trusted'; label: string; pinnedAt: string } | { kind: 'unknown' };

export type StoreImportPreview = ImportPreview & { key: KeyStatus };
export type StoreImportResult = (Omit<ImportDone, 'screenshots'> & { saved: boolean; key: KeyStatus }) | ImportRefusal;

export interface StoreOptions {
  name?: string;
  /** e.g. { indexedDB, IDBKeyRange } from fake-indexeddb in tests */
  dexie?: DexieOptions;
  onWriteError?: (f: WriteFailure) => void;
}

export class EvidenceStore {
  readonly ledger: Ledger;
  private queue: Write[] = [];
  private flushing: Promise<boolean> | undefined;
  private keyPair: CryptoKeyPair | undefined;

  private constructor(
    readonly db: EvidenceDb,
    entries: ChainEntry[],
    private readonly opts: StoreOptions,
  ) {
    this.ledger = new Ledger(entries);
  }

  static async open(opts: StoreOptions = {}): Promise<EvidenceStore> {
    const db = new EvidenceDb(opts.name ?? DB_NAME, opts.dexie);
    await db.open();
    const entries = await db.entries.orderBy('seq').toArray();
    return new EvidenceStore(db, entries, opts);
  }

  /**
   * Ask the browser not to evict the locker under storage pressure. Returns whether storage
   * is persistent, or 'unsupported' where the API does not exist (Node, old browsers).
   */
  static async requestPersistence(): Promise<boolean | 'unsupported'> {
    const storage = (globalThis as { navigator?: { storage?: { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> } } }).navigator?.storage;
    if (!storage?.persist) return 'unsupported';
    if (storage.persisted && (await storage.persisted())) return true;
    return storage.persist();
  }

  get pending(): number {
    return this.queue.length;
  }

  async capture(record: CaptureRecord, png?: Uint8Array): Promise<SaveResult<ChainEntry>> {
    const shots: ScreenshotRow[] = [];
    if (png) {
      const sha256 = await sha256Hex(png);
      if (record.screenshotSha256 !== sha256) throw new Error('the screenshot does not match record.screenshotSha256');
      shots.push({ recordId: record.id, sha256, png });
    } else if (record.screenshotSha256) throw new Error('record names a screenshot but none was given');
    const entry = await this.ledger.capture(record);
    return { entry, saved: await this.enqueue({ type: 'append', entries: [entry], screenshots: shots }) };
  }

  async annotate(a: Annotation): Promise<SaveResult<ChainEntry>> {
    const entry = await this.ledger.annotate(a);
    return { entry, saved: await this.enqueue({ type: 'append', entries: [entry], screenshots: [] }) };
  }

  async delete(recordId: string, reason: string, at = new Date().toISOString()): Promise<SaveResult<ChainEntry>> {
    const entry = await this.ledger.delete(recordId, reason, at);
    return { entry, saved: await this.enqueue({ type: 'delete', entry }) };
  }

  /** What importing `zip` would do, and whose key signed it; nothing changes. */
  async previewImport(zip: Uint8Array, limits?: UnzipLimits): Promise<StoreImportPreview | ImportRefusal> {
    const r = await previewImport(this.ledger, zip, limits);
    return r.ok ? { ...r, key: await this.keyStatus(r.fingerprint) } : r;
  }

  /**
   * Verify first; on any problem nothing changes (in memory or on disk). The bundle's new
   * records are added with an import entry; notes and deletions about records already here are
   * only listed (see confirmPending). One write: every new entry is appended as it stands.
   */
  async import(zip: Uint8Array, opts: ImportOptions = {}): Promise<StoreImportResult> {
    const before = this.ledger.entries.length;
    const r = await importBundle(this.ledger, zip, opts);
    if (!r.ok) return r;
    const added = this.ledger.entries.slice(before);
    const shots: ScreenshotRow[] = [];
    for (const [recordId, png] of r.screenshots) shots.push({ recordId, png, sha256: await sha256Hex(png) });
    const saved = added.length ? await this.enqueue({ type: 'append', entries: added, screenshots: shots }) : true;
    const { screenshots: _s, ...rest } = r;
    return { ...rest, saved, key: await this.keyStatus(r.fingerprint) };
  }

  /** Notes and deletions imports offered for records already here, not applied yet. */
  pendingChanges(): OpenPending[] {
    return openPending(this.ledger.entries);
  }

  /** Apply pending changes of an import the user confirmed (see Ledger.confirmPending). */
  async confirmPending(importId: string, indexes: readonly number[], at = new Date().toISOString()): Promise<SaveResult<ChainEntry[]>> {
    const entries = await this.ledger.confirmPending(importId, indexes, at);
    let saved = true;
    for (const e of entries) saved = (await this.enqueue(e.kind === 'deletion' ? { type: 'delete', entry: e } : { type: 'append', entries: [e], screenshots: [] })) && saved;
    return { entry: entries, saved };
  }

  /** SHA-256 fingerprint of this installation's signing key. */
  async ownFingerprint(): Promise<string> {
    return (await exportPublicKey((await this.installKey()).publicKey)).fingerprint;
  }

  async trustedKeys(): Promise<TrustedKey[]> {
    const row = await this.db.meta.get('trustedKeys');
    return Array.isArray(row?.value) ? (row.value as TrustedKey[]) : [];
  }

  /** Remember a key the user trusts (they compared its fingerprint with its owner), under their label. */
  async pinKey(fingerprint: string, label: string, at = new Date().toISOString()): Promise<TrustedKey[]> {
    const fp = fingerprint.replace(/[\s:]/g, '').toLowerCase();
    if (!HEX64.test(fp)) throw new Error('a key fingerprint is 64 hex digits (SHA-256)');
    const name = label.trim();
    if (!name) throw new Error('say whose key it is');
    if (name.length > 200) throw new Error('the label is longer than 200 characters');
    const keys = [...(await this.trustedKeys()).filter((k) => k.fingerprint !== fp), { fingerprint: fp, label: name, pinnedAt: at }];
    await this.db.meta.put({ key: 'trustedKeys', value: keys });
    return keys;
  }

  async unpinKey(fingerprint: string): Promise<TrustedKey[]> {
    const keys = (await this.trustedKeys()).filter((k) => k.fingerprint !== fingerprint);
    await this.db.meta.put({ key: 'trustedKeys', value: keys });
    return keys;
  }

  async keyStatus(fingerprint: string): Promise<KeyStatus> {
    if (fingerprint === (await this.ownFingerprint())) return { kind: 'own' };
    const k = (await this.trustedKeys()).find((x) => x.fingerprint === fingerprint);
    return k ? { kind: 'trusted', label: k.label, pinnedAt: k.pinnedAt } : { kind: 'unknown' };
  }

  verify(): Promise<ChainVerdict> {
    return verifyChain(this.ledger.entries);
  }

  /** Screenshots of live records: stored ones, and those still waiting to be written. */
  async screenshots(): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    for (const row of await this.db.screenshots.toArray()) out.set(row.recordId, row.png);
    for (const w of this.queue) if (w.type === 'append') for (const s of w.screenshots) out.set(s.recordId, s.png);
    for (const e of this.ledger.entries) if (e.kind === 'deletion') out.delete(e.recordId);
    return out;
  }

  /** The per-install signing key: made once, kept in IndexedDB (the private key cannot be read out). */
  async installKey(): Promise<CryptoKeyPair> {
    if (this.keyPair) return this.keyPair;
    const row = await this.db.meta.get('signingKey');
    if (row) return (this.keyPair = row.value as CryptoKeyPair);
    const kp = await generateInstallKey();
    await this.db.meta.put({ key: 'signingKey', value: kp });
    return (this.keyPair = kp);
  }

  async export(opts: Omit<ExportOptions, 'keyPair'> & { keyPair?: CryptoKeyPair }): Promise<Uint8Array> {
    return exportBundle(this.ledger.entries, await this.screenshots(), { ...opts, keyPair: opts.keyPair ?? (await this.installKey()) });
  }

  /** Write everything still pending, in order. True when nothing is left pending. */
  retry(): Promise<boolean> {
    return this.flush();
  }

  close(): void {
    this.db.close();
  }

  private async enqueue(w: Write): Promise<boolean> {
    this.queue.push(w);
    return this.flush();
  }

  private flush(): Promise<boolean> {
    // one flush at a time; a caller arriving mid-flush waits for it, then flushes again
    const run = async (): Promise<boolean> => {
      while (this.queue.length) {
        const w = this.queue[0]!;
        try {
          await this.apply(w);
          this.queue.shift();
        } catch (e) {
          const err = e as Error & { inner?: Error };
          const name = err.inner?.name ?? err.name;
          this.opts.onWriteError?.({ kind: /Quota/i.test(name) ? 'quota' : 'other', message: `${name}: ${err.message}`, pending: this.queue.length });
          return false;
        }
      }
      return true;
    };
    const prev = this.flushing ?? Promise.resolve(true);
    const next = prev.then(run, run);
    this.flushing = next;
    return next;
  }

  private async apply(w: Write): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.entries, db.screenshots, async () => {
      if (w.type === 'append') {
        if (w.entries.length) await db.entries.bulkPut(w.entries);
        if (w.screenshots.length) await db.screenshots.bulkPut(w.screenshots);
      } else {
        await db.entries.put(w.entry);
        await db.entries.where('recordId').equals(w.entry.recordId).modify((e) => {
          if (e.kind !== 'deletion') e.payload = null;
        });
        await db.screenshots.delete(w.entry.recordId);
      }
    });
  }
}
