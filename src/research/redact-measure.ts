/** Recall per type on the planted test set and the false-redaction rate (used by the test and the docs). */
import { HANDSET, HAND_NO_PII, type HandItem } from './redact-handset';
import { NO_PII, generateTestSet } from './redact-testset';
import { redact, type PiiType } from './redact';

export interface RedactionScores {
  recall: Partial<Record<PiiType, { found: number; total: number; recall: number }>>;
  /** planted values redacted with their own type */
  typeAccuracy: number;
  /** share of messages without personal data where anything other than a date was replaced */
  falseRedactionRate: number;
  falseRedactions: { text: string; redacted: string }[];
  items: number;
  misses: { type: PiiType; value: string; redacted: string }[];
}

export function measureRedaction(seed?: number, n?: number): RedactionScores {
  const set = generateTestSet(seed, n);
  const recall: RedactionScores['recall'] = {};
  const misses: RedactionScores['misses'] = [];
  let typed = 0;
  let planted = 0;
  for (const item of set) {
    const { replacements, text } = redact(item.text);
    for (const s of item.spans) {
      const r = (recall[s.type] ??= { found: 0, total: 0, recall: 0 });
      r.total++;
      planted++;
      // found: every character of the planted value lies inside a replaced span
      const covering = replacements.filter((x) => x.type !== 'DATE' && x.start < s.end && s.start < x.end);
      let covered = 0;
      for (const x of covering) covered += Math.min(x.end, s.end) - Math.max(x.start, s.start);
      if (covered >= s.end - s.start) {
        r.found++;
        if (covering.some((x) => x.type === s.type)) typed++;
      } else misses.push({ type: s.type, value: s.value, redacted: text });
    }
  }
  for (const r of Object.values(recall)) r.recall = r.total ? r.found / r.total : 1;
  const falseRedactions = NO_PII.map((t) => ({ text: t, result: redact(t) }))
    .filter((x) => x.result.replacements.some((r) => r.type !== 'DATE'))
    .map((x) => ({ text: x.text, redacted: x.result.text }));
  return { recall, typeAccuracy: planted ? typed / planted : 1, falseRedactionRate: falseRedactions.length / NO_PII.length, falseRedactions, items: set.length, misses };
}

export interface HandScores {
  /** per type: values whose every character was redacted */
  recall: Partial<Record<PiiType, { found: number; total: number; recall: number }>>;
  misses: { type: PiiType; value: string; redacted: string }[];
  /** HAND_NO_PII messages where anything but a date was replaced */
  falseRedactions: { text: string; redacted: string }[];
}

/** Recall per type on the hand-written set (redact-handset.ts), and false redactions on its clean messages. */
export function measureHandset(items: readonly HandItem[] = HANDSET, clean: readonly string[] = HAND_NO_PII): HandScores {
  const recall: HandScores['recall'] = {};
  const misses: HandScores['misses'] = [];
  for (const item of items) {
    const { replacements, text } = redact(item.text);
    let from = 0;
    for (const [value, type] of item.values) {
      const start = item.text.indexOf(value, from);
      if (start < 0) throw new Error(`handset: "${value}" is not in "${item.text}"`);
      from = start + value.length;
      const end = start + value.length;
      const r = (recall[type] ??= { found: 0, total: 0, recall: 0 });
      r.total++;
      let covered = 0;
      for (const x of replacements) if (x.type !== 'DATE' && x.start < end && start < x.end) covered += Math.min(x.end, end) - Math.max(x.start, start);
      if (covered >= end - start) r.found++;
      else misses.push({ type, value, redacted: text });
    }
  }
  for (const r of Object.values(recall)) r.recall = r.total ? r.found / r.total : 1;
  const falseRedactions = clean.map((t) => ({ text: t, result: redact(t) })).filter((x) => x.result.replacements.some((r) => r.type !== 'DATE')).map((x) => ({ text: x.text, redacted: x.result.text }));
  return { recall, misses, falseRedactions };
}
