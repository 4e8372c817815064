import { For } from 'solid-js';
import { sitesSetting } from '../../extension/settings';
import { adapters } from '../../sites/registry';
import { t } from '../i18n';
import { Checkbox } from './Checkbox';

/** Which sites Dunwatch reads (all on by default). */
export function SitesSection(props: { value: Record<string, boolean>; saved: () => void }) {
  async function toggle(id: string, on: boolean) {
    await sitesSetting.setValue({ ...(await sitesSetting.getValue()), [id]: on });
    props.saved();
  }
  return (
    <section aria-labelledby="h-sites">
      <h2 id="h-sites">{t('sitesLabel')}</h2>
      <ul id="sites" class="plain">
        <For each={adapters}>
          {(a) => (
            <li>
              <Checkbox id={`site-${a.id}`} checked={props.value[a.id] !== false} onChange={(on) => void toggle(a.id, on)}>
                {a.name}
              </Checkbox>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
