/**
 * The background's answers that need more than `engine.analyze`: thread analysis (conduct over
 * time) and what a content script needs to draw its cards (jurisdiction, language, rights links).
 */
import { analyzeThread } from '../engine/thread/analyze-thread';
import type { UiLang } from '../engine/types';
import { uiLangFor } from '../page/strings';
import { backgroundEngine } from './engine-host';
import type { AnalyzeThreadRequest, AnalyzeThreadResponse, PageContext } from './messages';
import { effectiveJurisdiction, uiLangSetting, workAddressesSetting } from './settings';

export async function pageContext(locale: string): Promise<PageContext> {
  const [engine, jurisdiction, uiPref] = await Promise.all([backgroundEngine(), effectiveJurisdiction(locale), uiLangSetting.getValue()]);
  const uiLang: UiLang = uiPref || uiLangFor(locale);
  const rights = (engine.bundle.jurisdictions[jurisdiction]?.rights ?? []).map((r) => ({ title: r.title[uiLang], url: r.url, ...(r.phone ? { phone: r.phone } : {}) }));
  return { jurisdiction, uiLang, rights, rulesHash: engine.bundle.hash };
}

export async function analyzeThreadRequest(request: AnalyzeThreadRequest): Promise<AnalyzeThreadResponse> {
  try {
    const engine = await backgroundEngine();
    const timeZone = request.options.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
    const workAddresses = request.options.workAddresses ?? (await workAddressesSetting.getValue());
    const result = analyzeThread(request.messages, { ...request.options, timeZone, workAddresses }, { analyze: (text, o) => engine.analyze(text, o), bundle: engine.bundle });
    return { findings: result.findings, warnings: result.warnings };
  } catch (e) {
    // a bad time zone or message is the caller's to show, not a crash of the background
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
