/**
 * Background: the engine (content scripts and pages ask it; the page never loads it), the
 * toolbar badge (flagged messages in the tab), each tab's latest report for the popup and
 * side panel, and the context-menu scans (any page, or the selected text) under activeTab.
 * Every message is checked against its sender first (src/extension/sender-policy.ts): a content
 * script only analyses, reads the page context and its own tab's report, and captures from
 * its own tab. Nothing leaves the device.
 */
import { analyzeThreadRequest, pageContext } from '@/src/extension/analysis-service';
import { backgroundEngine } from '@/src/extension/engine-host';
import { isReportContributionRequest, queueContribution } from '@/src/ui/research/queue';
import { isAnalyzeBatchRequest, isAnalyzeRequest, isAnalyzeThreadRequest, isPageContextRequest, isStatsMessage, isTabStatusRequest, type TabStatus } from '@/src/extension/messages';
import { storage } from 'wxt/utils/storage';
import { MENU_OPEN_SIDE_PANEL, openSidePanel, sidePanelMenuItem } from '@/src/ui/sidepanel/open';
import { registerEvidence } from '@/src/extension/evidence-background';
import { guarded, selfFrom } from '@/src/extension/sender-policy';
import { markReady, timeAnalysis } from '@/src/extension/wake-stats';
import { afterInstall, browserInstallDeps } from '@/src/extension/install';
import { mergeFrameReports } from '@/src/extension/frame-reports';

const MENU_SCAN_PAGE = 'dunwatch-scan-page';
const MENU_CHECK_SELECTION = 'dunwatch-check-selection';

const statusItem = (tabId: number) => storage.defineItem<TabStatus>(`session:tab-${tabId}`, { fallback: {} });
/** the latest report of each frame of a tab, by frame id (merged into `tab-<id>`) */
const framesItem = (tabId: number) => storage.defineItem<Record<number, TabStatus>>(`session:frames-${tabId}`, { fallback: {} });

function action() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** the pending report update of each tab */
const reporting = new Map<number, Promise<void>>();

export default defineBackground(() => {
  registerEvidence(); // the evidence locker: its messages, ports, context-menu item and screenshots
  const self = () => selfFrom(browser.runtime as never);
  browser.runtime.onMessage.addListener(guarded(self, (message, caller) => {
    if (isAnalyzeRequest(message)) return timeAnalysis(() => backgroundEngine().then((e) => e.analyze(message.text, message.options)));
    if (isAnalyzeBatchRequest(message)) return timeAnalysis(() => backgroundEngine().then((e) => message.items.map((i) => e.analyze(i.text, i.options))));
    if (isAnalyzeThreadRequest(message)) return analyzeThreadRequest(message);
    if (isPageContextRequest(message)) return pageContext(message.locale);
    // research reports wait, unredacted and in memory only, for the research page to redact them
    if (isReportContributionRequest(message)) return queueContribution(message.record);
    // (a content script only gets here for its own tab: sender-policy 'own-tab')
    if (isTabStatusRequest(message)) return statusItem(message.tabId).getValue();
    if (isStatsMessage(message) && caller.kind === 'content-script') {
      const tabId = caller.tabId;
      const { site, status, stats, url, messages, threads, reader } = message;
      const report: TabStatus = { site, status, stats, ...(url ? { url } : {}), ...(messages ? { messages } : {}), ...(threads ? { threads } : {}), ...(reader ? { reader } : {}) };
      // a script per frame where the site reads mail in frames: one report per tab, from all of them
      // (one update at a time per tab: two frames reporting together must not overwrite each other)
      const previous = reporting.get(tabId) ?? Promise.resolve();
      const next = previous
        .then(() => framesItem(tabId).getValue())
        .then(async (frames) => {
          const all = { ...frames, [caller.frameId ?? 0]: report };
          const merged = mergeFrameReports(all);
          await Promise.all([framesItem(tabId).setValue(all), statusItem(tabId).setValue(merged)]);
          const flagged = merged.stats?.flagged ?? 0;
          await action().setBadgeText({ tabId, text: flagged ? String(flagged) : '' });
          await action().setBadgeBackgroundColor({ tabId, color: '#b91c1c' });
        })
        .catch(() => undefined);
      reporting.set(tabId, next);
      void next.then(() => {
        if (reporting.get(tabId) === next) reporting.delete(tabId);
      });
    }
    return undefined;
  }));

  browser.tabs.onRemoved.addListener((tabId) => {
    void statusItem(tabId).removeValue();
    void framesItem(tabId).removeValue();
  });
  // a new page loading in the tab: the old page's frames report no more (needs no "tabs" permission)
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void framesItem(tabId).removeValue();
  });

  browser.runtime.onInstalled.addListener((details) => {
    // first install: the welcome page; update: one "what's new" line in the popup
    void afterInstall(details, browserInstallDeps()).catch((e: unknown) => console.warn('dunwatch: after install:', e));
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: MENU_SCAN_PAGE, title: browser.i18n.getMessage('menuScanPage'), contexts: ['page'] });
      browser.contextMenus.create({ id: MENU_CHECK_SELECTION, title: browser.i18n.getMessage('menuCheckSelection'), contexts: ['selection'] });
      browser.contextMenus.create(sidePanelMenuItem(browser.runtime.getManifest().manifest_version));
    });
  });

  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    // the side panel opens only inside the click's handler, before anything is awaited
    if (info.menuItemId === MENU_OPEN_SIDE_PANEL) return void openSidePanel({ windowId: tab?.windowId, tabId: tab?.id }).catch(() => undefined);
    // other items (the evidence locker's) have their own listeners
    if (tab?.id === undefined || (info.menuItemId !== MENU_SCAN_PAGE && info.menuItemId !== MENU_CHECK_SELECTION)) return;
    const mode = info.menuItemId === MENU_CHECK_SELECTION ? 'selection' : 'page';
    // activeTab grants this one tab for this one click: no standing host permission needed
    await browser.scripting.executeScript({ target: { tabId: tab.id }, func: (m: string) => ((globalThis as { __dunwatchMode?: string }).__dunwatchMode = m), args: [mode] });
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/generic.js'] });
  });
  markReady(); // bench:wake: the script and its imports were evaluated, the listeners registered
});
