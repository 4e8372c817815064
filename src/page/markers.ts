/**
 * The buttons beside the page's messages, inside our layer: one marker per flagged message
 * (the keyboard and screen-reader path to its card, placed at the end of its text), an evidence
 * "save" button beside it, and one thread marker at the top of a conversation with
 * conduct-over-time findings. Placement reads layout once per frame for all buttons.
 */
import type { ThreadFinding } from '../engine/thread/analyze-thread';
import { categoryStyle } from './highlight';
import { trusted, type UiLayer } from './layer';
import type { PageStrings } from './strings';
import type { CardContext } from './types';

export interface MarkerActions {
  openCard(ctx: CardContext, opener: HTMLElement): void;
  openThreadCard(findings: ThreadFinding[], opener: HTMLElement): void;
  /** "save as evidence" beside the marker; no button when absent */
  save?: (message: Element) => void;
}

type Position = { top: number; left: number };

export class Markers {
  private readonly markers = new Map<Element, HTMLButtonElement>();
  private readonly saveButtons = new Map<Element, HTMLButtonElement>();
  /** one marker per conversation with conduct-over-time findings, at its first message */
  private readonly threadMarkers = new Map<string, { button: HTMLButtonElement; message: Element }>();
  private readonly anchors = new WeakMap<HTMLElement, Element | undefined>();
  /** the context each marker opens (its handler is attached once) */
  private readonly contexts = new WeakMap<HTMLElement, CardContext>();
  private readonly threadFindings = new WeakMap<HTMLElement, ThreadFinding[]>();
  private placementFrame = 0;

  constructor(
    private readonly layer: UiLayer,
    private readonly s: () => PageStrings,
    private readonly actions: MarkerActions,
  ) {}

  private button(className: string): HTMLButtonElement {
    const b = this.layer.doc.createElement('button');
    b.className = className;
    b.type = 'button';
    this.layer.append(b);
    return b;
  }

  /** Show, update or remove the marker of one message. */
  set(ctx: CardContext): void {
    let button = this.markers.get(ctx.message);
    if (!ctx.findings.length) {
      this.remove(ctx.message);
      return;
    }
    if (!button) {
      const b = this.button('marker');
      b.addEventListener('click', trusted(() => this.actions.openCard(this.contexts.get(b)!, b)));
      this.markers.set(ctx.message, b);
      button = b;
    }
    const label = this.s().marker(ctx.findings.length);
    button.textContent = String(ctx.findings.length);
    button.setAttribute('aria-label', ctx.fallback ? `${label} ${this.s().fallbackMarker}` : label);
    button.title = button.getAttribute('aria-label')!;
    button.classList.toggle('fallback', Boolean(ctx.fallback));
    button.style.background = categoryStyle(ctx.findings[0]!.category).colour;
    this.contexts.set(button, ctx);
    this.anchors.set(button, ctx.anchor);
    this.setSaveButton(ctx.message);
    this.requestPlacement();
  }

  private remove(message: Element): void {
    this.markers.get(message)?.remove();
    this.markers.delete(message);
    this.saveButtons.get(message)?.remove();
    this.saveButtons.delete(message);
  }

  private setSaveButton(message: Element): void {
    const save = this.actions.save;
    if (!save || this.saveButtons.has(message)) return;
    const b = this.button('save');
    b.textContent = '⤓';
    b.setAttribute('aria-label', this.s().evidenceSave);
    b.title = this.s().evidenceSave;
    b.addEventListener('click', trusted(() => save(message)));
    this.saveButtons.set(message, b);
  }

  markerOf(message: Element): HTMLButtonElement | undefined {
    return this.markers.get(message);
  }

  /** Conduct over time: a marker at the top of a conversation, not a text highlight. */
  setThread(threadId: string, firstMessage: Element | undefined, findings: ThreadFinding[]): void {
    const existing = this.threadMarkers.get(threadId);
    if (!firstMessage || !findings.length) {
      existing?.button.remove();
      this.threadMarkers.delete(threadId);
      return;
    }
    let button = existing?.button;
    if (!button) {
      const b = this.button('marker thread');
      b.addEventListener('click', trusted(() => this.actions.openThreadCard(this.threadFindings.get(b) ?? [], b)));
      button = b;
    }
    this.threadMarkers.set(threadId, { button, message: firstMessage });
    this.threadFindings.set(button, findings);
    button.textContent = `⏱ ${findings.length}`;
    button.setAttribute('aria-label', this.s().threadMarker(findings.length));
    button.title = this.s().threadMarker(findings.length);
    this.requestPlacement();
  }

  threadMarkerOf(threadId: string): HTMLButtonElement | undefined {
    return this.threadMarkers.get(threadId)?.button;
  }

  /** Place every marker in one frame: one layout read for many new markers, not one each. */
  private requestPlacement(): void {
    if (this.placementFrame) return;
    this.placementFrame = this.layer.doc.defaultView!.requestAnimationFrame(() => {
      this.placementFrame = 0;
      if (this.layer.connected) this.reposition();
    });
  }

  /**
   * Beside the message: just after the end of its text's widest line, top-aligned, never past
   * the message row's own right edge (a full-width row would put it far from the words).
   */
  private markerPosition(message: Element, button: HTMLElement): Position {
    const row = message.getBoundingClientRect();
    const anchor = this.anchors.get(button);
    let right = row.right;
    let top = row.top;
    if (anchor?.isConnected) {
      const range = anchor.ownerDocument.createRange();
      range.selectNodeContents(anchor);
      const text = range.getBoundingClientRect();
      if (text.width > 0) {
        right = Math.min(text.right + 32, row.right);
        top = Math.max(row.top, text.top - 4);
      }
    }
    const pos = this.layer.pagePosition({ top, left: right - 30 });
    return { top: Math.max(pos.top + 2, 0), left: Math.max(pos.left, 0) };
  }

  private threadMarkerPosition(message: Element): Position {
    const pos = this.layer.pagePosition(message.getBoundingClientRect());
    return { top: Math.max(pos.top - 30, 0), left: Math.max(pos.left, 0) };
  }

  /** Re-place markers after scrolling, resizing or layout changes; drop those of messages that left. */
  reposition(): void {
    // all layout reads first, then all writes: interleaving them forces a layout per marker
    const moves: [HTMLElement, Position][] = [];
    for (const [message, button] of this.markers) {
      if (!message.isConnected) {
        this.remove(message);
        continue;
      }
      const at = this.markerPosition(message, button);
      moves.push([button, at]);
      const save = this.saveButtons.get(message);
      if (save) moves.push([save, { top: at.top + 1, left: Math.max(at.left - 28, 0) }]);
    }
    for (const [id, { message, button }] of this.threadMarkers) {
      if (!message.isConnected) {
        button.remove();
        this.threadMarkers.delete(id);
      } else moves.push([button, this.threadMarkerPosition(message)]);
    }
    for (const [button, { top, left }] of moves) {
      button.style.top = `${top}px`;
      button.style.left = `${left}px`;
    }
  }

  destroy(): void {
    if (this.placementFrame) this.layer.doc.defaultView?.cancelAnimationFrame(this.placementFrame);
    this.markers.clear();
    this.saveButtons.clear();
    this.threadMarkers.clear();
  }
}
