/**
 * For the side-panel tests: a tab report as the content script sends it, computed with the real
 * engine (message findings and thread findings), from a list of messages in page order.
 */
import { getEngine } from '../../engine/bundled';
import type { TabMessage, TabStatus, TabThread } from '../../extension/messages';

export interface RawMessage {
  id: string;
  threadId?: string;
  sender?: string;
  sentAtIso?: string;
  direction: 'incoming' | 'outgoing';
  subject?: string;
  text: string;
}

export function reportFrom(raw: readonly RawMessage[], options: { jurisdiction?: string; timeZone?: string; site?: string } = {}): TabStatus {
  const engine = getEngine();
  const jurisdiction = options.jurisdiction ?? 'us';
  const messages: TabMessage[] = raw.map((m) => ({
    id: m.id,
    sender: m.sender,
    sentAt: m.sentAtIso?.slice(0, 16).replace('T', ' '),
    sentAtIso: m.sentAtIso,
    direction: m.direction,
    threadId: m.threadId,
    subject: m.subject,
    text: m.text,
    findings: engine.analyze(m.text, { jurisdiction, uiLang: 'en', context: { direction: m.direction } }).findings,
  }));
  const threads: TabThread[] = [];
  for (const threadId of new Set(raw.flatMap((m) => (m.threadId ? [m.threadId] : [])))) {
    const mine = raw.filter((m) => m.threadId === threadId);
    const result = engine.analyzeThread(
      mine.map((m) => ({ id: m.id, text: m.text, direction: m.direction, sentAt: m.sentAtIso, sender: m.sender, channel: 'sms' as const })),
      { jurisdiction, timeZone: options.timeZone ?? 'America/New_York', uiLang: 'en' },
    );
    threads.push({ threadId, messageIds: mine.map((m) => m.id), findings: result.findings });
  }
  const flagged = messages.filter((m) => m.findings.length).length;
  const byCategory: Record<string, number> = {};
  for (const f of messages.flatMap((m) => m.findings)) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
  return {
    site: options.site ?? 'gmail',
    status: 'ok',
    stats: { messages: messages.length, flagged, findings: messages.reduce((n, m) => n + m.findings.length, 0), byCategory },
    url: 'https://mail.google.com/mail/u/0/',
    messages,
    threads,
  };
}
