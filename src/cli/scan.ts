/** `dunwatch scan`: findings per message as JSON Lines (stable field order) or a pretty report. */
import type { AnalyzeResult, Engine, Finding } from '../engine';
import type { InputRecord } from './input';

export type OffsetUnit = 'utf16' | 'codepoint';

export interface ScanOutput {
  id: string;
  lang: string;
  collection: { is: boolean; score: number };
  findings: { rule: string; category: string; severity: string; start: number; end: number; excerpt: string; law: string[] }[];
  [passthrough: string]: unknown;
}

/** UTF-16 index -> code-point index (Python and most other languages count code points). */
function toCodePoints(text: string, utf16: number): number {
  let cps = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0)) cps++;
  }
  return cps;
}

export function toScanOutput(input: InputRecord['record'], result: AnalyzeResult, offsets: OffsetUnit): ScanOutput {
  const conv = (n: number) => (offsets === 'codepoint' ? toCodePoints(input.text, n) : n);
  return {
    ...input,
    id: input.id,
    lang: result.lang,
    collection: { is: result.collection.is, score: result.collection.score },
    findings: result.findings.map((f: Finding) => ({
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      start: conv(f.start),
      end: conv(f.end),
      excerpt: f.excerpt,
      law: f.law,
    })),
  };
}

export function scanRecord(engine: Engine, record: InputRecord['record'], jurisdiction: string | undefined): AnalyzeResult {
  return engine.analyze(record.text, { jurisdiction });
}
