import { describe, expect, it } from 'vitest';
import type { AnalyzeResult, Finding } from '../engine';
import { curve } from './curve';
import type { EvalItem } from './eval';

const finding = (confidence: number): Finding => ({
  rule: 'en.threat.arrest', ruleVersion: 1, category: 'threat', severity: 'high', start: 0, end: 1, excerpt: 'x', title: '', explanation: '', law: [], citations: [], confidence,
});
const result = (...c: number[]): AnalyzeResult => ({ lang: 'en', langs: { en: 1 }, collection: { is: true, score: 2, cues: [] }, findings: c.map(finding), suppressed: [] });
const item = (id: string, unlawful: boolean, ...c: number[]): EvalItem => ({
  label: { id, lang: 'en', is_collection: unlawful || id.startsWith('lawful'), lawful: unlawful ? false : id.startsWith('lawful') ? true : null, categories: [] },
  result: result(...c),
});

describe('eval --curve', () => {
  it('keeps, at each threshold, only the findings at or above it', () => {
    const items = [item('u1', true, 0.9), item('u2', true, 0.6), item('lawful1', false, 0.6), item('o1', false)];
    const [low, high] = curve(items, [0.55, 0.7]);
    expect(low!.byLang.en).toMatchObject({ recall: 1, precision: 2 / 3, lawfulFalseAlarms: 1 });
    expect(high!.byLang.en).toMatchObject({ recall: 0.5, precision: 1, lawfulFalseAlarms: 0, otherFalseAlarms: 0 });
  });
});
