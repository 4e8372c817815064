import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { loadBundleFromDisk } from '../rule-compiler/load';
import { inlineAnalyzer, ordered, workerAnalyzer } from './pool';

async function* from<T>(items: T[], pulled: T[] = []): AsyncGenerator<T> {
  for (const x of items) {
    pulled.push(x);
    yield x;
  }
}

describe('ordered', () => {
  it('yields in source order even when later items finish first', async () => {
    const delays = [30, 1, 20, 0, 5];
    const out: number[] = [];
    for await (const [i, r] of ordered(from([0, 1, 2, 3, 4]), (i) => new Promise<number>((res) => setTimeout(() => res(i * 10), delays[i])), 3)) {
      expect(r).toBe(i * 10);
      out.push(i);
    }
    expect(out).toEqual([0, 1, 2, 3, 4]);
  });
  it('does not read ahead more than the window', async () => {
    const pulled: number[] = [];
    const gen = ordered(from([...Array(100).keys()], pulled), async (i) => i, 4);
    await gen.next();
    expect(pulled.length).toBeLessThanOrEqual(4);
    await gen.return(undefined);
  });
  it('passes an error on at its place', async () => {
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const [i] of ordered(from([0, 1, 2]), async (i) => (i === 1 ? Promise.reject(new Error('boom')) : i), 2)) got.push(i);
      })(),
    ).rejects.toThrow('boom');
    expect(got).toEqual([0]);
  });
});

describe('workerAnalyzer', () => {
  it('gives the same results as the engine in this thread, in order', async () => {
    const bundle = await loadBundleFromDisk();
    const texts = [
      'We will send the police to arrest you today if you do not pay this debt.',
      'Your statement is ready. Thank you for banking with us.',
      '你再不还钱，我们就去你单位找你领导，让你身败名裂。',
      'This is a reminder that your balance of $240 is past due.',
      ...Array.from({ length: 40 }, (_, i) => `Pay the debt of $${i}00 now or we will tell your employer.`),
    ];
    const inline = inlineAnalyzer(createEngine(bundle));
    const pool = workerAnalyzer(bundle, 2);
    try {
      const a: unknown[] = [];
      const b: unknown[] = [];
      for await (const [, r] of ordered(from(texts), (t) => inline.analyze(t, {}), 1)) a.push(r);
      for await (const [, r] of ordered(from(texts), (t) => pool.analyze(t, {}), 16)) b.push(r);
      expect(b).toEqual(a);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
