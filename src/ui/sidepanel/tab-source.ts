/**
 * Which tab the side panel shows and that tab's latest report, as Solid signals.
 *
 * - With a fixed tab (`sidepanel.html?tab=<id>`: the browser tests, or a panel opened for one
 *   tab) it shows that tab only.
 * - Otherwise it follows the active tab of the panel's own window (`tabs.onActivated`), and
 *   re-reads when that tab navigates (`tabs.onUpdated`).
 * The report is the background's `session:tab-<id>` item, watched with `storage.watch`, so the
 * panel updates whenever the content script reports again.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { storage } from 'wxt/utils/storage';
import type { FocusCommand, TabStatus } from '../../extension/messages';
import { isStale } from './model';

export interface TabReport {
  tabId: Accessor<number | undefined>;
  /** undefined until the first read, and when the tab has no report */
  report: Accessor<TabStatus | undefined>;
  /** true once the first read finished (so the panel does not flash an empty state) */
  loaded: Accessor<boolean>;
}

export const tabReportKey = (tabId: number) => `session:tab-${tabId}` as const;

/** `?tab=<id>` → that id; anything else → undefined (follow the active tab). */
export function fixedTabFrom(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** Must be called inside a Solid owner (a component or createRoot): listeners end with it. */
export function createTabReport(fixedTabId?: number): TabReport {
  const [tabId, setTabId] = createSignal<number | undefined>(fixedTabId);
  const [report, setReport] = createSignal<TabStatus | undefined>();
  const [loaded, setLoaded] = createSignal(false);
  let tabUrl: string | undefined;
  let unwatch: (() => void) | undefined;
  let generation = 0;
  let disposed = false;

  const accept = (value: TabStatus | null | undefined) => {
    setReport(value && !isStale(value, tabUrl) ? value : undefined);
  };

  async function show(id: number | undefined, url?: string) {
    const mine = ++generation;
    unwatch?.();
    unwatch = undefined;
    tabUrl = url;
    setTabId(id);
    if (id === undefined) {
      setReport(undefined);
      setLoaded(true);
      return;
    }
    unwatch = storage.watch<TabStatus>(tabReportKey(id), (value) => {
      if (mine === generation) accept(value);
    });
    const value = await storage.getItem<TabStatus>(tabReportKey(id));
    if (mine !== generation || disposed) return;
    accept(value);
    setLoaded(true);
  }

  if (fixedTabId !== undefined) {
    void browser.tabs
      .get(fixedTabId)
      .then((tab) => tab.url)
      .catch(() => undefined)
      .then((url) => show(fixedTabId, url));
  } else {
    let windowId: number | undefined;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId !== undefined && info.windowId !== windowId) return;
      void browser.tabs
        .get(info.tabId)
        .then((tab) => show(tab.id, tab.url))
        .catch(() => show(info.tabId));
    };
    const onUpdated = (id: number, change: { url?: string; status?: string }, tab: { url?: string }) => {
      if (id !== tabId() || (change.url === undefined && change.status !== 'complete')) return;
      void show(id, tab.url ?? change.url);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    onCleanup(() => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    });
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        windowId = tab?.windowId;
        return show(tab?.id, tab?.url);
      })
      .catch(() => show(undefined));
  }
  onCleanup(() => {
    disposed = true;
    generation++;
    unwatch?.();
  });
  return { tabId, report, loaded };
}

/** Ask the tab's content script to scroll to a message and open its card; rejects when it cannot. */
export async function focusInTab(tabId: number, command: FocusCommand): Promise<void> {
  // the content script answers false when the message is no longer on the page
  const shown: unknown = await browser.tabs.sendMessage(tabId, command);
  if (shown === false) throw new Error(`message ${command.messageId} is not on the page`);
}
