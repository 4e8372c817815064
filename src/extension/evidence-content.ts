/**
 * The content script's side of the evidence locker: turns the page loop's records into a
 * capture request for the background (the only writer), hides Dunwatch's own in-page UI
 * while the background takes the screenshot, and follows the context-menu item "Save as
 * evidence" (the message under the last right-click).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LoopOptions, PageLoop, ScannedMessage } from '../page/loop';
import { tabMessage } from './tab-message';
import type { EvidenceSaveOutcome } from '../page/types';
import { isEvidenceContextSaveCommand, isEvidenceSaveMessageCommand, newEvidenceId, type EvidenceSaveAnswer, type CapturedMessage, type EvidenceCaptureRequest, type EvidenceCaptureResponse } from './evidence-messages';

export function capturedMessage(r: ScannedMessage): CapturedMessage {
  const rect = r.element.getBoundingClientRect();
  // the page's message id stays on the page: the record gets its own, made here so a retried request cannot save twice
  const { id: _pageId, findings, ...fields } = tabMessage(r);
  return {
    id: newEvidenceId(),
    ...fields,
    // plain data: the findings as the reader sees them (after "not a problem here" choices)
    findings: JSON.parse(JSON.stringify(findings)) as CapturedMessage['findings'],
    rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
  };
}

/** The loop's `onSaveEvidence`: send the records to the background and report what it did. */
export function evidenceSaver(site: string): NonNullable<LoopOptions['onSaveEvidence']> {
  return async (records, scope) => {
    if (!records.length) return { error: 'no message' };
    // (the page loop hides its own layer while this runs, so the screenshot shows the page)
    try {
      const request: EvidenceCaptureRequest = {
        type: 'dunwatch:evidence-capture',
        site,
        scope,
        messages: records.map(capturedMessage),
        viewport: { width: window.innerWidth, height: window.innerHeight, dpr: window.devicePixelRatio || 1 },
      };
      const res = (await browser.runtime.sendMessage(request)) as EvidenceCaptureResponse | undefined;
      if (!res) return { error: 'the extension did not answer' };
      if (!res.ok) return { error: res.error };
      const outcome: EvidenceSaveOutcome = { saved: res.ids.length, screenshots: res.screenshots, pending: !res.saved, ...(res.noScreenshot ? { noScreenshot: res.noScreenshot } : {}) };
      return outcome;
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
}

/**
 * Commands from the background and the side panel: the context-menu item (save the message
 * under the last right-click) and "save this message / thread" by the page loop's message id.
 */
/** `answerMisses`: say "no such message" for an id this page does not hold (false when every frame runs a loop: the first answer wins, so only the frame with the message answers). */
export function watchEvidenceContextMenu(ctx: ContentScriptContext, loop: PageLoop, answerMisses = true): void {
  let target: Node | null = null;
  ctx.addEventListener(document, 'contextmenu', (e) => (target = e.target as Node | null), { capture: true });
  const listener = (message: unknown): Promise<EvidenceSaveAnswer> | undefined => {
    if (isEvidenceContextSaveCommand(message) && target) {
      void loop.saveEvidence(target, 'message');
      return undefined;
    }
    if (isEvidenceSaveMessageCommand(message)) {
      const saving = loop.saveEvidenceById(message.messageId, message.scope);
      if (saving) return saving.then((o) => o ?? { error: 'no message' });
      return answerMisses ? Promise.resolve({ error: 'no such message on the page' }) : undefined;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
