/**
 * The welcome page, opened once on install (never on update): the reader confirms the
 * jurisdiction (suggested from the time zone, then the locale), picks the interface language and
 * time zone, sees which sites are read and what is read there, what never leaves the device, how
 * to check a pasted message (a sample checked here, by the background engine), and where the
 * rights pages and the evidence locker are. Settings are the options page's own storage items.
 */
import { For, Show, createSignal } from 'solid-js';
import jurisdictions from 'virtual:dunwatch-jurisdictions';
import { CATEGORIES, type UiLang } from '../../engine/types';
import { jurisdictionSetting } from '../../extension/settings';
import type { SiteAdapter } from '../../sites/types';
import { jurisdictionName, rightsPageUrl } from '../common';
import { JurisdictionSelect } from '../components/JurisdictionSelect';
import { t } from '../i18n';
import { LanguageSection } from '../options/LanguageSection';
import { TimeZoneSection } from '../options/TimeZoneSection';
import { NoAnswer, checkPaste, type CheckResult, type Send } from '../popup/check';
import { PasteResult } from '../popup/PasteResult';
import type { Suggestion } from './suggest';

export interface WelcomeProps {
  lang: UiLang;
  uiLangPref: '' | 'en' | 'zh-CN' | 'zh-TW';
  /** the stored jurisdiction ('' = not chosen yet) */
  jurisdiction: string;
  suggestion: Suggestion;
  browserZone: string;
  locale: string;
  timeZone: string;
  sites: readonly Pick<SiteAdapter, 'id' | 'name' | 'matches'>[];
  send: Send;
  pageUrl: (path: string) => string;
  onLanguageChanged: () => void;
}

/** mail.google.com from https://mail.google.com/* */
const hostOf = (pattern: string) => pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');

export function Welcome(props: WelcomeProps) {
  const [jurisdiction, setJurisdiction] = createSignal(props.jurisdiction || props.suggestion.jurisdiction);
  const [confirmed, setConfirmed] = createSignal('');
  const [saved, setSaved] = createSignal('');
  const [check, setCheck] = createSignal<{ result?: CheckResult; error?: boolean }>({});
  const name = (j: string) => jurisdictionName(jurisdictions, j, props.lang);
  let sample: HTMLTextAreaElement | undefined;

  async function confirm() {
    await jurisdictionSetting.setValue(jurisdiction());
    setConfirmed(t('welcomeConfirmed', name(jurisdiction())));
  }
  async function checkSample() {
    try {
      const result = await checkPaste(props.send, sample?.value ?? '', {
        jurisdiction: jurisdiction(),
        uiLang: props.lang,
        categories: CATEGORIES,
        disabledRules: [],
        timeZone: props.timeZone || props.browserZone,
        dateOrder: 'dmy',
      });
      setCheck({ result });
    } catch (e) {
      if (!(e instanceof NoAnswer)) console.error(e);
      setCheck({ error: true });
    }
  }

  return (
    <main id="app" class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>

      <section aria-labelledby="h-jur">
        <h2 id="h-jur">{t('welcomeJurisdictionHeading')}</h2>
        <p id="jur-suggested" class="muted">
          {props.suggestion.from === 'timeZone'
            ? t('welcomeSuggestedZone', props.browserZone, name(props.suggestion.jurisdiction))
            : t('welcomeSuggestedLocale', props.locale, name(props.suggestion.jurisdiction))}
        </p>
        <div class="row">
          <JurisdictionSelect id="jurisdiction" labelledBy="h-jur" describedBy="jur-suggested" value={jurisdiction()} lang={props.lang} onChange={(j) => (setJurisdiction(j), setConfirmed(''))} />
          <button type="button" id="jur-confirm" onClick={() => void confirm()}>
            {t('welcomeConfirm')}
          </button>
        </div>
        <p id="jur-confirmed" role="status">
          {confirmed()}
        </p>
      </section>

      <LanguageSection value={props.uiLangPref} onChanged={props.onLanguageChanged} />

      <TimeZoneSection value={props.timeZone} saved={() => setSaved(t('saved'))} />
      <p class="muted" id="tz-now">
        {t('welcomeTimeZoneNow', props.browserZone)}
      </p>
      <p id="tz-saved" role="status" class="muted">
        {saved()}
      </p>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{t('welcomeSitesHeading')}</h2>
        <p>{t('welcomeSitesRead')}</p>
        <ul id="welcome-sites" class="columns">
          <For each={props.sites}>
            {(s) => (
              <li>
                {s.name} <span class="muted">({s.matches.map(hostOf).join(', ')})</span>
              </li>
            )}
          </For>
        </ul>
        <p>
          <a href={props.pageUrl('/options.html')}>{t('welcomeSitesOff')}</a>
        </p>
      </section>

      <section aria-labelledby="h-privacy">
        <h2 id="h-privacy">{t('welcomePrivacyHeading')}</h2>
        <ul>
          <li>{t('welcomePrivacy1')}</li>
          <li>{t('welcomePrivacy2')}</li>
          <li>{t('welcomePrivacy3')}</li>
        </ul>
        <p>
          <a id="privacy-link" href={props.pageUrl('/privacy.html')}>
            {t('welcomePrivacyPolicy')}
          </a>
        </p>
      </section>

      <section aria-labelledby="h-check">
        <h2 id="h-check">{t('welcomeCheckHeading')}</h2>
        <p id="check-how">{t('welcomeCheckHow')}</p>
        <label for="sample">{t('welcomeSampleLabel')}</label>
        <textarea id="sample" ref={sample} aria-describedby="check-how" spellcheck={false} value={t('welcomeSample')} />
        <p>
          <button type="button" id="check-sample" onClick={() => void checkSample()}>
            {t('welcomeCheckSample')}
          </button>
        </p>
        <div id="sample-result" aria-live="polite">
          <Show when={check().error}>
            <p role="alert">{t('noAnswer')}</p>
          </Show>
          <Show when={check().result}>{(r) => <PasteResult result={r()} jurisdiction={jurisdiction()} lang={props.lang} />}</Show>
        </div>
      </section>

      <section aria-labelledby="h-where">
        <h2 id="h-where">{t('welcomeWhereHeading')}</h2>
        <ul>
          <li>{t('welcomeWherePopup')}</li>
          <li>
            <a id="where-rights" href={rightsPageUrl({ jurisdiction: jurisdiction() })}>
              {t('welcomeWhereRights')}
            </a>
          </li>
          <li>
            <a id="where-locker" href={props.pageUrl('/locker.html')}>
              {t('welcomeWhereLocker')}
            </a>
          </li>
          <li>
            <a id="where-options" href={props.pageUrl('/options.html')}>
              {t('welcomeWhereSettings')}
            </a>
          </li>
        </ul>
        <p>{t('welcomeDone')}</p>
        <p>
          <a id="open-demo" href={props.pageUrl('/demo.html')}>
            {t('welcomeDemo')}
          </a>
        </p>
      </section>
      <p class="disclaimer">{t('disclaimer')}</p>
    </main>
  );
}
