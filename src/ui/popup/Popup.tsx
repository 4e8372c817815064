/**
 * Popup: the current tab's status from the background, and "check a message". The text goes
 * to the background's engine (`dunwatch:analyze`, `dunwatch:analyze-thread`), so the popup
 * carries no engine and opens fast; results appear < 1 s after typing stops.
 */
import { Match, Show, Switch, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import { CATEGORIES, type Category, type UiLang } from '../../engine/types';
import type { TabStatus as Status } from '../../extension/messages';
import { jurisdictionSetting } from '../../extension/settings';
import { JurisdictionSelect } from '../components/JurisdictionSelect';
import { rightsPageUrl } from '../common';
import { t } from '../i18n';
import { NoAnswer, checkPaste, type CheckResult, type Send } from './check';
import { dateOrderFor } from './paste-thread';
import { PasteResult } from './PasteResult';
import { TabStatus, type ScanMode } from './TabStatus';

export const DEBOUNCE_MS = 250;

export interface PopupProps {
  lang: UiLang;
  jurisdiction: string;
  disabledRules: readonly string[];
  disabledCategories: readonly Category[];
  timeZone: string;
  locale: string;
  status: Status;
  tabId: number | undefined;
  send: Send;
  /** inject the on-demand scan: the whole page, or the selected text */
  scan: (mode?: ScanMode) => Promise<void>;
  /** copy the tab's diagnostics (counts and versions, no content) to the clipboard */
  copyDiagnostics?: () => Promise<void>;
  openOptions: () => void;
  /** opens the side panel (the tab's findings, message by message); absent where there is none */
  openSidePanel?: () => void;
  /** extension point for the checked paste (e.g. "Save as evidence") */
  actions?: (r: CheckResult) => JSX.Element;
  /** after an update: the new version, for one "what's new" line until dismissed */
  whatsNew?: string;
  dismissWhatsNew?: () => void;
}

type State = { kind: 'empty' } | { kind: 'pending' } | { kind: 'error' } | { kind: 'done'; result: CheckResult; ms: number };

export function Popup(props: PopupProps) {
  const [jurisdiction, setJurisdiction] = createSignal(props.jurisdiction);
  const [state, setState] = createSignal<State>({ kind: 'empty' });
  const [whatsNew, setWhatsNew] = createSignal(props.whatsNew ?? '');
  let input: HTMLTextAreaElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let run = 0;
  onCleanup(() => clearTimeout(timer));
  onMount(() => input?.focus());

  async function check() {
    const text = input?.value ?? '';
    const mine = ++run;
    if (!text.trim()) return setState({ kind: 'empty' });
    const t0 = performance.now();
    try {
      const result = await checkPaste(props.send, text, {
        jurisdiction: jurisdiction(),
        uiLang: props.lang,
        categories: CATEGORIES.filter((c) => !props.disabledCategories.includes(c)),
        disabledRules: props.disabledRules,
        timeZone: props.timeZone,
        dateOrder: dateOrderFor(props.locale),
      });
      // time from "typing stopped" to findings on screen: debounce, round trip to the background, rendering (synchronous in Solid)
      if (mine === run) setState({ kind: 'done', result, ms: Math.round(DEBOUNCE_MS + performance.now() - t0) });
    } catch (e) {
      if (!(e instanceof NoAnswer)) console.error(e);
      if (mine === run) setState({ kind: 'error' });
    }
  }
  function schedule() {
    clearTimeout(timer);
    run++; // an answer still on its way is for older text
    setState({ kind: 'pending' });
    timer = setTimeout(() => void check(), DEBOUNCE_MS);
  }
  function changeJurisdiction(j: string) {
    setJurisdiction(j);
    void jurisdictionSetting.setValue(j);
    if ((input?.value ?? '').trim()) schedule();
  }
  const done = () => {
    const s = state();
    return s.kind === 'done' ? s : undefined;
  };
  const summary = () => {
    const s = done();
    if (!s) return '';
    const n = s.result.findings.length + (s.result.threadFindings?.length ?? 0);
    return n ? t('summaryFound', String(n)) : t('summaryNone');
  };

  return (
    <main id="app" class="popup">
      <h1>{t('extName')}</h1>
      <Show when={whatsNew()}>
        <p id="whats-new" class="panel row">
          <span>{t('whatsNew', whatsNew(), t('whatsNewNote'))}</span>
          <button
            type="button"
            id="whats-new-dismiss"
            onClick={() => {
              setWhatsNew('');
              props.dismissWhatsNew?.();
            }}
          >
            {t('whatsNewDismiss')}
          </button>
        </p>
      </Show>
      <section aria-labelledby="tab-heading">
        <h2 id="tab-heading">{t('popupThisPage')}</h2>
        <div id="tab-status" class="panel" aria-live="polite">
          <TabStatus status={props.status} tabId={props.tabId} scan={props.scan} {...(props.copyDiagnostics ? { copyDiagnostics: props.copyDiagnostics } : {})} />
        </div>
        <Show when={props.openSidePanel && props.status.stats?.flagged}>
          <button type="button" id="open-side-panel" onClick={() => props.openSidePanel?.()}>
            {t('popupOpenSidePanel')}
          </button>
        </Show>
      </section>
      <section aria-labelledby="check-heading">
        <h2 id="check-heading">
          <label for="message">{t('popupCheckHeading')}</label>
        </h2>
        <p class="muted" id="message-help">
          {t('popupCheckHelp')}
        </p>
        <textarea id="message" ref={input} aria-describedby="message-help" spellcheck={false} onInput={schedule} />
        <div class="row">
          <label for="jurisdiction">{t('jurisdictionLabel')}</label>
          <JurisdictionSelect id="jurisdiction" value={jurisdiction()} lang={props.lang} onChange={changeJurisdiction} />
        </div>
        <p id="summary" aria-live="polite" data-ms={done()?.ms}>
          {summary()}
        </p>
        <div aria-busy={state().kind === 'pending'}>
          <Switch>
            <Match when={state().kind === 'error'}>
              <p id="check-error" role="alert">
                {t('noAnswer')}
              </p>
            </Match>
            <Match when={done()}>{(s) => <PasteResult result={s().result} jurisdiction={jurisdiction()} lang={props.lang} actions={props.actions} />}</Match>
          </Switch>
        </div>
      </section>
      <p class="row">
        <a
          id="open-options"
          href="#"
          onClick={(e) => {
            e.preventDefault();
            props.openOptions();
          }}
        >
          {t('popupOpenOptions')}
        </a>
        <a id="open-rights" href={rightsPageUrl({ jurisdiction: jurisdiction() })} target="_blank">
          {t('popupOpenRights')}
        </a>
      </p>
      <p class="disclaimer">{t('disclaimer')}</p>
    </main>
  );
}
