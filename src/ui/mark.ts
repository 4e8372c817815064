/**
 * Marked text for the popup and the options examples, built from text nodes and <mark>
 * elements only: message text is never parsed as HTML, so `<img onerror=…>` stays inert text.
 */
import type { Category } from '../engine/types';

export interface Span {
  start: number;
  end: number;
  category: Category;
  /** index of the finding (or span) this mark belongs to; the first one when spans overlap */
  index: number;
}

/** Cut the text at every span edge; each piece knows which spans cover it. */
export function segments(text: string, spans: readonly Span[]): { text: string; spans: Span[] }[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { text: string; spans: Span[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (from === to) continue;
    out.push({ text: text.slice(from, to), spans: valid.filter((s) => s.start <= from && s.end >= to) });
  }
  return out;
}

/** The text with each covered piece in a <mark data-category=… data-finding=…>. */
export function renderMarked(doc: Document, text: string, spans: readonly Span[]): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const seg of segments(text, spans)) {
    const first = seg.spans[0];
    if (!first) {
      frag.append(doc.createTextNode(seg.text));
      continue;
    }
    const mark = doc.createElement('mark');
    mark.className = `cat-${first.category}`;
    mark.dataset.category = first.category;
    mark.dataset.finding = seg.spans.map((s) => s.index).join(' ');
    mark.textContent = seg.text;
    frag.append(mark);
  }
  return frag;
}

/** A rule example with its `[[span]]` marked: the span offsets in the text without brackets. */
export function parseExample(example: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let rest = example;
  for (;;) {
    const open = rest.indexOf('[[');
    const close = open < 0 ? -1 : rest.indexOf(']]', open + 2);
    if (open < 0 || close < 0) break;
    text += rest.slice(0, open);
    const start = text.length;
    text += rest.slice(open + 2, close);
    spans.push({ start, end: text.length });
    rest = rest.slice(close + 2);
  }
  return { text: text + rest, spans };
}

/** Small DOM helper: an element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  }
  return el;
}
