/**
 * Popup: the current tab's status from the background, and "check a message": the engine runs
 * here directly, the text is shown with text nodes and <mark>s only (never as HTML).
 *
 * Plain TypeScript DOM rather than a framework: the popup opens on every click, so the smallest
 * bundle (no framework runtime next to the engine) and no build plugin to keep in step with wxt.
 */
import '@/src/ui/style.css';
import { getEngine, bundle } from '@/src/engine/bundled';
import type { Category } from '@/src/engine/types';
import { disabledCategoriesSetting, disabledRulesSetting, jurisdictionSetting, suggestJurisdiction } from '@/src/extension/settings';
import type { TabStatus } from '@/src/extension/messages';
import { initI18n, localizeStatic, t } from '@/src/ui/i18n';
import { extLink, fillJurisdictionSelect, renderFinding, rightsPageUrl } from '@/src/ui/common';
import { renderStatus } from '@/src/ui/status';
import { h, renderMarked } from '@/src/ui/mark';

const DEBOUNCE_MS = 250;

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function main() {
  const lang = await initI18n();
  localizeStatic(document);
  document.title = t('extName');

  const statusBox = document.getElementById('tab-status') as HTMLElement;
  const input = document.getElementById('message') as HTMLTextAreaElement;
  const select = document.getElementById('jurisdiction') as HTMLSelectElement;
  const summary = document.getElementById('summary') as HTMLElement;
  const marked = document.getElementById('marked') as HTMLElement;
  const list = document.getElementById('findings') as HTMLOListElement;
  const rights = document.getElementById('rights') as HTMLElement;

  let jurisdiction = (await jurisdictionSetting.getValue()) || suggestJurisdiction(navigator.language);
  fillJurisdictionSelect(select, bundle, lang, jurisdiction);
  select.addEventListener('change', () => {
    jurisdiction = select.value;
    void jurisdictionSetting.setValue(jurisdiction);
    check();
  });

  (document.getElementById('open-options') as HTMLAnchorElement).addEventListener('click', (e) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  });
  const rightsLink = document.getElementById('open-rights') as HTMLAnchorElement;
  rightsLink.href = rightsPageUrl({ jurisdiction });
  rightsLink.target = '_blank';

  const tab = await activeTab().catch(() => undefined);
  let status: TabStatus = {};
  if (tab?.id !== undefined) {
    status = ((await browser.runtime.sendMessage({ type: 'dunwatch:tab-status', tabId: tab.id }).catch(() => undefined)) as TabStatus | undefined) ?? {};
  }
  const tabId = tab?.id;
  const refresh = async () => {
    if (tabId === undefined) return;
    const s = (await browser.runtime.sendMessage({ type: 'dunwatch:tab-status', tabId }).catch(() => undefined)) as TabStatus | undefined;
    if (s?.status) renderStatus(statusBox, s, tabId, scan);
  };
  async function scan() {
    if (tabId === undefined) return;
    // activeTab: opening the popup granted this tab for now; the same injection as the context menu
    await browser.scripting.executeScript({ target: { tabId }, func: (m: string) => ((globalThis as { __dunwatchMode?: string }).__dunwatchMode = m), args: ['page'] });
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/generic.js'] });
    setTimeout(() => void refresh(), 1_500);
  }
  renderStatus(statusBox, status, tabId, scan);

  const [disabledRules, disabledCats] = await Promise.all([disabledRulesSetting.getValue(), disabledCategoriesSetting.getValue()]);
  const engine = getEngine();

  function check() {
    const text = input.value;
    rightsLink.href = rightsPageUrl({ jurisdiction });
    list.replaceChildren();
    rights.replaceChildren();
    if (!text.trim()) {
      summary.textContent = '';
      marked.hidden = true;
      marked.replaceChildren();
      return;
    }
    const categories = (['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'] as Category[]).filter((c) => !disabledCats.includes(c));
    const t0 = performance.now();
    const result = engine.analyze(text, { jurisdiction, uiLang: lang, context: { collection: true }, categories, disabledRules });
    const findings = result.findings;
    summary.textContent = findings.length ? t('summaryFound', String(findings.length)) : t('summaryNone');
    marked.replaceChildren(renderMarked(document, text, findings.map((f, i) => ({ start: f.start, end: f.end, category: f.category, index: i }))));
    marked.hidden = false;
    list.append(...findings.map((f, i) => renderFinding(document, f, i, jurisdiction)));
    // time from "typing stopped" to findings on screen: the debounce plus analysis and rendering
    summary.dataset.ms = String(Math.round(DEBOUNCE_MS + performance.now() - t0));
    const j = bundle.jurisdictions[jurisdiction];
    if (findings.length && j) {
      rights.append(
        h(document, 'h3', {}, t('rightsHeading')),
        h(document, 'ul', {}, ...j.rights.map((r) => h(document, 'li', {}, extLink(document, r.url, r.title[lang]), r.phone ? ` ${r.phone}` : ''))),
      );
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  });
  input.focus();
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
