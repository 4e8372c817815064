/** The popup's "this page" box: site recognised or not, counts by category, "Scan this page". */
import { For, Match, Show, Switch, createSignal } from 'solid-js';
import type { Category } from '../../engine/types';
import type { TabStatus as Status } from '../../extension/messages';
import { adapters } from '../../sites/registry';
import { CategoryTag } from '../components/CategoryTag';
import { t } from '../i18n';

export function TabStatus(props: { status: Status; tabId: number | undefined; scan: () => Promise<void> }) {
  const [scanning, setScanning] = createSignal(false);
  const [note, setNote] = createSignal('');
  const siteName = () => adapters.find((a) => a.id === props.status.site)?.name ?? props.status.site ?? '';
  const cats = () => Object.entries(props.status.stats?.byCategory ?? {}).filter(([, n]) => n) as [Category, number][];
  async function scan() {
    setScanning(true);
    try {
      await props.scan();
      setNote(t('scanStarted'));
    } catch {
      setNote(t('scanNotAllowed'));
    }
  }
  return (
    <Show
      when={props.status.status}
      fallback={
        <>
          <p>{t('statusNotRecognised')}</p>
          <button type="button" id="scan-page" disabled={props.tabId === undefined || scanning()} onClick={() => void scan()}>
            {t('scanThisPage')}
          </button>
          <Show when={note()}>
            <p>{note()}</p>
          </Show>
        </>
      }
    >
      <p>{props.status.site === 'generic' ? t('statusScannedOnRequest') : t('statusRecognised', siteName())}</p>
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
    </Show>
  );
}
