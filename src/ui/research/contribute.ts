/**
 * "Report a false alarm / missed message": a redacted research sample kept on this device
 * (`local:researchReports`) for the research page to list and export. Nothing is stored unless
 * the user turned research on (`local:researchOptIn`), and nothing is ever sent anywhere.
 *
 * Redaction runs here, before anything is stored; it loads compromise's full tagger (English
 * names, ~280 kB), so call this from an extension page, not from a content script. A content
 * script sends `{ type: 'dunwatch:report-contribution', record }` to the background, which
 * either answers with `reportContribution(record)` (redacts at once; background.js grows) or
 * with `queueContribution(record)` from queue.ts (no redaction code in the background; the
 * research page redacts the queue when it opens: `drainPendingContributions`).
 */
import { researchOptInSetting, researchReportsSetting } from '../../extension/settings';
import { pendingContributions } from './queue';
import { makeSample, USER_LABELS, type FindingLike, type ResearchSample, type UserLabel } from '../../research/sample';

export interface ContributionRecord {
  /** the message text as the page showed it (redacted before it is stored) */
  text: string;
  /** the engine's findings on that text (any object with rule, ruleVersion, category, severity, start, end) */
  findings: readonly FindingLike[];
  /** site id ("gmail" …) or "pasted" */
  site: string;
  label: UserLabel;
  /** for "missed": the category the user thinks was missed */
  missedCategory?: string | null;
  /** "was this from a debt collector or creditor?"; null / absent = not sure */
  isCollection?: boolean | null;
  /** the rules bundle hash (`bundle.hash`, PageContext.rulesHash) */
  rulesHash: string;
  /** default: the extension's version */
  engineVersion?: string;
  /** one of the corpus CHANNELS; default from the site */
  channel?: string;
}

/** At most this many reports are kept (the oldest go first). */
export const MAX_REPORTS = 500;

/** Store a redacted report for research; null (and nothing stored) when research is off. */
export async function reportContribution(record: ContributionRecord): Promise<ResearchSample | null> {
  if (!(await researchOptInSetting.getValue())) return null;
  const sample = makeSample({
    text: record.text,
    findings: record.findings,
    site: record.site,
    channel: record.channel,
    userLabel: record.label,
    missedCategory: record.missedCategory,
    isCollection: record.isCollection,
    rulesHash: record.rulesHash,
    engineVersion: record.engineVersion ?? browser.runtime.getManifest().version,
  });
  const kept = (await researchReportsSetting.getValue()).filter((s) => s.id !== sample.id);
  await researchReportsSetting.setValue([...kept, sample].slice(-MAX_REPORTS));
  return sample;
}

export async function removeContribution(id: string): Promise<void> {
  await researchReportsSetting.setValue((await researchReportsSetting.getValue()).filter((s) => s.id !== id));
}

/** Turn research on or off; off also deletes every stored and queued report. */
export async function setResearchOptIn(on: boolean): Promise<void> {
  await researchOptInSetting.setValue(on);
  if (!on) await Promise.all([researchReportsSetting.removeValue(), pendingContributions.removeValue()]);
}

/** Redact and store the reports the background queued (queue.ts); returns how many were stored. */
export async function drainPendingContributions(): Promise<number> {
  const queued = await pendingContributions.getValue();
  if (!queued.length) return 0;
  await pendingContributions.removeValue();
  let stored = 0;
  for (const record of queued) if (await reportContribution(record)) stored++;
  return stored;
}

/** Content script → background: store a report (the background answers with reportContribution). */
export interface ReportContributionRequest {
  type: 'dunwatch:report-contribution';
  record: ContributionRecord;
}

export function isReportContributionRequest(m: unknown): m is ReportContributionRequest {
  if (typeof m !== 'object' || m === null || (m as { type?: unknown }).type !== 'dunwatch:report-contribution') return false;
  const r = (m as { record?: Partial<ContributionRecord> }).record;
  return !!r && typeof r.text === 'string' && Array.isArray(r.findings) && typeof r.site === 'string' && typeof r.rulesHash === 'string' && (USER_LABELS as readonly unknown[]).includes(r.label);
}
