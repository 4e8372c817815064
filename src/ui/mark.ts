/**
 * Marked text, as data: the message cut at every finding edge (components/MarkedText.tsx turns
 * the pieces into text and <mark>s, never HTML), and rule examples with `[[span]]` markers.
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
