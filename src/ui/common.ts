/** Pieces shared by the popup, options and rights pages (no DOM here: see components/). */
import type { Category, Jurisdiction, UiLang } from '../engine/types';
import { t } from './i18n';

/** The jurisdictions a user can choose (state/province law is included with its country). */
export const JURISDICTIONS = ['us', 'cn', 'uk', 'eu', 'in', 'au', 'ca', 'ph', 'id', 'hk', 'tw'] as const;

export function categoryName(c: Category): string {
  return t(`cat_${c}`);
}

export function jurisdictionName(jurisdictions: Record<string, Jurisdiction>, id: string, lang: UiLang): string {
  return jurisdictions[id]?.name[lang] ?? id.toUpperCase();
}

export function rightsPageUrl(params: { rule?: string; jurisdiction?: string }): string {
  const q = new URLSearchParams();
  if (params.rule) q.set('rule', params.rule);
  if (params.jurisdiction) q.set('jurisdiction', params.jurisdiction);
  return `${browser.runtime.getURL('/rights.html')}#${q.toString()}`;
}
