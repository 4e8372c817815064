import { describe, expect, it } from 'vitest';
import { formatDuration, Progress, progressLine } from './progress';

describe('progress', () => {
  it('formats durations', () => {
    expect(formatDuration(5)).toBe('5s');
    expect(formatDuration(75)).toBe('1m15s');
    expect(formatDuration(3 * 3600 + 120)).toBe('3h02m');
    expect(formatDuration(Infinity)).toBe('?');
  });
  it('shows rate, percentage and ETA when the size is known', () => {
    expect(progressLine(500, 10, { done: 250, total: 1000 })).toBe('500 messages · 50.0/s · 25.0 % · ETA 30s');
    expect(progressLine(12000, 10)).toBe('12,000 messages · 1,200/s');
  });
  it('redraws one line on a terminal, throttled; writes plain lines otherwise', () => {
    let t = 0;
    const tty: string[] = [];
    const p = new Progress({ write: (s: string) => tty.push(s), isTTY: true }, { done: 0, total: 100 }, () => t);
    for (let i = 0; i < 10; i++) {
      t += 50;
      p.tick();
    }
    expect(tty.length).toBe(2); // every 200 ms of 500 ms
    expect(tty[0]!.startsWith('\r\x1b[2K4 messages')).toBe(true);
    p.done();
    expect(tty.at(-1)).toMatch(/10 messages .* done in 1s\n$/);
    const plain: string[] = [];
    const q = new Progress({ write: (s: string) => plain.push(s) }, undefined, () => t);
    t += 6000;
    q.tick();
    expect(plain).toEqual(['1 messages · 0.2/s\n']);
  });
});
