/** Pieces of the rights pages: jurisdiction picker, "what to do", rule lists by category, disclaimer. */
import { For } from 'solid-js';
import { CATEGORIES, type CompiledRule, type RulesBundle, type UiLang } from '../../engine/types';
import { JURISDICTIONS, categoryName, jurisdictionName } from '../common';
import { RightsLinks } from '../components/RightsLinks';
import { t } from '../i18n';
import { routeHash, type Route } from './route';

export function Disclaimer() {
  return (
    <p class="disclaimer" role="note">
      {t('disclaimer')}
    </p>
  );
}

export function JurisdictionPicker(props: { bundle: RulesBundle; lang: UiLang; route: Route; current: string }) {
  return (
    <nav aria-label={t('jurisdictionLabel')}>
      <span>{`${t('jurisdictionLabel')}: `}</span>
      <For each={JURISDICTIONS}>
        {(j) => (
          <>
            <a href={routeHash({ ...props.route, jurisdiction: j })} title={jurisdictionName(props.bundle.jurisdictions, j, props.lang)} aria-current={j === props.current ? 'page' : undefined}>
              {j.toUpperCase()}
            </a>{' '}
          </>
        )}
      </For>
    </nav>
  );
}

export function WhatToDo(props: { bundle: RulesBundle; lang: UiLang; jurisdiction: string }) {
  return (
    <>
      <h2>{t('rightsWhatToDo')}</h2>
      <ol>
        <li>{t('stepKeep')}</li>
        <li>{t('stepWrite')}</li>
        <li>{t('stepComplain')}</li>
        <li>{t('stepPolice')}</li>
      </ol>
      <h3>{t('rightsWhereToComplain', jurisdictionName(props.bundle.jurisdictions, props.jurisdiction, props.lang))}</h3>
      <RightsLinks jurisdiction={props.bundle.jurisdictions[props.jurisdiction]} lang={props.lang} />
    </>
  );
}

/** Rules grouped under their category headings, each a link to its page. */
export function RulesByCategory(props: { rules: readonly CompiledRule[]; lang: UiLang; jurisdiction: string }) {
  return (
    <For each={CATEGORIES.filter((c) => props.rules.some((r) => r.category === c))}>
      {(c) => (
        <>
          <h3>{categoryName(c)}</h3>
          <ul>
            <For each={props.rules.filter((r) => r.category === c)}>
              {(r) => (
                <li>
                  <a href={routeHash({ rule: r.id, jurisdiction: props.jurisdiction })}>{r.title[props.lang]}</a>
                </li>
              )}
            </For>
          </ul>
        </>
      )}
    </For>
  );
}
