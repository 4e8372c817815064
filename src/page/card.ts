/**
 * The explanation card, inside our layer: a labelled dialog with what each finding is, the
 * excerpt, the law, the reader's rights, "not a problem here" choices and (when the locker is
 * on) evidence buttons; a thread card for conduct over time; the "ignored — undo" toast.
 * Escape closes it and returns focus to whatever opened it. Text is set with textContent only;
 * links open only when the reader clicks them.
 */
import type { Category, Finding } from '../engine/types';
import type { ThreadFinding } from '../engine/thread/analyze-thread';
import { categoryStyle } from './highlight';
import { trusted, type UiLayer } from './layer';
import type { PageStrings } from './strings';
import type { CardContext, IgnoreScope } from './types';

export interface CardActions {
  onIgnore(scope: IgnoreScope, finding: Finding, message: Element): void;
  onUndo(): void;
  /** "report a false alarm" for the opt-in research page; no button when absent */
  onReport?: (finding: Finding, message: Element) => void;
  /** the evidence buttons of a message's card; none when absent */
  evidenceActions?: (message: Element) => HTMLElement;
}

export class Card {
  private card?: { el: HTMLElement; opener?: HTMLElement; ctx?: CardContext };

  constructor(
    private readonly layer: UiLayer,
    private readonly s: () => PageStrings,
    private readonly actions: CardActions,
  ) {}

  private get doc(): Document {
    return this.layer.doc;
  }

  private el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
    const e = this.doc.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  private actionButton(label: string, onPress: (b: HTMLButtonElement) => void): HTMLButtonElement {
    const b = this.el('button', undefined, label);
    b.type = 'button';
    b.addEventListener('click', trusted(() => onPress(b)));
    return b;
  }

  /** The card's frame: a labelled dialog with a close button; Escape closes it. */
  private shell(label: string): { el: HTMLElement; close: HTMLButtonElement } {
    this.close(false);
    const el = this.el('section', 'card');
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-label', label);
    const close = this.actionButton('×', () => this.close(true));
    close.className = 'close';
    close.setAttribute('aria-label', this.s().close);
    el.append(this.el('h2', undefined, label), close);
    el.addEventListener(
      'keydown',
      trusted((e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          this.close(true);
        }
      }),
    );
    return { el, close };
  }

  private show(el: HTMLElement, close: HTMLButtonElement, anchor: DOMRect, opener: HTMLElement | undefined, ctx: CardContext | undefined): void {
    el.append(this.el('p', 'note', this.s().disclaimer));
    this.layer.append(el);
    const pos = this.layer.pagePosition(anchor);
    const win = this.doc.defaultView!;
    el.style.top = `${pos.top + anchor.height + 6}px`;
    el.style.left = `${Math.max(win.scrollX + 8, Math.min(pos.left, win.scrollX + win.innerWidth - 400))}px`;
    this.card = { el, opener, ctx };
    close.focus();
  }

  /** Thread findings: what the pattern of messages may show, with the law; no ignore buttons (nothing to un-highlight). */
  openThread(findings: ThreadFinding[], opener: HTMLElement): void {
    const { el, close } = this.shell(this.s().threadCard);
    for (const f of findings) {
      const block = this.el('div');
      block.append(this.heading(f.category, f.severity, f.title), this.el('p', undefined, f.explanation), ...this.lawList(f.citations));
      el.append(block);
    }
    this.show(el, close, opener.getBoundingClientRect(), opener, undefined);
  }

  open(ctx: CardContext, anchor: DOMRect, opener?: HTMLElement, focusFinding?: Finding): void {
    const s = this.s();
    const { el, close } = this.shell(s.card);
    // the fallback reader guessed where the messages are: say so before the findings
    if (ctx.fallback) el.append(this.el('p', 'fallback-note', s.fallbackCard));
    const ordered = focusFinding ? [focusFinding, ...ctx.findings.filter((f) => f !== focusFinding)] : ctx.findings;
    for (const f of ordered) el.append(this.findingBlock(f, ctx));
    if (ctx.rights.length) {
      const ul = this.el('ul');
      for (const r of ctx.rights) ul.append(this.linkItem(r.phone ? `${r.title} (${r.phone})` : r.title, r.url));
      el.append(this.el('h3', undefined, s.rights), ul);
    }
    const evidence = this.actions.evidenceActions?.(ctx.message);
    if (evidence) el.append(evidence);
    this.show(el, close, anchor, opener, ctx);
  }

  private heading(category: Category, severity: Finding['severity'], titleText: string): HTMLElement {
    const s = this.s();
    const tag = this.el('span', 'tag', `${s.category[category]} · ${s.severity[severity]}`);
    tag.style.color = categoryStyle(category).colour;
    const h = this.el('h3');
    h.append(tag, this.el('span', undefined, titleText));
    return h;
  }

  private lawList(citations: Finding['citations']): HTMLElement[] {
    if (!citations.length) return [];
    const ul = this.el('ul');
    for (const c of citations) ul.append(this.linkItem(c.title, c.url));
    return [this.el('div', undefined, `${this.s().law}:`), ul];
  }

  private findingBlock(f: Finding, ctx: CardContext): HTMLElement {
    const s = this.s();
    const block = this.el('div');
    block.append(this.heading(f.category, f.severity, f.title), this.el('blockquote', 'excerpt', f.excerpt), this.el('p', undefined, f.explanation), ...this.lawList(f.citations));
    const actions = this.el('div', 'actions');
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', s.notAProblem);
    const scopes: [IgnoreScope, string][] = [
      ['message', s.ignoreMessage],
      ['sender', s.ignoreSender],
      ['rule-on-site', s.ignoreRule],
    ];
    for (const [scope, label] of scopes) {
      actions.append(
        this.actionButton(label, () => {
          this.actions.onIgnore(scope, f, ctx.message);
          this.toast();
        }),
      );
    }
    const report = this.actions.onReport;
    if (report) {
      actions.append(
        this.actionButton(s.reportFalseAlarm, (b) => {
          report(f, ctx.message);
          b.disabled = true;
          b.textContent = s.reported;
        }),
      );
    }
    block.append(actions);
    return block;
  }

  private linkItem(text: string, url: string): HTMLLIElement {
    const li = this.el('li');
    const a = this.el('a', undefined, text);
    // only http(s) and our own pages: never javascript: or data: from a rule file
    if (/^(https?:|chrome-extension:|moz-extension:)/.test(url)) a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    li.append(a);
    return li;
  }

  /** "Ignored. Highlights removed." with Undo, for a few seconds; focus goes back to the opener after. */
  private toast(): void {
    const opener = this.card?.opener;
    this.close(false);
    const el = this.el('div', 'card');
    el.setAttribute('role', 'status');
    const undo = this.actionButton(this.s().undo, () => {
      this.actions.onUndo();
      el.remove();
    });
    el.append(this.el('span', undefined, `${this.s().ignored} `), undo);
    const win = this.doc.defaultView!;
    el.style.top = `${win.scrollY + 12}px`;
    el.style.left = `${win.scrollX + 12}px`;
    this.layer.append(el);
    undo.focus();
    setTimeout(() => {
      el.remove();
      if (opener?.isConnected) opener.focus();
    }, 8000);
  }

  close(returnFocus: boolean): void {
    if (!this.card) return;
    const { el, opener } = this.card;
    el.remove();
    this.card = undefined;
    if (returnFocus && opener?.isConnected) opener.focus();
  }

  /** The message card that is open (undefined for none or a thread card). */
  get context(): CardContext | undefined {
    return this.card?.ctx;
  }

  contains(node: EventTarget | null): boolean {
    return Boolean(this.card && node instanceof Node && this.card.el.contains(node));
  }

  destroy(): void {
    this.card = undefined;
  }
}
