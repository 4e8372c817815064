/**
 * "Save as evidence" in the page: the card's two buttons (this message, the whole thread), the
 * save itself (our layer is hidden while the background takes the screenshot, so markers and the
 * card never cover the message), and the notice (role=status) that says what happened.
 */
import { trusted, type UiLayer } from './layer';
import type { PageStrings } from './strings';
import type { EvidenceSaveOutcome, EvidenceScope, NoticeState } from './types';

const frame = (win: Window) => new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));

export class EvidenceUi {
  private noticeEl?: HTMLElement;
  /** the latest notice, for the loop's callers (the page cannot read our layer) */
  lastNotice?: { state: NoticeState; text: string };

  constructor(
    private readonly layer: UiLayer,
    private readonly s: () => PageStrings,
    private readonly onSave: (message: Element, scope: EvidenceScope) => Promise<EvidenceSaveOutcome>,
  ) {}

  /** The card's evidence buttons for one message. */
  actions(message: Element): HTMLElement {
    const doc = this.layer.doc;
    const actions = doc.createElement('div');
    actions.className = 'actions';
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', this.s().evidenceGroup);
    for (const [scope, label] of [['message', this.s().evidenceSave], ['thread', this.s().evidenceSaveThread]] as const) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.className = `save-${scope}`;
      b.addEventListener('click', trusted(() => void this.save(message, scope)));
      actions.append(b);
    }
    return actions;
  }

  /** Save through the callback and say what happened. */
  async save(message: Element, scope: EvidenceScope): Promise<EvidenceSaveOutcome> {
    const s = this.s();
    this.notice(s.evidenceSaving, 'working');
    let outcome: EvidenceSaveOutcome;
    const win = this.layer.doc.defaultView!;
    // our own card, markers and notice must not cover the message in the screenshot
    const wasHidden = this.layer.hidden;
    this.layer.setHidden(true);
    try {
      await frame(win);
      await frame(win);
      outcome = await this.onSave(message, scope);
    } catch (e) {
      outcome = { error: (e as Error).message };
    } finally {
      this.layer.setHidden(wasHidden);
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

  private notice(text: string, state: NoticeState): void {
    this.noticeEl?.remove();
    const el = this.layer.doc.createElement('div');
    el.className = 'card notice';
    el.setAttribute('role', 'status');
    el.textContent = text;
    const win = this.layer.doc.defaultView!;
    el.style.top = `${win.scrollY + 12}px`;
    el.style.left = `${win.scrollX + 12}px`;
    this.layer.append(el);
    this.noticeEl = el;
    this.lastNotice = { state, text };
    if (state !== 'working') setTimeout(() => el.remove(), 10_000);
  }
}
