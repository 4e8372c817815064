/**
 * `dunwatch scan --threads`: group input lines into threads (by `thread`, else `sender`)
 * and add thread-level findings (hours, frequency, after opt-out, missing disclosures).
 * A thread must be read whole before it can be judged, so this mode holds the input in memory.
 */
import type { ContactChannel, Engine, ThreadFinding, ThreadMessage } from '../engine';
import type { InputRecord } from './input';

const CHANNELS: ContactChannel[] = ['call', 'sms', 'email', 'chat', 'voicemail', 'social', 'letter', 'unknown'];

export function threadKey(record: InputRecord['record']): string {
  const key = record.thread ?? record.thread_id ?? record.sender;
  return key === undefined || key === null ? '(no thread)' : String(key);
}

export function toThreadMessage(record: InputRecord['record']): ThreadMessage {
  const direction = record.direction === 'outgoing' || record.direction === 'out' ? 'outgoing' : 'incoming';
  const sentAt = record.sentAt ?? record.sent_at ?? record.time ?? record.date;
  const channel = typeof record.channel === 'string' && (CHANNELS as string[]).includes(record.channel) ? (record.channel as ContactChannel) : 'unknown';
  return {
    id: record.id,
    text: record.text,
    direction,
    ...(typeof sentAt === 'string' ? { sentAt } : {}),
    ...(typeof record.sender === 'string' ? { sender: record.sender } : {}),
    channel,
    ...(typeof record.to === 'string' ? { to: record.to } : {}),
  };
}

export interface ThreadScan {
  findingsById: Map<string, ThreadFinding[]>;
  warnings: string[];
}

export function scanThreads(engine: Engine, records: InputRecord['record'][], jurisdiction: string, timeZone: string, workAddresses: readonly string[] = []): ThreadScan {
  const groups = new Map<string, InputRecord['record'][]>();
  for (const r of records) groups.set(threadKey(r), [...(groups.get(threadKey(r)) ?? []), r]);
  const findingsById = new Map<string, ThreadFinding[]>();
  const warnings: string[] = [];
  for (const [key, list] of groups) {
    const result = engine.analyzeThread(list.map(toThreadMessage), { jurisdiction, timeZone, workAddresses });
    warnings.push(...result.warnings.map((w) => `thread ${key}: ${w}`));
    for (const f of result.findings) for (const id of f.messageIds) findingsById.set(id, [...(findingsById.get(id) ?? []), f]);
  }
  return { findingsById, warnings };
}
