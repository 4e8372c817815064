/**
 * Side panel (Chrome `side_panel`, Firefox `sidebar_action`): the findings of the active tab of
 * this window, or of the tab named by `?tab=<id>` (browser tests; a panel opened for one tab).
 * Opened from the context menu "Open Dunwatch side panel" (page and toolbar button), or with
 * `openSidePanel()` from a click in the popup; the toolbar click itself keeps opening the popup.
 */
import '@/src/ui/style.css';
import '@/src/ui/sidepanel/sidepanel.css';
import { render } from 'solid-js/web';
import { initI18n, t } from '@/src/ui/i18n';
import { SidePanel } from '@/src/ui/sidepanel/SidePanel';
import '@/src/ui/locker/locker.css';
import { LockerPanel } from '@/src/ui/locker/LockerPanel';
import type { EvidenceSaveAnswer, EvidenceSaveMessageCommand } from '@/src/extension/evidence-messages';

/** The tab's content script saves the message as its card would (it has the text, sender and rect). */
async function saveInTab(tabId: number, messageId: string): Promise<EvidenceSaveAnswer> {
  const command: EvidenceSaveMessageCommand = { type: 'dunwatch:evidence-save-message', messageId, scope: 'message' };
  return ((await browser.tabs.sendMessage(tabId, command)) as EvidenceSaveAnswer | undefined) ?? { error: 'the page did not answer' };
}
import { createTabReport, fixedTabFrom, focusInTab } from '@/src/ui/sidepanel/tab-source';

async function main() {
  await initI18n();
  document.title = t('spTitle');
  const root = document.getElementById('app') as HTMLElement;
  render(() => {
    const source = createTabReport(fixedTabFrom(location.search));
    return <SidePanel tabId={source.tabId} report={source.report} loaded={source.loaded} focus={focusInTab} locker={() => <LockerPanel variant="panel" />} save={saveInTab} />;
  }, root);
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
