/**
 * The research page (issue #6 item 5): opt-in, off by default. The user picks flagged messages
 * from the open tabs' reports (session storage `tab-<id>`), from "report a false alarm /
 * missed message" (`local:researchReports`) or pastes one; each is redacted on the device and
 * shown side by side with the original, with the exact JSON line that will be saved; the file
 * is a JSON Lines blob the user downloads. Nothing is sent anywhere.
 *
 * Message text is rendered as text only (JSX text children, never HTML).
 */
import { createMemo, createResource, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { CATEGORIES } from '../../engine/types';
import type { TabStatus } from '../../extension/messages';
import { researchOptInSetting, researchReportsSetting } from '../../extension/settings';
import { CHANNELS } from '../../research/labels';
import { makeSample, toJsonLines, type FindingLike, type ResearchSample, type UserLabel } from '../../research/sample';
import { categoryName } from '../common';
import { t } from '../i18n';
import { drainPendingContributions, removeContribution, setResearchOptIn } from './contribute';

export interface ResearchPageProps {
  rulesHash: string;
  engineVersion: string;
  /** analyse a pasted message (default: ask the background) */
  analyze?: (text: string) => Promise<{ findings: FindingLike[] }>;
  /** save the file (default: a blob and <a download>) */
  download?: (name: string, content: string) => void;
  /** "YYYY-MM-DD" for the file name (default: today) */
  today?: () => string;
}

type Origin = 'tab' | 'pasted' | 'reported';

interface Item {
  key: string;
  origin: Origin;
  site: string;
  /** null for reports: only the redacted version was kept */
  text: string | null;
  findings: FindingLike[];
  channel?: string;
  stored?: ResearchSample;
}

interface Choice {
  selected: boolean;
  label: UserLabel | '';
  collector: '' | 'yes' | 'no';
  missed: string;
}

const NEW_CHOICE: Choice = { selected: false, label: '', collector: '', missed: '' };

/** Every message of the open tabs' reports (session storage), the reader's own replies aside. */
export async function loadTabMessages(): Promise<Item[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, TabStatus | undefined>;
  const items: Item[] = [];
  for (const key of Object.keys(all).filter((k) => /^tab-\d+$/.test(k)).sort()) {
    const status = all[key];
    for (const m of status?.messages ?? []) {
      if (m.direction === 'outgoing' || typeof m.text !== 'string') continue;
      items.push({ key: `${key}:${m.id}`, origin: 'tab', site: status?.site ?? 'unknown', text: m.text, findings: m.findings ?? [] });
    }
  }
  return items;
}

function defaultAnalyze(text: string): Promise<{ findings: FindingLike[] }> {
  // like the popup's paste box: the user brings the message because it is about a debt
  return browser.runtime.sendMessage({ type: 'dunwatch:analyze', text, options: { context: { collection: true } } }) as Promise<{ findings: FindingLike[] }>;
}

function defaultDownload(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/jsonl' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Text with the findings as <mark>s: pieces of text nodes, never HTML. */
export function Marked(props: { text: string; findings: readonly FindingLike[] }): JSX.Element {
  const pieces = createMemo(() => {
    const cuts = new Set([0, props.text.length]);
    for (const f of props.findings) {
      cuts.add(Math.max(0, Math.min(f.start, props.text.length)));
      cuts.add(Math.max(0, Math.min(f.end, props.text.length)));
    }
    const at = [...cuts].sort((a, b) => a - b);
    const out: { text: string; category?: string }[] = [];
    for (let i = 0; i + 1 < at.length; i++) {
      const [s, e] = [at[i]!, at[i + 1]!];
      const f = props.findings.find((x) => x.start <= s && x.end >= e && x.end > x.start);
      out.push({ text: props.text.slice(s, e), category: f?.category });
    }
    return out;
  });
  return (
    <div class="marked panel">
      <For each={pieces()}>{(p) => (p.category ? <mark class={`cat-${p.category}`}>{p.text}</mark> : <>{p.text}</>)}</For>
    </div>
  );
}

function ItemView(props: {
  item: Item;
  index: number;
  choice: Choice;
  sample: ResearchSample;
  onChoice: (patch: Partial<Choice>) => void;
  onRemove?: () => void;
}): JSX.Element {
  const id = `item-${props.index}`;
  const reported = () => props.item.origin === 'reported';
  // redaction runs once per change of the item or the user's choice, not once per use
  const sample = createMemo(() => props.sample);
  return (
    <li class="finding research-item" data-origin={props.item.origin}>
      <h3 id={`${id}-h`}>
        {t('researchMessageN', String(props.index + 1))} · {t(`researchOrigin_${props.item.origin}`)} · {props.item.site}
      </h3>
      <div class="row">
        <input type="checkbox" id={`${id}-sel`} checked={props.choice.selected} onChange={(e) => props.onChoice({ selected: e.currentTarget.checked })} />
        <label for={`${id}-sel`}>{t('researchInclude')}</label>
      </div>
      <Show when={!reported()} fallback={<p class="muted">{t('researchReportedLabel', t(`researchLabel_${(sample().user_label ?? 'none').replace('-', '_')}`))}</p>}>
        <div class="row">
          <label for={`${id}-label`}>{t('researchYourLabel')}</label>
          <select id={`${id}-label`} value={props.choice.label} onChange={(e) => props.onChoice({ label: e.currentTarget.value as Choice['label'] })}>
            <option value="">{t('researchLabel_none')}</option>
            <option value="correct">{t('researchLabel_correct')}</option>
            <option value="false-alarm">{t('researchLabel_false_alarm')}</option>
            <option value="missed">{t('researchLabel_missed')}</option>
          </select>
          <label for={`${id}-coll`}>{t('researchCollector')}</label>
          <select id={`${id}-coll`} value={props.choice.collector} onChange={(e) => props.onChoice({ collector: e.currentTarget.value as Choice['collector'] })}>
            <option value="">{t('researchNotSure')}</option>
            <option value="yes">{t('researchYes')}</option>
            <option value="no">{t('researchNo')}</option>
          </select>
          <Show when={props.choice.label === 'missed'}>
            <label for={`${id}-missed`}>{t('researchMissedCategory')}</label>
            <select id={`${id}-missed`} value={props.choice.missed} onChange={(e) => props.onChoice({ missed: e.currentTarget.value })}>
              <option value="">{t('researchNotSure')}</option>
              <For each={CATEGORIES}>{(c) => <option value={c}>{categoryName(c)}</option>}</For>
            </select>
          </Show>
        </div>
      </Show>
      <div class="research-preview" style={{ display: 'grid', 'grid-template-columns': 'repeat(auto-fit, minmax(260px, 1fr))', gap: '8px', 'margin-top': '6px' }}>
        <div>
          <p>
            <strong>{t('researchOriginal')}</strong>
          </p>
          <Show when={props.item.text !== null} fallback={<p class="muted">{t('researchOriginalNotKept')}</p>}>
            <div data-testid="original">
              <Marked text={props.item.text ?? ''} findings={props.item.findings} />
            </div>
          </Show>
        </div>
        <div>
          <p>
            <strong>{t('researchExported')}</strong>
          </p>
          <div data-testid="exported">
            <Marked text={sample().text} findings={sample().findings} />
          </div>
        </div>
      </div>
      <details>
        <summary>{t('researchExactLine')}</summary>
        <pre class="marked" data-testid="json">{JSON.stringify(sample())}</pre>
      </details>
      <Show when={props.onRemove}>
        <button type="button" onClick={() => props.onRemove?.()}>
          {t('researchRemoveReport')}
        </button>
      </Show>
    </li>
  );
}

export function ResearchPage(props: ResearchPageProps): JSX.Element {
  const [optIn, { mutate: setOptInLocal }] = createResource(() => researchOptInSetting.getValue());
  // reports the background queued are redacted here first (queue.ts)
  const [reports, { refetch: refetchReports }] = createResource(async () => {
    await drainPendingContributions();
    return researchReportsSetting.getValue();
  });
  const [tabItems, { refetch: refetchTabs }] = createResource(loadTabMessages);
  const [pasted, setPasted] = createSignal<Item[]>([]);
  const [showUnflagged, setShowUnflagged] = createSignal(false);
  const [choices, setChoices] = createStore<Record<string, Choice>>({});
  const [pasteText, setPasteText] = createSignal('');
  const [pasteChannel, setPasteChannel] = createSignal('unknown');
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const unwatch = researchReportsSetting.watch(() => void refetchReports());
  onCleanup(unwatch);

  const items = createMemo<Item[]>(() => {
    const fromTabs = (tabItems() ?? []).filter((i) => showUnflagged() || i.findings.length > 0);
    const fromReports = (reports() ?? []).map<Item>((s) => ({ key: `report:${s.id}`, origin: 'reported', site: s.site, text: null, findings: [], stored: s }));
    return [...pasted(), ...fromTabs, ...fromReports];
  });

  const choiceOf = (key: string): Choice => choices[key] ?? NEW_CHOICE;

  const sampleOf = (item: Item): ResearchSample => {
    if (item.stored) return item.stored;
    const c = choiceOf(item.key);
    return makeSample({
      text: item.text ?? '',
      findings: item.findings,
      site: item.site,
      channel: item.channel,
      userLabel: c.label || null,
      isCollection: c.collector === 'yes' ? true : c.collector === 'no' ? false : null,
      missedCategory: c.missed || null,
      rulesHash: props.rulesHash,
      engineVersion: props.engineVersion,
    });
  };

  const selected = createMemo(() => items().filter((i) => choiceOf(i.key).selected));

  const toggleOptIn = async (on: boolean) => {
    await setResearchOptIn(on);
    setOptInLocal(on);
    if (!on) {
      setPasted([]);
      setChoices({});
      setStatus(t('researchOffDeleted'));
    } else setStatus('');
    void refetchReports();
  };

  const addPasted = async () => {
    const text = pasteText().trim();
    if (!text) return;
    setBusy(true);
    try {
      const result = await (props.analyze ?? defaultAnalyze)(text);
      const key = `pasted:${pasted().length}:${text.length}`;
      setPasted([{ key, origin: 'pasted', site: 'pasted', channel: pasteChannel(), text, findings: result.findings }, ...pasted()]);
      setChoices(key, { ...NEW_CHOICE, selected: true });
      setPasteText('');
      setStatus(t('researchPastedAdded'));
    } catch {
      setStatus(t('researchAnalyzeFailed'));
    } finally {
      setBusy(false);
    }
  };

  const exportFile = () => {
    const samples = selected().map(sampleOf);
    if (!samples.length) return;
    const name = `dunwatch-research-${props.today?.() ?? new Date().toISOString().slice(0, 10)}.jsonl`;
    (props.download ?? defaultDownload)(name, toJsonLines(samples));
    setStatus(t('researchSaved', String(samples.length), name));
  };

  return (
    <>
      <h1>{t('researchTitle')}</h1>
      <section aria-labelledby="h-optin">
        <h2 id="h-optin">{t('researchWhatHappens')}</h2>
        <ul>
          <li>{t('researchPoint1')}</li>
          <li>{t('researchPoint2')}</li>
          <li>{t('researchPoint3')}</li>
          <li>{t('researchPoint4')}</li>
        </ul>
        <div class="row panel">
          <input type="checkbox" id="research-optin" checked={optIn() === true} disabled={optIn.loading} onChange={(e) => void toggleOptIn(e.currentTarget.checked)} />
          <label for="research-optin">{t('researchOptIn')}</label>
        </div>
      </section>
      <p id="research-status" role="status" aria-live="polite" class="muted">
        {status()}
      </p>

      <Show when={optIn() === true}>
        <section aria-labelledby="h-paste">
          <h2 id="h-paste">{t('researchPasteHeading')}</h2>
          <label for="research-paste">{t('researchPasteLabel')}</label>
          <textarea id="research-paste" value={pasteText()} onInput={(e) => setPasteText(e.currentTarget.value)} />
          <div class="row">
            <label for="research-channel">{t('researchChannel')}</label>
            <select id="research-channel" value={pasteChannel()} onChange={(e) => setPasteChannel(e.currentTarget.value)}>
              <For each={CHANNELS}>{(c) => <option value={c}>{t(`researchChannel_${c}`)}</option>}</For>
            </select>
            <button type="button" id="research-add" disabled={busy() || !pasteText().trim()} onClick={() => void addPasted()}>
              {t('researchAdd')}
            </button>
          </div>
        </section>

        <section aria-labelledby="h-messages">
          <h2 id="h-messages">{t('researchMessagesHeading')}</h2>
          <div class="row">
            <input type="checkbox" id="research-unflagged" checked={showUnflagged()} onChange={(e) => setShowUnflagged(e.currentTarget.checked)} />
            <label for="research-unflagged">{t('researchShowUnflagged')}</label>
            <button type="button" onClick={() => void refetchTabs()}>
              {t('researchReload')}
            </button>
          </div>
          <Show when={items().length > 0} fallback={<p class="muted">{t('researchNoMessages')}</p>}>
            <ul class="plain" id="research-items">
              <For each={items()}>
                {(item, i) => (
                  <ItemView
                    item={item}
                    index={i()}
                    choice={choiceOf(item.key)}
                    sample={sampleOf(item)}
                    onChoice={(patch) => setChoices(item.key, { ...choiceOf(item.key), ...patch })}
                    onRemove={item.stored ? () => void removeContribution(item.stored!.id) : undefined}
                  />
                )}
              </For>
            </ul>
          </Show>
        </section>

        <section aria-labelledby="h-export">
          <h2 id="h-export">{t('researchExportHeading')}</h2>
          <p class="muted">{t('researchExportHelp')}</p>
          <button type="button" id="research-export" disabled={selected().length === 0} onClick={exportFile}>
            {t('researchExport', String(selected().length))}
          </button>
        </section>
      </Show>
      <p class="disclaimer">{t('disclaimer')}</p>
    </>
  );
}
