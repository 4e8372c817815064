/**
 * Which reader a claimed page is read with. The site adapter first; once the page has settled
 * (no DOM changes for a moment, or at most a few seconds after start), if the adapter finds no
 * message with visible text — no roots, or roots whose bodies are empty — the page loop is
 * restarted on the fallback reader, and the reader is reported so the popup can say so. While
 * on the fallback, any DOM change that gives the adapter message roots again is checked
 * (throttled), and a page that becomes readable by its adapter (SPA navigation, late loading)
 * goes back to it. Nothing goes silent: a page neither can read is reported as 'none'.
 */
import { isOwnUi } from './layer';
import { startPageLoop } from './loop';
import { extractText } from './text-map';
import type { IgnoreEntry, LoopOptions, MessageSource, PageLoop } from './types';

export type Reader = 'adapter' | 'fallback' | 'none';

export interface ReaderSwitchOptions extends Omit<LoopOptions, 'source'> {
  primary: MessageSource;
  /** made when first needed */
  fallback: () => MessageSource;
  /** the page counts as settled after this long without DOM changes (default 1500 ms) … */
  quietMs?: number;
  /** … or this long after start, whichever is first (default 8000 ms) */
  maxWaitMs?: number;
  /** how often a page on the fallback checks whether its adapter can read it again (default 1000 ms) */
  recheckMs?: number;
  onReader?: (reader: Reader, why: ReaderDecision) => void;
}

/** Why the reader was chosen (diagnostics: counts only, never text). */
export interface ReaderDecision {
  /** message roots the adapter found */
  roots: number;
  /** of those, roots with visible text in their body (counted up to 3: reading every body of a
   * 500-message page at once would be a long task, and one is enough to decide) */
  readable: number;
  /** blocks with text the fallback reader found, up to 3 (0 when it was not asked) */
  fallbackBlocks: number;
  /** ms from start to the decision */
  atMs: number;
}

export interface ReaderLoop extends PageLoop {
  reader(): Reader;
  /** the latest decision, once the page has settled */
  decision(): ReaderDecision | undefined;
}

/** How many of a source's messages have visible text (stops counting at `upTo`). */
export function readableCount(source: MessageSource, doc: Document, upTo = Infinity): { roots: number; readable: number } {
  const roots = source.findMessages(doc);
  let readable = 0;
  for (const root of roots) {
    if (readable >= upTo) break;
    try {
      const info = source.info(root);
      if (info && extractText(info.body).text.trim()) readable++;
    } catch {
      // a root the page is replacing: not readable now
    }
  }
  return { roots: roots.length, readable };
}

/** Resolves once the document has had no (non-Dunwatch) DOM change for `quietMs`, or after `maxMs`. */
export function settled(doc: Document, quietMs: number, maxMs: number): { promise: Promise<void>; cancel: () => void } {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let max: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;
  let done = false;
  const promise = new Promise<void>((resolve) => {
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(quiet);
      clearTimeout(max);
      observer?.disconnect();
      resolve();
    };
    const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
    observer = new Observer((mutations) => {
      if (mutations.every((m) => isOwnUi(m.target) || [...m.addedNodes].every((n) => isOwnUi(n)))) return;
      clearTimeout(quiet);
      quiet = setTimeout(finish, quietMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    quiet = setTimeout(finish, quietMs);
    max = setTimeout(finish, maxMs);
  });
  return {
    promise,
    cancel: () => {
      done = true;
      clearTimeout(quiet);
      clearTimeout(max);
      observer?.disconnect();
    },
  };
}

export function startReaderLoop(doc: Document, options: ReaderSwitchOptions): ReaderLoop {
  const started = performance.now();
  const { primary, fallback: makeFallback, quietMs = 1500, maxWaitMs = 8000, recheckMs = 1000, onReader, ...loopOptions } = options;
  let ignores: IgnoreEntry[] = [...(options.ignores ?? [])];
  let fallback: MessageSource | undefined;
  let reader: Reader = 'adapter';
  let decision: ReaderDecision | undefined;
  let stopped = false;
  let wait: ReturnType<typeof settled> | undefined;

  let generation = 0;
  const start = (source: MessageSource) =>
    startPageLoop(doc, {
      ...loopOptions,
      source,
      // ids stay unique across the loops of one page (the side panel may still hold old ones)
      idPrefix: `${options.idPrefix ?? 'm'}${generation++ ? `${generation}-` : ''}`,
      ignores,
      onIgnoresChange: (v) => {
        ignores = v;
        options.onIgnoresChange?.(v);
      },
    });
  let loop = start(primary);

  function use(next: Reader, why: ReaderDecision): void {
    decision = why;
    const wasFallback = reader === 'fallback';
    if (next === 'fallback' && !wasFallback) {
      loop.stop();
      loop = start(fallback!);
    } else if (next !== 'fallback' && wasFallback) {
      loop.stop();
      loop = start(primary);
    }
    reader = next;
    watch(next !== 'adapter');
    onReader?.(next, why);
  }

  function decide(): void {
    if (stopped) return;
    const { roots, readable } = readableCount(primary, doc, 3);
    const atMs = Math.round(performance.now() - started);
    if (readable > 0) return use('adapter', { roots, readable, fallbackBlocks: 0, atMs });
    fallback ??= makeFallback();
    const fallbackBlocks = readableCount(fallback, doc, 3).readable;
    use(fallbackBlocks > 0 ? 'fallback' : 'none', { roots, readable, fallbackBlocks, atMs });
  }

  function decideWhenSettled(): void {
    wait?.cancel();
    wait = settled(doc, quietMs, maxWaitMs);
    void wait.promise.then(() => {
      if (!stopped) decide();
    });
  }

  // while the adapter cannot read the page: does a DOM change give it message roots again?
  let lastCheck = 0;
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
  const watcher = new Observer(() => {
    if (stopped || recheckTimer) return;
    const wait = Math.max(0, recheckMs - (performance.now() - lastCheck));
    recheckTimer = setTimeout(() => {
      recheckTimer = undefined;
      lastCheck = performance.now();
      // only when the adapter's view changed since the last decision (new roots: a thread opened)
      const roots = primary.findMessages(doc).length;
      if (roots && roots !== decision?.roots) decideWhenSettled();
      else if (!roots && reader === 'none') decide();
    }, reader === 'none' ? Math.max(wait, recheckMs * 5) : wait);
  });
  // watched only while the adapter cannot read the page (attribute changes too: a class put back)
  let watching = false;
  const watch = (on: boolean) => {
    if (on === watching) return;
    watching = on;
    if (on) watcher.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    else watcher.disconnect();
  };
  decideWhenSettled();

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      wait?.cancel();
      watcher.disconnect();
      clearTimeout(recheckTimer);
      loop.stop();
    },
    /** SPA navigation: rescan now, and decide again once the new view has settled */
    rescanAll() {
      loop.rescanAll();
      decideWhenSettled();
    },
    records: () => loop.records(),
    threads: () => loop.threads(),
    focus: (id, finding) => loop.focus(id, finding),
    idle: () => loop.idle(),
    saveEvidence: (node, scope) => loop.saveEvidence(node, scope),
    saveEvidenceById: (id, scope) => loop.saveEvidenceById(id, scope),
    lastNotice: () => loop.lastNotice(),
    metrics: () => loop.metrics(),
    reader: () => reader,
    decision: () => decision,
  };
}
