/**
 * Test helpers for the page side (happy-dom): our layer's shadow root is closed, so tests keep
 * the roots `attachShadow` returns; and our controls accept only trusted events, so tests
 * press them with events marked trusted (a page script cannot do this in a real browser:
 * `isTrusted` is an unforgeable own property there).
 */
import { vi } from 'vitest';

/** Every shadow root attached from now on, in order (restore with vi.restoreAllMocks()). */
export function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

function trustedEvent<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

/** A click as a person makes it. */
export function press(el: Element): void {
  el.dispatchEvent(trustedEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
}

/** A key press as a person makes it. */
export function key(el: Element, k: string): void {
  el.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true })));
}
