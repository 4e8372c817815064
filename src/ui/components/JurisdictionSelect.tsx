import { For, createEffect } from 'solid-js';
import jurisdictions from 'virtual:dunwatch-jurisdictions';
import type { UiLang } from '../../engine/types';
import { JURISDICTIONS, jurisdictionName } from '../common';

/** The jurisdiction <select>, named in the interface language (only ~7 kB of data, not the rules). */
export function JurisdictionSelect(props: { id: string; value: string; lang: UiLang; onChange: (j: string) => void; labelledBy?: string; describedBy?: string }) {
  let select: HTMLSelectElement | undefined;
  // after the <option>s exist (a `selected` on a detached option is not reliable everywhere)
  createEffect(() => {
    if (select) select.value = props.value;
  });
  return (
    <select ref={select} id={props.id} aria-labelledby={props.labelledBy} aria-describedby={props.describedBy} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <For each={JURISDICTIONS}>
        {(j) => (
          <option value={j}>
            {`${jurisdictionName(jurisdictions, j, props.lang)} (${j.toUpperCase()})`}
          </option>
        )}
      </For>
    </select>
  );
}
