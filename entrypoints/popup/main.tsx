/** Popup entrypoint: read the settings and the tab's report, then mount src/ui/popup/Popup.tsx. */
import '@/src/ui/style.css';
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { openSidePanel } from '@/src/ui/sidepanel/open';
import { SavePastedEvidence } from '@/src/ui/locker/SavePastedEvidence';
import type { TabStatus } from '@/src/extension/messages';
import { disabledCategoriesSetting, disabledRulesSetting, jurisdictionSetting, suggestJurisdiction, timeZoneSetting, whatsNewSetting } from '@/src/extension/settings';
import { initI18n, t } from '@/src/ui/i18n';
import { Popup } from '@/src/ui/popup/Popup';
import { NO_SELECTION, type ScanMode } from '@/src/ui/popup/TabStatus';
import { DIAGNOSTICS_SCHEMA, diagnosticsText } from '@/src/extension/diagnostics';

async function main() {
  const lang = await initI18n();
  document.title = t('extName');
  // wake the background and let it build its engine while the reader pastes (the first check stays < 1 s)
  const t0 = performance.now();
  void browser.runtime
    .sendMessage({ type: 'dunwatch:analyze', text: '' })
    .then(() => (document.body.dataset.engineMs = String(Math.round(performance.now() - t0)))) // for the browser tests
    .catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  // ?tab=<id>: the popup of another tab (browser tests open the popup as a page, like the side panel's ?tab=)
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  const tabId = Number.isInteger(forced) && forced > 0 ? forced : tab?.id;
  const tabStatus = async () =>
    tabId === undefined ? {} : (((await browser.runtime.sendMessage({ type: 'dunwatch:tab-status', tabId }).catch(() => undefined)) as TabStatus | undefined) ?? {});
  const [jurisdiction, disabledRules, disabledCategories, zone, first, whatsNew] = await Promise.all([
    jurisdictionSetting.getValue(),
    disabledRulesSetting.getValue(),
    disabledCategoriesSetting.getValue(),
    timeZoneSetting.getValue(),
    tabStatus(),
    whatsNewSetting.getValue(),
  ]);
  const [status, setStatus] = createSignal<TabStatus>(first);
  async function scan(mode: ScanMode = 'page') {
    if (tabId === undefined) return;
    // activeTab: opening the popup granted this tab for now; the same injection as the context menu
    if (mode === 'selection') {
      const [picked] = await browser.scripting.executeScript({ target: { tabId }, func: () => (globalThis.getSelection?.()?.toString().trim().length ?? 0) > 0 });
      if (!picked?.result) throw new Error(NO_SELECTION);
    }
    await browser.scripting.executeScript({ target: { tabId }, func: (m: string) => ((globalThis as { __dunwatchMode?: string }).__dunwatchMode = m), args: [mode] });
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/generic.js'] });
    setTimeout(() => void tabStatus().then((s) => s.status && setStatus(s)), 1_500);
  }
  /** the tab's top frame answers with counts and versions; a tab without a content script gets the report's counts */
  async function copyDiagnostics() {
    let d: unknown;
    try {
      d = tabId === undefined ? undefined : await browser.tabs.sendMessage(tabId, { type: 'dunwatch:diagnostics' }, { frameId: 0 });
    } catch {
      d = undefined; // no content script on this page
    }
    const s = status();
    d ??= {
      schema: DIAGNOSTICS_SCHEMA,
      extensionVersion: browser.runtime.getManifest().version,
      browser: import.meta.env.BROWSER ?? 'unknown',
      site: s.site ?? null,
      status: s.status ?? null,
      reader: s.reader ?? null,
      scanned: { messages: s.stats?.messages ?? 0, flagged: s.stats?.flagged ?? 0, findings: s.stats?.findings ?? 0 },
      contentScript: false,
    };
    await navigator.clipboard.writeText(diagnosticsText(d));
  }
  const root = document.getElementById('root') as HTMLElement;
  render(
    () => (
      <Popup
        lang={lang}
        jurisdiction={jurisdiction || suggestJurisdiction(navigator.language)}
        disabledRules={disabledRules}
        disabledCategories={disabledCategories}
        timeZone={zone || Intl.DateTimeFormat().resolvedOptions().timeZone}
        locale={navigator.language}
        status={status()}
        tabId={tabId}
        send={(m) => browser.runtime.sendMessage(m)}
        scan={scan}
        copyDiagnostics={copyDiagnostics}
        openOptions={() => void browser.runtime.openOptionsPage()}
        // called straight from the click: both browsers open side panels only inside a user gesture
        actions={(r) => <SavePastedEvidence text={r.text} findings={r.findings} />}
        whatsNew={whatsNew}
        dismissWhatsNew={() => void whatsNewSetting.removeValue()}
        openSidePanel={() => void openSidePanel({ windowId: tab?.windowId, tabId }).then(() => window.close(), () => undefined)}
      />
    ),
    root,
  );
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
