import type { JSX } from 'solid-js';

/** A link that opens in a new tab, without giving the new page a handle on this one. */
export function ExtLink(props: { href: string; children: JSX.Element }) {
  return (
    <a href={props.href} target="_blank" rel="noopener noreferrer">
      {props.children}
    </a>
  );
}
