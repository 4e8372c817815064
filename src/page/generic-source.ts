/**
 * A MessageSource for any page the user asks us to scan (no site adapter): the outermost
 * text-bearing blocks — articles, list items, table cells, paragraphs, preformatted text —
 * each judged as one message. With a selection, only the block around the selection.
 */
import { isOwnUi } from './layer';
import type { MessageInfo, MessageSource } from './types';

const CANDIDATES = 'article, [role="article"], [role="listitem"], [role="row"], li, td, blockquote, pre, p, section';
const MIN_CHARS = 20;
const MAX_CHARS = 20_000;

function textLength(el: Element): number {
  return (el.textContent ?? '').trim().length;
}

export function genericSource(doc: Document, options: { selection?: Range } = {}): MessageSource {
  const roots = new WeakSet<Element>();
  const isRoot = (el: Element) => roots.has(el);
  const pick = (scope: ParentNode): Element[] => {
    if (options.selection) {
      let el: Node | null = options.selection.commonAncestorContainer;
      while (el && el.nodeType !== 1) el = el.parentNode;
      const block = (el as Element | null)?.closest(CANDIDATES) ?? (el as Element | null);
      return block ? [block] : [];
    }
    const all = Array.from((scope as ParentNode).querySelectorAll?.(CANDIDATES) ?? []);
    if (scope instanceof Element && scope.matches(CANDIDATES)) all.unshift(scope);
    // outermost candidates that are not too long: a whole <article>, not each of its <p>s
    return all.filter((el) => {
      if (isOwnUi(el)) return false;
      const len = textLength(el);
      if (len < MIN_CHARS || len > MAX_CHARS) return false;
      for (let p = el.parentElement; p; p = p.parentElement) if (p.matches(CANDIDATES) && textLength(p) <= MAX_CHARS) return false;
      return true;
    });
  };
  return {
    findMessages(scope) {
      const found = pick(scope);
      found.forEach((el) => roots.add(el));
      return found;
    },
    messageOf(node) {
      for (let el: Node | null = node; el; el = el.parentNode) if (el.nodeType === 1 && isRoot(el as Element)) return el as Element;
      return null;
    },
    info(message): MessageInfo {
      return { body: message, direction: 'incoming' };
    },
  };
}
