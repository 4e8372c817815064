// @vitest-environment happy-dom
/**
 * The page loop with an asynchronous engine, as in the extension (the engine answers from the
 * background): answers applied only to unchanged messages, failures retried, thread analysis
 * asked per conversation, focus from the side panel.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getEngine } from '../engine/bundled';
import type { ThreadFinding, ThreadMessage } from '../engine/thread/analyze-thread';
import type { AnalyzeResult } from '../engine/types';
import { batchOf, startPageLoop, type BatchAnalyze, type MessageSource, type PageLoop } from './loop';

const THREAT = 'You owe $900 on account 4411. Pay today or a warrant will be issued for your arrest.';
const ORDINARY = 'Lunch on Friday? I can book the table for 12:30.';

/** Messages are <article data-thread=… data-out? data-time=…>text</article>. */
const source: MessageSource = {
  findMessages: (scope) => {
    const all: Element[] = Array.from((scope as ParentNode).querySelectorAll?.('article') ?? []);
    if (scope instanceof Element && scope.matches('article')) all.unshift(scope);
    return all;
  },
  messageOf: (node) => (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('article') ?? null,
  info: (el) => ({
    body: el,
    direction: (el as HTMLElement).dataset.out ? 'outgoing' : 'incoming',
    sender: (el as HTMLElement).dataset.out ? 'Me' : 'Apex Recovery',
    ...((el as HTMLElement).dataset.thread ? { threadId: (el as HTMLElement).dataset.thread } : {}),
    ...((el as HTMLElement).dataset.time ? { sentAt: (el as HTMLElement).dataset.time } : {}),
  }),
};

function page(...messages: { text: string; thread?: string; out?: boolean; time?: string }[]): HTMLElement[] {
  document.body.replaceChildren();
  return messages.map((m) => {
    const el = document.createElement('article');
    el.textContent = m.text;
    if (m.thread) el.dataset.thread = m.thread;
    if (m.out) el.dataset.out = '1';
    if (m.time) el.dataset.time = m.time;
    return document.body.appendChild(el);
  });
}

const engine = getEngine();
let loop: PageLoop | undefined;
afterEach(() => loop?.stop());

function start(analyze: BatchAnalyze, extra: Partial<Parameters<typeof startPageLoop>[1]> = {}): PageLoop {
  loop = startPageLoop(document, { site: 'test', source, analyze, uiLang: 'en', jurisdiction: 'us', forceOverlay: true, ...extra });
  return loop;
}

describe('page loop with an asynchronous engine', () => {
  it('sends one batch for the messages of a frame and marks each with its answer', async () => {
    const [threat, ordinary] = page({ text: THREAT }, { text: ORDINARY });
    const calls: number[] = [];
    const l = start(async (items) => {
      calls.push(items.length);
      return batchOf((t, o) => engine.analyze(t, o))(items);
    }, { budgetMs: 10_000 }); // a loaded test machine must not split the frame for time
    await l.idle();
    expect(calls).toEqual([2]);
    expect(threat!.getAttribute('data-dunwatch-state')).toBe('flagged');
    expect(Number(threat!.getAttribute('data-dunwatch-findings'))).toBeGreaterThan(0);
    expect(ordinary!.getAttribute('data-dunwatch-state')).toBe('clean');
    expect(threat!.getAttribute('data-dunwatch-id')).not.toBe(ordinary!.getAttribute('data-dunwatch-id'));
  });

  it('drops an answer for text that changed while the engine was busy, and scans the new text', async () => {
    const [el] = page({ text: THREAT });
    const seen: string[] = [];
    const l = start(async (items) => {
      seen.push(...items.map((i) => i.text));
      if (seen.length === 1) el!.textContent = ORDINARY; // the site re-rendered the message meanwhile
      return items.map((i) => engine.analyze(i.text, i.options));
    });
    await l.idle();
    await vi.waitFor(() => expect(seen.at(-1)?.trim()).toBe(ORDINARY));
    await l.idle();
    expect(el!.getAttribute('data-dunwatch-state')).toBe('clean');
    expect(l.records()[0]!.text.trim()).toBe(ORDINARY);
  });

  it('retries when the background does not answer, instead of leaving the message unscanned', async () => {
    const [el] = page({ text: THREAT });
    let n = 0;
    const l = start(async (items) => {
      if (++n === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return items.map((i) => engine.analyze(i.text, i.options));
    });
    await vi.waitFor(() => expect(el!.getAttribute('data-dunwatch-state')).toBe('flagged'), { timeout: 3000 });
    expect(n).toBe(2);
    await l.idle();
  });

  it('never flags the reader’s own outgoing message', async () => {
    const [out] = page({ text: THREAT, out: true });
    const l = start(batchOf((t, o) => engine.analyze(t, o)));
    await l.idle();
    expect(out!.getAttribute('data-dunwatch-state')).toBe('clean');
  });
});

describe('threads', () => {
  const late: ThreadFinding = { rule: 'thread.hours', category: 'harassment', severity: 'medium', messageIds: [], title: 'Late', explanation: 'may indicate', law: [], citations: [] };

  it('asks for each conversation once, with its messages in page order and UTC times, and marks its top', async () => {
    page(
      { text: 'Pay now. Apex Recovery, a debt collector.', thread: 't1', time: '2026-11-28T23:40' },
      { text: 'STOP', thread: 't1', out: true, time: '2026-11-28T23:45' },
      { text: ORDINARY, thread: 't2' },
    );
    const asked: ThreadMessage[][] = [];
    const l = start(batchOf((t, o) => engine.analyze(t, o)), {
      analyzeThread: async (messages) => {
        asked.push(messages);
        return messages.some((m) => m.text.trim() === 'STOP') ? [{ ...late, messageIds: [messages[0]!.id] }] : [];
      },
    });
    await l.idle();
    // t2 has one incoming message and is asked too; t1 once, in order
    const t1 = asked.find((m) => m.length === 2)!;
    expect(t1.map((m) => m.direction)).toEqual(['incoming', 'outgoing']);
    expect(t1[0]!.sentAt).toBe(new Date('2026-11-28T23:40').toISOString());
    expect(asked.filter((m) => m.length === 2)).toHaveLength(1);
    const t1State = l.threads().find((t) => t.threadId === 't1')!;
    expect(t1State.findings).toHaveLength(1);
    const host = document.querySelector('[data-dunwatch-ui="host"]')!;
    const marker = host.shadowRoot!.querySelector('[data-dunwatch-thread="t1"]') as HTMLButtonElement;
    expect(marker.getAttribute('aria-label')).toMatch(/1 pattern/);
    marker.click();
    expect(host.shadowRoot!.querySelector('.card[role="dialog"]')!.textContent).toContain('may indicate');
  });
});

describe('focus (side panel)', () => {
  it('opens the card of a scanned message by id and says false for an unknown id', async () => {
    page({ text: THREAT });
    const l = start(batchOf((t, o) => engine.analyze(t, o)));
    await l.idle();
    const id = l.records()[0]!.id;
    expect(l.focus('nope')).toBe(false);
    expect(l.focus(id, 0)).toBe(true);
    const card = document.querySelector('[data-dunwatch-ui="host"]')!.shadowRoot!.querySelector('.card[role="dialog"]')!;
    const first: AnalyzeResult['findings'][number] = l.records()[0]!.findings[0]!;
    expect(card.textContent).toContain(first.title);
  });
});
