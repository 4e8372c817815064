/**
 * The page loop every content script runs, as a short composition of the page-side parts:
 * the watcher queues changed message roots (watcher.ts), each frame reads a budgeted batch of
 * them into text maps (text-map.ts) and sends them to the engine in one request, the applier
 * turns the answers into highlights and markers (applier.ts), the card explains them (card.ts),
 * and conversations are regrouped for conduct over time once the page settles (threads.ts).
 * It stops cleanly when the extension is updated or the page goes away.
 *
 * Analysis is asynchronous: in the extension the engine lives in the background (the page
 * never parses compromise or the rules); answers for messages that changed meanwhile are dropped.
 */
import type { AnalyzeOptions, AnalyzeResult, Finding } from '../engine/types';
import { Applier, type Extracted } from './applier';
import { Card } from './card';
import { EvidenceUi } from './evidence-ui';
import { Highlighter, supportsHighlights } from './highlight';
import { Ignores } from './ignores';
import { UiLayer } from './layer';
import { Markers } from './markers';
import { Overlay } from './overlay';
import { PointerWatch, type PointerHit } from './pointer';
import { RecordStore } from './records';
import { strings } from './strings';
import { extractText, rangeFor } from './text-map';
import { ThreadTracker } from './threads';
import { UI_CSS } from './ui-style';
import { ScanQueue, watchMutations } from './watcher';
import type { BatchAnalyze, EvidenceScope, LoopMetrics, LoopOptions, PageLoop, PageRecord } from './types';

export type * from './types';
export { toUtc } from './threads';
export { isIgnored, messageKey } from './ignores';

/** A synchronous engine (tests, the demo page) as a BatchAnalyze. */
export function batchOf(analyze: (text: string, options: AnalyzeOptions) => AnalyzeResult): BatchAnalyze {
  return async (items) => items.map((i) => analyze(i.text, i.options));
}

/** Messages per analysis request: one frame's worth, so answers come back in small steps. */
const MAX_BATCH = 40;

export function startPageLoop(doc: Document, options: LoopOptions): PageLoop {
  const win = doc.defaultView!;
  const limits = { budgetMs: options.budgetMs ?? 8, max: MAX_BATCH };
  const s = () => strings(options.uiLang);
  const rights = () => options.rights ?? [];
  const records = new RecordStore(options.idPrefix);
  /** the text each root had when last read: the observer also fires for changes that are not text */
  const seen = new WeakMap<Element, string>();
  const ignores = new Ignores(options.site, options.ignores ?? [], options.onIgnoresChange);
  let stopped = false;
  let inFlight = false;
  let idleWaiters: (() => void)[] = [];
  const started = performance.now();
  const metrics: LoopMetrics = { batches: 0, analysed: 0, readMs: 0, analyzeMs: 0, applyMs: 0, failures: 0 };

  const layer = new UiLayer(doc, UI_CSS);
  const evidence = options.onSaveEvidence
    ? new EvidenceUi(layer, s, (message, scope) => {
        const rec = records.get(message);
        return options.onSaveEvidence!(rec ? (scope === 'message' ? [rec] : records.threadOf(rec)) : [], scope);
      })
    : undefined;
  const card: Card = new Card(layer, s, {
    onIgnore: (scope, finding, message) => {
      const rec = records.get(message);
      ignores.add(scope, finding, rec && { text: rec.text, sender: rec.info.sender });
      rescanAll();
    },
    onUndo: () => {
      if (ignores.undo()) rescanAll();
    },
    ...(options.onReport
      ? {
          onReport: (finding: Finding, message: Element) => {
            const rec = records.get(message);
            if (rec) options.onReport!(finding, rec);
          },
        }
      : {}),
    ...(evidence ? { evidenceActions: (message: Element) => evidence.actions(message) } : {}),
  });
  const markers = new Markers(layer, s, {
    openCard: (ctx, opener) => card.open(ctx, opener.getBoundingClientRect(), opener),
    openThreadCard: (findings, opener) => card.openThread(findings, opener),
    ...(evidence ? { save: (message: Element) => void evidence.save(message, 'message') } : {}),
  });
  const overlayMode = options.forceOverlay || !supportsHighlights(win as Window & typeof globalThis);
  const overlay = overlayMode ? new Overlay(layer) : undefined;
  const highlighter = new Highlighter(doc, overlay ? (entries) => overlay.draw(entries) : undefined);
  const pointer = new PointerWatch(doc, {
    source: options.source,
    record: (m) => records.get(m),
    ours: (t) => layer.contains(t),
    cardOpen: () => card.context !== undefined,
    open: (hit: PointerHit) => card.open(applier.cardContext(hit.record), hit.rect, markers.markerOf(hit.record.element), hit.finding),
    close: () => card.close(false),
  });
  const applier = new Applier({ doc, records, highlighter, markers, ignores, rights, onForeignDocument: (d) => pointer.listenIn(d) });
  const queue = new ScanQueue(doc, () => void flush());
  const threads = options.analyzeThread
    ? new ThreadTracker(records, markers, {
        analyzeThread: options.analyzeThread,
        ...(options.channel ? { channel: options.channel } : {}),
        onChange: report,
        onSettled: () => {
          if (!queue.size && !queue.isScheduled && !inFlight) wakeIdle();
        },
      })
    : undefined;

  function report(): void {
    options.onStats?.(records.stats(), records.connected(), threads?.states() ?? []);
  }

  /** Read a message root; undefined when it is not a message or has not changed since its last scan. */
  function read(element: Element): Extracted | undefined {
    const info = options.source.info(element);
    if (!info) return undefined;
    const extracted = extractText(info.body);
    if (seen.get(element) === extracted.text && records.has(element)) return undefined;
    seen.set(element, extracted.text);
    return { element, info, extracted };
  }

  async function flush(): Promise<void> {
    if (stopped || inFlight) return;
    const t0 = performance.now();
    const batch = queue.take(limits, read);
    metrics.readMs += performance.now() - t0;
    if (batch.length) {
      inFlight = true;
      let results: AnalyzeResult[] | undefined;
      const t1 = performance.now();
      metrics.batches++;
      metrics.analysed += batch.length;
      try {
        results = await options.analyze(
          batch.map((b) => ({
            text: b.extracted.text,
            // only positive evidence makes a message the reader's own: unknown is read as incoming
            options: { jurisdiction: options.jurisdiction, uiLang: options.uiLang, context: { direction: b.info.direction === 'outgoing' ? 'outgoing' : 'incoming' } },
          })),
        );
      } catch (e) {
        console.warn('[dunwatch] analysis failed, will retry:', e);
        metrics.failures++;
        for (const b of batch) seen.delete(b.element);
        queue.retryLater(batch.map((b) => b.element));
      } finally {
        inFlight = false;
        metrics.analyzeMs += performance.now() - t1;
      }
      if (stopped) return;
      const t2 = performance.now();
      results?.forEach((r, i) => {
        const b = batch[i];
        if (!b || !r || !b.element.isConnected) return;
        // the observer queued it again: the page changed the message while the engine was answering
        if (queue.has(b.element)) {
          seen.delete(b.element);
          return;
        }
        try {
          applier.apply(b, r);
        } catch (e) {
          console.warn('[dunwatch] could not mark a message:', e);
        }
      });
      metrics.applyMs += performance.now() - t2;
      if (results && metrics.firstAnswerMs === undefined) metrics.firstAnswerMs = Math.round(performance.now() - started);
    }
    highlighter.prune();
    repositionSoon();
    // threads are regrouped once the page has settled, not after every frame of a long inbox
    if (!queue.size) threads?.update();
    report();
    if (queue.size) queue.schedule();
    else if (!threads?.busy) wakeIdle();
  }

  function wakeIdle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  }

  function enqueue(scope: ParentNode): void {
    for (const m of options.source.findMessages(scope)) queue.add(m);
  }

  function rescanAll(): void {
    for (const el of records.elements()) seen.delete(el);
    enqueue(doc);
    for (const el of records.elements()) if (el.isConnected) queue.add(el);
    queue.schedule();
  }

  // markers follow layout changes, but reading layout after every frame of a long inbox costs
  // more than it is worth: at most every 250 ms, and at once on scroll and resize
  let repositionTimer: ReturnType<typeof setTimeout> | undefined;
  function repositionSoon(): void {
    if (repositionTimer) return;
    repositionTimer = setTimeout(() => {
      repositionTimer = undefined;
      if (!stopped) markers.reposition();
    }, 250);
  }
  let layoutFrame = 0;
  const onLayout = () => {
    if (layoutFrame) return;
    layoutFrame = win.requestAnimationFrame(() => {
      layoutFrame = 0;
      markers.reposition();
      overlay?.draw(highlighter.all());
    });
  };

  const stopWatching = watchMutations(doc, options.source, queue);
  pointer.listenIn(doc);
  win.addEventListener('scroll', onLayout, { passive: true, capture: true });
  win.addEventListener('resize', onLayout, { passive: true });
  enqueue(doc);
  queue.schedule();

  const openRecord = (rec: PageRecord, anchor: DOMRect, finding?: Finding) => card.open(applier.cardContext(rec), anchor, markers.markerOf(rec.element), finding);
  const save = (rec: PageRecord | undefined, scope: EvidenceScope) => (rec && evidence ? evidence.save(rec.element, scope) : undefined);

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      stopWatching();
      queue.stop();
      threads?.stop();
      pointer.stop();
      clearTimeout(repositionTimer);
      if (layoutFrame) win.cancelAnimationFrame(layoutFrame);
      win.removeEventListener('scroll', onLayout, { capture: true });
      win.removeEventListener('resize', onLayout);
      highlighter.destroy();
      markers.destroy();
      card.destroy();
      layer.destroy();
      records.clear();
      wakeIdle();
    },
    rescanAll,
    records: () => records.all(),
    threads: () => threads?.states() ?? [],
    focus(messageId, finding) {
      const rec = records.byId(messageId);
      if (!rec) return false;
      rec.element.scrollIntoView({ block: 'center' });
      const f = finding === undefined ? undefined : rec.findings[finding];
      const range = f ? rangeFor(doc, rec.extracted, f.start, f.end) : undefined;
      const anchor = range?.getBoundingClientRect() ?? rec.element.getBoundingClientRect();
      markers.reposition();
      if (rec.findings.length) openRecord(rec, anchor, f);
      return true;
    },
    saveEvidence(node, scope) {
      const message = options.source.messageOf(node);
      return save(message ? records.get(message) : undefined, scope);
    },
    saveEvidenceById: (messageId, scope) => save(records.byId(messageId), scope),
    lastNotice: () => evidence?.lastNotice,
    metrics: () => ({ ...metrics }),
    idle: () => (queue.size || queue.isScheduled || inFlight || threads?.busy ? new Promise<void>((r) => idleWaiters.push(r)) : Promise.resolve()),
  };
}
