/**
 * Rights pages, generated from the rule bundle (rules/ and rules/law/), no network:
 *   #rule=<id>[&jurisdiction=<j>]  what the rule forbids, the law, what is lawful, what to do
 *   #jurisdiction=<j>              complaint channels and the rules with law there
 *   (empty)                        index of jurisdictions and rules
 */
import type { CompiledRule, RulesBundle, UiLang } from '../engine/types';
import { CATEGORIES } from '../engine/types';
import { lawFor } from '../engine/engine';
import { h, parseExample, renderMarked } from './mark';
import { t } from './i18n';
import { JURISDICTIONS, categoryName, extLink, jurisdictionName } from './common';

export interface Route {
  rule?: string;
  jurisdiction?: string;
}

export function parseRoute(hash: string): Route {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const route: Route = {};
  const rule = q.get('rule');
  const j = q.get('jurisdiction');
  if (rule) route.rule = rule;
  if (j) route.jurisdiction = j.toLowerCase();
  return route;
}

export function routeHash(r: Route): string {
  const q = new URLSearchParams();
  if (r.rule) q.set('rule', r.rule);
  if (r.jurisdiction) q.set('jurisdiction', r.jurisdiction);
  return `#${q.toString()}`;
}

/** Citation ids of a rule that belong to the jurisdiction itself (none: the rule has no law there). */
export function ownLaw(rule: CompiledRule, j: string): string[] {
  const ids = lawFor(rule, j);
  const hasOwn = ids.some((id) => id.startsWith(`${j}.`) || id.startsWith(`${j}-`));
  return hasOwn ? ids : [];
}

function disclaimer(doc: Document) {
  return h(doc, 'p', { class: 'disclaimer', role: 'note' }, t('disclaimer'));
}

function whatToDo(doc: Document, bundle: RulesBundle, j: string, lang: UiLang): Node[] {
  const jur = bundle.jurisdictions[j];
  return [
    h(doc, 'h2', {}, t('rightsWhatToDo')),
    h(doc, 'ol', {}, h(doc, 'li', {}, t('stepKeep')), h(doc, 'li', {}, t('stepWrite')), h(doc, 'li', {}, t('stepComplain')), h(doc, 'li', {}, t('stepPolice'))),
    h(doc, 'h3', {}, t('rightsWhereToComplain', jurisdictionName(bundle, j, lang))),
    jur && jur.rights.length
      ? h(doc, 'ul', {}, ...jur.rights.map((r) => h(doc, 'li', {}, extLink(doc, r.url, r.title[lang]), r.phone ? ` · ${t('phone')} ${r.phone}` : '')))
      : h(doc, 'p', { class: 'muted' }, t('noChannels')),
  ];
}

function jurisdictionPicker(doc: Document, bundle: RulesBundle, lang: UiLang, route: Route, current: string): HTMLElement {
  const nav = h(doc, 'nav', { 'aria-label': t('jurisdictionLabel') }, h(doc, 'span', {}, `${t('jurisdictionLabel')}: `));
  for (const j of JURISDICTIONS) {
    const a = h(doc, 'a', { href: routeHash({ ...route, jurisdiction: j }) }, j.toUpperCase());
    a.title = jurisdictionName(bundle, j, lang);
    if (j === current) a.setAttribute('aria-current', 'page');
    nav.append(a, ' ');
  }
  return nav;
}

export function renderRule(doc: Document, bundle: RulesBundle, rule: CompiledRule, j: string, lang: UiLang): Node[] {
  const own = ownLaw(rule, j);
  const cites = (own.length ? own : rule.law).map((id) => bundle.law[id]).filter((c) => c !== undefined);
  const missExamples = rule.examples.miss.slice(0, 4).map((m) => {
    const ex = parseExample(m);
    return h(doc, 'li', {}, ex.text);
  });
  const hitExamples = rule.examples.hit.slice(0, 3).map((m) => {
    const ex = parseExample(m);
    const span = h(doc, 'span', { class: 'marked' });
    span.append(renderMarked(doc, ex.text, ex.spans.map((s, i) => ({ ...s, category: rule.category, index: i }))));
    return h(doc, 'li', {}, span);
  });
  return [
    h(doc, 'p', {}, h(doc, 'a', { href: routeHash({ jurisdiction: j }) }, t('rightsBackToIndex', jurisdictionName(bundle, j, lang)))),
    h(doc, 'h1', { tabindex: '-1' }, rule.title[lang]),
    h(doc, 'p', {}, h(doc, 'span', { class: `tag cat-${rule.category}` }, categoryName(rule.category)), t(`sev_${rule.severity}`)),
    jurisdictionPicker(doc, bundle, lang, { rule: rule.id }, j),
    h(doc, 'h2', {}, t('rightsForbids')),
    h(doc, 'p', {}, rule.explain[lang]),
    h(doc, 'h3', {}, t('rightsExamplesFlagged')),
    h(doc, 'ul', {}, ...hitExamples),
    h(doc, 'h2', {}, t('lawHeading')),
    own.length ? null : h(doc, 'p', { class: 'muted' }, t('noCitationHere')),
    h(
      doc,
      'ul',
      {},
      ...cites.map((c) => h(doc, 'li', {}, h(doc, 'p', {}, extLink(doc, c.url, c.title[lang])), h(doc, 'blockquote', {}, c.text[lang]))),
    ),
    h(doc, 'h2', {}, t('rightsLawful')),
    h(doc, 'p', {}, t(`lawful_${rule.category}`)),
    h(doc, 'p', {}, t('lawfulGeneral')),
    missExamples.length ? h(doc, 'h3', {}, t('rightsExamplesNotFlagged')) : null,
    missExamples.length ? h(doc, 'ul', {}, ...missExamples) : null,
    ...whatToDo(doc, bundle, j, lang),
    disclaimer(doc),
  ].filter((n): n is HTMLElement => n !== null);
}

export function renderJurisdiction(doc: Document, bundle: RulesBundle, j: string, lang: UiLang): Node[] {
  const rules = bundle.rules.filter((r) => ownLaw(r, j).length);
  return [
    h(doc, 'p', {}, h(doc, 'a', { href: '#' }, t('rightsIndex'))),
    h(doc, 'h1', { tabindex: '-1' }, t('rightsJurisdictionTitle', jurisdictionName(bundle, j, lang))),
    jurisdictionPicker(doc, bundle, lang, {}, j),
    ...whatToDo(doc, bundle, j, lang),
    h(doc, 'h2', {}, t('rightsLawful')),
    h(doc, 'p', {}, t('lawfulGeneral')),
    h(doc, 'h2', {}, t('rightsRulesHere', String(rules.length))),
    ...CATEGORIES.flatMap((c) => {
      const inCat = rules.filter((r) => r.category === c);
      if (!inCat.length) return [];
      return [h(doc, 'h3', {}, categoryName(c)), h(doc, 'ul', {}, ...inCat.map((r) => h(doc, 'li', {}, h(doc, 'a', { href: routeHash({ rule: r.id, jurisdiction: j }) }, r.title[lang]))))];
    }),
    disclaimer(doc),
  ];
}

export function renderIndex(doc: Document, bundle: RulesBundle, j: string, lang: UiLang): Node[] {
  return [
    h(doc, 'h1', { tabindex: '-1' }, t('rightsTitle')),
    h(doc, 'p', {}, t('rightsIntro')),
    h(doc, 'h2', {}, t('rightsJurisdictions')),
    h(doc, 'ul', {}, ...JURISDICTIONS.map((x) => h(doc, 'li', {}, h(doc, 'a', { href: routeHash({ jurisdiction: x }) }, jurisdictionName(bundle, x, lang))))),
    h(doc, 'h2', {}, t('rightsAllRules')),
    ...CATEGORIES.flatMap((c) => {
      const inCat = bundle.rules.filter((r) => r.category === c);
      if (!inCat.length) return [];
      return [h(doc, 'h3', {}, categoryName(c)), h(doc, 'ul', {}, ...inCat.map((r) => h(doc, 'li', {}, h(doc, 'a', { href: routeHash({ rule: r.id, jurisdiction: j }) }, r.title[lang]))))];
    }),
    disclaimer(doc),
  ];
}

/** The page for a route; an unknown rule or jurisdiction shows the index with a note. */
export function renderRoute(doc: Document, bundle: RulesBundle, route: Route, fallbackJ: string, lang: UiLang): { title: string; nodes: Node[] } {
  const j = route.jurisdiction && bundle.jurisdictions[route.jurisdiction] ? route.jurisdiction : fallbackJ;
  if (route.rule) {
    const rule = bundle.rules.find((r) => r.id === route.rule);
    if (rule) return { title: rule.title[lang], nodes: renderRule(doc, bundle, rule, j, lang) };
    return { title: t('rightsTitle'), nodes: [h(doc, 'p', { role: 'alert' }, t('rightsUnknownRule', route.rule)), ...renderIndex(doc, bundle, j, lang)] };
  }
  if (route.jurisdiction) return { title: t('rightsJurisdictionTitle', jurisdictionName(bundle, j, lang)), nodes: renderJurisdiction(doc, bundle, j, lang) };
  return { title: t('rightsTitle'), nodes: renderIndex(doc, bundle, j, lang) };
}
