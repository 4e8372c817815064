/**
 * Evaluation metrics shared by the CLI and (later) the extension: scores from counts, a seeded
 * bootstrap confidence interval for F1, and a multi-label confusion table. Pure TypeScript.
 */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts (nothing predicted and nothing missed counts as perfect). */
export function score(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : c.fn ? 0 : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export function f1Of(c: Counts): number {
  return score(c).f1;
}

/** mulberry32: a small seeded generator, so intervals are reproducible */
export function seeded(seed: number): () => number {
  let s = seed | 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

/**
 * Percentile bootstrap: resample the messages with replacement `iterations` times and take the
 * 2.5th and 97.5th percentiles of F1. `pairs` are (truth, predicted) per message.
 */
export function bootstrapF1(pairs: readonly (readonly [boolean, boolean])[], iterations = 1000, seed = 1): Interval {
  const count = (idx: (i: number) => number): Counts => {
    const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (let k = 0; k < pairs.length; k++) {
      const [t, p] = pairs[idx(k)]!;
      if (t && p) c.tp++;
      else if (!t && p) c.fp++;
      else if (t) c.fn++;
      else c.tn++;
    }
    return c;
  };
  const value = f1Of(count((k) => k));
  if (!pairs.length) return { value, lo: value, hi: value };
  const rand = seeded(seed);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push(f1Of(count(() => Math.floor(rand() * pairs.length))));
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.max(0, Math.floor(p * samples.length)))]!;
  return { value, lo: q(0.025), hi: q(0.975) };
}

/**
 * Multi-label confusion: for each message, every true label is paired with every predicted one
 * ('none' when a side is empty). table[truth][predicted] = messages.
 */
export function confusion(items: readonly { truth: readonly string[]; predicted: readonly string[] }[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const { truth, predicted } of items) {
    const ts = truth.length ? [...new Set(truth)] : ['none'];
    const ps = predicted.length ? [...new Set(predicted)] : ['none'];
    for (const t of ts) for (const p of ps) (table[t] ??= {})[p] = (table[t]![p] ?? 0) + 1;
  }
  return table;
}
