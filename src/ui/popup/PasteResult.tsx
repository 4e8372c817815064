/**
 * What a checked paste shows: the text with marks, the per-message findings, the thread
 * findings (conduct over time), and where to complain. Extension point: `actions` renders
 * under the marked text (e.g. a "Save as evidence" button) with the whole result.
 */
import { For, Show, type JSX } from 'solid-js';
import jurisdictions from 'virtual:dunwatch-jurisdictions';
import type { UiLang } from '../../engine/types';
import { FindingCard } from '../components/FindingCard';
import { MarkedText } from '../components/MarkedText';
import { RightsLinks } from '../components/RightsLinks';
import { t } from '../i18n';
import type { CheckResult } from './check';

export function PasteResult(props: { result: CheckResult; jurisdiction: string; lang: UiLang; actions?: (r: CheckResult) => JSX.Element }) {
  const byId = () => new Map(props.result.messages.map((m) => [m.id, m]));
  const label = (id: string) => {
    const m = byId().get(id);
    return m ? [m.sender, m.shownTime].filter(Boolean).join(' · ') : '';
  };
  const spans = () => props.result.findings.map((f, i) => ({ start: f.start, end: f.end, category: f.category, index: i }));
  const any = () => props.result.findings.length + (props.result.threadFindings?.length ?? 0) > 0;
  return (
    <>
      <div id="marked" class="marked panel">
        <MarkedText text={props.result.text} spans={spans()} />
      </div>
      {/* extension point: actions on the whole checked paste ("Save as evidence") */}
      <Show when={props.actions}>{(actions) => <div class="row" id="result-actions">{actions()(props.result)}</div>}</Show>
      <ol id="findings" class="plain">
        <For each={props.result.findings}>
          {(f, i) => <FindingCard finding={f} id={`finding-${i()}`} jurisdiction={props.jurisdiction} context={props.result.thread ? label(f.messageId) : undefined} />}
        </For>
      </ol>
      <Show when={props.result.thread}>
        <section id="thread" aria-labelledby="thread-heading">
          <h3 id="thread-heading">{t('threadHeading')}</h3>
          <p class="muted">{t('threadRead', String(props.result.messages.filter((m) => m.localTime).length))}</p>
          <Show when={!props.result.threadError} fallback={<p role="alert">{t('threadUnavailable')}</p>}>
            <Show when={props.result.threadFindings?.length} fallback={<p>{t('threadNone')}</p>}>
              <ol id="thread-findings" class="plain">
                <For each={props.result.threadFindings}>
                  {(f, i) => (
                    <FindingCard finding={{ ...f, rule: undefined }} id={`thread-finding-${i()}`} jurisdiction={props.jurisdiction} context={f.messageIds.map(label).filter(Boolean).join('; ')} />
                  )}
                </For>
              </ol>
            </Show>
          </Show>
        </section>
      </Show>
      <Show when={any()}>
        <div id="rights">
          <h3>{t('rightsHeading')}</h3>
          <RightsLinks jurisdiction={jurisdictions[props.jurisdiction]} lang={props.lang} />
        </div>
      </Show>
    </>
  );
}
