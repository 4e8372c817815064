/**
 * How sure a finding is, 0–1. The score adds up evidence a reader would weigh:
 * - a fixed legal phrase (a pattern) is surer than a frame built from words;
 * - the message reads as collection by its debt words, not only by the act itself;
 * - the act is tied to a condition ("if you don't pay", 再不还);
 * - the rule's severity.
 * The weights are set by hand and written here; the reporting threshold is chosen on the
 * development corpus by `scripts/choose-threshold.ts`, which also prints its cross-validated
 * figure (see the README). analyze() reports findings at or above `minConfidence`
 * (DEFAULT_THRESHOLD when not given).
 */
import type { Severity } from './types';

export const WEIGHTS = {
  pattern: 0.7,
  frame: 0.55,
  debtWords: 0.15,
  conditional: 0.1,
  severity: { high: 0.05, medium: 0.03, low: 0 } as Record<Severity, number>,
};

/** Chosen by scripts/choose-threshold.ts on ../shared/corpus (see its output in the README). */
export const DEFAULT_THRESHOLD = 0.55;

export interface ConfidenceInput {
  kind: 'pattern' | 'frame';
  /** the collection decision came from debt words (or the caller), not from the act alone */
  debtWords: boolean;
  conditional: boolean;
  severity: Severity;
}

export function confidenceOf(x: ConfidenceInput): number {
  const score =
    (x.kind === 'pattern' ? WEIGHTS.pattern : WEIGHTS.frame) +
    (x.debtWords ? WEIGHTS.debtWords : 0) +
    (x.conditional ? WEIGHTS.conditional : 0) +
    WEIGHTS.severity[x.severity];
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
