/**
 * A light way for the background to take "report a false alarm / missed message" without
 * loading the redaction code (compromise's full tagger adds ~280 kB to background.js): the
 * report waits in session storage (memory only, like the tab reports that already hold the same
 * text, gone when the browser closes) and the research page redacts it into
 * `local:researchReports` when it opens (`drainPendingContributions` in contribute.ts).
 * Nothing is queued unless research is on.
 */
import { storage } from 'wxt/utils/storage';
import { researchOptInSetting } from '../../extension/settings';
import { USER_LABELS } from '../../research/labels';
import type { ContributionRecord } from './contribute';

export const pendingContributions = storage.defineItem<ContributionRecord[]>('session:researchPending', { fallback: [] });

/** At most this many reports wait for the research page. */
export const MAX_PENDING = 100;

/** Queue a report for redaction by the research page; false (and nothing kept) when research is off. */
export async function queueContribution(record: ContributionRecord): Promise<boolean> {
  if (!(await researchOptInSetting.getValue())) return false;
  const { text, findings, site, label, missedCategory, isCollection, rulesHash, engineVersion, channel } = record;
  const clean: ContributionRecord = {
    text,
    findings: findings.map(({ rule, ruleVersion, category, severity, start, end }) => ({ rule, ruleVersion, category, severity, start, end })),
    site, label, rulesHash,
    ...(missedCategory != null ? { missedCategory } : {}),
    ...(isCollection != null ? { isCollection } : {}),
    ...(engineVersion ? { engineVersion } : {}),
    ...(channel ? { channel } : {}),
  };
  await pendingContributions.setValue([...(await pendingContributions.getValue()), clean].slice(-MAX_PENDING));
  return true;
}

/** Content script → background: keep a report for the research page (only when research is on). */
export interface ReportContributionRequest {
  type: 'dunwatch:report-contribution';
  record: ContributionRecord;
}

export function isReportContributionRequest(m: unknown): m is ReportContributionRequest {
  if (typeof m !== 'object' || m === null || (m as { type?: unknown }).type !== 'dunwatch:report-contribution') return false;
  const r = (m as { record?: Partial<ContributionRecord> }).record;
  return !!r && typeof r.text === 'string' && Array.isArray(r.findings) && typeof r.site === 'string' && typeof r.rulesHash === 'string' && (USER_LABELS as readonly unknown[]).includes(r.label);
}
