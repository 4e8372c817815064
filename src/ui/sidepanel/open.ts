/**
 * Opening the side panel. Both browsers only open it in response to a user action, and the
 * call must happen in that action's handler before anything is awaited:
 * - Chrome: `chrome.sidePanel.open({ windowId })` (from a context-menu click in the background,
 *   or from a click in the popup);
 * - Firefox: `browser.sidebarAction.open()` (same handlers).
 * The toolbar click keeps opening the popup (Chrome's `openPanelOnActionClick` stays false).
 */

export const MENU_OPEN_SIDE_PANEL = 'dunwatch-open-side-panel';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}

function chromeSidePanel(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
}

/** Open the panel in this window. Call it synchronously from a click / menu handler. */
export function openSidePanel(target: { windowId?: number; tabId?: number }): Promise<void> {
  const chrome = chromeSidePanel();
  if (chrome) {
    return target.windowId !== undefined ? chrome.open({ windowId: target.windowId }) : chrome.open({ tabId: target.tabId });
  }
  const firefox = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (firefox) return firefox.open();
  return Promise.reject(new Error('no side panel in this browser'));
}

/** The context-menu item: on the page and on the toolbar button (MV3 `action`, MV2 `browser_action`). */
export function sidePanelMenuItem(manifestVersion: number): { id: string; title: string; contexts: ['page', 'action' | 'browser_action'] } {
  return {
    id: MENU_OPEN_SIDE_PANEL,
    title: browser.i18n.getMessage('menuOpenSidePanel'),
    contexts: ['page', manifestVersion >= 3 ? 'action' : 'browser_action'],
  };
}
