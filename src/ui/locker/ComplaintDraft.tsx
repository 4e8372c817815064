/**
 * The complaint draft for the selected saved messages (issue #5 item 7): the plain-text draft
 * from src/evidence/complaint.ts in a read-only textarea, a copy button, and the official link
 * of the jurisdiction's complaint channel. The locker passes the selection, the jurisdiction
 * and the interface language. The draft itself is in `uiLang`; the controls go through t().
 */
import { createMemo, createSignal, createUniqueId, Show } from 'solid-js';
import bundle from 'virtual:dunwatch-rules';
import type { UiLang } from '../../engine/types';
import { buildComplaint } from '../../evidence/complaint';
import type { CaptureRecord } from '../../evidence/record';
import { t } from '../i18n';

export interface ComplaintDraftProps {
  records: CaptureRecord[];
  jurisdiction: string;
  uiLang: UiLang;
}

async function copyText(text: string, area: HTMLTextAreaElement | undefined): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no clipboard permission (or an old browser): select the text so the user can press Ctrl+C
    area?.focus();
    area?.select();
    return false;
  }
}

export function ComplaintDraft(props: ComplaintDraftProps) {
  const draft = createMemo(() => buildComplaint(props.records, props.jurisdiction, props.uiLang, { bundle }));
  const [status, setStatus] = createSignal<'' | 'copied' | 'failed'>('');
  let area: HTMLTextAreaElement | undefined;
  const id = `complaint-${createUniqueId()}`;

  const copy = async () => {
    setStatus((await copyText(draft().text, area)) ? 'copied' : 'failed');
  };

  return (
    <section class="complaint-draft" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('complaintHeading')}</h2>
      <p class="muted">{t('complaintIntro')}</p>
      <Show when={draft().count === 0}>
        <p role="status">{t('complaintNoneSelected')}</p>
      </Show>
      <label for={`${id}-text`}>{t('complaintTextLabel')}</label>
      <textarea id={`${id}-text`} ref={area} readOnly rows={18} spellcheck={false} value={draft().text} style={{ width: '100%', 'font-family': 'inherit' }} />
      <p>
        <button type="button" onClick={() => void copy()}>
          {t('complaintCopy')}
        </button>{' '}
        <span role="status" aria-live="polite">
          {status() === 'copied' ? t('complaintCopied') : status() === 'failed' ? t('complaintCopyFailed') : ''}
        </span>
      </p>
      <p>
        {t('complaintSendTo')}{' '}
        <a href={draft().channel.url} target="_blank" rel="noopener noreferrer">
          {draft().channel.name}
        </a>
        <Show when={draft().channel.phone}>{(phone) => <span>{` · ${t('complaintPhone', phone())}`}</span>}</Show>
      </p>
    </section>
  );
}
