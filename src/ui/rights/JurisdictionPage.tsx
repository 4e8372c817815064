/** One jurisdiction: what to do and where to complain, what is lawful, the rules with law there. */
import type { RulesBundle, UiLang } from '../../engine/types';
import { jurisdictionName } from '../common';
import { t } from '../i18n';
import { Disclaimer, JurisdictionPicker, RulesByCategory, WhatToDo } from './parts';
import { ownLaw } from './route';

export function JurisdictionPage(props: { bundle: RulesBundle; jurisdiction: string; lang: UiLang }) {
  const rules = () => props.bundle.rules.filter((r) => ownLaw(r, props.jurisdiction).length);
  return (
    <>
      <p>
        <a href="#">{t('rightsIndex')}</a>
      </p>
      <h1 tabindex="-1">{t('rightsJurisdictionTitle', jurisdictionName(props.bundle.jurisdictions, props.jurisdiction, props.lang))}</h1>
      <JurisdictionPicker bundle={props.bundle} lang={props.lang} route={{}} current={props.jurisdiction} />
      <WhatToDo bundle={props.bundle} lang={props.lang} jurisdiction={props.jurisdiction} />
      <h2>{t('rightsLawful')}</h2>
      <p>{t('lawfulGeneral')}</p>
      <h2>{t('rightsRulesHere', String(rules().length))}</h2>
      <RulesByCategory rules={rules()} lang={props.lang} jurisdiction={props.jurisdiction} />
      <Disclaimer />
    </>
  );
}
