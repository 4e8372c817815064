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
  IMPORT_COMMANDS,
  isEvidenceChangedEvent,
  newEvidenceId,
  type EvidenceCaptureResponse,
  type EvidenceImportPreviewResponse,
  type EvidenceImportResponse,
  type EvidenceKeysResponse,
  type EvidenceListResponse,
  type EvidenceRequest,
  type EvidenceScreenshotResponse,
  type EvidenceVerifyResponse,
  type EvidenceWriteResponse,
} from '../../extension/evidence-messages';
import { EXPORT_PORT, IMPORT_PORT, receiveExport, upload, type PortLike } from '../../extension/evidence-transfer';

type Refusal = Extract<EvidenceImportResponse, { ok: false }>;

/** One uploaded bundle, held by the background until close(). */
export interface ImportSession {
  /** what importing would do and whose key signed it; nothing changes */
  preview(): Promise<EvidenceImportPreviewResponse>;
  /** expectHeadSha256: the head hash the preview showed (refused if the file is another one) */
  importZip(expectHeadSha256?: string): Promise<EvidenceImportResponse>;
  /** done: the background lets the bytes go */
  close(): void;
}

/** true: the browser will not evict the locker; false: it may under storage pressure; 'unsupported': it cannot say. */
export type Persistence = boolean | 'unsupported';

export interface LockerClient {
  list(): Promise<EvidenceListResponse>;
  screenshot(recordId: string): Promise<Uint8Array | undefined>;
  annotate(recordId: string, kind: 'note' | 'tag', value: string): Promise<EvidenceWriteResponse>;
  remove(recordId: string, reason: string): Promise<EvidenceWriteResponse>;
  verify(): Promise<EvidenceVerifyResponse>;
  exportZip(language: 'en' | 'zh-CN'): Promise<{ ok: true; zip: Blob; filename: string } | { ok: false; error: string }>;
  /** import in one step (sent in chunks over the import port); the locker page previews first (openImport) */
  importZip(file: Blob): Promise<EvidenceImportResponse>;
  /**
   * Send the file once, in chunks over the import port, and keep it there for a preview and
   * then, when the user agrees, the import: the bundle is never sent twice nor as one message.
   */
  openImport(file: Blob): Promise<{ ok: true; session: ImportSession } | Refusal>;
  /** apply pending changes of an import that the user confirmed */
  confirmPending(importId: string, indexes: number[]): Promise<EvidenceWriteResponse>;
  pinKey(fingerprint: string, label: string): Promise<EvidenceKeysResponse>;
  unpinKey(fingerprint: string): Promise<EvidenceKeysResponse>;
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
  const refused = (reason: string): Refusal => ({ ok: false, problems: [{ file: '(bundle)', reason }] });
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
      const up = await upload(transport.connect(IMPORT_PORT), file, transport.chunkBytes);
      if (!up.ok) return refused(up.error);
      try {
        const r = await up.upload.call(IMPORT_COMMANDS.import, {});
        return r.ok ? (r.result as EvidenceImportResponse) : refused(r.error);
      } finally {
        up.upload.close();
      }
    },
    async openImport(file) {
      const up = await upload(transport.connect(IMPORT_PORT), file, transport.chunkBytes);
      if (!up.ok) return refused(up.error);
      const u = up.upload;
      const ask = async <T,>(command: string, args?: unknown): Promise<T | Refusal> => {
        const r = await u.call(command, args);
        return r.ok ? (r.result as T) : refused(r.error);
      };
      return {
        ok: true,
        session: {
          preview: () => ask<EvidenceImportPreviewResponse>(IMPORT_COMMANDS.preview),
          importZip: (expectHeadSha256) => ask<EvidenceImportResponse>(IMPORT_COMMANDS.import, expectHeadSha256 ? { expectHeadSha256 } : {}),
          close: () => u.close(),
        },
      };
    },
    confirmPending: (importId, indexes) => call({ type: 'dunwatch:evidence-confirm-pending', importId, indexes }),
    pinKey: (fingerprint, label) => call({ type: 'dunwatch:evidence-pin-key', fingerprint, label }),
    unpinKey: (fingerprint) => call({ type: 'dunwatch:evidence-unpin-key', fingerprint }),
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
