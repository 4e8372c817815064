/**
 * A string with an offset map back to the original text: for every UTF-16 unit i of
 * `text`, the original range [srcStart[i], srcEnd[i]) it came from. Every normalisation
 * step produces a new MappedText, so findings can always be reported in ORIGINAL offsets.
 * The maps are typed arrays: a 1 MB message makes millions of entries per step.
 */
export interface MappedText {
  text: string;
  srcStart: Int32Array;
  srcEnd: Int32Array;
}

/** Accumulates output pieces, each tied to one source range. */
export class MappedBuilder {
  // few large slices (copies of unchanged runs) and small replacements; joined once
  private parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;

  constructor(capacity = 64) {
    const c = Math.max(16, capacity);
    this.starts = new Int32Array(c);
    this.ends = new Int32Array(c);
  }

  private reserve(extra: number): void {
    const need = this.n + extra;
    if (need <= this.starts.length) return;
    let c = this.starts.length * 2;
    while (c < need) c *= 2;
    const starts = new Int32Array(c);
    starts.set(this.starts.subarray(0, this.n));
    const ends = new Int32Array(c);
    ends.set(this.ends.subarray(0, this.n));
    this.starts = starts;
    this.ends = ends;
  }

  /** `piece`, every unit of it mapped to [start, end). */
  push(piece: string, start: number, end: number): void {
    const len = piece.length;
    if (!len) return;
    this.reserve(len);
    this.parts.push(piece);
    this.starts.fill(start, this.n, this.n + len);
    this.ends.fill(end, this.n, this.n + len);
    this.n += len;
  }

  /** original[from, to) unchanged: unit i maps to [i, i + 1). */
  pushOriginal(original: string, from: number, to: number): void {
    if (to <= from) return;
    const len = to - from;
    this.reserve(len);
    this.parts.push(original.slice(from, to));
    for (let k = 0; k < len; k++) {
      this.starts[this.n + k] = from + k;
      this.ends[this.n + k] = from + k + 1;
    }
    this.n += len;
  }

  /** Copy m.text[from, to) with its own map. */
  copy(m: MappedText, from: number, to: number): void {
    if (to <= from) return;
    const len = to - from;
    this.reserve(len);
    this.parts.push(m.text.slice(from, to));
    this.starts.set(m.srcStart.subarray(from, to), this.n);
    this.ends.set(m.srcEnd.subarray(from, to), this.n);
    this.n += len;
  }

  build(): MappedText {
    return { text: this.parts.join(''), srcStart: this.starts.slice(0, this.n), srcEnd: this.ends.slice(0, this.n) };
  }
}

export function identity(text: string): MappedText {
  const srcStart = new Int32Array(text.length);
  const srcEnd = new Int32Array(text.length);
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
  const out = new MappedBuilder(m.text.length + 16);
  // m.text[last, from) is copied lazily, only before a real replacement: most steps leave
  // most matches unchanged, and copying each of them would cost far more than the match
  let last = 0;
  while (match) {
    const from = match.index;
    const to = from + match[0].length;
    const replacement = replacer(match);
    if (replacement !== match[0] && to > from) {
      out.copy(m, last, from);
      if (replacement.length === match[0].length) {
        // same length: keep a per-character map (leetspeak, homoglyphs)
        for (let i = 0; i < replacement.length; i++) out.push(replacement[i]!, m.srcStart[from + i]!, m.srcEnd[from + i]!);
      } else out.push(replacement, m.srcStart[from]!, m.srcEnd[to - 1]!);
      last = to;
    }
    if (match[0].length === 0) re.lastIndex++;
    match = re.exec(m.text);
  }
  // nothing replaced: keep the input
  if (last === 0) return m;
  out.copy(m, last, m.text.length);
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
