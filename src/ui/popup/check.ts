/**
 * "Check a message" through the background (the popup does not carry the engine): a plain
 * paste is one `dunwatch:analyze`; a paste of ≥ 2 timed messages is one `dunwatch:analyze`
 * per incoming message (findings mapped back onto the paste) plus one `dunwatch:analyze-thread`
 * for conduct over time. `send` is `browser.runtime.sendMessage` in the popup, a fake in tests.
 */
import type { AnalyzeResult, Category, Finding, UiLang } from '../../engine/types';
import type { ThreadFinding, ThreadMessage } from '../../engine/thread/analyze-thread';
import type { AnalyzeRequest, AnalyzeThreadRequest, AnalyzeThreadResponse } from '../../extension/messages';
import { parsePastedThread, timedCount, toUtc, type PastedMessage } from './paste-thread';

export type Send = (message: unknown) => Promise<unknown>;

/** The background did not answer in time, or answered with something that is not a result. */
export class NoAnswer extends Error {}

export const ANSWER_TIMEOUT_MS = 5_000;

export interface CheckOptions {
  jurisdiction: string;
  uiLang: UiLang;
  categories: readonly Category[];
  disabledRules: readonly string[];
  /** the reader's IANA zone: pasted times are read in it and thread hours judged in it */
  timeZone: string;
  dateOrder: 'dmy' | 'mdy';
  timeoutMs?: number;
}

/** A finding with offsets into the whole paste and the message it came from. */
export interface PasteFinding extends Finding {
  messageId: string;
}

export interface CheckResult {
  text: string;
  messages: PastedMessage[];
  /** true when the paste was read as a conversation with times */
  thread: boolean;
  findings: PasteFinding[];
  threadFindings?: ThreadFinding[];
  /** the thread check failed (no handler, error): per-message findings are still shown */
  threadError?: string;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new NoAnswer(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(new NoAnswer(e instanceof Error ? e.message : String(e)))),
    );
  });
}

const isAnalyzeResult = (r: unknown): r is AnalyzeResult => typeof r === 'object' && r !== null && Array.isArray((r as AnalyzeResult).findings);

async function analyze(send: Send, text: string, o: CheckOptions, direction: 'incoming' | 'outgoing'): Promise<AnalyzeResult> {
  const req: AnalyzeRequest = {
    type: 'dunwatch:analyze',
    text,
    options: { jurisdiction: o.jurisdiction, uiLang: o.uiLang, context: { collection: true, direction }, categories: o.categories, disabledRules: o.disabledRules },
  };
  const r = await withTimeout(send(req), o.timeoutMs ?? ANSWER_TIMEOUT_MS);
  if (!isAnalyzeResult(r)) throw new NoAnswer('no analysis in the answer');
  return r;
}

export async function checkPaste(send: Send, text: string, o: CheckOptions): Promise<CheckResult> {
  const parsed = parsePastedThread(text, { dateOrder: o.dateOrder });
  const thread = timedCount(parsed) >= 2;
  const messages = thread ? parsed : [{ id: 'm1', text, start: 0, direction: 'incoming' as const }];
  // the reader's own messages never have findings: only incoming ones are sent
  const results = await Promise.all(messages.map((m) => (m.direction === 'incoming' && m.text.trim() ? analyze(send, m.text, o, 'incoming') : undefined)));
  const findings: PasteFinding[] = messages.flatMap((m, i) =>
    (results[i]?.findings ?? []).map((f) => ({ ...f, start: f.start + m.start, end: f.end + m.start, messageId: m.id })),
  );
  const out: CheckResult = { text, messages, thread, findings };
  if (!thread) return out;

  const req: AnalyzeThreadRequest = {
    type: 'dunwatch:analyze-thread',
    messages: messages.map((m): ThreadMessage => {
      const sentAt = m.localTime ? toUtc(m.localTime, o.timeZone) : undefined;
      return { id: m.id, text: m.text, direction: m.direction, ...(sentAt ? { sentAt } : {}), ...(m.sender ? { sender: m.sender } : {}) };
    }),
    options: { jurisdiction: o.jurisdiction, uiLang: o.uiLang, timeZone: o.timeZone },
  };
  try {
    const r = (await withTimeout(send(req), o.timeoutMs ?? ANSWER_TIMEOUT_MS)) as AnalyzeThreadResponse | undefined;
    if (r && 'findings' in r && Array.isArray(r.findings)) out.threadFindings = r.findings;
    else out.threadError = r && 'error' in r ? r.error : 'no answer';
  } catch (e) {
    out.threadError = (e as Error).message;
  }
  return out;
}
