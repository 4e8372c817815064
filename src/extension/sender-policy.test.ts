/**
 * The background's sender checks, for every message type, with the senders Chrome and Firefox
 * give: a site's content script in tab 3 (also asking about tab 4), the generic on-demand scan,
 * the side panel and popup (no tab), the locker in a tab, another extension, no sender, and our
 * page framed inside a web page. The expectations are written out here, not read from POLICY.
 */
import { describe, expect, it } from 'vitest';
import { authorize, callerOf, guarded, POLICY, type SenderLike, type SelfId } from './sender-policy';

const self: SelfId = { id: 'dunwatchid', base: 'chrome-extension://dunwatchid/' };

const senders: Record<string, SenderLike | undefined> = {
  gmailTab3: { id: 'dunwatchid', url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com', tab: { id: 3 }, frameId: 0 },
  genericScanTab3: { id: 'dunwatchid', url: 'https://forum.example/t/1', tab: { id: 3, url: 'https://forum.example/t/1' }, frameId: 0 },
  sidePanel: { id: 'dunwatchid', url: 'chrome-extension://dunwatchid/sidepanel.html', origin: 'chrome-extension://dunwatchid' },
  lockerTab: { id: 'dunwatchid', url: 'chrome-extension://dunwatchid/locker.html', tab: { id: 9, url: 'chrome-extension://dunwatchid/locker.html' } },
  firefoxPopup: { id: 'dunwatchid', url: 'chrome-extension://dunwatchid/popup.html' },
  otherExtension: { id: 'evilid', url: 'chrome-extension://evilid/page.html' },
  otherExtensionClaimingOurUrl: { id: 'evilid', url: 'chrome-extension://dunwatchid/locker.html' },
  missing: undefined,
  framedInSite: { id: 'dunwatchid', url: 'chrome-extension://dunwatchid/locker.html', tab: { id: 3, url: 'https://evil.example/' } },
  noTabNoExtensionUrl: { id: 'dunwatchid', url: 'https://evil.example/' },
  pageUrlWithOurOrigin: { id: 'dunwatchid', url: 'https://evil.example/', origin: 'chrome-extension://dunwatchid', tab: { id: 3 } },
};

/** type → who may send it ('page' = extension pages, 'tab' = content scripts, 'own' = pages, or a tab for itself). */
const EXPECTED: Record<string, 'all' | 'page' | 'tab' | 'own'> = {
  'dunwatch:analyze': 'all',
  'dunwatch:analyze-batch': 'all',
  'dunwatch:analyze-thread': 'all',
  'dunwatch:page-context': 'all',
  'dunwatch:stats': 'tab',
  'dunwatch:tab-status': 'own',
  'dunwatch:report-contribution': 'all',
  'dunwatch:evidence-capture': 'tab',
  'dunwatch:evidence-save-pasted': 'page',
  'dunwatch:evidence-list': 'page',
  'dunwatch:evidence-screenshot': 'page',
  'dunwatch:evidence-annotate': 'page',
  'dunwatch:evidence-delete': 'page',
  'dunwatch:evidence-verify': 'page',
  'dunwatch:evidence-retry': 'page',
  'dunwatch:evidence-confirm-pending': 'page',
  'dunwatch:evidence-pin-key': 'page',
  'dunwatch:evidence-unpin-key': 'page',
  'dunwatch:evidence-export-port': 'page',
  'dunwatch:evidence-import-port': 'page',
};

describe('callerOf', () => {
  it('names content scripts by their tab and extension pages by their URL; refuses the rest', () => {
    expect(callerOf(senders.gmailTab3, self)).toEqual({ kind: 'content-script', tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox', frameId: 0 });
    expect(callerOf(senders.genericScanTab3, self)).toEqual({ kind: 'content-script', tabId: 3, url: 'https://forum.example/t/1', tabUrl: 'https://forum.example/t/1', frameId: 0 });
    expect(callerOf({ ...senders.gmailTab3, tab: { id: 3, windowId: 7 } }, self)).toMatchObject({ tabId: 3, windowId: 7 });
    // the frame that sent it, for sites that read mail in frames (one report per frame)
    expect(callerOf({ ...senders.gmailTab3, frameId: 4 }, self)).toMatchObject({ kind: 'content-script', tabId: 3, frameId: 4 });
    expect(callerOf({ ...senders.gmailTab3, frameId: -1 }, self)).not.toHaveProperty('frameId');
    expect(callerOf(senders.sidePanel, self)).toEqual({ kind: 'extension-page', url: 'chrome-extension://dunwatchid/sidepanel.html' });
    expect(callerOf(senders.lockerTab, self)).toMatchObject({ kind: 'extension-page' });
    expect(callerOf(senders.otherExtension, self)).toBe('sent by another extension');
    expect(callerOf(senders.otherExtensionClaimingOurUrl, self)).toBe('sent by another extension');
    expect(callerOf(undefined, self)).toBe('no sender');
    expect(callerOf(senders.framedInSite, self)).toBe('an extension page inside a web page');
    expect(callerOf(senders.noTabNoExtensionUrl, self)).toBe('neither an extension page nor a tab');
    expect(callerOf(senders.pageUrlWithOurOrigin, self)).toBe('the sender\'s URL is not on its origin');
    expect(callerOf({ id: 'dunwatchid', tab: { id: 3 } }, self)).toBe('the sender has no URL');
    // a look-alike origin is not ours
    expect(callerOf({ id: 'dunwatchid', url: 'chrome-extension://dunwatchid.evil/x', tab: { id: 3 } }, self)).toMatchObject({ kind: 'content-script' });
  });
});

describe('authorize, every message type', () => {
  it('the test table covers exactly the policy', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const [type, who] of Object.entries(EXPECTED)) {
    it(`${type}: ${who}`, () => {
      const ok = (s: keyof typeof senders, message: object = { type, tabId: 3 }) => authorize(type, message, senders[s], self).ok;
      const fromPage = who !== 'tab';
      const fromTab = who !== 'page';
      expect(ok('gmailTab3'), 'content script of tab 3').toBe(fromTab);
      expect(ok('genericScanTab3'), 'generic on-demand scan').toBe(fromTab);
      expect(ok('sidePanel'), 'side panel').toBe(fromPage);
      expect(ok('lockerTab'), 'locker in a tab').toBe(fromPage);
      expect(ok('firefoxPopup'), 'popup').toBe(fromPage);
      // tab 3's script asking about tab 4: only where the type does not name a tab at all
      expect(ok('gmailTab3', { type, tabId: 4 }), 'content script of tab 3 asking for tab 4').toBe(who === 'all' || who === 'tab');
      expect(ok('sidePanel', { type, tabId: 4 }), 'a page asking about any tab').toBe(fromPage);
      for (const bad of ['otherExtension', 'otherExtensionClaimingOurUrl', 'missing', 'framedInSite', 'noTabNoExtensionUrl', 'pageUrlWithOurOrigin'] as const) {
        expect(ok(bad), bad).toBe(false);
      }
    });
  }

  it('the locker and pasted evidence are refused to content scripts with a reason', () => {
    const v = authorize('dunwatch:evidence-delete', { type: 'dunwatch:evidence-delete', recordId: 'a', reason: 'x' }, senders.genericScanTab3, self);
    expect(v).toEqual({ ok: false, known: true, error: 'refused: \'dunwatch:evidence-delete\' is for the extension\'s own pages' });
  });

  it('an unknown type is not ours (no answer), whoever sends it; inherited keys are not types', () => {
    expect(authorize('dunwatch:evidence-export', {}, senders.sidePanel, self)).toMatchObject({ ok: false, known: false });
    // a bundle is never one runtime message: its import and preview are calls on the import port
    expect(authorize('dunwatch:evidence-import', {}, senders.sidePanel, self)).toMatchObject({ ok: false, known: false });
    expect(authorize('dunwatch:evidence-import-preview', {}, senders.sidePanel, self)).toMatchObject({ ok: false, known: false });
    expect(authorize('constructor', {}, senders.sidePanel, self)).toMatchObject({ ok: false, known: false });
    expect(authorize('__proto__', {}, senders.sidePanel, self)).toMatchObject({ ok: false, known: false });
  });
});

describe('guarded listener', () => {
  const handled: unknown[] = [];
  const listener = guarded(() => self, (m, caller) => {
    handled.push([m.type, caller]);
    return Promise.resolve('done');
  });

  it('serves what is allowed, answers a refusal with its reason, ignores what is not ours', async () => {
    expect(await listener({ type: 'dunwatch:tab-status', tabId: 3 }, senders.gmailTab3!)).toBe('done');
    expect(await listener({ type: 'dunwatch:tab-status', tabId: 4 }, senders.gmailTab3!)).toEqual({ ok: false, error: 'refused: a content script may only ask about its own tab' });
    expect(await listener({ type: 'dunwatch:evidence-list' }, senders.gmailTab3!)).toMatchObject({ ok: false });
    expect(listener({ type: 'dunwatch:focus', messageId: 'x' }, senders.sidePanel!)).toBeUndefined();
    expect(listener({ type: 'other:thing' }, senders.sidePanel!)).toBeUndefined();
    expect(listener('dunwatch:evidence-list', senders.sidePanel!)).toBeUndefined();
    expect(handled).toEqual([['dunwatch:tab-status', { kind: 'content-script', tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox', frameId: 0 }]]);
  });
});
