/**
 * Save a pasted message (popup) to the evidence locker, marked as pasted, with the user's
 * own note of where and when they received it. Props: the text and the findings the popup
 * already has. The background (the single writer) builds and stores the record.
 */
import { Show, createSignal, type JSX } from 'solid-js';
import type { Finding } from '../../engine/types';
import { t } from '../i18n';
import { runtimeClient, type LockerClient } from './client';

export interface SavePastedEvidenceProps {
  text: string;
  findings: Finding[];
  client?: LockerClient;
  /** where "Open the evidence locker" goes (default: the extension's locker page) */
  lockerUrl?: string;
}

export function SavePastedEvidence(props: SavePastedEvidenceProps): JSX.Element {
  const client = props.client ?? runtimeClient();
  const [note, setNote] = createSignal('');
  const [state, setState] = createSignal<{ kind: 'idle' | 'busy' | 'saved' | 'pending' | 'error'; text?: string }>({ kind: 'idle' });
  const lockerUrl = () => props.lockerUrl ?? (typeof browser !== 'undefined' ? browser.runtime.getURL('/locker.html') : 'locker.html');
  const save = async (e: Event) => {
    e.preventDefault();
    if (!props.text.trim()) return;
    setState({ kind: 'busy' });
    try {
      const r = await client.savePasted(props.text, props.findings, note());
      if (!r.ok) setState({ kind: 'error', text: t('lockerWriteFailed', r.error) });
      else setState(r.saved ? { kind: 'saved', text: t('pastedSaved') } : { kind: 'pending', text: t('lockerSavedPending') });
    } catch (err) {
      setState({ kind: 'error', text: t('lockerWriteFailed', (err as Error).message) });
    }
  };
  return (
    <form class="panel save-pasted" onSubmit={(e) => void save(e)} data-testid="save-pasted">
      <label for="pasted-note">{t('pastedNoteLabel')}</label>
      <input id="pasted-note" type="text" value={note()} placeholder={t('pastedNotePlaceholder')} onInput={(e) => setNote(e.currentTarget.value)} style={{ width: '100%' }} />
      <p class="muted">{t('pastedExplain')}</p>
      <div class="row">
        <button type="submit" disabled={state().kind === 'busy' || !props.text.trim()}>{t('pastedSave')}</button>
        <Show when={state().text}>
          <span role="status" data-state={state().kind}>{state().text}</span>
        </Show>
        <Show when={state().kind === 'saved' || state().kind === 'pending'}>
          <a href={lockerUrl()} target="_blank" rel="noopener">{t('lockerOpen')}</a>
        </Show>
      </div>
    </form>
  );
}
