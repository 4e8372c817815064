/**
 * In-page marking through the CSS Custom Highlight API: one highlight per category
 * (`dunwatch-threat` …), so the host page's text and DOM are never rewritten. Each category
 * has its own underline style as well as a colour (not colour alone). Browsers without the
 * API get boxes drawn in an overlay inside our shadow root.
 */
import { CATEGORIES, type Category } from '../engine/types';
import { markOwn } from './layer';

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

/** The six highlights of one document, and the style that paints them there. */
interface Registry {
  win: Window & typeof globalThis;
  highlights: Map<Category, Highlight>;
  style: HTMLStyleElement;
}

/**
 * Owns the six highlights; ranges are grouped by message so a message can be redrawn or
 * cleared alone. Each document has its own highlight registry, so ranges inside a same-origin
 * iframe (Proton Mail renders bodies in one) are registered, and styled, in that iframe.
 */
export class Highlighter {
  private readonly byMessage = new Map<Element, { category: Category; range: Range }[]>();
  private readonly registries = new Map<Document, Registry | null>();

  constructor(
    private readonly doc: Document,
    private readonly overlay?: (entries: { category: Category; range: Range }[]) => void,
  ) {
    if (!overlay) this.registry(doc);
  }

  private registry(doc: Document): Registry | null {
    if (this.overlay) return null;
    const known = this.registries.get(doc);
    if (known !== undefined) return known;
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    let reg: Registry | null = null;
    if (win && supportsHighlights(win)) {
      const highlights = new Map<Category, Highlight>();
      for (const c of CATEGORIES) {
        const h = new win.Highlight();
        highlights.set(c, h);
        win.CSS.highlights.set(HIGHLIGHT_PREFIX + c, h);
      }
      const style = doc.createElement('style');
      markOwn(style);
      style.textContent = highlightCss();
      (doc.head ?? doc.documentElement).append(style);
      reg = { win, highlights, style };
    }
    this.registries.set(doc, reg);
    return reg;
  }

  private highlightOf(e: { category: Category; range: Range }): Highlight | undefined {
    const doc = e.range.startContainer.ownerDocument ?? this.doc;
    return this.registry(doc)?.highlights.get(e.category);
  }

  set(message: Element, entries: { category: Category; range: Range }[]): void {
    this.clear(message);
    if (!entries.length) return;
    this.byMessage.set(message, entries);
    for (const e of entries) this.highlightOf(e)?.add(e.range);
    this.overlay?.(this.all());
  }

  clear(message: Element): void {
    for (const e of this.byMessage.get(message) ?? []) this.highlightOf(e)?.delete(e.range);
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
    for (const reg of this.registries.values()) {
      if (!reg) continue;
      for (const c of CATEGORIES) {
        const h = reg.highlights.get(c);
        try {
          if (h && reg.win.CSS?.highlights?.get(HIGHLIGHT_PREFIX + c) === h) reg.win.CSS.highlights.delete(HIGHLIGHT_PREFIX + c);
        } catch {
          // the iframe went away with its registry
        }
      }
      reg.style.remove();
    }
    this.registries.clear();
    this.byMessage.clear();
    this.overlay?.([]);
  }
}
