/**
 * Rights pages, generated from the rule bundle (rules/ and rules/law/), no network. The route
 * comes from the hash (see route.ts); an unknown rule shows the index with a note.
 */
import { Match, Switch } from 'solid-js';
import type { RulesBundle, UiLang } from '../../engine/types';
import { jurisdictionName } from '../common';
import { t } from '../i18n';
import { IndexPage } from './IndexPage';
import { JurisdictionPage } from './JurisdictionPage';
import type { Route } from './route';
import { RulePage } from './RulePage';

/** The page title for a route (the entrypoint sets document.title). */
export function routeTitle(bundle: RulesBundle, route: Route, fallbackJ: string, lang: UiLang): string {
  const rule = route.rule ? bundle.rules.find((r) => r.id === route.rule) : undefined;
  if (rule) return rule.title[lang];
  if (route.jurisdiction && !route.rule) return t('rightsJurisdictionTitle', jurisdictionName(bundle.jurisdictions, effectiveJ(bundle, route, fallbackJ), lang));
  return t('rightsTitle');
}

function effectiveJ(bundle: RulesBundle, route: Route, fallbackJ: string): string {
  return route.jurisdiction && bundle.jurisdictions[route.jurisdiction] ? route.jurisdiction : fallbackJ;
}

export function Rights(props: { bundle: RulesBundle; route: Route; fallbackJurisdiction: string; lang: UiLang }) {
  const j = () => effectiveJ(props.bundle, props.route, props.fallbackJurisdiction);
  const rule = () => (props.route.rule ? props.bundle.rules.find((r) => r.id === props.route.rule) : undefined);
  return (
    <Switch fallback={<IndexPage bundle={props.bundle} jurisdiction={j()} lang={props.lang} />}>
      <Match when={rule()}>{(r) => <RulePage bundle={props.bundle} rule={r()} jurisdiction={j()} lang={props.lang} />}</Match>
      <Match when={props.route.rule}>
        {(id) => (
          <>
            <p role="alert">{t('rightsUnknownRule', id())}</p>
            <IndexPage bundle={props.bundle} jurisdiction={j()} lang={props.lang} />
          </>
        )}
      </Match>
      <Match when={props.route.jurisdiction}>
        <JurisdictionPage bundle={props.bundle} jurisdiction={j()} lang={props.lang} />
      </Match>
    </Switch>
  );
}
