import { For, Show } from 'solid-js';
import type { Jurisdiction, UiLang } from '../../engine/types';
import { t } from '../i18n';
import { ExtLink } from './ExtLink';

/** Where to complain in a jurisdiction: official links, with phone numbers. */
export function RightsLinks(props: { jurisdiction: Jurisdiction | undefined; lang: UiLang }) {
  return (
    <Show when={props.jurisdiction?.rights.length} fallback={<p class="muted">{t('noChannels')}</p>}>
      <ul>
        <For each={props.jurisdiction?.rights ?? []}>
          {(r) => (
            <li>
              <ExtLink href={r.url}>{r.title[props.lang]}</ExtLink>
              {r.phone ? ` · ${t('phone')} ${r.phone}` : ''}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
