/**
 * Message text with findings as <mark>s. Every piece is a JSX text child, so Solid creates
 * text nodes: `<img onerror=…>` in a message stays visible, inert text.
 */
import { For, Show } from 'solid-js';
import { segments, type Span } from '../mark';

export function MarkedText(props: { text: string; spans: readonly Span[] }) {
  return (
    <For each={segments(props.text, props.spans)}>
      {(seg) => (
        <Show when={seg.spans[0]} fallback={seg.text}>
          {(first) => (
            <mark class={`cat-${first().category}`} data-category={first().category} data-finding={seg.spans.map((s) => s.index).join(' ')}>
              {seg.text}
            </mark>
          )}
        </Show>
      )}
    </For>
  );
}
