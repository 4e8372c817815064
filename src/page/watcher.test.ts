// @vitest-environment happy-dom
/** The watcher and its queue: what changed, and budgeted batches. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markOwn } from './layer';
import type { MessageSource } from './types';
import { ScanQueue, watchMutations } from './watcher';

const source: MessageSource = {
  findMessages: (scope) => {
    const all: Element[] = Array.from((scope as ParentNode).querySelectorAll?.('article') ?? []);
    if (scope instanceof Element && scope.matches('article')) all.unshift(scope);
    return all;
  },
  messageOf: (node) => (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('article') ?? null,
  info: (el) => ({ body: el, direction: 'incoming' }),
};

function articles(n: number): HTMLElement[] {
  document.body.replaceChildren();
  return Array.from({ length: n }, (_, i) => {
    const a = document.createElement('article');
    a.textContent = `message ${i}`;
    return document.body.appendChild(a);
  });
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('ScanQueue', () => {
  it('takes at most one batch per call; the rest wait; detached elements are dropped', () => {
    const els = articles(5);
    const q = new ScanQueue(document, () => undefined);
    els.forEach((e) => q.add(e));
    els[1]!.remove();
    const first = q.take({ budgetMs: 1000, max: 2 }, (e) => e.textContent);
    expect(first).toEqual(['message 0', 'message 2']);
    expect(q.size).toBe(2);
    expect(q.take({ budgetMs: 1000, max: 10 }, (e) => e.textContent)).toEqual(['message 3', 'message 4']);
  });

  it('stops at the time budget (a reader that takes longer than the budget reads one per frame)', () => {
    const els = articles(3);
    const q = new ScanQueue(document, () => undefined);
    els.forEach((e) => q.add(e));
    const slow = (e: Element) => {
      const until = performance.now() + 5;
      while (performance.now() < until);
      return e.textContent;
    };
    expect(q.take({ budgetMs: 1, max: 40 }, slow)).toHaveLength(1);
    expect(q.size).toBe(2);
  });

  it('a read that throws skips that message and keeps going', () => {
    const els = articles(2);
    const q = new ScanQueue(document, () => undefined);
    els.forEach((e) => q.add(e));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(q.take({ budgetMs: 1000, max: 40 }, (e) => {
      if (e === els[0]) throw new Error('page changed');
      return e.textContent;
    })).toEqual(['message 1']);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('retries a failed element three times, later each time, then gives up', () => {
    vi.useFakeTimers();
    const [el] = articles(1);
    const frames: number[] = [];
    const q = new ScanQueue(document, () => frames.push(q.size));
    for (let i = 0; i < 4; i++) {
      q.retryLater([el!]);
      vi.advanceTimersByTime(500 * (i + 1) + 100);
      q.take({ budgetMs: 1000, max: 40 }, () => undefined);
    }
    vi.advanceTimersByTime(5000);
    expect(q.size).toBe(0);
    // three re-adds were scheduled, the fourth attempt was not
    let readds = 0;
    const spy = vi.spyOn(q, 'add').mockImplementation(() => void readds++);
    q.retryLater([el!]);
    vi.advanceTimersByTime(5000);
    expect(readds).toBe(0);
    spy.mockRestore();
  });
});

describe('watchMutations', () => {
  it('queues new messages, messages whose text changed, and never our own nodes', async () => {
    const [first] = articles(1);
    const q = new ScanQueue(document, () => undefined);
    const stop = watchMutations(document, source, q);
    const added = document.createElement('article');
    added.textContent = 'new';
    document.body.append(added);
    first!.firstChild!.textContent = 'changed';
    const ours = document.createElement('div');
    markOwn(ours);
    ours.append(document.createElement('article'));
    document.documentElement.append(ours);
    await new Promise((r) => setTimeout(r, 0));
    const got = q.take({ budgetMs: 1000, max: 40 }, (e) => e);
    expect(new Set(got)).toEqual(new Set([added, first]));
    stop();
    ours.remove();
  });
});
