/** The shapes the page-side modules share: what a site gives the loop, and what the loop keeps. */
import type { AnalyzeOptions, AnalyzeResult, Category, Finding, UiLang } from '../engine/types';
import type { ThreadFinding, ThreadMessage } from '../engine/thread/analyze-thread';
import type { ExtractedText } from './text-map';

export interface MessageInfo {
  body: Element;
  sender?: string;
  sentAt?: string;
  /** the time as the site shows it */
  sentAtShown?: string;
  /** 'unknown' is scanned as incoming: only positive evidence makes a message the reader's own */
  direction: 'incoming' | 'outgoing' | 'unknown';
  threadId?: string;
  subject?: string;
  /** 'list' for inbox preview rows (never grouped into threads) */
  layout?: 'thread' | 'list';
  /** read by the generic fallback reader because the site's layout was not recognised */
  fallback?: boolean;
}

/** What the loop needs from a site adapter (or a generic reader). */
export interface MessageSource {
  /** every message root inside `scope`, the scope itself included */
  findMessages(scope: ParentNode): Element[];
  /** the message root containing `node`, if any */
  messageOf(node: Node): Element | null;
  info(message: Element): MessageInfo | null;
}

export type IgnoreScope = 'message' | 'sender' | 'rule-on-site';

export interface IgnoreEntry {
  scope: IgnoreScope;
  site: string;
  rule: string;
  sender?: string;
  messageKey?: string;
}

export interface PageStats {
  messages: number;
  flagged: number;
  findings: number;
  byCategory: Partial<Record<Category, number>>;
}

export interface ScannedMessage {
  /** stable for the life of the page; kept in the loop's own map, never on the host's DOM */
  id: string;
  element: Element;
  info: MessageInfo;
  text: string;
  result: AnalyzeResult;
  findings: Finding[];
}

/** A scanned message with its text map (page side only). */
export interface PageRecord extends ScannedMessage {
  extracted: ExtractedText;
}

/** Analyse many texts at once; resolves with one result per item, in order. */
export type BatchAnalyze = (items: { text: string; options: AnalyzeOptions }[]) => Promise<AnalyzeResult[]>;

/** Conduct-over-time findings of one conversation on the page. */
export interface ThreadState {
  threadId: string;
  messageIds: string[];
  findings: ThreadFinding[];
}

export interface CardContext {
  message: Element;
  /** the message body: the marker sits at the end of its text, not at the far edge of the row */
  anchor?: Element;
  findings: Finding[];
  /** official rights / complaint pages for the chosen jurisdiction */
  rights: { title: string; url: string; phone?: string }[];
  /** the message was read by the fallback reader: the card says so */
  fallback?: boolean;
}

export type EvidenceScope = 'message' | 'thread';
/** What a save did, as the in-page notice tells it. */
export type EvidenceSaveOutcome = { saved: number; screenshots: number; pending: boolean; noScreenshot?: string } | { error: string };

/** What an in-page notice said (the evidence save), for callers that cannot read our closed layer. */
export type NoticeState = 'working' | 'saved' | 'pending' | 'failed';

export interface LoopOptions {
  site: string;
  source: MessageSource;
  analyze: BatchAnalyze;
  /** thread-level analysis (hours, frequency, contact after STOP); off when absent */
  analyzeThread?: (messages: ThreadMessage[]) => Promise<ThreadFinding[]>;
  /** how this site's messages reach the reader, for thread rules */
  channel?: ThreadMessage['channel'];
  jurisdiction?: string;
  uiLang: UiLang;
  rights?: CardContext['rights'];
  ignores?: IgnoreEntry[];
  onIgnoresChange?: (ignores: IgnoreEntry[]) => void;
  /** the card's "report a false alarm" (opt-in research); no button when absent */
  onReport?: (finding: Finding, record: ScannedMessage) => void;
  onStats?: (stats: PageStats, records: ScannedMessage[], threads: ThreadState[]) => void;
  /** message ids start with this (default 'm'); a loop that replaces another on the same page uses a new one */
  idPrefix?: string;
  /** ms of scanning per frame before yielding to the page */
  budgetMs?: number;
  /** force the overlay fallback (tests, browsers without the Highlight API) */
  forceOverlay?: boolean;
  /** evidence locker: save one message's record, or every record of its thread in page order */
  onSaveEvidence?: (records: ScannedMessage[], scope: EvidenceScope) => Promise<EvidenceSaveOutcome>;
}

export interface PageLoop {
  stop(): void;
  rescanAll(): void;
  records(): ScannedMessage[];
  threads(): ThreadState[];
  /** scroll a scanned message into view and open its card (side panel, keyboard users) */
  focus(messageId: string, finding?: number): boolean;
  /** resolves when nothing is waiting to be scanned */
  idle(): Promise<void>;
  /** evidence: save the message containing `node` (context menu); undefined when it is no scanned message */
  saveEvidence(node: Node, scope: EvidenceScope): Promise<EvidenceSaveOutcome | undefined> | undefined;
  /** evidence: save a scanned message by its id (side panel); undefined when there is none */
  saveEvidenceById(messageId: string, scope: EvidenceScope): Promise<EvidenceSaveOutcome | undefined> | undefined;
  /** what the latest in-page notice said (the page itself cannot read our closed layer) */
  lastNotice(): { state: NoticeState; text: string } | undefined;
  /** how the scanning went (counts and milliseconds only: diagnostics) */
  metrics(): LoopMetrics;
}

/** Counters of one loop: nothing about what the messages say. */
export interface LoopMetrics {
  /** analysis requests sent, and the messages in them */
  batches: number;
  analysed: number;
  /** ms spent reading text maps, waiting for the engine, and drawing answers */
  readMs: number;
  analyzeMs: number;
  applyMs: number;
  /** ms from the loop's start to its first answer drawn (undefined before) */
  firstAnswerMs?: number;
  failures: number;
}

