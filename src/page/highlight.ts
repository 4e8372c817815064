/**
 * In-page marking through the CSS Custom Highlight API: one highlight per category
 * (`dunwatch-threat` …), so the host page's text and DOM are never rewritten. Each category
 * has its own underline style as well as a colour (not colour alone). Browsers without the
 * API get boxes drawn in an overlay inside our shadow root.
 */
import { CATEGORIES, type Category } from '../engine/types';

export const HIGHLIGHT_PREFIX = 'dunwatch-';

const STYLE: Record<Category, { colour: string; background: string; line: string }> = {
  threat: { colour: '#b91c1c', background: 'rgba(220, 38, 38, 0.16)', line: 'wavy' },
  privacy: { colour: '#7e22ce', background: 'rgba(147, 51, 234, 0.14)', line: 'double' },
  abuse: { colour: '#c2410c', background: 'rgba(234, 88, 12, 0.14)', line: 'dotted' },
  deception: { colour: '#0f766e', background: 'rgba(13, 148, 136, 0.14)', line: 'dashed' },
  harassment: { colour: '#1d4ed8', background: 'rgba(37, 99, 235, 0.14)', line: 'solid' },
  unfair: { colour: '#4d7c0f', background: 'rgba(101, 163, 13, 0.14)', line: 'dashed' },
};

export function categoryStyle(category: Category) {
  return STYLE[category];
}

export function highlightCss(): string {
  return CATEGORIES.map((c) => {
    const s = STYLE[c];
    return `::highlight(${HIGHLIGHT_PREFIX}${c}) { background-color: ${s.background}; text-decoration: underline ${s.line} ${s.colour}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`;
  }).join('\n');
}

export function supportsHighlights(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

/** Owns the six highlights; ranges are grouped by message so a message can be redrawn or cleared alone. */
export class Highlighter {
  private readonly byMessage = new Map<Element, { category: Category; range: Range }[]>();
  private readonly highlights = new Map<Category, Highlight>();
  private style?: HTMLStyleElement;

  constructor(
    private readonly doc: Document,
    private readonly overlay?: (entries: { category: Category; range: Range }[]) => void,
  ) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (win && supportsHighlights(win) && !overlay) {
      for (const c of CATEGORIES) {
        const h = new win.Highlight();
        this.highlights.set(c, h);
        win.CSS.highlights.set(HIGHLIGHT_PREFIX + c, h);
      }
      this.style = doc.createElement('style');
      this.style.setAttribute('data-dunwatch-ui', '');
      this.style.textContent = highlightCss();
      (doc.head ?? doc.documentElement).append(this.style);
    }
  }

  set(message: Element, entries: { category: Category; range: Range }[]): void {
    this.clear(message);
    if (!entries.length) return;
    this.byMessage.set(message, entries);
    for (const e of entries) this.highlights.get(e.category)?.add(e.range);
    this.overlay?.(this.all());
  }

  clear(message: Element): void {
    for (const e of this.byMessage.get(message) ?? []) this.highlights.get(e.category)?.delete(e.range);
    this.byMessage.delete(message);
    this.overlay?.(this.all());
  }

  all(): { category: Category; range: Range }[] {
    return [...this.byMessage.values()].flat();
  }

  entriesOf(message: Element): { category: Category; range: Range }[] {
    return this.byMessage.get(message) ?? [];
  }

  /** Forget messages that left the page (SPA navigation) so their ranges do not leak. */
  prune(): void {
    for (const m of [...this.byMessage.keys()]) if (!m.isConnected) this.clear(m);
  }

  destroy(): void {
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    for (const c of CATEGORIES) {
      const h = this.highlights.get(c);
      if (h && win?.CSS?.highlights?.get(HIGHLIGHT_PREFIX + c) === h) win.CSS.highlights.delete(HIGHLIGHT_PREFIX + c);
    }
    this.highlights.clear();
    this.byMessage.clear();
    this.style?.remove();
    this.overlay?.([]);
  }
}
