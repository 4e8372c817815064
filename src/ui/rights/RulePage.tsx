/** One rule: what it forbids (with flagged examples), the law of the jurisdiction, what is lawful, what to do. */
import { For, Show } from 'solid-js';
import type { CompiledRule, RulesBundle, UiLang } from '../../engine/types';
import { jurisdictionName } from '../common';
import { CategoryTag } from '../components/CategoryTag';
import { ExtLink } from '../components/ExtLink';
import { MarkedText } from '../components/MarkedText';
import { t } from '../i18n';
import { parseExample } from '../mark';
import { Disclaimer, JurisdictionPicker, WhatToDo } from './parts';
import { ownLaw, routeHash } from './route';

export function RulePage(props: { bundle: RulesBundle; rule: CompiledRule; jurisdiction: string; lang: UiLang }) {
  const own = () => ownLaw(props.rule, props.jurisdiction);
  const cites = () => (own().length ? own() : props.rule.law).map((id) => props.bundle.law[id]).filter((c) => c !== undefined);
  const misses = () => props.rule.examples.miss.slice(0, 4).map((m) => parseExample(m).text);
  return (
    <>
      <p>
        <a href={routeHash({ jurisdiction: props.jurisdiction })}>{t('rightsBackToIndex', jurisdictionName(props.bundle.jurisdictions, props.jurisdiction, props.lang))}</a>
      </p>
      <h1 tabindex="-1">{props.rule.title[props.lang]}</h1>
      <p>
        <CategoryTag category={props.rule.category} />
        {t(`sev_${props.rule.severity}`)}
      </p>
      <JurisdictionPicker bundle={props.bundle} lang={props.lang} route={{ rule: props.rule.id }} current={props.jurisdiction} />
      <h2>{t('rightsForbids')}</h2>
      <p>{props.rule.explain[props.lang]}</p>
      <h3>{t('rightsExamplesFlagged')}</h3>
      <ul>
        <For each={props.rule.examples.hit.slice(0, 3)}>
          {(m) => {
            const ex = parseExample(m);
            return (
              <li>
                <span class="marked">
                  <MarkedText text={ex.text} spans={ex.spans.map((s, i) => ({ ...s, category: props.rule.category, index: i }))} />
                </span>
              </li>
            );
          }}
        </For>
      </ul>
      <h2>{t('lawHeading')}</h2>
      <Show when={!own().length}>
        <p class="muted">{t('noCitationHere')}</p>
      </Show>
      <ul>
        <For each={cites()}>
          {(c) => (
            <li>
              <p>
                <ExtLink href={c.url}>{c.title[props.lang]}</ExtLink>
              </p>
              <blockquote>{c.text[props.lang]}</blockquote>
            </li>
          )}
        </For>
      </ul>
      <h2>{t('rightsLawful')}</h2>
      <p>{t(`lawful_${props.rule.category}`)}</p>
      <p>{t('lawfulGeneral')}</p>
      <Show when={misses().length}>
        <h3>{t('rightsExamplesNotFlagged')}</h3>
        <ul>
          <For each={misses()}>{(m) => <li>{m}</li>}</For>
        </ul>
      </Show>
      <WhatToDo bundle={props.bundle} lang={props.lang} jurisdiction={props.jurisdiction} />
      <Disclaimer />
    </>
  );
}
