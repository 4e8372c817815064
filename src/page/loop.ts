/**
 * The page loop every content script runs: collect DOM mutations, handle them once per
 * frame within a time budget, scan only new or changed message roots, draw highlights and
 * markers, and stop cleanly when the extension is updated or the page navigates away.
 *
 * Analysis is asynchronous and batched: in the extension the engine lives in the background
 * (the page never parses compromise or the rules), so a frame extracts the text of new
 * messages, sends them in one request, and applies the answers when they come back, if the
 * message has not changed meanwhile.
 */
import type { AnalyzeOptions, AnalyzeResult, Category, Finding, UiLang } from '../engine/types';
import type { ThreadFinding, ThreadMessage } from '../engine/thread/analyze-thread';
import { extractText, rangeFor, type ExtractedText } from './extract';
import { Highlighter, supportsHighlights } from './highlight';
import { PageUi, type CardContext, type EvidenceSaveOutcome, type EvidenceScope, type IgnoreScope } from './ui';

export interface MessageInfo {
  body: Element;
  sender?: string;
  sentAt?: string;
  /** the time as the site shows it */
  sentAtShown?: string;
  direction: 'incoming' | 'outgoing' | 'unknown';
  threadId?: string;
  subject?: string;
  /** 'list' for inbox preview rows (never grouped into threads) */
  layout?: 'thread' | 'list';
}

/** What the loop needs from a site adapter. */
export interface MessageSource {
  /** every message root inside `scope`, the scope itself included */
  findMessages(scope: ParentNode): Element[];
  /** the message root containing `node`, if any */
  messageOf(node: Node): Element | null;
  info(message: Element): MessageInfo | null;
}

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
  /** stable for the life of the page (also the element's `data-dunwatch-id`) */
  id: string;
  element: Element;
  info: MessageInfo;
  text: string;
  result: AnalyzeResult;
  findings: Finding[];
}

/** Analyse many texts at once; resolves with one result per item, in order. */
export type BatchAnalyze = (items: { text: string; options: AnalyzeOptions }[]) => Promise<AnalyzeResult[]>;

/** A synchronous engine (tests, the demo page) as a BatchAnalyze. */
export function batchOf(analyze: (text: string, options: AnalyzeOptions) => AnalyzeResult): BatchAnalyze {
  return async (items) => items.map((i) => analyze(i.text, i.options));
}

/** Conduct-over-time findings of one conversation on the page. */
export interface ThreadState {
  threadId: string;
  messageIds: string[];
  findings: ThreadFinding[];
}

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
  /** evidence: save the message containing `node` (context menu, side panel); undefined when it is no scanned message */
  saveEvidence(node: Node, scope: EvidenceScope): Promise<EvidenceSaveOutcome | undefined> | undefined;
}

/** Messages per analysis request: one frame's worth, so answers come back in small steps. */
const MAX_BATCH = 40;

/**
 * Adapters read shown times as ISO wall time without a zone; the page shows them in the
 * reader's zone, which is this browser's, so the local Date is the right instant.
 */
export function toUtc(sentAt: string | undefined): string | undefined {
  if (!sentAt) return undefined;
  const d = new Date(sentAt);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** FNV-1a of the text: a stable key for "ignore in this message" without storing the text. */
export function messageKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function isIgnored(entries: readonly IgnoreEntry[], site: string, f: Finding, sender: string | undefined, key: string): boolean {
  return entries.some(
    (e) =>
      e.rule === f.rule &&
      ((e.scope === 'rule-on-site' && e.site === site) || (e.scope === 'sender' && sender !== undefined && e.sender === sender) || (e.scope === 'message' && e.messageKey === key)),
  );
}

export function startPageLoop(doc: Document, options: LoopOptions): PageLoop {
  const win = doc.defaultView!;
  const budget = options.budgetMs ?? 8;
  let ignores = [...(options.ignores ?? [])];
  let lastIgnored: IgnoreEntry | undefined;
  const seen = new WeakMap<Element, string>();
  const records = new Map<Element, ScannedMessage & { extracted: ExtractedText }>();
  const pending = new Set<Element>();
  let scheduled = false;
  let inFlight = false;
  let stopped = false;
  let lastId = 0;
  let idleWaiters: (() => void)[] = [];

  const ui = new PageUi(doc, {
    lang: options.uiLang,
    onIgnore: (scope, finding, message) => {
      const rec = records.get(message);
      const entry: IgnoreEntry = { scope, site: options.site, rule: finding.rule };
      if (scope === 'sender' && rec?.info.sender) entry.sender = rec.info.sender;
      if (scope === 'message' && rec) entry.messageKey = messageKey(rec.text);
      ignores = [...ignores, entry];
      lastIgnored = entry;
      options.onIgnoresChange?.(ignores);
      rescanAll();
    },
    ...(options.onReport
      ? {
          onReport: (finding: Finding, message: Element) => {
            const rec = records.get(message);
            if (rec) options.onReport!(finding, rec);
          },
        }
      : {}),
    onUndo: () => {
      if (!lastIgnored) return;
      ignores = ignores.filter((e) => e !== lastIgnored);
      lastIgnored = undefined;
      options.onIgnoresChange?.(ignores);
      rescanAll();
    },
    onSaveEvidence: options.onSaveEvidence && ((message, scope) => options.onSaveEvidence!(evidenceRecords(message, scope), scope)),
  });

  /** evidence: the message's record, or its thread's (incl. the reader's replies) in page order */
  function evidenceRecords(message: Element, scope: EvidenceScope): ScannedMessage[] {
    const rec = records.get(message);
    if (!rec) return [];
    if (scope === 'message') return [rec];
    const thread = [...records.values()].filter((r) => r.element.isConnected && r.info.threadId === rec.info.threadId);
    return thread.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }
  const overlay = options.forceOverlay || !supportsHighlights(win as Window & typeof globalThis);
  const highlighter = new Highlighter(doc, overlay ? (entries) => ui.drawBoxes(entries) : undefined);

  function report(): void {
    const list = [...records.values()].filter((r) => r.element.isConnected);
    const stats: PageStats = { messages: list.length, flagged: 0, findings: 0, byCategory: {} };
    for (const r of list) {
      if (r.findings.length) stats.flagged++;
      stats.findings += r.findings.length;
      for (const f of r.findings) stats.byCategory[f.category] = (stats.byCategory[f.category] ?? 0) + 1;
    }
    options.onStats?.(stats, list, [...threadResults.values()].map((t) => t.state));
  }

  interface Extracted {
    element: Element;
    info: MessageInfo;
    extracted: ExtractedText;
  }

  /** Read a message root; undefined when it is not a message or has not changed since its last scan. */
  function extractOne(element: Element): Extracted | undefined {
    const info = options.source.info(element);
    if (!info) return undefined;
    const extracted = extractText(info.body);
    // unchanged since the last scan (the observer fires for our own markers and highlights too)
    if (seen.get(element) === extracted.text && records.has(element)) return undefined;
    seen.set(element, extracted.text);
    return { element, info, extracted };
  }

  function apply({ element, info, extracted }: Extracted, result: AnalyzeResult): void {
    // the observer queued it again: the page changed the message while the background was
    // answering (mutation callbacks run before the answer arrives), so this answer is stale
    if (pending.has(element)) {
      seen.delete(element);
      return;
    }
    const key = messageKey(extracted.text);
    const findings = result.findings.filter((f) => !isIgnored(ignores, options.site, f, info.sender, key));
    const entries = findings.flatMap((f) => {
      const range = rangeFor(doc, extracted, f.start, f.end);
      return range ? [{ category: f.category, range }] : [];
    });
    highlighter.set(element, entries);
    // ids come from our own map only: a site that clones a message also clones its attribute
    const id = records.get(element)?.id ?? `m${++lastId}`;
    element.setAttribute('data-dunwatch-id', id);
    element.setAttribute('data-dunwatch-state', findings.length ? 'flagged' : 'clean');
    element.setAttribute('data-dunwatch-findings', String(findings.length));
    records.set(element, { id, element, info, text: extracted.text, result, findings, extracted });
    if (findings.length && info.body.ownerDocument !== doc) listenIn(info.body.ownerDocument);
    ui.setMarker({ message: element, anchor: info.body, findings, rights: options.rights ?? [] });
  }

  async function flush(): Promise<void> {
    scheduled = false;
    if (stopped || inFlight) return;
    const started = performance.now();
    const batch: Extracted[] = [];
    for (const el of pending) {
      pending.delete(el);
      if (el.isConnected) {
        try {
          const x = extractOne(el);
          if (x) batch.push(x);
        } catch (e) {
          // a page that changes under us must not stop the loop: skip this message, keep going
          console.warn('[dunwatch] could not read a message:', e);
        }
      }
      if ((performance.now() - started > budget || batch.length >= MAX_BATCH) && pending.size) break;
    }
    if (batch.length) {
      inFlight = true;
      let results: AnalyzeResult[] | undefined;
      try {
        results = await options.analyze(
          batch.map((b) => ({
            text: b.extracted.text,
            options: { jurisdiction: options.jurisdiction, uiLang: options.uiLang, context: { direction: b.info.direction === 'outgoing' ? 'outgoing' : 'incoming' } },
          })),
        );
      } catch (e) {
        console.warn('[dunwatch] analysis failed, will retry:', e);
        retryLater(batch.map((b) => b.element));
      } finally {
        inFlight = false;
      }
      if (stopped) return;
      if (results) {
        batch.forEach((b, i) => {
          const r = results![i];
          if (!r || !b.element.isConnected) return;
          try {
            apply(b, r);
          } catch (e) {
            console.warn('[dunwatch] could not mark a message:', e);
          }
        });
      }
    }
    highlighter.prune();
    repositionSoon();
    // threads are regrouped once the page has settled, not after every frame of a long inbox
    if (!pending.size) updateThreads();
    report();
    if (pending.size) schedule();
    else if (!threadsInFlight) wakeIdle();
  }

  function wakeIdle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  }

  const attempts = new WeakMap<Element, number>();
  /** The background can be restarting (MV3 service worker): try again, a few times, then give up. */
  function retryLater(elements: Element[]): void {
    for (const el of elements) {
      seen.delete(el);
      const n = (attempts.get(el) ?? 0) + 1;
      attempts.set(el, n);
      if (n <= 3) setTimeout(() => {
        pending.add(el);
        schedule();
      }, 500 * n);
    }
  }

  // conduct over time: regroup the page's conversations after each batch, re-ask only for changed ones
  const threadResults = new Map<string, { signature: string; state: ThreadState }>();
  let threadsInFlight = 0;
  function updateThreads(): void {
    if (!options.analyzeThread) return;
    const groups = new Map<string, (ScannedMessage & { extracted: ExtractedText })[]>();
    for (const r of records.values()) {
      if (!r.element.isConnected || !r.info.threadId || r.info.layout === 'list' || r.info.direction === 'unknown') continue;
      const list = groups.get(r.info.threadId) ?? [];
      list.push(r);
      groups.set(r.info.threadId, list);
    }
    for (const id of [...threadResults.keys()]) if (!groups.has(id)) {
      ui.setThreadMarker(id, undefined, []);
      threadResults.delete(id);
    }
    for (const [threadId, list] of groups) {
      list.sort((x, y) => (x.element.compareDocumentPosition(y.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      if (!list.some((r) => r.info.direction === 'incoming')) continue;
      const messages: ThreadMessage[] = list.map((r) => ({
        id: r.id,
        text: r.text,
        direction: r.info.direction === 'outgoing' ? 'outgoing' : 'incoming',
        ...(r.info.sender ? { sender: r.info.sender } : {}),
        ...(toUtc(r.info.sentAt) ? { sentAt: toUtc(r.info.sentAt) } : {}),
        ...(options.channel ? { channel: options.channel } : {}),
      }));
      const signature = messages.map((m) => `${m.id}|${m.sentAt ?? ''}|${messageKey(m.text)}`).join(',');
      if (threadResults.get(threadId)?.signature === signature) continue;
      const state: ThreadState = { threadId, messageIds: messages.map((m) => m.id), findings: threadResults.get(threadId)?.state.findings ?? [] };
      threadResults.set(threadId, { signature, state });
      threadsInFlight++;
      options
        .analyzeThread(messages)
        .then((findings) => {
          if (stopped || threadResults.get(threadId)?.signature !== signature) return;
          state.findings = findings;
          ui.setThreadMarker(threadId, list[0]!.element, findings);
          report();
        })
        .catch((e) => console.warn('[dunwatch] thread analysis failed:', e))
        .finally(() => {
          threadsInFlight--;
          if (!threadsInFlight && !pending.size && !scheduled && !inFlight) wakeIdle();
        });
    }
  }

  function schedule(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    if (doc.visibilityState === 'hidden') setTimeout(() => void flush(), 50);
    else win.requestAnimationFrame(() => void flush());
  }

  function enqueue(scope: ParentNode): void {
    for (const m of options.source.findMessages(scope)) pending.add(m);
  }

  function rescanAll(): void {
    for (const el of records.keys()) seen.delete(el);
    enqueue(doc);
    for (const el of records.keys()) if (el.isConnected) pending.add(el);
    schedule();
  }

  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      const target = m.target;
      if (target instanceof Element && target.closest('[data-dunwatch-ui]')) continue;
      const owner = options.source.messageOf(target);
      if (owner) pending.add(owner);
      for (const node of m.addedNodes) {
        if (node.nodeType === 1) enqueue(node as Element);
        else if (node.parentNode) {
          const o = options.source.messageOf(node);
          if (o) pending.add(o);
        }
      }
    }
    if (pending.size) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  // hover and click on highlighted words open the card; same-origin iframes (Proton's bodies)
  // get their own listeners, their coordinates translated to the top page's
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  type Hit = { record: ScannedMessage; finding: Finding; rect: DOMRect };
  const findingAt = (x: number, y: number, d: Document): Hit | undefined => {
    const cd = d as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
    let node: Node | undefined;
    let offset = 0;
    if (cd.caretPositionFromPoint) {
      const p = cd.caretPositionFromPoint(x, y);
      if (p) ({ offsetNode: node, offset } = p);
    } else if (d.caretRangeFromPoint) {
      const r = d.caretRangeFromPoint(x, y);
      if (r) {
        node = r.startContainer;
        offset = r.startOffset;
      }
    }
    if (!node) return undefined;
    const frame = d === doc ? null : d.defaultView?.frameElement ?? null;
    const message = options.source.messageOf(frame ?? node);
    const rec = message ? records.get(message) : undefined;
    if (!rec) return undefined;
    for (const f of rec.findings) {
      const range = rangeFor(doc, rec.extracted, f.start, f.end);
      if (range && range.isPointInRange(node, offset)) {
        const r = range.getBoundingClientRect();
        const fr = frame?.getBoundingClientRect();
        return { record: rec, finding: f, rect: fr ? new DOMRect(r.x + fr.x, r.y + fr.y, r.width, r.height) : r };
      }
    }
    return undefined;
  };
  const open = (hit: Hit) =>
    ui.openCard({ message: hit.record.element, anchor: hit.record.info.body, findings: hit.record.findings, rights: options.rights ?? [] }, hit.rect, ui.markerOf(hit.record.element), hit.finding);
  const handlersFor = (d: Document) => ({
    click: (e: MouseEvent) => {
      if (ui.cardContains(e.target)) return;
      const hit = findingAt(e.clientX, e.clientY, d);
      if (hit) open(hit);
      else ui.closeCard(false);
    },
    move: (e: MouseEvent) => {
      clearTimeout(hoverTimer);
      if (ui.openCardContext || ui.cardContains(e.target)) return;
      hoverTimer = setTimeout(() => {
        const hit = findingAt(e.clientX, e.clientY, d);
        if (hit) open(hit);
      }, 400);
    },
  });
  const listening = new Map<Document, ReturnType<typeof handlersFor>>();
  function listenIn(d: Document): void {
    if (listening.has(d)) return;
    const h = handlersFor(d);
    listening.set(d, h);
    d.addEventListener('click', h.click, true);
    d.addEventListener('mousemove', h.move, { passive: true });
  }
  // markers follow layout changes, but reading layout after every frame of a long inbox costs
  // more than it is worth: at most every 250 ms, and at once on scroll and resize
  let repositionTimer: ReturnType<typeof setTimeout> | undefined;
  function repositionSoon(): void {
    if (repositionTimer) return;
    repositionTimer = setTimeout(() => {
      repositionTimer = undefined;
      if (!stopped) ui.reposition();
    }, 250);
  }
  let reposition = 0;
  const onLayout = () => {
    if (reposition) return;
    reposition = win.requestAnimationFrame(() => {
      reposition = 0;
      ui.reposition();
      if (overlay) ui.drawBoxes(highlighter.all());
    });
  };
  listenIn(doc);
  win.addEventListener('scroll', onLayout, { passive: true, capture: true });
  win.addEventListener('resize', onLayout, { passive: true });

  enqueue(doc);
  schedule();

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      observer.disconnect();
      clearTimeout(hoverTimer);
      clearTimeout(repositionTimer);
      for (const [d, h] of listening) {
        d.removeEventListener('click', h.click, true);
        d.removeEventListener('mousemove', h.move);
      }
      listening.clear();
      win.removeEventListener('scroll', onLayout, { capture: true });
      win.removeEventListener('resize', onLayout);
      highlighter.destroy();
      ui.destroy();
      for (const el of records.keys()) {
        el.removeAttribute('data-dunwatch-id');
        el.removeAttribute('data-dunwatch-state');
        el.removeAttribute('data-dunwatch-findings');
      }
      records.clear();
      idleWaiters.forEach((w) => w());
    },
    rescanAll,
    records: () => [...records.values()],
    threads: () => [...threadResults.values()].map((t) => t.state),
    focus(messageId, finding) {
      const rec = [...records.values()].find((r) => r.id === messageId && r.element.isConnected);
      if (!rec) return false;
      rec.element.scrollIntoView({ block: 'center' });
      const f = finding === undefined ? undefined : rec.findings[finding];
      const range = f ? rangeFor(doc, rec.extracted, f.start, f.end) : undefined;
      const anchor = range?.getBoundingClientRect() ?? rec.element.getBoundingClientRect();
      ui.reposition();
      if (rec.findings.length) ui.openCard({ message: rec.element, anchor: rec.info.body, findings: rec.findings, rights: options.rights ?? [] }, anchor, ui.markerOf(rec.element), f);
      return true;
    },
    saveEvidence(node, scope) {
      const message = options.source.messageOf(node);
      if (!message || !records.has(message) || !options.onSaveEvidence) return undefined;
      return ui.saveEvidence(message, scope);
    },
    idle: () => (pending.size || scheduled || inFlight || threadsInFlight ? new Promise<void>((r) => idleWaiters.push(r)) : Promise.resolve()),
  };
}
