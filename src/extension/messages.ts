/**
 * Messages between content scripts, extension pages and the background, with type guards.
 *
 * Who does what:
 * - the background owns the engine (the page never loads compromise or the rules), the
 *   per-tab reports (session storage, in memory only), the badge and the context menus;
 * - content scripts extract message text, ask the background to analyse it in batches, draw
 *   highlights and markers, and report what they scanned (`dunwatch:stats`);
 * - extension pages (popup, side panel, locker) read the tab reports and send commands to
 *   the tab's content script (`dunwatch:focus`).
 */
import type { AnalyzeOptions, AnalyzeResult, Finding, UiLang } from '../engine/types';
import type { ThreadFinding, ThreadMessage, ThreadOptions } from '../engine/thread/analyze-thread';
import type { PageStats } from '../page/loop';

export type PageStatus = 'scanning' | 'no-messages' | 'ok' | 'disabled';

/** One scanned message of a tab, as the side panel, evidence capture and research see it. */
export interface TabMessage {
  /** stable for the life of the page (the page loop's own id; nothing is written on the host's DOM) */
  id: string;
  sender?: string;
  /** the time as the site shows it */
  sentAt?: string;
  /** the same time as ISO 8601 UTC when it could be read */
  sentAtIso?: string;
  direction: 'incoming' | 'outgoing' | 'unknown';
  threadId?: string;
  subject?: string;
  /** the extracted text (session storage lives in memory and goes with the tab) */
  text: string;
  /** findings after the reader's "not a problem here" choices */
  findings: Finding[];
  /** read by the fallback reader (the site's layout was not recognised) */
  fallback?: boolean;
}

/** Conduct-over-time findings for one conversation on the page. */
export interface TabThread {
  threadId: string;
  /** ids of the thread's messages, in page order */
  messageIds: string[];
  findings: ThreadFinding[];
}

/** What a content script reports about its tab; the background keeps the latest per tab. */
export interface StatsMessage {
  type: 'dunwatch:stats';
  site: string;
  status: PageStatus;
  stats: PageStats;
  url?: string;
  /** the flagged messages and the messages of conversations with thread findings (clean ones only count in stats) */
  messages?: TabMessage[];
  threads?: TabThread[];
  /** how the page is read: its site adapter, the fallback reader (layout not recognised), or neither found messages */
  reader?: PageReader;
}

export type PageReader = 'adapter' | 'fallback' | 'none';

export interface TabStatusRequest {
  type: 'dunwatch:tab-status';
  tabId: number;
}

/** The latest report of a tab (`session:tab-<id>`). */
export interface TabStatus {
  site?: string;
  status?: PageStatus;
  stats?: PageStats;
  url?: string;
  messages?: TabMessage[];
  threads?: TabThread[];
  reader?: PageReader;
}

/** Analyse one text in the background (popup, pages that do not bundle the engine). */
export interface AnalyzeRequest {
  type: 'dunwatch:analyze';
  text: string;
  options?: AnalyzeOptions;
}

/** Analyse many texts at once (a content script's frame of new messages). */
export interface AnalyzeBatchRequest {
  type: 'dunwatch:analyze-batch';
  items: { text: string; options: AnalyzeOptions }[];
}
export type AnalyzeBatchResponse = AnalyzeResult[];

/** Conduct over time for one conversation (page threads, pasted SMS exports). */
export interface AnalyzeThreadRequest {
  type: 'dunwatch:analyze-thread';
  messages: ThreadMessage[];
  /** timeZone '' = the background's own zone (the browser's) */
  options: Omit<ThreadOptions, 'timeZone'> & { timeZone?: string };
}
export type AnalyzeThreadResponse = { findings: ThreadFinding[]; warnings: string[] } | { error: string };

/** What a content script needs besides findings: the reader's jurisdiction, language and rights links. */
export interface PageContextRequest {
  type: 'dunwatch:page-context';
  /** the page's navigator.language, for the defaults */
  locale: string;
}
export interface PageContext {
  jurisdiction: string;
  uiLang: UiLang;
  rights: { title: string; url: string; phone?: string }[];
  rulesHash: string;
}

/** Side panel → content script: scroll to a message and open its card (on a finding if given). */
export interface FocusCommand {
  type: 'dunwatch:focus';
  messageId: string;
  /** index into that message's `findings` */
  finding?: number;
}

const is = <T extends { type: string }>(type: T['type']) => (m: unknown): m is T =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;

const isStatsShape = is<StatsMessage>('dunwatch:stats');
export function isStatsMessage(m: unknown): m is StatsMessage {
  return isStatsShape(m) && typeof m.site === 'string' && typeof m.stats === 'object';
}
const isTabStatusShape = is<TabStatusRequest>('dunwatch:tab-status');
export function isTabStatusRequest(m: unknown): m is TabStatusRequest {
  return isTabStatusShape(m) && typeof m.tabId === 'number';
}
const isAnalyzeShape = is<AnalyzeRequest>('dunwatch:analyze');
export function isAnalyzeRequest(m: unknown): m is AnalyzeRequest {
  return isAnalyzeShape(m) && typeof m.text === 'string';
}
const isBatchShape = is<AnalyzeBatchRequest>('dunwatch:analyze-batch');
export function isAnalyzeBatchRequest(m: unknown): m is AnalyzeBatchRequest {
  return isBatchShape(m) && Array.isArray(m.items) && m.items.every((i) => typeof i?.text === 'string');
}
const isThreadShape = is<AnalyzeThreadRequest>('dunwatch:analyze-thread');
export function isAnalyzeThreadRequest(m: unknown): m is AnalyzeThreadRequest {
  return isThreadShape(m) && Array.isArray(m.messages) && typeof m.options === 'object' && m.options !== null;
}
const isContextShape = is<PageContextRequest>('dunwatch:page-context');
export function isPageContextRequest(m: unknown): m is PageContextRequest {
  return isContextShape(m) && typeof m.locale === 'string';
}
const isFocusShape = is<FocusCommand>('dunwatch:focus');
export function isFocusCommand(m: unknown): m is FocusCommand {
  return isFocusShape(m) && typeof m.messageId === 'string';
}
