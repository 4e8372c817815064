/** A scanned message as the rest of the extension sees it (side panel, evidence, research). */
import { toUtc, type ScannedMessage } from '../page/loop';
import type { TabMessage } from './messages';

/** Sender, the time as the site shows it and as UTC, direction, thread, subject, text, findings. */
export function tabMessage(r: ScannedMessage): TabMessage {
  const iso = toUtc(r.info.sentAt);
  const shown = r.info.sentAtShown ?? r.info.sentAt;
  return {
    id: r.id,
    direction: r.info.direction,
    ...(r.info.sender ? { sender: r.info.sender } : {}),
    ...(shown ? { sentAt: shown } : {}),
    ...(iso ? { sentAtIso: iso } : {}),
    ...(r.info.threadId ? { threadId: r.info.threadId } : {}),
    ...(r.info.subject ? { subject: r.info.subject } : {}),
    text: r.text,
    findings: r.findings,
    ...(r.info.fallback ? { fallback: true } : {}),
  };
}
