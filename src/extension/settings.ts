/**
 * User settings as WXT storage items. Each has a version so later releases can migrate
 * stored values instead of dropping them.
 */
import { storage } from 'wxt/utils/storage';
import type { Category } from '../engine/types';
import type { IgnoreEntry } from '../page/loop';

/** '' = suggest from the browser's locale */
export const jurisdictionSetting = storage.defineItem<string>('sync:jurisdiction', { fallback: '', version: 1 });
/** '' = follow the browser's language */
export const uiLangSetting = storage.defineItem<'' | 'en' | 'zh-CN' | 'zh-TW'>('sync:uiLang', { fallback: '', version: 1 });
/** site id -> on/off; a missing id is on */
export const sitesSetting = storage.defineItem<Record<string, boolean>>('sync:sites', { fallback: {}, version: 1 });
export const disabledRulesSetting = storage.defineItem<string[]>('sync:disabledRules', { fallback: [], version: 1 });
export const disabledCategoriesSetting = storage.defineItem<Category[]>('sync:disabledCategories', { fallback: [], version: 1 });
/** "not a problem here" choices; local because they name senders */
export const ignoresSetting = storage.defineItem<IgnoreEntry[]>('local:ignores', { fallback: [], version: 1 });
/** IANA zone for time-of-day rules; '' = the browser's */
export const timeZoneSetting = storage.defineItem<string>('sync:timeZone', { fallback: '', version: 1 });
/** the reader's work e-mail addresses / numbers (thread rules: collection mail to a work address); local: personal data */
export const workAddressesSetting = storage.defineItem<string[]>('local:workAddresses', { fallback: [], version: 1 });

/** One address per line or comma; trimmed, lower-cased, duplicates dropped. */
export function parseWorkAddresses(text: string): string[] {
  return [...new Set(text.split(/[\n,;]+/).map((a) => a.trim().toLowerCase()).filter(Boolean))];
}

const LOCALE_JURISDICTION: [RegExp, string][] = [
  [/^zh-(tw|hant)/i, 'tw'],
  [/^zh-(hk|mo)/i, 'hk'],
  [/^zh/i, 'cn'],
  [/^en-(gb|uk)/i, 'uk'],
  [/^en-in|^hi/i, 'in'],
  [/^en-au/i, 'au'],
  [/^(en|fr)-ca/i, 'ca'],
  [/^(en|fil|tl)-ph|^fil|^tl/i, 'ph'],
  [/^id|^in-id/i, 'id'],
  [/^(de|fr|it|es|nl|pt|pl|sv|da|fi|el|cs|ro|hu|sk|sl|bg|hr|lt|lv|et|ga|mt)(-|$)/i, 'eu'],
  [/^en/i, 'us'],
];

/** Suggest a jurisdiction from a BCP 47 locale; the user can always change it. */
export function suggestJurisdiction(locale: string): string {
  return LOCALE_JURISDICTION.find(([re]) => re.test(locale))?.[1] ?? 'us';
}

export async function effectiveJurisdiction(locale: string): Promise<string> {
  return (await jurisdictionSetting.getValue()) || suggestJurisdiction(locale);
}

/** Research sample export (issue #6): off until the user turns it on on the research page; per device. */
export const researchOptInSetting = storage.defineItem<boolean>('local:researchOptIn', { fallback: false, version: 1 });
/** Redacted "false alarm / missed message" reports for the research page; written only when opted in. */
export const researchReportsSetting = storage.defineItem<import('../research/sample').ResearchSample[]>('local:researchReports', { fallback: [], version: 1 });

/** After an update: the version the popup announces in one "what's new" line, until the reader dismisses it ('' = nothing to say). */
export const whatsNewSetting = storage.defineItem<string>('local:whatsNew', { fallback: '', version: 1 });
