/**
 * The in-page UI, in one shadow root outside the host's message DOM: a marker button
 * per flagged message (keyboard and screen-reader path to the card), the explanation card,
 * and the overlay boxes for browsers without the Highlight API. Text is only ever set with
 * textContent; links open only when the user clicks them.
 */
import type { Category, Finding, UiLang } from '../engine/types';
import type { ThreadFinding } from '../engine/thread/analyze-thread';
import { categoryStyle } from './highlight';
import { UI_ATTRIBUTE } from './extract';
import { strings } from './strings';

export type IgnoreScope = 'message' | 'sender' | 'rule-on-site';

export interface CardContext {
  message: Element;
  /** the message body: the marker sits at the end of its text, not at the far edge of the row */
  anchor?: Element;
  findings: Finding[];
  /** official rights / complaint pages for the chosen jurisdiction */
  rights: { title: string; url: string; phone?: string }[];
}

export interface PageUiOptions {
  lang: UiLang;
  onIgnore: (scope: IgnoreScope, finding: Finding, message: Element) => void;
  onUndo: () => void;
  /** "report a false alarm" for the opt-in research page; absent unless research is on */
  onReport?: (finding: Finding, message: Element) => void;
  /** evidence locker: "Save as evidence" on the card and beside each marker (absent: no buttons) */
  onSaveEvidence?: (message: Element, scope: EvidenceScope) => Promise<EvidenceSaveOutcome>;
}

export type EvidenceScope = 'message' | 'thread';
/** What a save did, as the in-page notice tells it. */
export type EvidenceSaveOutcome = { saved: number; screenshots: number; pending: boolean; noScreenshot?: string } | { error: string };

const CSS = `
:host { all: initial; }
.marker { position: absolute; z-index: 2147483646; width: 26px; height: 26px; border-radius: 13px; border: 2px solid #fff;
  background: #b91c1c; color: #fff; font: 700 13px/22px system-ui, sans-serif; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.35); padding: 0; }
.marker:focus-visible, .card button:focus-visible, .card a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.card { position: absolute; z-index: 2147483647; max-width: 380px; min-width: 260px; max-height: 70vh; overflow: auto; background: #fff; color: #1f2937;
  border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.22); font: 14px/1.45 system-ui, sans-serif; padding: 12px 14px; }
.card h2 { font-size: 14px; margin: 0 24px 8px 0; }
.card h3 { font-size: 14px; margin: 10px 0 2px; }
.card .tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 7px; border-radius: 9px; margin-right: 6px; border: 1px solid currentColor; }
.card .excerpt { border-left: 3px solid #d1d5db; margin: 4px 0; padding: 2px 8px; color: #374151; white-space: pre-wrap; }
.card ul { margin: 4px 0; padding-left: 18px; }
.card a { color: #1d4ed8; }
.card .close { position: absolute; top: 6px; right: 6px; border: 0; background: transparent; font-size: 18px; cursor: pointer; color: #374151; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.card .actions button { font: inherit; font-size: 12px; padding: 3px 8px; border-radius: 6px; border: 1px solid #9ca3af; background: #f9fafb; color: #111827; cursor: pointer; }
.card .note { font-size: 12px; color: #4b5563; margin-top: 8px; }
.marker.thread { width: auto; min-width: 26px; padding: 0 8px; background: #92400e; }
.box { position: absolute; pointer-events: none; z-index: 2147483645; }
.save { position: absolute; z-index: 2147483646; width: 24px; height: 24px; border-radius: 12px; border: 2px solid #fff; background: #374151; color: #fff;
  font: 700 13px/18px system-ui, sans-serif; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.35); padding: 0; }
.save:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #111827; color: #e5e7eb; border-color: #374151; }
  .card .excerpt { color: #d1d5db; border-color: #4b5563; }
  .card a { color: #93c5fd; }
  .card .close { color: #e5e7eb; }
  .card .actions button { background: #1f2937; color: #f9fafb; border-color: #6b7280; }
  .card .note { color: #9ca3af; }
}`;

export class PageUi {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly markers = new Map<Element, HTMLButtonElement>();
  private readonly saveButtons = new Map<Element, HTMLButtonElement>();
  /** one marker per conversation with conduct-over-time findings, at its first message */
  private readonly threadMarkers = new Map<string, { button: HTMLButtonElement; message: Element }>();
  private card?: { el: HTMLElement; opener?: HTMLElement; ctx?: CardContext };
  private boxes: HTMLElement[] = [];

  constructor(
    private readonly doc: Document,
    private readonly options: PageUiOptions,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute(UI_ATTRIBUTE, 'host');
    this.host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;';
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.root.append(style);
    doc.documentElement.append(this.host);
  }

  private get s() {
    return strings(this.options.lang);
  }

  private pagePosition(rect: DOMRect): { top: number; left: number } {
    const win = this.doc.defaultView!;
    return { top: rect.top + win.scrollY, left: rect.left + win.scrollX };
  }

  /** Show, update or remove the marker of one message. */
  setMarker(ctx: CardContext): void {
    let button = this.markers.get(ctx.message);
    if (!ctx.findings.length) {
      button?.remove();
      this.markers.delete(ctx.message);
      this.saveButtons.get(ctx.message)?.remove();
      this.saveButtons.delete(ctx.message);
      return;
    }
    if (!button) {
      button = this.doc.createElement('button');
      button.className = 'marker';
      button.type = 'button';
      this.root.append(button);
      this.markers.set(ctx.message, button);
    }
    const b = button;
    b.textContent = String(ctx.findings.length);
    b.setAttribute('aria-label', this.s.marker(ctx.findings.length));
    b.title = this.s.marker(ctx.findings.length);
    b.style.background = categoryStyle(ctx.findings[0]!.category).colour;
    b.onclick = () => this.openCard(ctx, b.getBoundingClientRect(), b);
    this.anchors.set(b, ctx.anchor);
    this.setSaveButton(ctx.message);
    this.requestPlacement();
  }

  // --- evidence locker: the save button beside the marker, the card's save buttons, the notice
  private setSaveButton(message: Element): void {
    if (!this.options.onSaveEvidence || this.saveButtons.has(message)) return;
    const save = this.doc.createElement('button');
    save.className = 'save';
    save.type = 'button';
    save.textContent = '⤓';
    save.setAttribute('aria-label', this.s.evidenceSave);
    save.title = this.s.evidenceSave;
    save.setAttribute('data-dunwatch-save', 'message');
    save.onclick = () => void this.saveEvidence(message, 'message');
    this.root.append(save);
    this.saveButtons.set(message, save);
  }

  private evidenceActions(message: Element): HTMLElement | undefined {
    if (!this.options.onSaveEvidence) return undefined;
    const actions = this.doc.createElement('div');
    actions.className = 'actions';
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', this.s.evidenceGroup);
    for (const [scope, label] of [['message', this.s.evidenceSave], ['thread', this.s.evidenceSaveThread]] as const) {
      const b = this.doc.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.setAttribute('data-dunwatch-save', scope);
      b.onclick = () => void this.saveEvidence(message, scope);
      actions.append(b);
    }
    return actions;
  }

  /** Save through the callback and say what happened in a notice (role=status). */
  async saveEvidence(message: Element, scope: EvidenceScope): Promise<EvidenceSaveOutcome | undefined> {
    if (!this.options.onSaveEvidence) return undefined;
    const s = this.s;
    this.notice(s.evidenceSaving);
    let outcome: EvidenceSaveOutcome;
    try {
      outcome = await this.options.onSaveEvidence(message, scope);
    } catch (e) {
      outcome = { error: (e as Error).message };
    }
    if ('error' in outcome) this.notice(s.evidenceFailed(outcome.error), 'failed');
    else {
      const parts = [s.evidenceSaved(outcome.saved)];
      if (outcome.screenshots < outcome.saved) parts.push(outcome.noScreenshot === 'no-permission' ? s.evidenceNoShotPermission : s.evidenceNoShot);
      if (outcome.pending) parts.push(s.evidencePending);
      this.notice(parts.join(' '), outcome.pending ? 'pending' : 'saved');
    }
    return outcome;
  }

  private noticeEl?: HTMLElement;
  notice(text: string, state = 'working'): void {
    this.noticeEl?.remove();
    const el = this.doc.createElement('div');
    el.className = 'card';
    el.setAttribute('role', 'status');
    el.setAttribute('data-dunwatch-notice', state);
    el.textContent = text;
    const win = this.doc.defaultView!;
    el.style.top = `${win.scrollY + 12}px`;
    el.style.left = `${win.scrollX + 12}px`;
    this.root.append(el);
    this.noticeEl = el;
    if (state !== 'working') setTimeout(() => el.remove(), 10_000);
  }

  private placementFrame = 0;
  /** Place every marker in one frame: one layout read for many new markers, not one each. */
  private requestPlacement(): void {
    if (this.placementFrame) return;
    this.placementFrame = this.doc.defaultView!.requestAnimationFrame(() => {
      this.placementFrame = 0;
      if (this.host.isConnected) this.reposition();
    });
  }

  private readonly anchors = new WeakMap<HTMLElement, Element | undefined>();

  /**
   * Beside the message: just after the end of its text's widest line, top-aligned, never past
   * the message row's own right edge (a full-width row would put it far from the words).
   */
  private markerPosition(message: Element, button: HTMLElement): { top: number; left: number } {
    const row = message.getBoundingClientRect();
    const anchor = this.anchors.get(button);
    let right = row.right;
    let top = row.top;
    if (anchor?.isConnected) {
      const range = this.doc.createRange();
      range.selectNodeContents(anchor);
      const text = range.getBoundingClientRect();
      if (text.width > 0) {
        right = Math.min(text.right + 32, row.right);
        top = Math.max(row.top, text.top - 4);
      }
    }
    const pos = this.pagePosition(new DOMRect(right - 30, top, 30, 26));
    return { top: Math.max(pos.top + 2, 0), left: Math.max(pos.left, 0) };
  }

  /** Conduct over time: a marker at the top of a conversation, not a text highlight. */
  setThreadMarker(threadId: string, firstMessage: Element | undefined, findings: ThreadFinding[]): void {
    const existing = this.threadMarkers.get(threadId);
    if (!firstMessage || !findings.length) {
      existing?.button.remove();
      this.threadMarkers.delete(threadId);
      return;
    }
    const button = existing?.button ?? this.doc.createElement('button');
    if (!existing) {
      button.className = 'marker thread';
      button.type = 'button';
      this.root.append(button);
    }
    this.threadMarkers.set(threadId, { button, message: firstMessage });
    button.textContent = `⏱ ${findings.length}`;
    button.setAttribute('aria-label', this.s.threadMarker(findings.length));
    button.title = this.s.threadMarker(findings.length);
    button.setAttribute('data-dunwatch-thread', threadId);
    button.onclick = () => this.openThreadCard(findings, button);
    this.requestPlacement();
  }

  private threadMarkerPosition(message: Element): { top: number; left: number } {
    const pos = this.pagePosition(message.getBoundingClientRect());
    return { top: Math.max(pos.top - 30, 0), left: Math.max(pos.left, 0) };
  }

  threadMarkerOf(threadId: string): HTMLButtonElement | undefined {
    return this.threadMarkers.get(threadId)?.button;
  }

  /** Re-place markers after scrolling, resizing or layout changes. */
  reposition(): void {
    // all layout reads first, then all writes: interleaving them forces a layout per marker
    const moves: [HTMLElement, { top: number; left: number }][] = [];
    for (const [message, button] of this.markers) {
      if (!message.isConnected) {
        button.remove();
        this.markers.delete(message);
        this.saveButtons.get(message)?.remove();
        this.saveButtons.delete(message);
      } else {
        const at = this.markerPosition(message, button);
        moves.push([button, at]);
        const save = this.saveButtons.get(message);
        if (save) moves.push([save, { top: at.top + 1, left: Math.max(at.left - 28, 0) }]);
      }
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

  markerOf(message: Element): HTMLButtonElement | undefined {
    return this.markers.get(message);
  }

  /** The card's frame: a labelled dialog with a close button; Escape closes it. */
  private cardShell(label: string): { el: HTMLElement; close: HTMLButtonElement } {
    this.closeCard(false);
    const el = this.doc.createElement('section');
    el.className = 'card';
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-label', label);
    const heading = this.doc.createElement('h2');
    heading.textContent = label;
    const close = this.doc.createElement('button');
    close.className = 'close';
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', this.s.close);
    close.onclick = () => this.closeCard(true);
    el.append(heading, close);
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.closeCard(true);
      }
    });
    return { el, close };
  }

  private showCard(el: HTMLElement, close: HTMLButtonElement, anchor: DOMRect, opener: HTMLElement | undefined, ctx: CardContext | undefined): void {
    const note = this.doc.createElement('p');
    note.className = 'note';
    note.textContent = this.s.disclaimer;
    el.append(note);
    this.root.append(el);
    const pos = this.pagePosition(anchor);
    const win = this.doc.defaultView!;
    el.style.top = `${pos.top + anchor.height + 6}px`;
    el.style.left = `${Math.max(win.scrollX + 8, Math.min(pos.left, win.scrollX + win.innerWidth - 400))}px`;
    this.card = { el, opener, ctx };
    close.focus();
  }

  /** Thread findings: what the pattern of messages may show, with the law; no ignore buttons (nothing to un-highlight). */
  openThreadCard(findings: ThreadFinding[], opener: HTMLElement): void {
    const s = this.s;
    const { el, close } = this.cardShell(s.threadCard);
    for (const f of findings) {
      const block = this.doc.createElement('div');
      block.append(this.findingHeading(f.category, f.severity, f.title));
      const explain = this.doc.createElement('p');
      explain.textContent = f.explanation;
      block.append(explain, ...this.lawList(f.citations));
      el.append(block);
    }
    this.showCard(el, close, opener.getBoundingClientRect(), opener, undefined);
  }

  openCard(ctx: CardContext, anchor: DOMRect, opener?: HTMLElement, focusFinding?: Finding): void {
    const s = this.s;
    const { el, close } = this.cardShell(s.card);
    const ordered = focusFinding ? [focusFinding, ...ctx.findings.filter((f) => f !== focusFinding)] : ctx.findings;
    for (const f of ordered) el.append(this.findingBlock(f, ctx));
    if (ctx.rights.length) {
      const h = this.doc.createElement('h3');
      h.textContent = s.rights;
      const ul = this.doc.createElement('ul');
      for (const r of ctx.rights) ul.append(this.linkItem(r.phone ? `${r.title} (${r.phone})` : r.title, r.url));
      el.append(h, ul);
    }
    const save = this.evidenceActions(ctx.message);
    if (save) el.append(save);
    this.showCard(el, close, anchor, opener, ctx);
  }

  private findingHeading(category: Category, severity: Finding['severity'], titleText: string): HTMLElement {
    const s = this.s;
    const h = this.doc.createElement('h3');
    const tag = this.doc.createElement('span');
    tag.className = 'tag';
    tag.style.color = categoryStyle(category).colour;
    tag.textContent = `${s.category[category]} · ${s.severity[severity]}`;
    const title = this.doc.createElement('span');
    title.textContent = titleText;
    h.append(tag, title);
    return h;
  }

  private lawList(citations: Finding['citations']): HTMLElement[] {
    if (!citations.length) return [];
    const lawHead = this.doc.createElement('div');
    lawHead.textContent = `${this.s.law}:`;
    const ul = this.doc.createElement('ul');
    for (const c of citations) ul.append(this.linkItem(c.title, c.url));
    return [lawHead, ul];
  }

  private findingBlock(f: Finding, ctx: CardContext): HTMLElement {
    const s = this.s;
    const block = this.doc.createElement('div');
    const h = this.findingHeading(f.category, f.severity, f.title);
    const excerpt = this.doc.createElement('blockquote');
    excerpt.className = 'excerpt';
    excerpt.textContent = f.excerpt;
    const explain = this.doc.createElement('p');
    explain.textContent = f.explanation;
    block.append(h, excerpt, explain, ...this.lawList(f.citations));
    const actions = this.doc.createElement('div');
    actions.className = 'actions';
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', s.notAProblem);
    const scopes: [IgnoreScope, string][] = [
      ['message', s.ignoreMessage],
      ['sender', s.ignoreSender],
      ['rule-on-site', s.ignoreRule],
    ];
    for (const [scope, label] of scopes) {
      const b = this.doc.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.onclick = () => {
        this.options.onIgnore(scope, f, ctx.message);
        this.toast();
      };
      actions.append(b);
    }
    if (this.options.onReport) {
      const b = this.doc.createElement('button');
      b.type = 'button';
      b.textContent = s.reportFalseAlarm;
      b.onclick = () => {
        this.options.onReport?.(f, ctx.message);
        b.disabled = true;
        b.textContent = s.reported;
      };
      actions.append(b);
    }
    block.append(actions);
    return block;
  }

  private linkItem(text: string, url: string): HTMLLIElement {
    const li = this.doc.createElement('li');
    const a = this.doc.createElement('a');
    a.textContent = text;
    // only http(s) and our own pages: never javascript: or data: from a rule file
    if (/^(https?:|chrome-extension:|moz-extension:)/.test(url)) a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    li.append(a);
    return li;
  }

  private toast(): void {
    const opener = this.card?.opener;
    this.closeCard(false);
    const el = this.doc.createElement('div');
    el.className = 'card';
    el.setAttribute('role', 'status');
    const text = this.doc.createElement('span');
    text.textContent = `${this.s.ignored} `;
    const undo = this.doc.createElement('button');
    undo.type = 'button';
    undo.textContent = this.s.undo;
    undo.onclick = () => {
      this.options.onUndo();
      el.remove();
    };
    el.append(text, undo);
    const win = this.doc.defaultView!;
    el.style.top = `${win.scrollY + 12}px`;
    el.style.left = `${win.scrollX + 12}px`;
    this.root.append(el);
    undo.focus();
    setTimeout(() => {
      el.remove();
      if (opener?.isConnected) opener.focus();
    }, 8000);
  }

  closeCard(returnFocus: boolean): void {
    if (!this.card) return;
    const { el, opener } = this.card;
    el.remove();
    this.card = undefined;
    if (returnFocus && opener?.isConnected) opener.focus();
  }

  get openCardContext(): CardContext | undefined {
    return this.card?.ctx;
  }

  cardContains(node: EventTarget | null): boolean {
    return Boolean(this.card && node instanceof Node && (this.card.el.contains(node) || node === this.host));
  }

  /** Fallback for browsers without the Highlight API: boxes under the text. */
  drawBoxes(entries: { category: Category; range: Range }[]): void {
    for (const b of this.boxes) b.remove();
    this.boxes = [];
    for (const { category, range } of entries) {
      for (const rect of range.getClientRects()) {
        const box = this.doc.createElement('div');
        box.className = 'box';
        const st = categoryStyle(category);
        const pos = this.pagePosition(rect);
        box.style.cssText = `top:${pos.top}px;left:${pos.left}px;width:${rect.width}px;height:${rect.height}px;background:${st.background};border-bottom:2px ${st.line === 'wavy' ? 'solid' : st.line} ${st.colour};`;
        this.root.append(box);
        this.boxes.push(box);
      }
    }
  }

  destroy(): void {
    if (this.placementFrame) this.doc.defaultView?.cancelAnimationFrame(this.placementFrame);
    this.host.remove();
    this.markers.clear();
    this.saveButtons.clear();
    this.threadMarkers.clear();
    this.card = undefined;
  }
}
