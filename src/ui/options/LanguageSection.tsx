import { For, createEffect } from 'solid-js';
import { uiLangSetting } from '../../extension/settings';
import { t } from '../i18n';

type Pref = '' | 'en' | 'zh-CN' | 'zh-TW';

/** Interface language: the browser's, or one chosen here (the page reloads in it). */
export function LanguageSection(props: { value: Pref; onChanged: () => void }) {
  // language names are written in their own language, as language pickers do
  const langs: [Pref, string][] = [['', t('uiLangBrowser')], ['en', 'English'], ['zh-CN', '简体中文'], ['zh-TW', '繁體中文']];
  let select: HTMLSelectElement | undefined;
  createEffect(() => {
    if (select) select.value = props.value;
  });
  return (
    <section aria-labelledby="h-lang">
      <h2 id="h-lang">{t('uiLangLabel')}</h2>
      <select ref={select} id="ui-lang" aria-labelledby="h-lang" onChange={(e) => void uiLangSetting.setValue(e.currentTarget.value as Pref).then(props.onChanged)}>
        <For each={langs}>
          {([v, name]) => (
            <option value={v} lang={v || undefined}>
              {name}
            </option>
          )}
        </For>
      </select>
    </section>
  );
}
