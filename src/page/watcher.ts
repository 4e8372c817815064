/**
 * The watcher and its queue: which message roots changed (a MutationObserver on the whole
 * document, our own layer ignored), and when to handle them (once per frame, or every 50 ms in a
 * hidden tab where frames do not run), in batches that stop at a time budget and a size limit
 * so a long inbox never blocks the page. Failed batches come back a few times, later.
 */
import { isOwnUi } from './layer';
import type { MessageSource } from './types';

export interface BatchLimits {
  /** ms of reading per frame before yielding to the page */
  budgetMs: number;
  /** messages per batch: one frame's worth, so answers come back in small steps */
  max: number;
}

export class ScanQueue {
  private readonly pending = new Set<Element>();
  private readonly attempts = new WeakMap<Element, number>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly onFrame: () => void,
  ) {}

  add(el: Element): void {
    this.pending.add(el);
  }

  has(el: Element): boolean {
    return this.pending.has(el);
  }

  get size(): number {
    return this.pending.size;
  }

  get isScheduled(): boolean {
    return this.scheduled;
  }

  schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      if (!this.stopped) this.onFrame();
    };
    if (this.doc.visibilityState === 'hidden') setTimeout(run, 50);
    else this.doc.defaultView!.requestAnimationFrame(run);
  }

  /**
   * Take connected elements off the queue and read them, until the budget or the size limit is
   * reached (the rest wait for the next frame). A read that throws skips that element: a page that
   * changes under us must not stop the loop.
   */
  take<T>(limits: BatchLimits, read: (el: Element) => T | undefined): T[] {
    const started = performance.now();
    const batch: T[] = [];
    for (const el of this.pending) {
      this.pending.delete(el);
      if (el.isConnected) {
        try {
          const x = read(el);
          if (x !== undefined) batch.push(x);
        } catch (e) {
          console.warn('[dunwatch] could not read a message:', e);
        }
      }
      if ((performance.now() - started > limits.budgetMs || batch.length >= limits.max) && this.pending.size) break;
    }
    return batch;
  }

  /** The background can be restarting (MV3 service worker): try again, a few times, then give up. */
  retryLater(elements: readonly Element[], onRetry?: (el: Element) => void): void {
    for (const el of elements) {
      const n = (this.attempts.get(el) ?? 0) + 1;
      this.attempts.set(el, n);
      if (n <= 3)
        setTimeout(() => {
          onRetry?.(el);
          this.add(el);
          this.schedule();
        }, 500 * n);
    }
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }
}

/** Queue the message roots that DOM changes touch: changed text, added nodes, added messages. */
export function watchMutations(doc: Document, source: MessageSource, queue: ScanQueue): () => void {
  const enqueue = (scope: ParentNode) => {
    for (const m of source.findMessages(scope)) queue.add(m);
  };
  // the document's own window's observer (a same-origin iframe's document has its own)
  const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
  const observer = new Observer((mutations) => {
    for (const m of mutations) {
      if (isOwnUi(m.target)) continue;
      const owner = source.messageOf(m.target);
      if (owner) queue.add(owner);
      for (const node of m.addedNodes) {
        if (isOwnUi(node)) continue;
        if (node.nodeType === 1) enqueue(node as Element);
        else if (node.parentNode) {
          const o = source.messageOf(node);
          if (o) queue.add(o);
        }
      }
    }
    if (queue.size) queue.schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
