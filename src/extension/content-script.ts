/**
 * What every content script does: read the settings, start the page loop on a MessageSource,
 * keep the background informed (badge, popup status), follow SPA navigation and stop when
 * the extension is updated or unloaded.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteAdapter } from '../sites/types';
import { adapterSource } from './adapter-source';
import { getEngine } from '../engine/bundled';
import type { UiLang } from '../engine/types';
import { startPageLoop, type MessageSource, type PageLoop, type PageStats } from '../page/loop';
import { uiLangFor } from '../page/strings';
import type { PageStatus, StatsMessage } from './messages';
import { evidenceSaver, watchEvidenceContextMenu } from './evidence-content';
import { disabledCategoriesSetting, disabledRulesSetting, effectiveJurisdiction, ignoresSetting, sitesSetting, uiLangSetting } from './settings';

/** How long a claimed page may show no messages before the popup says the layout may have changed. */
export const NO_MESSAGES_AFTER_MS = 8000;

export interface RunOptions {
  site: string;
  source: MessageSource;
  /** one-off scans (generic, selection) do not report "no messages" */
  oneOff?: boolean;
}

export async function runContentScript(ctx: ContentScriptContext, options: RunOptions): Promise<PageLoop | undefined> {
  const send = (status: PageStatus, stats: PageStats) => {
    const message: StatsMessage = { type: 'dunwatch:stats', site: options.site, status, stats };
    browser.runtime.sendMessage(message).catch(() => {
      // the background may be restarting; the next update will get through
    });
  };
  const empty: PageStats = { messages: 0, flagged: 0, findings: 0, byCategory: {} };
  const sites = await sitesSetting.getValue();
  if (sites[options.site] === false) {
    send('disabled', empty);
    return undefined;
  }
  const [uiPref, jurisdiction, ignores, disabledRules, disabledCategories] = await Promise.all([
    uiLangSetting.getValue(),
    effectiveJurisdiction(navigator.language),
    ignoresSetting.getValue(),
    disabledRulesSetting.getValue(),
    disabledCategoriesSetting.getValue(),
  ]);
  if (ctx.isInvalid) return undefined;
  const uiLang: UiLang = uiPref || uiLangFor(navigator.language);
  const engine = getEngine();
  const j = engine.bundle.jurisdictions[jurisdiction];
  const rights = (j?.rights ?? []).map((r) => ({ title: r.title[uiLang], url: r.url, ...(r.phone ? { phone: r.phone } : {}) }));
  const categories = disabledCategories.length ? (['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'] as const).filter((c) => !disabledCategories.includes(c)) : undefined;

  let last: PageStats = empty;
  let status: PageStatus = 'scanning';
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    clearTimeout(sendTimer);
    sendTimer = setTimeout(() => send(status, last), 200);
  };
  const loop = startPageLoop(document, {
    site: options.site,
    source: options.source,
    analyze: (text, o) => engine.analyze(text, { ...o, disabledRules, categories }),
    jurisdiction,
    uiLang,
    rights,
    ignores,
    onIgnoresChange: (v) => void ignoresSetting.setValue(v),
    onSaveEvidence: options.oneOff ? undefined : evidenceSaver(options.site),
    onStats: (stats) => {
      last = stats;
      if (stats.messages) status = 'ok';
      report();
    },
  });
  const noMessages = options.oneOff
    ? undefined
    : setTimeout(() => {
        if (!last.messages) {
          status = 'no-messages';
          report();
        }
      }, NO_MESSAGES_AFTER_MS);
  ctx.onInvalidated(() => {
    clearTimeout(noMessages);
    clearTimeout(sendTimer);
    loop.stop();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => loop.rescanAll());
  if (!options.oneOff) watchEvidenceContextMenu(ctx, loop);
  return loop;
}

/** The whole content script of a site: its adapter's pages, wired to the page loop. */
export function siteContentScript(adapter: SiteAdapter) {
  return defineContentScript({
    matches: [...adapter.matches],
    runAt: 'document_idle',
    main(ctx) {
      void runContentScript(ctx, { site: adapter.id, source: adapterSource(adapter) });
    },
  });
}
