import { describe, expect, it } from 'vitest';
import { bootstrapF1, confusion, f1Of } from './metrics';

describe('metrics', () => {
  it('F1 from counts', () => {
    expect(f1Of({ tp: 8, fp: 2, fn: 2, tn: 0 })).toBeCloseTo(0.8);
  });
  it('bootstrap interval contains the value, is reproducible, and narrows with more data', () => {
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => [i % 3 !== 0, i % 4 !== 0] as const);
    const a = bootstrapF1(pairs(60), 500, 7);
    expect(a).toEqual(bootstrapF1(pairs(60), 500, 7));
    expect(a.lo).toBeLessThanOrEqual(a.value);
    expect(a.hi).toBeGreaterThanOrEqual(a.value);
    const b = bootstrapF1(pairs(2400), 500, 7);
    expect(b.hi - b.lo).toBeLessThan(a.hi - a.lo);
  });
  it('confusion pairs every true label with every predicted one', () => {
    expect(confusion([{ truth: ['threat'], predicted: ['threat', 'privacy'] }, { truth: [], predicted: ['abuse'] }, { truth: ['abuse'], predicted: [] }])).toEqual({
      threat: { threat: 1, privacy: 1 },
      none: { abuse: 1 },
      abuse: { none: 1 },
    });
  });
});
