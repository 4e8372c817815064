/**
 * The popup's "this page" box: site recognised or not, how it is read (its adapter, or the
 * fallback reader when the layout was not recognised), counts by category, and the on-demand
 * checks ("Scan this page", "Check the selected text") wherever the page is not fully read.
 */
import { For, Match, Show, Switch, createSignal } from 'solid-js';
import type { Category } from '../../engine/types';
import type { TabStatus as Status } from '../../extension/messages';
import { adapters } from '../../sites/registry';
import { CategoryTag } from '../components/CategoryTag';
import { t } from '../i18n';

export type ScanMode = 'page' | 'selection';

/** Thrown by `scan('selection')` when nothing is selected on the page. */
export const NO_SELECTION = 'no-selection';

export function TabStatus(props: { status: Status; tabId: number | undefined; scan: (mode?: ScanMode) => Promise<void>; copyDiagnostics?: () => Promise<void> }) {
  const [scanning, setScanning] = createSignal(false);
  const [note, setNote] = createSignal('');
  const [copied, setCopied] = createSignal('');
  async function copy() {
    try {
      await props.copyDiagnostics!();
      setCopied(t('diagnosticsCopied'));
    } catch (e) {
      setCopied(t('diagnosticsFailed', (e as Error)?.message ?? String(e)));
    }
  }
  // for contributors: what was found, never what it says
  const diagnostics = () => (
    <Show when={props.copyDiagnostics && props.tabId !== undefined}>
      <p class="diagnostics">
        <button type="button" id="copy-diagnostics" onClick={() => void copy()}>
          {t('copyDiagnostics')}
        </button>
      </p>
      <Show when={copied()}>
        <p role="status" id="diagnostics-note">
          {copied()}
        </p>
      </Show>
    </Show>
  );
  const siteName = () => adapters.find((a) => a.id === props.status.site)?.name ?? props.status.site ?? '';
  const cats = () => Object.entries(props.status.stats?.byCategory ?? {}).filter(([, n]) => n) as [Category, number][];
  async function scan(mode: ScanMode) {
    setScanning(true);
    try {
      await props.scan(mode);
      setNote(t(mode === 'selection' ? 'selectionStarted' : 'scanStarted'));
    } catch (e) {
      setScanning(false);
      setNote(t((e as Error)?.message === NO_SELECTION ? 'selectionEmpty' : 'scanNotAllowed'));
    }
  }
  const button = (mode: ScanMode) => (
    <button type="button" id={mode === 'page' ? 'scan-page' : 'check-selection'} disabled={props.tabId === undefined || scanning()} onClick={() => void scan(mode)}>
      {t(mode === 'page' ? 'scanThisPage' : 'checkSelection')}
    </button>
  );
  const noteLine = () => (
    <Show when={note()}>
      <p>{note()}</p>
    </Show>
  );
  return (
    <Show
      when={props.status.status}
      fallback={
        <>
          <p>{t('statusNotRecognised')}</p>
          {button('page')} {button('selection')}
          {noteLine()}
          {diagnostics()}
        </>
      }
    >
      <p>{props.status.site === 'generic' ? t('statusScannedOnRequest') : t('statusRecognised', siteName())}</p>
      <Show when={props.status.reader === 'fallback'}>
        <p role="note" id="status-fallback">
          {t('statusFallback')}
        </p>
      </Show>
      <Switch>
        <Match when={props.status.status === 'disabled'}>
          <p>{t('statusDisabled')}</p>
        </Match>
        <Match when={props.status.status === 'scanning'}>
          <p>{t('statusScanning')}</p>
        </Match>
        <Match when={props.status.status === 'no-messages'}>
          <p role="note">{t('statusNoMessages')}</p>
        </Match>
        <Match when={props.status.status === 'ok' && props.status.stats}>
          {(s) => (
            <>
              <p>{t('statusCounts', String(s().messages), String(s().flagged))}</p>
              <Show when={cats().length}>
                <ul class="plain">
                  <For each={cats()}>
                    {([c, n]) => (
                      <li>
                        <CategoryTag category={c} />
                        {String(n)}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      {/* not read by the site's own layout, or nothing found: the reader can still check what they see */}
      <Show when={props.status.reader === 'fallback' || props.status.status === 'no-messages'}>
        <p>
          <Show when={props.status.status === 'no-messages'}>{button('page')} </Show>
          {button('selection')}
        </p>
        {noteLine()}
      </Show>
      {diagnostics()}
    </Show>
  );
}
