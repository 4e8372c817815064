/** The privacy policy page (privacy.html), in the interface language; the text is policy.ts. */
import { For } from 'solid-js';
import type { UiLang } from '../../engine/types';
import { POLICY } from './policy';

export function Privacy(props: { lang: UiLang }) {
  const p = () => POLICY[props.lang];
  return (
    <main id="app" class="privacy">
      <h1>{p().title}</h1>
      <p>{p().intro}</p>
      <For each={p().sections}>
        {([heading, items], i) => (
          <section aria-labelledby={`h-privacy-${i()}`}>
            <h2 id={`h-privacy-${i()}`}>{heading}</h2>
            <ul>
              <For each={items}>{(item) => <li>{item}</li>}</For>
            </ul>
          </section>
        )}
      </For>
    </main>
  );
}
