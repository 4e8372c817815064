/**
 * `dunwatch eval --curve`: precision, recall and false-alarm rates of "unlawful message"
 * over confidence thresholds. The messages are analysed once with every candidate finding
 * (minConfidence 0); each threshold keeps the findings at or above it.
 */
import type { AnalyzeResult } from '../engine';
import { evaluate, type EvalItem } from './eval';
import { score } from '../research/metrics';

export const THRESHOLDS = [0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];

export interface CurvePoint {
  threshold: number;
  byLang: Record<string, { precision: number; recall: number; f1: number; lawfulFalseAlarms: number | null; otherFalseAlarms: number | null }>;
}

export function atThreshold(result: AnalyzeResult, t: number): AnalyzeResult {
  return { ...result, findings: result.findings.filter((f) => f.confidence >= t) };
}

export function curve(items: readonly EvalItem[], thresholds: readonly number[] = THRESHOLDS): CurvePoint[] {
  return thresholds.map((threshold) => {
    const report = evaluate(items.map((i) => ({ label: i.label, result: atThreshold(i.result, threshold) })));
    const byLang: CurvePoint['byLang'] = {};
    for (const [lang, s] of Object.entries({ all: report.overall, ...report.byLang })) {
      const x = score(s.unlawfulTextOnly);
      byLang[lang] = {
        precision: x.precision,
        recall: x.recall,
        f1: x.f1,
        lawfulFalseAlarms: s.lawfulCollection.total ? s.lawfulCollection.flagged / s.lawfulCollection.total : null,
        otherFalseAlarms: s.nonCollection.total ? s.nonCollection.flagged / s.nonCollection.total : null,
      };
    }
    return { threshold, byLang };
  });
}

export function formatCurve(points: readonly CurvePoint[]): string {
  const pct = (x: number | null) => (x === null ? '   n/a' : `${(x * 100).toFixed(2).padStart(5)}%`);
  const out = ['unlawful (text-only) by confidence threshold; false alarms: lawful collection / not collection (flagged scams not counted)', ''];
  const langs = Object.keys(points[0]?.byLang ?? {});
  out.push(`thresh  ${langs.map((l) => `${l.padEnd(4)} prec  recall F1     lawfulFA notCollFA`).join('  |  ')}`);
  for (const p of points) {
    out.push(
      `${p.threshold.toFixed(2).padEnd(6)}  ${langs
        .map((l) => {
          const x = p.byLang[l]!;
          return `     ${x.precision.toFixed(3)} ${x.recall.toFixed(3)}  ${x.f1.toFixed(3)}  ${pct(x.lawfulFalseAlarms)}   ${pct(x.otherFalseAlarms)}`;
        })
        .join('  |  ')}`,
    );
  }
  return out.join('\n') + '\n';
}
