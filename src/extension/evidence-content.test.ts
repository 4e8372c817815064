// @vitest-environment happy-dom
/**
 * The page side of "Save as evidence": the card and marker buttons (src/page/ui.ts), the
 * loop's records for one message or a whole thread (src/page/loop.ts), the request the
 * content script sends (evidence-content.ts), and the commands of the context menu and the
 * side panel — against a real EvidenceService on fake-indexeddb.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { getEngine } from '../engine/bundled';
import { EvidenceStore } from '../evidence/storage';
import { batchOf, startPageLoop, type MessageSource, type PageLoop } from '../page/loop';
import { captureShadowRoots, press } from '../page/testing';
import { evidenceSaver, watchEvidenceContextMenu } from './evidence-content';
import type { EvidenceCaptureRequest, EvidenceListResponse, EvidenceSaveAnswer } from './evidence-messages';
import { EvidenceService } from './evidence-service';

const engine = getEngine();
const THREAT = 'If you do not pay today we will call your employer and tell your whole family about your debt.';
const REPLY = 'I dispute this debt. Please send me validation in writing.';
const OTHER = 'Final notice on your overdue loan: pay today or we will tell your employer and all your contacts that you are a thief.';

const source: MessageSource = {
  findMessages: (scope) => [...(scope as Element).querySelectorAll?.('.msg') ?? []],
  messageOf: (node) => (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('.msg') ?? null,
  info: (el) => ({
    body: el.querySelector('.body')!,
    sender: el.getAttribute('data-sender') ?? undefined,
    sentAt: el.getAttribute('data-time') ?? undefined,
    // the site's own wording of the time: what the record keeps as "shown"
    ...(el.getAttribute('data-time') ? { sentAtShown: `shown ${el.getAttribute('data-time')!.slice(11, 16)}` } : {}),
    direction: el.getAttribute('data-dir') === 'out' ? 'outgoing' : 'incoming',
    threadId: el.getAttribute('data-thread') ?? undefined,
    subject: 'Final notice',
  }),
};

function page() {
  document.body.replaceChildren();
  const add = (id: string, thread: string, dir: string, sender: string, text: string) => {
    const el = document.createElement('div');
    el.className = 'msg';
    el.setAttribute('data-msg', id);
    el.setAttribute('data-thread', thread);
    el.setAttribute('data-dir', dir);
    el.setAttribute('data-sender', sender);
    el.setAttribute('data-time', '2026-11-20T09:14:00');
    const body = document.createElement('div');
    body.className = 'body';
    body.textContent = text;
    el.append(body);
    document.body.append(el);
  };
  add('m1', 't1', 'in', 'Apex Recovery <c@apex.example>', THREAT);
  add('m2', 't1', 'out', 'me', REPLY);
  add('m3', 't2', 'in', 'Other Collector', OTHER);
}

let loop: PageLoop | undefined;
let svc: EvidenceService;
const sent: EvidenceCaptureRequest[] = [];
let roots: ShadowRoot[] = [];
/** the visibility of our layer each time a capture request went out */
const layerDuringRequest: string[] = [];

beforeEach(async () => {
  const store = await EvidenceStore.open({ dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  svc = new EvidenceService({ store, extensionVersion: '0.1.0', rulesBundleHash: engine.bundle.hash, screenshot: async () => ({ pngs: new Map(), noScreenshot: 'no-permission' }) });
  sent.length = 0;
  layerDuringRequest.length = 0;
  roots = captureShadowRoots();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (req: EvidenceCaptureRequest) => {
    sent.push(req);
    layerDuringRequest.push(layerEl().style.visibility);
    return svc.handle(req, { url: 'https://mail.example/thread' });
  }) as never);
  page();
  loop = startPageLoop(document, {
    site: 'gmail',
    source,
    analyze: batchOf((text, o) => engine.analyze(text, o)),
    uiLang: 'en',
    forceOverlay: true,
    onSaveEvidence: evidenceSaver('gmail'),
  });
  await loop.idle();
});
afterEach(() => {
  loop?.stop();
  vi.restoreAllMocks();
});

const shadow = () => roots[0]!;
/** our layer: the shadow root's one div (after its style) */
const layerEl = () => [...shadow().children].find((c) => c.tagName === 'DIV') as HTMLElement;
const list = async () => (await svc.handle({ type: 'dunwatch:evidence-list' })) as EvidenceListResponse;
const noticeState = () => loop!.lastNotice()?.state;
const noticeText = () => shadow().querySelector('.notice')!.textContent;
const until = async (f: () => unknown) => {
  for (let i = 0; i < 300 && !f(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(f()).toBeTruthy();
};

describe('Save as evidence in the page', () => {
  it('the button beside a marker saves that message with what the page showed, and says there is no screenshot and why', async () => {
    const saves = shadow().querySelectorAll<HTMLButtonElement>('button.save');
    const flagged = loop!.records().filter((r) => r.findings.length).length;
    expect(flagged).toBe(2); // m1 and m3; the reply is clean
    expect(saves.length).toBe(flagged); // one beside each marker
    expect(saves[0]!.getAttribute('aria-label')).toBe('Save as evidence');
    saves[0]!.click(); // a page script's click does nothing
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(0);
    press(saves[0]!);
    await until(() => noticeState() === 'saved');
    expect(noticeText()).toMatch(/^Saved to the evidence locker\. Saved without a screenshot: the browser allows one only after you right-click/);
    const [item] = (await list()).items;
    expect(item!.record).toMatchObject({ site: 'gmail', url: 'https://mail.example/thread', threadId: 't1', sender: { name: 'Apex Recovery', address: 'c@apex.example' }, sentAt: { shown: 'shown 09:14', iso: new Date('2026-11-20T09:14:00').toISOString() }, direction: 'incoming', subject: 'Final notice', screenshotSha256: null });
    expect(item!.record.text.trim()).toBe(THREAT);
    expect(item!.record.findings.map((f) => f.rule)).toEqual(engine.analyze(item!.record.text, { uiLang: 'en', context: { direction: 'incoming' } }).findings.map((f) => f.rule));
    expect(sent[0]!.viewport.width).toBeGreaterThan(0);
  });

  it('"Save whole thread" on the card saves every message of that thread, the reader\'s reply included, in page order', async () => {
    press(shadow().querySelector<HTMLButtonElement>('button.marker')!);
    const card = shadow().querySelector('[role=dialog]')!;
    press(card.querySelector<HTMLButtonElement>('button.save-thread')!);
    await until(() => noticeState() === 'saved');
    expect(noticeText()).toMatch(/^2 messages saved/);
    expect(sent[0]!.scope).toBe('thread');
    expect((await list()).items.map((i) => [i.record.text.trim(), i.record.direction])).toEqual([[THREAT, 'incoming'], [REPLY, 'outgoing']]);
    // the in-page UI was hidden while the request was out (so the screenshot shows the page), and is back after
    expect(layerDuringRequest).toEqual(['hidden']);
    expect(layerEl().style.visibility).toBe('');
  });

  it('the context-menu command saves the right-clicked message; the side-panel command saves by the loop’s message id and answers', async () => {
    const listeners: ((m: unknown) => unknown)[] = [];
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(((l: (m: unknown) => unknown) => listeners.push(l)) as never);
    const ctx = { addEventListener: (t: EventTarget, type: string, l: EventListener, o?: AddEventListenerOptions) => t.addEventListener(type, l, o), onInvalidated: () => undefined } as unknown as ContentScriptContext;
    watchEvidenceContextMenu(ctx, loop!);
    document.querySelector('[data-msg="m3"] .body')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    listeners.forEach((l) => l({ type: 'dunwatch:evidence-context-save' }));
    await until(() => noticeState() === 'saved');
    expect((await list()).items.map((i) => i.record.text.trim())).toEqual([OTHER]);
    const answer = (await listeners[0]!({ type: 'dunwatch:evidence-save-message', messageId: 'm2', scope: 'message' })) as EvidenceSaveAnswer;
    expect(answer).toMatchObject({ saved: 1, screenshots: 0, pending: false, noScreenshot: 'no-permission' });
    expect(await listeners[0]!({ type: 'dunwatch:evidence-save-message', messageId: 'nope', scope: 'message' })).toEqual({ error: 'no such message on the page' });
    expect((await list()).items.map((i) => i.record.text.trim())).toEqual([OTHER, REPLY]);
  });

  it('a failed save is shown, not swallowed', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation((async () => ({ ok: false, error: 'locker unavailable' })) as never);
    press(shadow().querySelector<HTMLButtonElement>('button.save')!);
    await until(() => noticeState() === 'failed');
    expect(noticeText()).toBe('Could not save: locker unavailable');
  });
});
