/** Categories and rules on or off, each rule with its own hit and miss examples as illustration. */
import { For } from 'solid-js';
import { CATEGORIES, type Category, type CompiledRule, type UiLang } from '../../engine/types';
import { disabledCategoriesSetting, disabledRulesSetting } from '../../extension/settings';
import { rightsPageUrl } from '../common';
import { CategoryTag } from '../components/CategoryTag';
import { MarkedText } from '../components/MarkedText';
import { t } from '../i18n';
import { parseExample } from '../mark';
import { Checkbox } from './Checkbox';

function Example(props: { text: string; hit: boolean; category: Category }) {
  const ex = parseExample(props.text);
  return (
    <li class="example">
      <strong>{props.hit ? t('exampleHit') : t('exampleMiss')}</strong>{' '}
      <span class="marked">
        <MarkedText text={ex.text} spans={props.hit ? ex.spans.map((s, i) => ({ ...s, category: props.category, index: i })) : []} />
      </span>
    </li>
  );
}

async function toggleIn<T extends string>(item: { getValue(): Promise<T[]>; setValue(v: T[]): Promise<void> }, id: T, on: boolean) {
  const cur = new Set(await item.getValue());
  if (on) cur.delete(id);
  else cur.add(id);
  await item.setValue([...cur]);
}

export function RulesSection(props: { rules: readonly CompiledRule[]; lang: UiLang; offRules: readonly string[]; offCategories: readonly Category[]; saved: () => void }) {
  const inCategory = (c: Category) => props.rules.filter((r) => r.category === c);
  return (
    <section aria-labelledby="h-rules">
      <h2 id="h-rules">{t('rulesLabel')}</h2>
      <p class="muted">{t('rulesHelp')}</p>
      <div id="rules">
        <For each={CATEGORIES}>
          {(c) => (
            <>
              <h3>
                <Checkbox id={`cat-${c}`} checked={!props.offCategories.includes(c)} onChange={(on) => void toggleIn(disabledCategoriesSetting, c, on).then(props.saved)}>
                  <CategoryTag category={c} />
                </Checkbox>
              </h3>
              <ul class="plain">
                <For each={inCategory(c)}>
                  {(r) => (
                    <li class="finding">
                      <Checkbox id={`rule-${r.id}`} checked={!props.offRules.includes(r.id)} onChange={(on) => void toggleIn(disabledRulesSetting, r.id, on).then(props.saved)}>
                        {r.title[props.lang]}
                      </Checkbox>
                      <details>
                        <summary>{t('examples')}</summary>
                        <ul>
                          <For each={r.examples.hit.slice(0, 2)}>{(e) => <Example text={e} hit category={c} />}</For>
                          <For each={r.examples.miss.slice(0, 2)}>{(e) => <Example text={e} hit={false} category={c} />}</For>
                        </ul>
                        <p>
                          <a href={rightsPageUrl({ rule: r.id })}>{t('whatYouCanDo')}</a>
                        </p>
                      </details>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </For>
      </div>
    </section>
  );
}
