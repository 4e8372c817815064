/**
 * Pointer on highlighted words: a click, or resting the pointer for 400 ms, on flagged text
 * opens its card. Same-origin iframes (Proton's message bodies) get their own listeners, with
 * their coordinates translated to the top page's. Only trusted events count.
 */
import type { Finding } from '../engine/types';
import { trusted } from './layer';
import { rangeFor } from './text-map';
import type { MessageSource, PageRecord } from './types';

export interface PointerHit {
  record: PageRecord;
  finding: Finding;
  rect: DOMRect;
}

export interface PointerOptions {
  source: MessageSource;
  record: (message: Element) => PageRecord | undefined;
  /** events on our own layer or card are not clicks on the page */
  ours: (target: EventTarget | null) => boolean;
  cardOpen: () => boolean;
  open: (hit: PointerHit) => void;
  close: () => void;
}

type CaretDoc = Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };

function caretAt(d: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const cd = d as CaretDoc;
  if (cd.caretPositionFromPoint) {
    const p = cd.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

export class PointerWatch {
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listening = new Map<Document, { click: (e: MouseEvent) => void; move: (e: MouseEvent) => void }>();

  constructor(
    private readonly top: Document,
    private readonly o: PointerOptions,
  ) {}

  private findingAt(x: number, y: number, d: Document): PointerHit | undefined {
    const caret = caretAt(d, x, y);
    if (!caret) return undefined;
    const frame = d === this.top ? null : (d.defaultView?.frameElement ?? null);
    const message = this.o.source.messageOf(frame ?? caret.node);
    const rec = message ? this.o.record(message) : undefined;
    if (!rec) return undefined;
    for (const f of rec.findings) {
      const range = rangeFor(this.top, rec.extracted, f.start, f.end);
      if (range && range.isPointInRange(caret.node, caret.offset)) {
        const r = range.getBoundingClientRect();
        const fr = frame?.getBoundingClientRect();
        return { record: rec, finding: f, rect: fr ? new DOMRect(r.x + fr.x, r.y + fr.y, r.width, r.height) : r };
      }
    }
    return undefined;
  }

  listenIn(d: Document): void {
    if (this.listening.has(d)) return;
    const h = {
      click: trusted((e: MouseEvent) => {
        if (this.o.ours(e.target)) return;
        const hit = this.findingAt(e.clientX, e.clientY, d);
        if (hit) this.o.open(hit);
        else this.o.close();
      }),
      move: trusted((e: MouseEvent) => {
        clearTimeout(this.hoverTimer);
        if (this.o.cardOpen() || this.o.ours(e.target)) return;
        this.hoverTimer = setTimeout(() => {
          const hit = this.findingAt(e.clientX, e.clientY, d);
          if (hit) this.o.open(hit);
        }, 400);
      }),
    };
    this.listening.set(d, h);
    d.addEventListener('click', h.click, true);
    d.addEventListener('mousemove', h.move, { passive: true });
  }

  stop(): void {
    clearTimeout(this.hoverTimer);
    for (const [d, h] of this.listening) {
      d.removeEventListener('click', h.click, true);
      d.removeEventListener('mousemove', h.move);
    }
    this.listening.clear();
  }
}
