/** The ignore list ("not a problem here" choices) with delete and undo of the last delete. */
import { For, Show, createSignal } from 'solid-js';
import type { CompiledRule, UiLang } from '../../engine/types';
import { ignoresSetting } from '../../extension/settings';
import type { IgnoreEntry } from '../../page/loop';
import { t } from '../i18n';
import { removeAt, undoRemove, type Removed } from '../ignore-list';

export function IgnoreSection(props: { initial: IgnoreEntry[]; rules: readonly CompiledRule[]; lang: UiLang; saved: () => void }) {
  // the stored list at page load; from then on this section keeps it
  const [list, setList] = createSignal<IgnoreEntry[]>(props.initial);
  const [removed, setRemoved] = createSignal<Removed>();
  const ruleTitle = (id: string) => props.rules.find((r) => r.id === id)?.title[props.lang] ?? id;
  const scope = (e: IgnoreEntry) => (e.scope === 'sender' ? t('scopeSender', e.sender ?? '') : e.scope === 'message' ? t('scopeMessage') : t('scopeRuleOnSite', e.site));

  async function remove(index: number) {
    const r = removeAt(await ignoresSetting.getValue(), index);
    await ignoresSetting.setValue(r.list);
    setRemoved(r.removed);
    setList(r.list);
    props.saved();
  }
  async function undo() {
    const r = removed();
    if (!r) return;
    const next = undoRemove(await ignoresSetting.getValue(), r);
    await ignoresSetting.setValue(next);
    setRemoved(undefined);
    setList(next);
    props.saved();
  }
  return (
    <section aria-labelledby="h-ignores">
      <h2 id="h-ignores">{t('ignoresLabel')}</h2>
      <div id="ignores">
        <Show when={removed()}>
          <p class="row">
            {t('ignoreRemoved')}
            <button type="button" id="ignore-undo" onClick={() => void undo()}>
              {t('undo')}
            </button>
          </p>
        </Show>
        <Show when={list().length} fallback={<p class="muted">{t('ignoresEmpty')}</p>}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colRule')}</th>
                <th scope="col">{t('colScope')}</th>
                <th scope="col">{t('colSite')}</th>
                <th scope="col">{t('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={list()}>
                {(e, i) => (
                  <tr>
                    <td>{ruleTitle(e.rule)}</td>
                    <td>{scope(e)}</td>
                    <td>{e.site}</td>
                    <td>
                      <button type="button" aria-label={t('ignoreDeleteLabel', ruleTitle(e.rule))} onClick={() => void remove(i())}>
                        {t('delete')}
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </div>
    </section>
  );
}
