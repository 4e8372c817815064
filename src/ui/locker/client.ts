/**
 * How the locker UI talks to the locker: through the background (the single writer), with
 * runtime messages, and over ports for bundles (any size, in chunks: evidence-transfer.ts).
 * Tests pass a client that calls an EvidenceService in the same process, over in-memory ports.
 * Persistent storage is asked for here, in the page: service workers have no
 * `navigator.storage.persist()`.
 */
import { browser } from 'wxt/browser';
import type { Finding } from '../../engine/types';
import { fromBase64 } from '../../extension/base64';
import {
  isEvidenceChangedEvent,
  newEvidenceId,
  type EvidenceCaptureResponse,
  type EvidenceImportResponse,
  type EvidenceListResponse,
  type EvidenceRequest,
  type EvidenceScreenshotResponse,
  type EvidenceVerifyResponse,
  type EvidenceWriteResponse,
} from '../../extension/evidence-messages';
import { EXPORT_PORT, IMPORT_PORT, receiveExport, upload, type PortLike } from '../../extension/evidence-transfer';

/** true: the browser will not evict the locker; false: it may under storage pressure; 'unsupported': it cannot say. */
export type Persistence = boolean | 'unsupported';

export interface LockerClient {
  list(): Promise<EvidenceListResponse>;
  screenshot(recordId: string): Promise<Uint8Array | undefined>;
  annotate(recordId: string, kind: 'note' | 'tag', value: string): Promise<EvidenceWriteResponse>;
  remove(recordId: string, reason: string): Promise<EvidenceWriteResponse>;
  verify(): Promise<EvidenceVerifyResponse>;
  exportZip(language: 'en' | 'zh-CN'): Promise<{ ok: true; zip: Blob; filename: string } | { ok: false; error: string }>;
  importZip(file: Blob): Promise<EvidenceImportResponse>;
  retry(): Promise<EvidenceWriteResponse>;
  savePasted(text: string, findings: Finding[], note: string): Promise<EvidenceCaptureResponse>;
  /** ask for persistent storage (once per page) and say whether the locker has it */
  persistence(): Promise<Persistence>;
  /** the locker changed (another page, a capture in a tab); returns the unsubscribe */
  onChanged(listener: () => void): () => void;
}

interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/**
 * Ask for persistent storage unless the origin has it, then report what the browser says
 * now (`persisted()`, not persist()'s promise: that is what holds after the request).
 */
export async function requestPersistence(storage: StorageManagerLike | undefined = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage): Promise<Persistence> {
  if (!storage?.persisted) return 'unsupported';
  if (!(await storage.persisted())) await storage.persist?.().catch(() => false);
  return storage.persisted();
}

export interface ClientTransport {
  /** a runtime message to the background */
  send(req: EvidenceRequest): Promise<unknown>;
  /** a port to the background (EXPORT_PORT, IMPORT_PORT) */
  connect(name: string): PortLike;
  subscribe?(listener: () => void): () => void;
  persistence?(): Promise<Persistence>;
  /** bytes per import chunk (tests use small ones) */
  chunkBytes?: number;
}

/** A client over a transport (runtime messaging and ports, or a service in tests). */
export function requestClient(transport: ClientTransport): LockerClient {
  const call = <T>(req: EvidenceRequest) => transport.send(req) as Promise<T>;
  let persistence: Promise<Persistence> | undefined;
  return {
    list: () => call<EvidenceListResponse>({ type: 'dunwatch:evidence-list' }),
    async screenshot(recordId) {
      const r = await call<EvidenceScreenshotResponse>({ type: 'dunwatch:evidence-screenshot', recordId });
      return 'png' in r ? fromBase64(r.png) : undefined;
    },
    annotate: (recordId, kind, value) => call({ type: 'dunwatch:evidence-annotate', recordId, kind, value }),
    remove: (recordId, reason) => call({ type: 'dunwatch:evidence-delete', recordId, reason }),
    verify: () => call({ type: 'dunwatch:evidence-verify' }),
    async exportZip(language) {
      const r = await receiveExport(transport.connect(EXPORT_PORT), language);
      return r.ok ? { ok: true, zip: new Blob(r.parts as BlobPart[], { type: 'application/zip' }), filename: r.filename } : r;
    },
    async importZip(file) {
      const refused = (reason: string): EvidenceImportResponse => ({ ok: false, problems: [{ file: '(bundle)', reason }] });
      const up = await upload(transport.connect(IMPORT_PORT), file, transport.chunkBytes);
      if (!up.ok) return refused(up.error);
      try {
        const r = await up.upload.call('import');
        return r.ok ? (r.result as EvidenceImportResponse) : refused(r.error);
      } finally {
        up.upload.close();
      }
    },
    retry: () => call({ type: 'dunwatch:evidence-retry' }),
    savePasted: (text, findings, note) => call({ type: 'dunwatch:evidence-save-pasted', id: newEvidenceId(), text, findings, note }),
    persistence() {
      persistence ??= (transport.persistence ?? requestPersistence)().catch(() => 'unsupported' as const);
      return persistence;
    },
    onChanged: transport.subscribe ?? (() => () => undefined),
  };
}

export function runtimeClient(): LockerClient {
  return requestClient({
    send: (req) => browser.runtime.sendMessage(req),
    connect: (name) => browser.runtime.connect({ name }) as unknown as PortLike,
    subscribe(listener) {
      const l = (m: unknown) => {
        if (isEvidenceChangedEvent(m)) listener();
        return undefined;
      };
      browser.runtime.onMessage.addListener(l);
      return () => browser.runtime.onMessage.removeListener(l);
    },
  });
}
