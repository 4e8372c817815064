/**
 * What every content script does: read the settings, start the page loop on a MessageSource,
 * keep the background informed (badge, popup status), follow SPA navigation and stop when
 * the extension is updated or unloaded.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { AnalyzeResult } from '../engine/types';
import type { SiteAdapter } from '../sites/types';
import { adapterSource } from './adapter-source';
import { tabMessage } from './tab-message';
import { startPageLoop, type BatchAnalyze, type MessageSource, type PageLoop, type PageStats, type ScannedMessage, type ThreadState } from '../page/loop';
import { fallbackReader } from '../page/fallback-reader';
import { startReaderLoop, type ReaderLoop } from '../page/reader-switch';
import {
  isFocusCommand,
  type AnalyzeBatchRequest,
  type AnalyzeThreadRequest,
  type AnalyzeThreadResponse,
  type PageContext,
  type PageContextRequest,
  type PageReader,
  type PageStatus,
  type StatsMessage,
} from './messages';
import { disabledCategoriesSetting, disabledRulesSetting, ignoresSetting, researchOptInSetting, sitesSetting, timeZoneSetting } from './settings';
import type { ReportContributionRequest } from '../ui/research/queue';
import { evidenceSaver, watchEvidenceContextMenu } from './evidence-content';
import { isDiagnosticsRequest, pageDiagnostics } from './diagnostics';
import type { ThreadMessage } from '../engine/thread/analyze-thread';

/** How long a claimed page may show no messages before the popup says the layout may have changed. */
export const NO_MESSAGES_AFTER_MS = 8000;

export interface RunOptions {
  site: string;
  source: MessageSource;
  /** how the site's messages reach the reader, for thread rules */
  channel?: ThreadMessage['channel'];
  /** one-off scans (generic, selection) do not report "no messages" */
  oneOff?: boolean;
  /** a site adapter's page: fall back to the generic reader when the adapter cannot read it */
  fallback?: boolean;
  /** the script runs in every frame of the page: only the frame holding a message answers commands about it */
  allFrames?: boolean;
  /** the site adapter behind `source`, for "Copy diagnostics" (selector counts) */
  adapter?: SiteAdapter;
}

/** The background can be starting up (MV3 worker): ask again a few times before giving up. */
async function askWithRetry<T>(message: unknown, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      const answer = (await browser.runtime.sendMessage(message)) as T | undefined;
      if (answer !== undefined) return answer;
      if (i >= attempts) throw new Error('the background did not answer');
    } catch (e) {
      if (i >= attempts) throw e;
    }
    await new Promise((r) => setTimeout(r, 300 * i));
  }
}

export async function runContentScript(ctx: ContentScriptContext, options: RunOptions): Promise<PageLoop | undefined> {
  const startedAt = performance.now();
  let lastReport: Omit<StatsMessage, 'type' | 'site' | 'status'> = { stats: { messages: 0, flagged: 0, findings: 0, byCategory: {} } };
  let reader: PageReader | undefined;
  const send = (status: PageStatus) => {
    const message: StatsMessage = { type: 'dunwatch:stats', site: options.site, status, url: location.href, ...lastReport, ...(reader ? { reader } : {}) };
    browser.runtime.sendMessage(message).catch(() => {
      // the background may be restarting; the next update will get through
    });
  };
  const sites = await sitesSetting.getValue();
  if (sites[options.site] === false) {
    send('disabled');
    return undefined;
  }
  const contextRequest: PageContextRequest = { type: 'dunwatch:page-context', locale: navigator.language };
  const [page, ignores, disabledRules, disabledCategories, timeZone, researchOn] = await Promise.all([
    askWithRetry<PageContext>(contextRequest),
    ignoresSetting.getValue(),
    disabledRulesSetting.getValue(),
    disabledCategoriesSetting.getValue(),
    timeZoneSetting.getValue(),
    researchOptInSetting.getValue(),
  ]);
  if (ctx.isInvalid) return undefined;
  const categories = disabledCategories.length ? (['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'] as const).filter((c) => !disabledCategories.includes(c)) : undefined;

  // the engine is in the background: one request per frame of new messages
  const analyze: BatchAnalyze = async (items) => {
    const request: AnalyzeBatchRequest = { type: 'dunwatch:analyze-batch', items: items.map((i) => ({ text: i.text, options: { ...i.options, disabledRules, ...(categories ? { categories } : {}) } })) };
    const results = (await browser.runtime.sendMessage(request)) as AnalyzeResult[] | undefined;
    if (!Array.isArray(results) || results.length !== items.length) throw new Error('the background did not answer the analysis request');
    return results;
  };
  const analyzeThread = async (messages: ThreadMessage[]) => {
    const request: AnalyzeThreadRequest = { type: 'dunwatch:analyze-thread', messages, options: { jurisdiction: page.jurisdiction, uiLang: page.uiLang, ...(timeZone ? { timeZone } : {}) } };
    const answer = (await browser.runtime.sendMessage(request)) as AnalyzeThreadResponse | undefined;
    if (!answer || 'error' in answer) throw new Error(answer?.error ?? 'no answer from the background');
    return answer.findings;
  };

  let status: PageStatus = 'scanning';
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  const report = (stats: PageStats, records: ScannedMessage[], threads: ThreadState[]) => {
    const flaggedThreadMessages = new Set(threads.filter((t) => t.findings.length).flatMap((t) => t.messageIds));
    lastReport = {
      stats,
      // only what the side panel lists: a 500-message inbox must not be cloned into every report
      messages: records.filter((r) => r.findings.length || flaggedThreadMessages.has(r.id)).map((r) => tabMessage(r)),
      threads: threads.filter((t) => t.findings.length).map((t) => ({ threadId: t.threadId, messageIds: t.messageIds, findings: t.findings })),
    };
    if (stats.messages) status = 'ok';
    clearTimeout(sendTimer);
    sendTimer = setTimeout(() => send(status), 300);
  };
  // ids are unique in the tab: a page whose frames each run a loop (classic QQ Mail) must not repeat them
  const idPrefix = window === window.top ? 'm' : `f${Math.random().toString(36).slice(2, 7)}-m`;
  /** with a script in every frame, the first answer wins: a frame without the message keeps quiet */
  const answerMisses = !options.allFrames;
  const loopOptions = {
    site: options.site,
    idPrefix,
    analyze,
    analyzeThread,
    ...(options.channel ? { channel: options.channel } : {}),
    jurisdiction: page.jurisdiction,
    uiLang: page.uiLang,
    rights: page.rights,
    ignores,
    onIgnoresChange: (v) => void ignoresSetting.setValue(v),
    ...(researchOn
      ? {
          onReport: (finding, record) => {
            const request: ReportContributionRequest = {
              type: 'dunwatch:report-contribution',
              record: { text: record.text, findings: [finding], site: options.site, label: 'false-alarm', rulesHash: page.rulesHash, ...(options.channel ? { channel: options.channel } : {}) },
            };
            browser.runtime.sendMessage(request).catch(() => undefined);
          },
        }
      : {}),
    onSaveEvidence: options.oneOff ? undefined : evidenceSaver(options.site),
    onStats: report,
  } satisfies Omit<Parameters<typeof startPageLoop>[1], 'source'>;
  const loop: PageLoop | ReaderLoop = options.fallback
    ? startReaderLoop(document, {
        ...loopOptions,
        primary: options.source,
        fallback: () => fallbackReader(document),
        onReader: (r) => {
          reader = r;
          if (r === 'none') status = 'no-messages';
          send(status);
        },
      })
    : startPageLoop(document, { ...loopOptions, source: options.source });
  const noMessages = options.oneOff
    ? undefined
    : setTimeout(() => {
        if (!lastReport.stats.messages) {
          status = 'no-messages';
          send(status);
        }
      }, NO_MESSAGES_AFTER_MS);
  const onCommand = (message: unknown) => {
    // diagnostics: counts and versions, never text (the top frame answers; the popup asks it only)
    if (isDiagnosticsRequest(message))
      return window === window.top
        ? Promise.resolve(pageDiagnostics({ doc: document, site: options.site, ...(options.adapter ? { adapter: options.adapter } : {}), loop, extensionVersion: browser.runtime.getManifest().version, browser: import.meta.env.BROWSER ?? 'unknown', startedAt }))
        : undefined;
    if (isFocusCommand(message)) {
      const shown = loop.focus(message.messageId, message.finding);
      return shown || answerMisses ? Promise.resolve(shown) : undefined;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => {
    clearTimeout(noMessages);
    clearTimeout(sendTimer);
    browser.runtime.onMessage.removeListener(onCommand);
    loop.stop();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => loop.rescanAll());
  if (!options.oneOff) watchEvidenceContextMenu(ctx, loop, answerMisses);
  return loop;
}

/** The whole content script of a site: its adapter's pages, wired to the page loop. */
export function siteContentScript(adapter: SiteAdapter) {
  return defineContentScript({
    matches: [...adapter.matches],
    runAt: 'document_idle',
    ...(adapter.allFrames ? { allFrames: true } : {}),
    main(ctx) {
      runContentScript(ctx, { site: adapter.id, adapter, source: adapterSource(adapter), channel: channelOf(adapter), fallback: true, allFrames: Boolean(adapter.allFrames) }).catch((e) => console.warn('[dunwatch] could not start on this page:', e));
    },
  });
}

/** Google Messages carries SMS; the other messaging sites are chat; webmail is e-mail. */
function channelOf(adapter: SiteAdapter): ThreadMessage['channel'] {
  if (adapter.id === 'google-messages') return 'sms';
  return adapter.kind === 'webmail' ? 'email' : 'chat';
}
