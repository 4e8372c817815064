/**
 * The evidence locker's messages. The background is the ONLY writer of the locker (the
 * EvidenceStore keeps the hash chain in memory; a second writer would fork it): content
 * scripts, the popup, the side panel and the locker page send these requests and render the
 * answers. Screenshots travel as base64, because runtime messages are JSON; whole bundles
 * (any size) travel in chunks over ports (evidence-transfer.ts). Who may send which request:
 * sender-policy.ts.
 */
import type { Finding } from '../engine/types';
import type { Annotation, ChainProblem, PendingChange, Provenance } from '../evidence/ledger';
import type { CaptureRecord } from '../evidence/record';
import type { BundleProblem } from '../evidence/bundle';
import type { KeyStatus, StoreImportPreview, TrustedKey } from '../evidence/storage';
import type { TabMessage } from './messages';

/** One message as the page showed it (the side panel's fields), with where it is on screen (for the screenshot crop). */
export interface CapturedMessage extends Omit<TabMessage, 'id'> {
  /** the record id, made by the requester so that a retried request cannot save twice */
  id: string;
  /** getBoundingClientRect() in CSS pixels of the viewport; absent or empty: not on screen */
  rect?: { x: number; y: number; width: number; height: number };
}

/** Content script → background: "Save as evidence" (card, marker, context menu). */
export interface EvidenceCaptureRequest {
  type: 'dunwatch:evidence-capture';
  site: string;
  scope: 'message' | 'thread';
  messages: CapturedMessage[];
  /** window.innerWidth / innerHeight and devicePixelRatio when the rects were taken */
  viewport: { width: number; height: number; dpr: number };
}

/** Why a capture has no screenshot (shown to the user; the record says screenshotSha256 null). */
/** no-permission: no activeTab; off-screen: the message was not in view; not-visible: its tab was not the one shown */
export type NoScreenshot = 'no-permission' | 'off-screen' | 'not-visible' | 'failed' | 'none-asked';

export type EvidenceCaptureResponse =
  | {
      ok: true;
      ids: string[];
      /** how many of the saved messages have a screenshot */
      screenshots: number;
      /** set when some message has none, and why */
      noScreenshot?: NoScreenshot;
      /** false: kept pending (see EvidenceStatus.pending) and retried; nothing is dropped */
      saved: boolean;
    }
  | { ok: false; error: string };

/** Popup → background: a pasted message, with the user's note of where and when it came. */
export interface EvidenceSavePastedRequest {
  type: 'dunwatch:evidence-save-pasted';
  id: string;
  text: string;
  findings: Finding[];
  note: string;
}

/**
 * Background → content script, after the context-menu item "Save as evidence": save the
 * message under the last right-click, as the card button does (the menu click granted
 * activeTab, so this capture gets its screenshot).
 */
export interface EvidenceContextSaveCommand {
  type: 'dunwatch:evidence-context-save';
}

/**
 * Side panel → content script (tabs.sendMessage): save the message with this
 * page-loop message id (TabMessage.id), or its whole thread. Answers EvidenceSaveAnswer.
 * A side-panel click grants no activeTab, so this has a screenshot only if the tab already
 * has it (toolbar click or context menu earlier on this page).
 */
export interface EvidenceSaveMessageCommand {
  type: 'dunwatch:evidence-save-message';
  messageId: string;
  scope: 'message' | 'thread';
}
export type EvidenceSaveAnswer = { saved: number; screenshots: number; pending: boolean; noScreenshot?: string } | { error: string };

export interface EvidenceListRequest {
  type: 'dunwatch:evidence-list';
}

export interface LockerItem {
  record: CaptureRecord;
  /** the record's SHA-256 (what the chain commits to) */
  sha256: string;
  /** position of its capture entry in the chain */
  seq: number;
  annotations: Annotation[];
  /** set when the record came in by import: when, and the key that signed its bundle */
  imported?: Provenance;
}

/** A note or deletion an import offered for a record already here; applied only when the user confirms it. */
export interface LockerPendingChange {
  importId: string;
  index: number;
  change: PendingChange;
  keyFingerprint: string;
  importedAt: string;
  /** the record it is about, to show the user */
  subject: string | null;
  sender: string | null;
}

export interface LockerDeletion {
  recordId: string;
  reason: string;
  deletedAt: string;
}

export interface EvidenceStatus {
  /** writes waiting (storage full, private mode…); kept and retried */
  pending: number;
  /** the last write error, when something is pending */
  lastError?: { kind: 'quota' | 'other'; message: string };
}

export interface EvidenceListResponse {
  items: LockerItem[];
  deletions: LockerDeletion[];
  status: EvidenceStatus;
  /** changes imports offered for records already here, not applied */
  pending: LockerPendingChange[];
  /** this installation's key fingerprint and the keys the user pinned as trusted */
  keys: { own: string; trusted: TrustedKey[] };
}

export interface EvidenceScreenshotRequest {
  type: 'dunwatch:evidence-screenshot';
  recordId: string;
}
export type EvidenceScreenshotResponse = { png: string } | { none: true };

export interface EvidenceAnnotateRequest {
  type: 'dunwatch:evidence-annotate';
  recordId: string;
  kind: 'note' | 'tag';
  value: string;
}

export interface EvidenceDeleteRequest {
  type: 'dunwatch:evidence-delete';
  recordId: string;
  reason: string;
}

/** For annotate, delete, retry: saved false = kept pending. */
export type EvidenceWriteResponse = { ok: true; saved: boolean; status: EvidenceStatus } | { ok: false; error: string };

export interface EvidenceVerifyRequest {
  type: 'dunwatch:evidence-verify';
}
export interface EvidenceVerifyResponse {
  ok: boolean;
  entries: number;
  headSha256: string;
  /** each broken entry, with the record it belongs to (when that record is known) */
  problems: (ChainProblem & { subject?: string | null; sender?: string | null })[];
}

/**
 * Import is two calls on ONE upload over the import port (evidence-transfer.ts), so the
 * bundle is sent once: `preview` answers EvidenceImportPreviewResponse (what it would add,
 * whose key signed it; nothing changes), then, after the user agrees, `import` with
 * EvidenceImportArgs answers EvidenceImportResponse.
 */
export const IMPORT_COMMANDS = { preview: 'preview', import: 'import' } as const;

export interface EvidenceImportArgs {
  /** the head hash the preview showed: refused if the bundle is another one */
  expectHeadSha256?: string;
}
export type EvidenceImportResponse =
  | { ok: true; added: number; records: number; skipped: number; pending: PendingChange[]; importId?: string; fingerprint: string; key: KeyStatus; saved: boolean }
  | { ok: false; problems: BundleProblem[] };

export type EvidenceImportPreviewResponse = StoreImportPreview | { ok: false; problems: BundleProblem[] };

/** Import port `import` args from the page: only a string head hash, or nothing. */
export function importArgs(args: unknown): EvidenceImportArgs | undefined {
  if (args === undefined || args === null) return {};
  if (!obj(args)) return undefined;
  const head = args.expectHeadSha256;
  if (head === undefined) return {};
  return str(head) ? { expectHeadSha256: head } : undefined;
}

/** Locker page → background: the user confirmed these pending changes of an import. */
export interface EvidenceConfirmPendingRequest {
  type: 'dunwatch:evidence-confirm-pending';
  importId: string;
  indexes: number[];
}

/** Locker page → background: trust (or stop trusting) a signing key, under the user's label. */
export interface EvidencePinKeyRequest {
  type: 'dunwatch:evidence-pin-key';
  fingerprint: string;
  label: string;
}
export interface EvidenceUnpinKeyRequest {
  type: 'dunwatch:evidence-unpin-key';
  fingerprint: string;
}
export type EvidenceKeysResponse = { ok: true; trusted: TrustedKey[] } | { ok: false; error: string };

export interface EvidenceRetryRequest {
  type: 'dunwatch:evidence-retry';
}

/** Background → pages: the locker changed (list again). */
export interface EvidenceChangedEvent {
  type: 'dunwatch:evidence-changed';
  status: EvidenceStatus;
}

export type EvidenceRequest =
  | EvidenceCaptureRequest
  | EvidenceSavePastedRequest
  | EvidenceListRequest
  | EvidenceScreenshotRequest
  | EvidenceAnnotateRequest
  | EvidenceDeleteRequest
  | EvidenceVerifyRequest
  | EvidenceConfirmPendingRequest
  | EvidencePinKeyRequest
  | EvidenceUnpinKeyRequest
  | EvidenceRetryRequest;

const obj = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null && !Array.isArray(m);
const str = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isFinding(f: unknown): f is Finding {
  return obj(f) && str(f.rule) && Number.isInteger(f.ruleVersion) && str(f.category) && str(f.severity) && Number.isInteger(f.start) && Number.isInteger(f.end) && str(f.excerpt) && str(f.title) && Array.isArray(f.law) && Array.isArray(f.citations);
}

export function isCapturedMessage(m: unknown): m is CapturedMessage {
  if (!obj(m)) return false;
  const rect = m.rect;
  return (
    str(m.id) &&
    str(m.text) &&
    ['incoming', 'outgoing', 'unknown'].includes(m.direction as string) &&
    optStr(m.sender) &&
    optStr(m.sentAt) &&
    optStr(m.sentAtIso) &&
    optStr(m.threadId) &&
    optStr(m.subject) &&
    Array.isArray(m.findings) &&
    m.findings.every(isFinding) &&
    (rect === undefined || (obj(rect) && num(rect.x) && num(rect.y) && num(rect.width) && num(rect.height)))
  );
}

export function isEvidenceRequest(m: unknown): m is EvidenceRequest {
  if (!obj(m) || !str(m.type) || !m.type.startsWith('dunwatch:evidence-')) return false;
  switch (m.type) {
    case 'dunwatch:evidence-capture': {
      const v = m.viewport;
      return str(m.site) && (m.scope === 'message' || m.scope === 'thread') && Array.isArray(m.messages) && m.messages.length > 0 && m.messages.every(isCapturedMessage) && obj(v) && num(v.width) && num(v.height) && num(v.dpr);
    }
    case 'dunwatch:evidence-save-pasted':
      return str(m.id) && str(m.text) && m.text.trim().length > 0 && str(m.note) && Array.isArray(m.findings) && m.findings.every(isFinding);
    case 'dunwatch:evidence-screenshot':
      return str(m.recordId);
    case 'dunwatch:evidence-annotate':
      return str(m.recordId) && (m.kind === 'note' || m.kind === 'tag') && str(m.value) && m.value.trim().length > 0;
    case 'dunwatch:evidence-delete':
      return str(m.recordId) && str(m.reason) && m.reason.trim().length > 0;
    case 'dunwatch:evidence-confirm-pending':
      return str(m.importId) && Array.isArray(m.indexes) && m.indexes.length > 0 && m.indexes.every((i) => Number.isInteger(i) && i >= 0);
    case 'dunwatch:evidence-pin-key':
      return str(m.fingerprint) && str(m.label);
    case 'dunwatch:evidence-unpin-key':
      return str(m.fingerprint);
    case 'dunwatch:evidence-list':
    case 'dunwatch:evidence-verify':
    case 'dunwatch:evidence-retry':
      return true;
    default:
      return false;
  }
}

export function isEvidenceContextSaveCommand(m: unknown): m is EvidenceContextSaveCommand {
  return obj(m) && m.type === 'dunwatch:evidence-context-save';
}

export function isEvidenceSaveMessageCommand(m: unknown): m is EvidenceSaveMessageCommand {
  return obj(m) && m.type === 'dunwatch:evidence-save-message' && str(m.messageId) && (m.scope === 'message' || m.scope === 'thread');
}

export function isEvidenceChangedEvent(m: unknown): m is EvidenceChangedEvent {
  return obj(m) && m.type === 'dunwatch:evidence-changed';
}

/** A record id for a new capture: [A-Za-z0-9_-], as the record requires. */
export function newEvidenceId(): string {
  return crypto.randomUUID();
}
