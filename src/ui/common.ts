/** Pieces shared by the popup, options and rights pages. */
import type { Category, Finding, RulesBundle, UiLang } from '../engine/types';
import { h } from './mark';
import { t } from './i18n';

/** The jurisdictions a user can choose (state/province law is included with its country). */
export const JURISDICTIONS = ['us', 'cn', 'uk', 'eu', 'in', 'au', 'ca', 'ph', 'id', 'hk', 'tw'] as const;

export function categoryName(c: Category): string {
  return t(`cat_${c}`);
}

export function jurisdictionName(bundle: RulesBundle, id: string, lang: UiLang): string {
  return bundle.jurisdictions[id]?.name[lang] ?? id.toUpperCase();
}

export function rightsPageUrl(params: { rule?: string; jurisdiction?: string }): string {
  const q = new URLSearchParams();
  if (params.rule) q.set('rule', params.rule);
  if (params.jurisdiction) q.set('jurisdiction', params.jurisdiction);
  return `${browser.runtime.getURL('/rights.html')}#${q.toString()}`;
}

/** <option>s for the jurisdiction select, named in the interface language. */
export function fillJurisdictionSelect(select: HTMLSelectElement, bundle: RulesBundle, lang: UiLang, value: string): void {
  select.replaceChildren(
    ...JURISDICTIONS.map((j) => {
      const o = select.ownerDocument.createElement('option');
      o.value = j;
      o.textContent = `${jurisdictionName(bundle, j, lang)} (${j.toUpperCase()})`;
      o.selected = j === value;
      return o;
    }),
  );
}

/** An external link (opens in a new tab); the text is set as text. */
export function extLink(doc: Document, href: string, text: string): HTMLAnchorElement {
  return h(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/** One finding: category, title, explanation, citations, link to the rights page. */
export function renderFinding(doc: Document, f: Finding, index: number, jurisdiction: string): HTMLLIElement {
  const cites = f.citations.length
    ? h(doc, 'ul', {}, ...f.citations.map((c) => h(doc, 'li', {}, c.url ? extLink(doc, c.url, c.title) : c.title)))
    : h(doc, 'p', { class: 'muted' }, t('noCitationHere'));
  return h(
    doc,
    'li',
    { class: 'finding', id: `finding-${index}` },
    h(doc, 'p', {}, h(doc, 'span', { class: `tag cat-${f.category}` }, categoryName(f.category)), h(doc, 'q', {}, f.excerpt)),
    h(doc, 'h3', {}, f.title),
    h(doc, 'p', {}, f.explanation),
    h(doc, 'p', { class: 'muted' }, t('lawHeading')),
    cites,
    h(doc, 'p', {}, h(doc, 'a', { href: rightsPageUrl({ rule: f.rule, jurisdiction }), target: '_blank' }, t('whatYouCanDo'))),
  );
}
