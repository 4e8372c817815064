/**
 * The evidence locker UI: list, search and filters, one record with its screenshot and
 * flagged spans, notes and tags, deletion with a reason, chain verification, export and
 * import. Mounted by the full page (entrypoints/locker) and by the side panel. Everything it
 * changes goes through the background (LockerClient), the single writer of the locker.
 * Message text is rendered as text children only.
 */
import { For, Show, createEffect, createMemo, createResource, createSignal, onCleanup, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { Category } from '../../engine/types';
import type { CaptureRecord, RecordFinding } from '../../evidence/record';
import type { EvidenceImportPreviewResponse, EvidenceImportResponse, EvidenceListResponse, EvidenceVerifyResponse, LockerItem, LockerPendingChange } from '../../extension/evidence-messages';
import { categoryName } from '../common';
import { t, uiLang } from '../i18n';
import { segments } from '../mark';
import { effectiveJurisdiction } from '../../extension/settings';
import { runtimeClient, type ImportSession, type LockerClient } from './client';
import { ComplaintDraft } from './ComplaintDraft';

export interface LockerPanelProps {
  client?: LockerClient;
  /** 'page' (full page, h1) or 'panel' (side panel, compact, h2) */
  variant?: 'page' | 'panel';
}

export interface LockerFilter {
  query: string;
  sender: string;
  site: string;
  category: string;
  from: string;
  to: string;
}

export const senderLabel = (r: CaptureRecord) => r.sender.name ?? r.sender.address ?? '';
/** The day a record belongs to: when it was sent if known, else when it was saved. */
export const recordDay = (r: CaptureRecord) => (r.sentAt.iso ?? r.capturedAt).slice(0, 10);

export function filterItems(items: readonly LockerItem[], f: LockerFilter): LockerItem[] {
  const q = f.query.trim().toLowerCase();
  return items.filter(({ record: r, annotations }) => {
    if (f.sender && senderLabel(r) !== f.sender) return false;
    if (f.site && r.site !== f.site) return false;
    if (f.category && !r.findings.some((x) => x.category === f.category)) return false;
    const day = recordDay(r);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (!q) return true;
    const hay = [r.text, r.subject, r.sender.name, r.sender.address, r.note, r.site, ...annotations.map((a) => a.value), ...r.findings.map((x) => x.title)];
    return hay.some((s) => s?.toLowerCase().includes(q));
  });
}

const EMPTY_FILTER: LockerFilter = { query: '', sender: '', site: '', category: '', from: '', to: '' };
const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))].sort();

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function MarkedText(props: { text: string; findings: RecordFinding[] }): JSX.Element {
  const segs = createMemo(() => segments(props.text, props.findings.map((f, index) => ({ start: f.start, end: f.end, category: f.category as Category, index }))));
  return (
    <p class="marked" data-testid="record-text">
      <For each={segs()}>
        {(s) => (s.spans[0] ? <mark class={`cat-${s.spans[0].category}`} title={props.findings[s.spans[0].index]?.title}>{s.text}</mark> : <>{s.text}</>)}
      </For>
    </p>
  );
}

function Screenshot(props: { client: LockerClient; record: CaptureRecord }): JSX.Element {
  const [png] = createResource(
    () => (props.record.screenshotSha256 ? props.record.id : undefined),
    (id) => props.client.screenshot(id),
  );
  const url = createMemo(() => {
    const bytes = png();
    return bytes ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/png' })) : undefined;
  });
  createEffect((prev: string | undefined) => {
    const u = url();
    if (prev && prev !== u) URL.revokeObjectURL(prev);
    return u;
  });
  onCleanup(() => {
    const u = url();
    if (u) URL.revokeObjectURL(u);
  });
  return (
    <Show
      when={url()}
      fallback={
        <p class="muted" data-testid="no-screenshot">
          {props.record.source === 'pasted' ? t('lockerNoScreenshotPasted') : props.record.screenshotSha256 ? t('lockerScreenshotLoading') : t('lockerNoScreenshot')}
        </p>
      }
    >
      {(u) => <img class="locker-shot" src={u()} alt={t('lockerScreenshotAlt', senderLabel(props.record))} data-testid="screenshot" />}
    </Show>
  );
}

/** A labelled text field and its button (note, tag, reason for deleting); blank text is not submitted. */
function TextAction(props: { id: string; label: string; button: string; run: (value: string, clear: () => void) => void }): JSX.Element {
  const [value, setValue] = createSignal('');
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (value().trim()) props.run(value(), () => setValue(''));
      }}
    >
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type="text" value={value()} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit" disabled={!value().trim()}>
        {props.button}
      </button>
    </form>
  );
}

function RecordView(props: { client: LockerClient; item: LockerItem; onClose: () => void; onChanged: () => void }): JSX.Element {
  const r = () => props.item.record;
  const [msg, setMsg] = createSignal('');
  const write = async (p: Promise<{ ok: true; saved: boolean } | { ok: false; error: string }>, done: () => void) => {
    const res = await p;
    if (!res.ok) setMsg(t('lockerWriteFailed', res.error));
    else {
      setMsg(res.saved ? t('lockerSaved') : t('lockerSavedPending'));
      done();
    }
    props.onChanged();
  };
  const field = (label: string, value: string | null | undefined) => (value ? [<dt>{label}</dt>, <dd>{value}</dd>] : []);
  return (
    <article class="locker-record panel" aria-labelledby="locker-record-title" data-testid="record-view">
      <div class="row">
        <h3 id="locker-record-title" tabindex="-1">{r().subject || t('lockerNoSubject')}</h3>
        <button type="button" onClick={() => props.onClose()}>{t('lockerBack')}</button>
      </div>
      <dl class="locker-fields">
        {field(t('lockerSender'), [r().sender.name, r().sender.address].filter(Boolean).join(' · '))}
        {field(t('lockerSentShown'), r().sentAt.shown)}
        {field(t('lockerSentUtc'), r().sentAt.iso)}
        {field(t('lockerCaptured'), r().capturedAt)}
        {field(t('lockerSite'), r().site)}
        {field(t('lockerUrl'), r().url)}
        {field(t('lockerThread'), r().threadId)}
        {field(t('lockerDirection'), r().direction === 'outgoing' ? t('lockerOutgoing') : r().direction === 'incoming' ? t('lockerIncoming') : null)}
        {field(t('lockerPastedNote'), r().source === 'pasted' ? (r().note ?? '—') : null)}
        {field(t('lockerImportedMark'), props.item.imported ? t('lockerImportedDetail', props.item.imported.importedAt, groupedFingerprint(props.item.imported.keyFingerprint)) : null)}
        {field(t('lockerRecordHash'), props.item.sha256)}
        {field(t('lockerRulesHash'), r().rulesBundleHash)}
        {field(t('lockerExtensionVersion'), r().extensionVersion)}
      </dl>
      <Screenshot client={props.client} record={r()} />
      <h4>{t('lockerText')}</h4>
      <MarkedText text={r().text} findings={r().findings} />
      <Show when={r().findings.length} fallback={<p class="muted">{t('lockerNoFindings')}</p>}>
        <ul class="plain">
          <For each={r().findings}>
            {(f) => (
              <li class="finding">
                <span class={`tag cat-${f.category}`}>{categoryName(f.category as Category)}</span>
                <strong>{f.title}</strong>
                <div class="muted">{t('lockerRuleVersion', f.rule, String(f.ruleVersion))}{f.law.length ? ` · ${f.law.join(', ')}` : ''}</div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h4>{t('lockerAnnotations')}</h4>
      <Show when={props.item.annotations.length} fallback={<p class="muted">{t('lockerNoAnnotations')}</p>}>
        <ul data-testid="annotations">
          <For each={props.item.annotations}>
            {(a) => (
              <li>
                <span class="tag">{a.type === 'tag' ? t('lockerTag') : t('lockerNote')}</span>
                {a.value} <span class="muted">{a.createdAt}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <TextAction id="locker-note" label={t('lockerAddNote')} button={t('lockerAdd')} run={(v, clear) => void write(props.client.annotate(r().id, 'note', v), clear)} />
      <TextAction id="locker-tag" label={t('lockerAddTag')} button={t('lockerAdd')} run={(v, clear) => void write(props.client.annotate(r().id, 'tag', v), clear)} />
      <TextAction id="locker-delete-reason" label={t('lockerDeleteReason')} button={t('lockerDelete')} run={(v) => void write(props.client.remove(r().id, v), () => props.onClose())} />
      <p class="muted">{t('lockerDeleteExplain')}</p>
      <Show when={msg()}>
        <p role="status">{msg()}</p>
      </Show>
    </article>
  );
}

function VerifyResult(props: { v: EvidenceVerifyResponse }): JSX.Element {
  return (
    <div role="status" data-testid="verify-result" class="panel">
      <Show
        when={!props.v.ok}
        fallback={<p>{t('lockerVerifyOk', String(props.v.entries), props.v.headSha256.slice(0, 16))}</p>}
      >
        <p>
          <strong>{t('lockerVerifyBroken', String(props.v.problems.length))}</strong>
        </p>
        <ul>
          <For each={props.v.problems}>
            {(p) => (
              <li>
                {t('lockerVerifyEntry', String(p.index), p.recordId ?? '?', p.subject || '—', p.sender || '—')}: {p.reason}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

function ImportResult(props: { r: EvidenceImportResponse | Extract<EvidenceImportPreviewResponse, { ok: false }> }): JSX.Element {
  return (
    <div role="status" data-testid="import-result" class="panel">
      {props.r.ok ? (
        <>
          <p>{t('lockerImportedDone', String(props.r.records), String(props.r.added), String(props.r.skipped))}</p>
          <Show when={props.r.pending.length}>
            <p data-testid="import-pending-note">
              <strong>{t('lockerImportedPending', String(props.r.pending.length))}</strong>
            </p>
          </Show>
        </>
      ) : (
        <>
          <p>
            <strong>{t('lockerImportRefused')}</strong>
          </p>
          <ul>
            <For each={props.r.problems}>{(p) => <li>{p.file}: {p.reason}</li>}</For>
          </ul>
        </>
      )}
    </div>
  );
}

/** 64 hex digits in groups of four, easier to read out over the phone. */
export const groupedFingerprint = (fp: string) => fp.match(/.{1,4}/g)?.join(' ') ?? fp;

/** Before an import: who signed the file, what it would add, what it will not apply; the user decides. */
function ImportPreviewPanel(props: {
  r: Extract<EvidenceImportPreviewResponse, { ok: true }>;
  onProceed: () => void;
  onCancel: () => void;
  onPin: (label: string) => Promise<string | undefined>;
}): JSX.Element {
  const [pinMsg, setPinMsg] = createSignal('');
  const key = () => props.r.key;
  return (
    <section class="panel" data-testid="import-preview" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t('lockerImportPreviewTitle')}</h3>
      <p data-testid="import-fingerprint" data-fingerprint={props.r.fingerprint}>
        {t('lockerImportKeyFingerprint', groupedFingerprint(props.r.fingerprint))}
      </p>
      <p data-testid="import-key" data-key-kind={key().kind}>
        {(() => {
          const k = key();
          return k.kind === 'own' ? t('lockerImportKeyOwn') : k.kind === 'trusted' ? t('lockerImportKeyTrusted', k.label, k.pinnedAt.slice(0, 10)) : t('lockerImportKeyUnknown');
        })()}
      </p>
      <Show when={key().kind === 'unknown'}>
        <TextAction
          id="locker-pin-label"
          label={t('lockerPinLabel')}
          button={t('lockerPinKey')}
          run={(v, clear) =>
            void props.onPin(v).then((err) => {
              setPinMsg(err ? t('lockerWriteFailed', err) : t('lockerPinned', v.trim()));
              if (!err) clear();
            })
          }
        />
        <Show when={pinMsg()}>
          <p role="status">{pinMsg()}</p>
        </Show>
      </Show>
      <p>{t('lockerImportCounts', String(props.r.records), String(props.r.entries), String(props.r.skipped))}</p>
      <Show when={props.r.pending.length}>
        <p data-testid="import-preview-pending">
          <strong>{t('lockerImportPendingWarn', String(props.r.pending.length))}</strong>
        </p>
      </Show>
      <p class="muted">{t('lockerSignatureNotProves')}</p>
      <div class="row">
        <button type="button" data-testid="import-proceed" onClick={() => props.onProceed()}>
          {t('lockerImportProceed')}
        </button>
        <button type="button" data-testid="import-cancel" onClick={() => props.onCancel()}>
          {t('lockerImportCancel')}
        </button>
      </div>
    </section>
  );
}

/** Notes and deletions imports offered for records already here: applied only when ticked and confirmed. */
function PendingChanges(props: { client: LockerClient; pending: LockerPendingChange[]; onChanged: () => void }): JSX.Element {
  const [picked, setPicked] = createSignal<ReadonlySet<string>>(new Set());
  const [msg, setMsg] = createSignal('');
  const keyOf = (p: LockerPendingChange) => `${p.importId}#${p.index}`;
  const toggle = (k: string) => {
    const next = new Set(picked());
    if (!next.delete(k)) next.add(k);
    setPicked(next);
  };
  const describe = (p: LockerPendingChange) => {
    const what = p.subject || p.change.recordId;
    const who = p.sender || '—';
    return p.change.kind === 'deletion'
      ? t('lockerPendingDeletion', what, who, p.change.payload.reason)
      : t('lockerPendingAnnotation', p.change.payload.type === 'tag' ? t('lockerTag') : t('lockerNote'), what, who, p.change.payload.value);
  };
  const apply = async () => {
    const byImport = new Map<string, number[]>();
    for (const p of props.pending) if (picked().has(keyOf(p))) byImport.set(p.importId, [...(byImport.get(p.importId) ?? []), p.index]);
    let n = 0;
    for (const [importId, indexes] of byImport) {
      const r = await props.client.confirmPending(importId, indexes);
      if (!r.ok) {
        setMsg(t('lockerWriteFailed', r.error));
        props.onChanged();
        return;
      }
      n += indexes.length;
    }
    setPicked(new Set<string>());
    setMsg(t('lockerPendingApplied', String(n)));
    props.onChanged();
  };
  return (
    <details data-testid="pending-changes" open>
      <summary>{t('lockerPendingTitle', String(props.pending.length))}</summary>
      <p class="muted">{t('lockerPendingExplain')}</p>
      <ul class="plain">
        <For each={props.pending}>
          {(p) => (
            <li data-pending={keyOf(p)}>
              <label>
                <input type="checkbox" checked={picked().has(keyOf(p))} onChange={() => toggle(keyOf(p))} data-testid="pending-pick" /> {describe(p)}
              </label>
              <div class="muted">{t('lockerPendingFrom', groupedFingerprint(p.keyFingerprint), p.importedAt)}</div>
            </li>
          )}
        </For>
      </ul>
      <button type="button" data-testid="apply-pending" disabled={!picked().size} onClick={() => void apply()}>
        {t('lockerPendingApply')}
      </button>
      <Show when={msg()}>
        <p role="status">{msg()}</p>
      </Show>
    </details>
  );
}

/** This installation's fingerprint (to give to whoever checks an export) and the keys the user trusts. */
function Keys(props: { client: LockerClient; keys: EvidenceListResponse['keys']; onChanged: () => void }): JSX.Element {
  return (
    <details data-testid="keys">
      <summary>{t('lockerTrustedKeys')}</summary>
      <p data-testid="own-key">{t('lockerOwnKey', groupedFingerprint(props.keys.own))}</p>
      <ul class="plain">
        <For each={props.keys.trusted}>
          {(k) => (
            <li>
              <strong>{k.label}</strong> <code>{groupedFingerprint(k.fingerprint)}</code>{' '}
              <button type="button" onClick={() => void props.client.unpinKey(k.fingerprint).then(() => props.onChanged())}>
                {t('lockerUnpinKey')}
              </button>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}

export function IntegrityNote(): JSX.Element {
  return (
    <details class="disclaimer" data-testid="integrity">
      <summary>{t('lockerIntegrityTitle')}</summary>
      <p>{t('lockerSignatureProves')}</p>
      <p>{t('lockerSignatureNotProves')}</p>
    </details>
  );
}

export function LockerPanel(props: LockerPanelProps): JSX.Element {
  const client = props.client ?? runtimeClient();
  const [data, { refetch }] = createResource<EvidenceListResponse>(() => client.list());
  onCleanup(client.onChanged(() => void refetch()));
  const [filter, setFilter] = createSignal<LockerFilter>({ ...EMPTY_FILTER });
  const [selected, setSelected] = createSignal<string>();
  const [verdict, setVerdict] = createSignal<EvidenceVerifyResponse>();
  const [imported, setImported] = createSignal<EvidenceImportResponse | Extract<EvidenceImportPreviewResponse, { ok: false }>>();
  const [preview, setPreview] = createSignal<{ session: ImportSession; r: Extract<EvidenceImportPreviewResponse, { ok: true }> }>();
  // the background holds the uploaded file until the session closes: close it on cancel, on a new file, when the panel goes
  const closeSession = () => {
    preview()?.session.close();
    setPreview(undefined);
  };
  onCleanup(closeSession);
  const [busy, setBusy] = createSignal('');
  const [error, setError] = createSignal('');
  const items = () => data()?.items ?? [];
  // records picked for a complaint draft, in the reader's jurisdiction
  const [picked, setPicked] = createSignal<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(picked());
    if (!next.delete(id)) next.add(id);
    setPicked(next);
  };
  const [jurisdiction] = createResource(() => effectiveJurisdiction(navigator.language));
  // asked from this page (workers have no persist()); shown as the browser reports it
  const [persisted] = createResource(() => client.persistence());
  const shown = createMemo(() => filterItems(items(), filter()));
  const current = createMemo(() => items().find((i) => i.record.id === selected()));
  const set = (k: keyof LockerFilter) => (e: { currentTarget: { value: string } }) => setFilter({ ...filter(), [k]: e.currentTarget.value });

  const run = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setError('');
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy('');
    }
  };
  const onVerify = () => run('verify', async () => void setVerdict(await client.verify()));
  const onExport = () =>
    run('export', async () => {
      const r = await client.exportZip(uiLang() === 'en' ? 'en' : 'zh-CN');
      if (!r.ok) throw new Error(t('lockerExportFailed', r.error));
      download(r.zip, r.filename);
    });
  // import in two steps: verify and show who signed it and what it would do; import only on "Import"
  const onImport = (file: File | undefined) =>
    file &&
    run('import', async () => {
      closeSession();
      setImported(undefined);
      // the file is read and sent once, in chunks (a bundle of any size); the background keeps it for the preview and the import
      const opened = await client.openImport(file);
      if (!opened.ok) return void setImported(opened);
      const r = await opened.session.preview();
      if (r.ok) setPreview({ session: opened.session, r });
      else {
        opened.session.close();
        setImported(r);
      }
    });
  const onProceed = () =>
    run('import', async () => {
      const p = preview();
      if (!p) return;
      setPreview(undefined);
      try {
        setImported(await p.session.importZip(p.r.headSha256));
      } finally {
        p.session.close();
      }
      await refetch();
    });
  const onPin = async (label: string): Promise<string | undefined> => {
    const p = preview();
    if (!p) return undefined;
    const r = await client.pinKey(p.r.fingerprint, label);
    if (!r.ok) return r.error;
    // show the new status: preview again, on the bytes already sent (nothing changes by looking)
    const again = await p.session.preview();
    if (again.ok) setPreview({ session: p.session, r: again });
    await refetch();
    return undefined;
  };

  return (
    <section class={`locker locker-${props.variant ?? 'page'}`} aria-labelledby="locker-title" data-testid="locker">
      <Dynamic component={props.variant === 'panel' ? 'h2' : 'h1'} id="locker-title">
        {t('lockerTitle')}
      </Dynamic>
      <p class="muted">{t('lockerIntro')}</p>
      <Show when={data()?.status.pending}>
        <div role="alert" class="panel" data-testid="pending">
          <p>{t('lockerPending', String(data()?.status.pending ?? 0), data()?.status.lastError?.message ?? '')}</p>
          <button type="button" onClick={() => run('retry', async () => void (await client.retry(), await refetch()))}>{t('lockerRetry')}</button>
        </div>
      </Show>
      <Show when={persisted() !== undefined}>
        <p class="muted" data-testid="persistence" data-persisted={String(persisted())}>
          {persisted() === true ? t('lockerPersisted') : persisted() === false ? t('lockerNotPersisted') : t('lockerPersistUnknown')}
        </p>
      </Show>
      <div class="row" role="group" aria-label={t('lockerActions')}>
        <button type="button" onClick={onVerify} disabled={!!busy()} data-testid="verify">{t('lockerVerify')}</button>
        <button type="button" onClick={onExport} disabled={!!busy() || !items().length} data-testid="export">{t('lockerExport')}</button>
        <label class="button-like">
          {t('lockerImport')}{' '}
          <input type="file" accept=".zip,application/zip" data-testid="import" disabled={!!busy()} onChange={(e) => void onImport(e.currentTarget.files?.[0])} />
        </label>
        <Show when={busy()}>
          <span role="status" class="muted">{t('lockerWorking')}</span>
        </Show>
      </div>
      <Show when={error()}>
        <p role="alert">{error()}</p>
      </Show>
      <Show when={verdict()}>{(v) => <VerifyResult v={v()} />}</Show>
      <Show when={preview()}>{(p) => <ImportPreviewPanel r={p().r} onProceed={onProceed} onCancel={closeSession} onPin={onPin} />}</Show>
      <Show when={imported()}>{(r) => <ImportResult r={r()} />}</Show>
      <Show when={data()?.pending.length}>
        <PendingChanges client={client} pending={data()!.pending} onChanged={() => void refetch()} />
      </Show>

      <Show when={current()} fallback={
        <>
          <div class="row locker-filters" role="search">
            <label>
              {t('lockerSearch')} <input type="text" value={filter().query} onInput={set('query')} data-testid="search" />
            </label>
            <label>
              {t('lockerSender')}{' '}
              <select onChange={set('sender')} data-testid="filter-sender">
                <option value="">{t('lockerAll')}</option>
                <For each={uniq(items().map((i) => senderLabel(i.record)))}>{(s) => <option value={s}>{s}</option>}</For>
              </select>
            </label>
            <label>
              {t('lockerSite')}{' '}
              <select onChange={set('site')} data-testid="filter-site">
                <option value="">{t('lockerAll')}</option>
                <For each={uniq(items().map((i) => i.record.site))}>{(s) => <option value={s}>{s}</option>}</For>
              </select>
            </label>
            <label>
              {t('lockerCategory')}{' '}
              <select onChange={set('category')} data-testid="filter-category">
                <option value="">{t('lockerAll')}</option>
                <For each={uniq(items().flatMap((i) => i.record.findings.map((f) => f.category)))}>{(c) => <option value={c}>{categoryName(c as Category)}</option>}</For>
              </select>
            </label>
            <label>
              {t('lockerFrom')} <input type="date" value={filter().from} onInput={set('from')} data-testid="filter-from" />
            </label>
            <label>
              {t('lockerTo')} <input type="date" value={filter().to} onInput={set('to')} data-testid="filter-to" />
            </label>
          </div>
          <p class="muted" role="status">{t('lockerCount', String(shown().length), String(items().length))}</p>
          <Show when={items().length} fallback={<p data-testid="empty">{t('lockerEmpty')}</p>}>
            <ul class="plain locker-list" data-testid="list">
              <For each={shown()}>
                {(i) => (
                  <li class="finding" data-record-id={i.record.id}>
                    <input
                      type="checkbox"
                      aria-label={t('lockerPickForComplaint', i.record.subject || i.record.text.slice(0, 60))}
                      checked={picked().has(i.record.id)}
                      onChange={() => toggle(i.record.id)}
                      data-testid="pick"
                    />{' '}
                    <button type="button" class="locker-open" onClick={() => setSelected(i.record.id)}>
                      {i.record.subject || i.record.text.slice(0, 60)}
                    </button>
                    <div class="muted">
                      {senderLabel(i.record) || '—'} · {i.record.site} · {recordDay(i.record)}
                      {i.record.direction === 'outgoing' ? ` · ${t('lockerOutgoing')}` : ''}
                      <Show when={i.imported}>
                        {(p) => (
                          <>
                            {' · '}
                            <span class="tag imported" data-testid="imported-mark" title={t('lockerImportedDetail', p().importedAt, groupedFingerprint(p().keyFingerprint))}>
                              {t('lockerImportedMark')}
                            </span>
                          </>
                        )}
                      </Show>
                    </div>
                    <div>
                      <For each={uniq(i.record.findings.map((f) => f.category))}>{(c) => <span class={`tag cat-${c}`}>{categoryName(c as Category)}</span>}</For>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={items().length}>
            <details data-testid="complaint">
              <summary>{t('complaintHeading')}</summary>
              <ComplaintDraft records={items().filter((i) => picked().has(i.record.id)).map((i) => i.record)} jurisdiction={jurisdiction() ?? 'us'} uiLang={uiLang()} />
            </details>
          </Show>
          <Show when={data()?.deletions.length}>
            <details data-testid="deletions">
              <summary>{t('lockerDeletedTitle', String(data()?.deletions.length ?? 0))}</summary>
              <ul>
                <For each={data()?.deletions}>{(d) => <li>{t('lockerDeletedItem', d.recordId, d.deletedAt, d.reason)}</li>}</For>
              </ul>
            </details>
          </Show>
        </>
      }>
        {(item) => <RecordView client={client} item={item()} onClose={() => setSelected(undefined)} onChanged={() => void refetch()} />}
      </Show>
      <Show when={data()?.keys}>{(k) => <Keys client={client} keys={k()} onChanged={() => void refetch()} />}</Show>
      <IntegrityNote />
    </section>
  );
}
