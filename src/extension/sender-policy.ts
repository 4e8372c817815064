/**
 * Who may ask the background for what (issue #12 item 3). Every runtime message and every
 * port the background serves is looked up in POLICY with the caller the browser names in
 * `sender`, never with anything the message says about itself.
 *
 * Two kinds of caller:
 * - an extension page (popup, side panel, locker, options, research, rights): `sender.url` is
 *   on this extension's own origin, and it has no tab or its tab shows one of our pages;
 * - a content script (a site's, or the generic on-demand scan): it has a tab, and its URL is
 *   the page's. It runs next to a page we do not trust (a page can script its DOM, and a
 *   compromised isolated world can send any message), so it may only analyse text, ask for
 *   the page context, write and read ITS OWN tab's report, capture from its own tab, and
 *   report a false alarm. The locker (list, screenshots, notes, deletion, verify, export,
 *   import and its preview, confirming an import's pending changes, pinning keys, retry),
 *   pasted evidence and other tabs' reports are for extension pages only.
 * Anything else (no sender, another extension, a URL of neither kind) is refused. A message
 * type that is not in the table is not ours and gets no answer.
 */

/** The parts of `runtime.MessageSender` this looks at (the same in Chrome and Firefox). */
export interface SenderLike {
  id?: string;
  url?: string;
  /** Chrome only: the origin of the frame that sent it */
  origin?: string;
  tab?: { id?: number; url?: string; windowId?: number };
  frameId?: number;
}

/** This extension: its id and the base of its pages' URLs (`runtime.getURL('/')`). */
export interface SelfId {
  id: string;
  base: string;
}

export type Caller =
  | { kind: 'extension-page'; url: string }
  /** url: the sending frame's; tabUrl and windowId as the browser gives them (tabUrl needs site access) */
  | { kind: 'content-script'; tabId: number; url: string; tabUrl?: string; windowId?: number; frameId?: number };

/** This extension as the browser names it (`browser.runtime`). */
export function selfFrom(runtime: { id: string; getURL(path: string): string }): SelfId {
  return { id: runtime.id, base: runtime.getURL('/') };
}

/**
 * any: every caller of ours; extension-page: our pages only; content-script: a tab's script
 * only (its tab comes from the sender); own-tab: our pages for any tab, a content script for
 * the tab it runs in only (the message's `tabId`).
 */
export type Allowed = 'any' | 'extension-page' | 'content-script' | 'own-tab';

export const POLICY = {
  // the engine and the page context: anyone of ours
  'dunwatch:analyze': 'any',
  'dunwatch:analyze-batch': 'any',
  'dunwatch:analyze-thread': 'any',
  'dunwatch:page-context': 'any',
  // the tab's report: written by its content script (the tab is the sender's), read by pages or by that tab
  'dunwatch:stats': 'content-script',
  'dunwatch:tab-status': 'own-tab',
  // "report a false alarm / missed message" (content scripts; research pages may too)
  'dunwatch:report-contribution': 'any',
  // evidence: a capture comes from the tab it captures; everything else is the locker's
  'dunwatch:evidence-capture': 'content-script',
  'dunwatch:evidence-save-pasted': 'extension-page',
  'dunwatch:evidence-list': 'extension-page',
  'dunwatch:evidence-screenshot': 'extension-page',
  'dunwatch:evidence-annotate': 'extension-page',
  'dunwatch:evidence-delete': 'extension-page',
  'dunwatch:evidence-verify': 'extension-page',
  'dunwatch:evidence-retry': 'extension-page',
  // an import's pending notes and deletions are applied only when the user confirms them, and
  // only the user pins or unpins a signing key: a content script must never be able to
  'dunwatch:evidence-confirm-pending': 'extension-page',
  'dunwatch:evidence-pin-key': 'extension-page',
  'dunwatch:evidence-unpin-key': 'extension-page',
  // ports (evidence-transfer.ts): bundles of any size move in chunks, to and from the locker page;
  // an import's preview (fingerprint, counts) and the import itself are calls on the import
  // port's one upload, so this entry decides who may do either
  'dunwatch:evidence-export-port': 'extension-page',
  'dunwatch:evidence-import-port': 'extension-page',
} as const satisfies Record<string, Allowed>;

export type PolicyType = keyof typeof POLICY;

export type Verdict = { ok: true; caller: Caller } | { ok: false; error: string; known: boolean };

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Who sent this, as the browser says; a string when it is neither of our two kinds. */
export function callerOf(sender: SenderLike | undefined | null, self: SelfId): Caller | string {
  if (!sender || typeof sender !== 'object') return 'no sender';
  if (sender.id !== self.id) return 'sent by another extension';
  const url = sender.url;
  if (typeof url !== 'string' || !url) return 'the sender has no URL';
  const ownOrigin = self.base.replace(/\/+$/, '');
  if (url.startsWith(self.base)) {
    if (sender.origin !== undefined && sender.origin !== ownOrigin) return 'the sender\'s origin is not this extension';
    // one of our pages in a tab: that tab must show our page (not a site that framed it)
    const tabUrl = sender.tab?.url;
    if (tabUrl !== undefined && !tabUrl.startsWith(self.base)) return 'an extension page inside a web page';
    return { kind: 'extension-page', url };
  }
  if (sender.origin === ownOrigin) return 'the sender\'s URL is not on its origin';
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0) {
    const { url: tabUrl, windowId } = sender.tab!;
    const frameId = sender.frameId;
    return {
      kind: 'content-script',
      tabId,
      url,
      ...(typeof tabUrl === 'string' ? { tabUrl } : {}),
      ...(typeof windowId === 'number' ? { windowId } : {}),
      // which frame of the tab (sites that read mail in frames send one report per frame)
      ...(typeof frameId === 'number' && Number.isInteger(frameId) && frameId >= 0 ? { frameId } : {}),
    };
  }
  return 'neither an extension page nor a tab';
}

/** May this sender send a message (or open a port) of this type? */
export function authorize(type: string, message: unknown, sender: SenderLike | undefined | null, self: SelfId): Verdict {
  if (!hasOwn(POLICY, type)) return { ok: false, error: `unknown message type '${type}'`, known: false };
  const allowed: Allowed = POLICY[type as PolicyType];
  const caller = callerOf(sender, self);
  if (typeof caller === 'string') return { ok: false, error: `refused: ${caller}`, known: true };
  if (allowed === 'any') return { ok: true, caller };
  if (caller.kind === 'extension-page') {
    return allowed === 'content-script' ? { ok: false, error: `refused: '${type}' comes from a tab's content script`, known: true } : { ok: true, caller };
  }
  if (allowed === 'content-script') return { ok: true, caller };
  if (allowed === 'own-tab') {
    const wanted = (message as { tabId?: unknown } | null)?.tabId;
    return wanted === caller.tabId ? { ok: true, caller } : { ok: false, error: `refused: a content script may only ask about its own tab`, known: true };
  }
  return { ok: false, error: `refused: '${type}' is for the extension's own pages`, known: true };
}

/** A runtime message's type, when it is a `dunwatch:` message at all. */
export function dunwatchType(message: unknown): string | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type.startsWith('dunwatch:') ? type : undefined;
}

export type GuardedHandler = (message: { type: string } & Record<string, unknown>, caller: Caller) => Promise<unknown> | undefined;

/**
 * A `runtime.onMessage` listener that serves only what POLICY allows this sender: a refused
 * request gets `{ ok: false, error }` (so the caller sees why), a type we do not know gets no
 * answer, and `handle` sees the caller the browser named.
 */
export function guarded(self: () => SelfId, handle: GuardedHandler): (message: unknown, sender: SenderLike) => Promise<unknown> | undefined {
  return (message, sender) => {
    const type = dunwatchType(message);
    if (!type) return undefined;
    const v = authorize(type, message, sender, self());
    if (!v.ok) return v.known ? Promise.resolve({ ok: false, error: v.error }) : undefined;
    return handle(message as { type: string } & Record<string, unknown>, v.caller);
  };
}
