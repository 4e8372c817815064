/**
 * How the locker UI talks to the locker: through the background (the single writer), with
 * runtime messages. Tests pass a client that calls an EvidenceService in the same process.
 */
import { browser } from 'wxt/browser';
import type { Finding } from '../../engine/types';
import { fromBase64Strict, toBase64 } from '../../evidence/canonical';
import {
  isEvidenceChangedEvent,
  newEvidenceId,
  type EvidenceCaptureResponse,
  type EvidenceExportResponse,
  type EvidenceImportPreviewResponse,
  type EvidenceImportResponse,
  type EvidenceKeysResponse,
  type EvidenceListResponse,
  type EvidenceRequest,
  type EvidenceScreenshotResponse,
  type EvidenceVerifyResponse,
  type EvidenceWriteResponse,
} from '../../extension/evidence-messages';

export interface LockerClient {
  list(): Promise<EvidenceListResponse>;
  screenshot(recordId: string): Promise<Uint8Array | undefined>;
  annotate(recordId: string, kind: 'note' | 'tag', value: string): Promise<EvidenceWriteResponse>;
  remove(recordId: string, reason: string): Promise<EvidenceWriteResponse>;
  verify(): Promise<EvidenceVerifyResponse>;
  exportZip(language: 'en' | 'zh-CN'): Promise<{ ok: true; zip: Uint8Array; filename: string } | { ok: false; error: string }>;
  /** what importing would do and whose key signed it; nothing changes */
  previewImport(zip: Uint8Array): Promise<EvidenceImportPreviewResponse>;
  /** expectHeadSha256: the head hash the preview showed (refused if the file is another one) */
  importZip(zip: Uint8Array, expectHeadSha256?: string): Promise<EvidenceImportResponse>;
  /** apply pending changes of an import that the user confirmed */
  confirmPending(importId: string, indexes: number[]): Promise<EvidenceWriteResponse>;
  pinKey(fingerprint: string, label: string): Promise<EvidenceKeysResponse>;
  unpinKey(fingerprint: string): Promise<EvidenceKeysResponse>;
  retry(): Promise<EvidenceWriteResponse>;
  savePasted(text: string, findings: Finding[], note: string): Promise<EvidenceCaptureResponse>;
  /** the locker changed (another page, a capture in a tab); returns the unsubscribe */
  onChanged(listener: () => void): () => void;
}

/** A client over any request → response function (runtime messaging, or a service in tests). */
export function requestClient(send: (req: EvidenceRequest) => Promise<unknown>, subscribe: (listener: () => void) => () => void = () => () => undefined): LockerClient {
  const call = <T>(req: EvidenceRequest) => send(req) as Promise<T>;
  return {
    list: () => call<EvidenceListResponse>({ type: 'dunwatch:evidence-list' }),
    async screenshot(recordId) {
      const r = await call<EvidenceScreenshotResponse>({ type: 'dunwatch:evidence-screenshot', recordId });
      return 'png' in r ? fromBase64Strict(r.png) : undefined;
    },
    annotate: (recordId, kind, value) => call({ type: 'dunwatch:evidence-annotate', recordId, kind, value }),
    remove: (recordId, reason) => call({ type: 'dunwatch:evidence-delete', recordId, reason }),
    verify: () => call({ type: 'dunwatch:evidence-verify' }),
    async exportZip(language) {
      const r = await call<EvidenceExportResponse>({ type: 'dunwatch:evidence-export', language });
      if (!r.ok) return r;
      const zip = fromBase64Strict(r.zip);
      return zip ? { ok: true, zip, filename: r.filename } : { ok: false, error: 'bad base64' };
    },
    previewImport: (zip) => call({ type: 'dunwatch:evidence-import-preview', zip: toBase64(zip) }),
    importZip: (zip, expectHeadSha256) => call({ type: 'dunwatch:evidence-import', zip: toBase64(zip), ...(expectHeadSha256 ? { expectHeadSha256 } : {}) }),
    confirmPending: (importId, indexes) => call({ type: 'dunwatch:evidence-confirm-pending', importId, indexes }),
    pinKey: (fingerprint, label) => call({ type: 'dunwatch:evidence-pin-key', fingerprint, label }),
    unpinKey: (fingerprint) => call({ type: 'dunwatch:evidence-unpin-key', fingerprint }),
    retry: () => call({ type: 'dunwatch:evidence-retry' }),
    savePasted: (text, findings, note) => call({ type: 'dunwatch:evidence-save-pasted', id: newEvidenceId(), text, findings, note }),
    onChanged: subscribe,
  };
}

export function runtimeClient(): LockerClient {
  return requestClient(
    (req) => browser.runtime.sendMessage(req),
    (listener) => {
      const l = (m: unknown) => {
        if (isEvidenceChangedEvent(m)) listener();
        return undefined;
      };
      browser.runtime.onMessage.addListener(l);
      return () => browser.runtime.onMessage.removeListener(l);
    },
  );
}
