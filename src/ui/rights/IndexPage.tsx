/** The rights index: every jurisdiction and every rule. */
import { For } from 'solid-js';
import type { RulesBundle, UiLang } from '../../engine/types';
import { JURISDICTIONS, jurisdictionName } from '../common';
import { t } from '../i18n';
import { Disclaimer, RulesByCategory } from './parts';
import { routeHash } from './route';

export function IndexPage(props: { bundle: RulesBundle; jurisdiction: string; lang: UiLang }) {
  return (
    <>
      <h1 tabindex="-1">{t('rightsTitle')}</h1>
      <p>{t('rightsIntro')}</p>
      <h2>{t('rightsJurisdictions')}</h2>
      <ul>
        <For each={JURISDICTIONS}>
          {(j) => (
            <li>
              <a href={routeHash({ jurisdiction: j })}>{jurisdictionName(props.bundle.jurisdictions, j, props.lang)}</a>
            </li>
          )}
        </For>
      </ul>
      <h2>{t('rightsAllRules')}</h2>
      <RulesByCategory rules={props.bundle.rules} lang={props.lang} jurisdiction={props.jurisdiction} />
      <Disclaimer />
    </>
  );
}
