import { describe, expect, it } from 'vitest';
import { diffScans, formatDiff } from './diff';

describe('diffScans', () => {
  it('names added, removed and moved spans per rule, and ids on one side only', () => {
    const old = [
      { id: 'a', findings: [{ rule: 'r1', start: 0, end: 5 }, { rule: 'r2', start: 10, end: 20 }] },
      { id: 'b', findings: [{ rule: 'r1', start: 3, end: 9 }] },
      { id: 'c', findings: [] },
    ];
    const now = [
      { id: 'a', findings: [{ rule: 'r1', start: 0, end: 5 }, { rule: 'r2', start: 12, end: 25 }, { rule: 'r3', start: 30, end: 31 }] },
      { id: 'b', findings: [] },
      { id: 'd', findings: [] },
    ];
    const r = diffScans(old, now);
    expect(r.compared).toBe(2);
    expect(r.changed.map((d) => d.id)).toEqual(['a', 'b']);
    expect(r.byRule).toEqual({ r2: { added: 0, removed: 0, moved: 1 }, r3: { added: 1, removed: 0, moved: 0 }, r1: { added: 0, removed: 1, moved: 0 } });
    expect(r.onlyOld).toEqual(['c']);
    expect(r.onlyNew).toEqual(['d']);
    expect(formatDiff(r)).toContain('  ~ r2 10:20 -> 12:25');
  });
});
