/** Language by script: Han characters vs Latin words. Mixed messages report both shares. */
import type { Lang } from './types';

export function detectLanguages(normalised: string): { lang: Lang; langs: Partial<Record<Lang, number>> } {
  const han = (normalised.match(/\p{Script=Han}/gu) ?? []).length;
  // one Han character carries about as much as one short English word
  const latinWords = (normalised.match(/[a-z]{2,}/g) ?? []).length;
  const total = han + latinWords;
  if (total === 0) return { lang: 'en', langs: {} };
  const zh = han / total;
  const langs: Partial<Record<Lang, number>> = {};
  if (han) langs.zh = Math.round(zh * 100) / 100;
  if (latinWords) langs.en = Math.round((1 - zh) * 100) / 100;
  return { lang: zh >= 0.5 ? 'zh' : 'en', langs };
}
