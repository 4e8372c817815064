/**
 * The evidence locker in the background (service worker): the single writer of the locker.
 * `registerEvidence()` is the one call entrypoints/background.ts makes. It
 * - opens the EvidenceStore once per worker (persistent storage is asked for by the locker
 *   page: workers have no `navigator.storage.persist()`);
 * - answers the evidence requests of pages and content scripts (evidence-messages.ts), each
 *   only from the senders sender-policy.ts allows: a content script may capture from its own
 *   tab, nothing else of the locker;
 * - serves export and import of bundles of any size over ports, in chunks (evidence-transfer.ts);
 * - takes the screenshot: `tabs.captureVisibleTab`, cropped to the message in the worker
 *   (createImageBitmap + OffscreenCanvas). Chrome allows it only with `<all_urls>` or
 *   `activeTab`; host permissions for the sites are not enough, and a click on a button the
 *   content script drew grants no activeTab. activeTab is granted by a click on the toolbar
 *   icon, a context-menu item or a keyboard shortcut, and lasts for that tab until it
 *   navigates. Without it the message is saved with no screenshot and the user is told why;
 *   a capture never fails for its picture;
 * - adds the context-menu item "Save as evidence" on the supported sites (it grants activeTab,
 *   so that path always has a screenshot): it asks the tab's content script to save the
 *   message under the right-click, the same way the card button does;
 * - keeps writes that failed, sealed with the extension's key, until they are in IndexedDB
 *   (pending-stash.ts, evidence-service.ts), and retries them every 30 s while the worker lives.
 */
import { browser } from 'wxt/browser';
import { getEngine } from '../engine/bundled';
import { LIMITS } from '../evidence/bundle';
import { EvidenceStore } from '../evidence/storage';
import { adapters } from '../sites/registry';
import { isEvidenceRequest, type EvidenceCaptureRequest, type EvidenceChangedEvent } from './evidence-messages';
import { EvidenceService, importCommands, type CaptureContext, type ShotResult } from './evidence-service';
import { EXPORT_PORT, IMPORT_PORT, serveExport, serveUpload, type PortLike } from './evidence-transfer';
import { extensionKeys } from './extension-keys';
import { sealedStash, storageArea, trustedSessionArea, type StashArea } from './pending-stash';

/** the largest file the import port takes: what import will inflate at most, plus room for the zip's own headers */
const MAX_UPLOAD_BYTES = LIMITS.total + 64 * 2 ** 20;
import { authorize, guarded, selfFrom, type SenderLike } from './sender-policy';

export const MENU_SAVE_EVIDENCE = 'dunwatch-save-evidence';
const RETRY_MS = 30_000;

/** Crop the visible-tab capture to each message's rect; messages off screen get none. */
export async function cropMessages(dataUrl: string, req: Pick<EvidenceCaptureRequest, 'messages' | 'viewport'>): Promise<ShotResult> {
  const blob = await (await fetch(dataUrl)).blob();
  const full = await createImageBitmap(blob);
  // the capture is in device pixels; measure the scale instead of trusting devicePixelRatio (zoom)
  const scale = req.viewport.width > 0 ? full.width / req.viewport.width : req.viewport.dpr;
  const pngs = new Map<string, Uint8Array>();
  for (const m of req.messages) {
    const r = m.rect;
    if (!r) continue;
    const x0 = Math.max(0, Math.floor(r.x * scale));
    const y0 = Math.max(0, Math.floor(r.y * scale));
    const x1 = Math.min(full.width, Math.ceil((r.x + r.width) * scale));
    const y1 = Math.min(full.height, Math.ceil((r.y + r.height) * scale));
    if (x1 - x0 < 2 || y1 - y0 < 2) continue;
    const canvas = new OffscreenCanvas(x1 - x0, y1 - y0);
    canvas.getContext('2d')!.drawImage(full, x0, y0, x1 - x0, y1 - y0, 0, 0, x1 - x0, y1 - y0);
    const png = await canvas.convertToBlob({ type: 'image/png' });
    pngs.set(m.id, new Uint8Array(await png.arrayBuffer()));
  }
  full.close();
  return { pngs, ...(pngs.size < req.messages.length ? { noScreenshot: 'off-screen' as const } : {}) };
}

async function takeScreenshot(req: EvidenceCaptureRequest, ctx: CaptureContext): Promise<ShotResult> {
  if (ctx.windowId === undefined || ctx.tabId === undefined) return { pngs: new Map(), noScreenshot: 'none-asked' };
  // captureVisibleTab takes whatever tab its window shows: only when that is the sender's tab
  const shown = async () => (await browser.tabs.get(ctx.tabId!).catch(() => undefined))?.active === true;
  if (!(await shown())) return { pngs: new Map(), noScreenshot: 'not-visible' };
  let dataUrl: string;
  try {
    dataUrl = await browser.tabs.captureVisibleTab(ctx.windowId, { format: 'png' });
  } catch (e) {
    const msg = (e as Error).message ?? '';
    return { pngs: new Map(), noScreenshot: /activeTab|all_urls|permission/i.test(msg) ? 'no-permission' : 'failed' };
  }
  if (!(await shown())) return { pngs: new Map(), noScreenshot: 'not-visible' }; // switched tabs meanwhile
  return cropMessages(dataUrl, req);
}

function broadcast(event: EvidenceChangedEvent): void {
  // extension pages listen; with none open, sendMessage rejects, which is fine
  browser.runtime.sendMessage(event).catch(() => undefined);
}

let opened: Promise<EvidenceService> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** The one EvidenceService of this worker (opened on first use). */
export function evidenceService(): Promise<EvidenceService> {
  opened ??= (async () => {
    const ref: { svc?: EvidenceService } = {};
    // make the stash key now, while there is room to store it: a write fails when the disk is full
    void extensionKeys().get('stash').catch((e) => console.warn('[dunwatch] the key for pending writes is unavailable:', e));
    const areas: StashArea[] = [storageArea('storage.local', browser.storage.local)];
    const session = await trustedSessionArea(browser.storage as never).catch(() => undefined);
    if (session) areas.push(session);
    const store = await EvidenceStore.open({ onWriteError: (f) => ref.svc?.writeFailed(f) });
    const svc = (ref.svc = new EvidenceService({
      store,
      extensionVersion: browser.runtime.getManifest().version,
      rulesBundleHash: getEngine().bundle.hash,
      screenshot: takeScreenshot,
      stash: sealedStash({ key: () => extensionKeys().get('stash'), areas }),
      notify: (event) => {
        broadcast(event);
        scheduleRetry(event.status.pending);
      },
    }));
    await svc.start();
    return svc;
  })();
  opened.catch(() => (opened = undefined)); // let the next request try again
  return opened;
}

function scheduleRetry(pending: number): void {
  clearTimeout(retryTimer);
  if (!pending) return;
  retryTimer = setTimeout(() => void evidenceService().then((s) => s.handle({ type: 'dunwatch:evidence-retry' })), RETRY_MS);
}

const self = () => selfFrom(browser.runtime as never);

export function registerEvidence(): void {
  browser.runtime.onMessage.addListener(
    guarded(self, (message, caller) => {
      if (!isEvidenceRequest(message)) return undefined;
      // (sender-policy: a capture comes only from a content script, so its tab is the sender's)
      const ctx: CaptureContext = caller.kind === 'content-script' ? { url: caller.tabUrl, tabId: caller.tabId, windowId: caller.windowId } : {};
      return evidenceService()
        .then((s) => s.handle(message, ctx))
        .catch((e: Error) => ({ ok: false, error: e.message }));
    }),
  );

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EXPORT_PORT && port.name !== IMPORT_PORT) return;
    const v = authorize(port.name, undefined, port.sender as SenderLike | undefined, self());
    if (!v.ok) {
      console.warn(`[dunwatch] ${port.name}: ${v.error}`);
      return port.disconnect();
    }
    const p = port as unknown as PortLike;
    if (port.name === EXPORT_PORT) serveExport(p, (language) => evidenceService().then((s) => s.exportZip(language)));
    // one upload, two steps: the preview (fingerprint, counts) and, once the user agrees, the import
    else serveUpload(p, importCommands(evidenceService), MAX_UPLOAD_BYTES);
  });

  browser.runtime.onInstalled.addListener(() => {
    // after this event's other listeners: one of them may removeAll() the menus first, and
    // extension API calls are handled in the order they are made
    setTimeout(() => {
      try {
        browser.contextMenus.create({
          id: MENU_SAVE_EVIDENCE,
          title: browser.i18n.getMessage('menuSaveEvidence'),
          contexts: ['page', 'selection', 'link', 'image'],
          documentUrlPatterns: [...new Set(adapters.flatMap((a) => a.matches))],
        });
      } catch (e) {
        console.warn('[dunwatch] could not add the "Save as evidence" menu item:', e);
      }
    }, 0);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_SAVE_EVIDENCE || tab?.id === undefined) return;
    // the click granted activeTab for this tab: the content script's capture request gets its screenshot
    void browser.tabs.sendMessage(tab.id, { type: 'dunwatch:evidence-context-save' }, { frameId: info.frameId ?? 0 }).catch(() => undefined);
  });

  // start early, so pending writes from a stopped worker are replayed without waiting for a page
  void evidenceService().catch((e) => console.warn('[dunwatch] evidence locker unavailable:', e));
}
