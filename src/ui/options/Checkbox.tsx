import type { JSX } from 'solid-js';

/** A checkbox with its label, as one row. */
export function Checkbox(props: { id: string; checked: boolean; onChange: (on: boolean) => void; children: JSX.Element }) {
  return (
    <span class="row">
      <input type="checkbox" id={props.id} checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <label for={props.id}>{props.children}</label>
    </span>
  );
}
