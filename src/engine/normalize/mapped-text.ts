/**
 * A string with an offset map back to the original text: for every UTF-16 unit i of
 * `text`, the original range [srcStart[i], srcEnd[i]) it came from. Every normalisation
 * step produces a new MappedText, so findings can always be reported in ORIGINAL offsets.
 */
export interface MappedText {
  text: string;
  srcStart: number[];
  srcEnd: number[];
}

/** Accumulates output pieces, each tied to one source range. */
export class MappedBuilder {
  private parts: string[] = [];
  readonly srcStart: number[] = [];
  readonly srcEnd: number[] = [];

  push(piece: string, start: number, end: number): void {
    if (!piece) return;
    this.parts.push(piece);
    for (let k = 0; k < piece.length; k++) {
      this.srcStart.push(start);
      this.srcEnd.push(end);
    }
  }

  build(): MappedText {
    return { text: this.parts.join(''), srcStart: this.srcStart, srcEnd: this.srcEnd };
  }
}

export function identity(text: string): MappedText {
  const srcStart = new Array<number>(text.length);
  const srcEnd = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    srcStart[i] = i;
    srcEnd[i] = i + 1;
  }
  return { text, srcStart, srcEnd };
}

/**
 * Replace every match of `re` (global) in m.text with replacer(match); the replacement's
 * characters all map to the whole source range of the match. Returning the match unchanged
 * keeps the per-character map.
 */
export function replaceMapped(m: MappedText, re: RegExp, replacer: (match: RegExpExecArray) => string): MappedText {
  re.lastIndex = 0;
  let match = re.exec(m.text);
  if (!match) return m;
  const out = new MappedBuilder();
  let last = 0;
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) out.push(m.text[i]!, m.srcStart[i]!, m.srcEnd[i]!);
  };
  while (match) {
    const from = match.index;
    const to = from + match[0].length;
    const replacement = replacer(match);
    copy(last, from);
    if (replacement === match[0]) copy(from, to);
    else if (replacement.length === match[0].length) {
      // same length: keep a per-character map (leetspeak, homoglyphs)
      for (let i = 0; i < replacement.length; i++) out.push(replacement[i]!, m.srcStart[from + i]!, m.srcEnd[from + i]!);
    } else if (to > from) out.push(replacement, m.srcStart[from]!, m.srcEnd[to - 1]!);
    last = to;
    if (match[0].length === 0) re.lastIndex++;
    match = re.exec(m.text);
  }
  copy(last, m.text.length);
  return out.build();
}

/** Original [start, end) of the normalised span [from, to). */
export function toOriginal(m: MappedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < m.srcStart.length ? m.srcStart[from]! : (m.srcEnd[m.srcEnd.length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: m.srcStart[from]!, end: m.srcEnd[to - 1]! };
}
