/** A site adapter (src/sites) as the MessageSource the page loop (src/page) reads messages through. */
import { extractRecord, findRoots, rootSelectors } from '../sites/extract';
import type { LayoutSelectors, SiteAdapter } from '../sites/types';
import type { MessageSource } from '../page/loop';

function matchesAny(el: Element, selectors: readonly string[]): boolean {
  return selectors.some((css) => {
    try {
      return el.matches(css);
    } catch {
      return false;
    }
  });
}

export function adapterSource(adapter: SiteAdapter): MessageSource {
  const layouts = [adapter.layouts.thread, adapter.layouts.list].filter((l): l is LayoutSelectors => Boolean(l));
  const selectors = layouts.map((l) => ({ layout: l, css: rootSelectors(l) }));
  /**
   * As in findRoots(): per layout, the first root selector that finds anything in the document
   * decides (a fallback selector may also match parts of a message the first one wraps).
   */
  const active = (doc: Document): string[] =>
    selectors.flatMap(({ css }) => {
      const hit = css.find((c) => {
        try {
          return doc.querySelector(c) !== null;
        } catch {
          return false;
        }
      });
      return hit ? [hit] : [];
    });
  const layoutOf = (root: Element) => selectors.find((s) => matchesAny(root, s.css))?.layout;
  return {
    findMessages(scope) {
      if ((scope as Node).nodeType === 9) return layouts.flatMap((l) => findRoots(scope as Document, l));
      const doc = (scope as Node).ownerDocument;
      if (!doc) return [];
      const found = new Set<Element>();
      for (const c of active(doc)) {
        try {
          if ((scope as Node).nodeType === 1) {
            const up = (scope as Element).closest(c);
            if (up) found.add(up);
          }
          for (const el of (scope as ParentNode).querySelectorAll(c)) found.add(el);
        } catch {
          // a selector this browser does not support
        }
      }
      return [...found];
    },
    messageOf(node) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el) return null;
      for (const c of active(el.ownerDocument)) {
        try {
          const root = el.closest(c);
          if (root) return root;
        } catch {
          // unsupported selector
        }
      }
      return null;
    },
    info(root) {
      const layout = layoutOf(root);
      if (!layout) return null;
      const record = extractRecord(root, layout);
      if (!record.bodyEl) return null;
      return {
        body: record.bodyEl,
        direction: record.direction,
        ...(record.sender ? { sender: record.sender } : {}),
        ...(record.sentAt ? { sentAt: record.sentAt } : {}),
        ...(record.sentAtShown ? { sentAtShown: record.sentAtShown } : {}),
        layout: layout === adapter.layouts.list ? ('list' as const) : ('thread' as const),
        ...(record.threadId ? { threadId: record.threadId } : {}),
        ...(record.subject ? { subject: record.subject } : {}),
      };
    },
  };
}
