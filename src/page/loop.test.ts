// @vitest-environment happy-dom
/**
 * The page loop with an asynchronous engine, as in the extension (the engine answers from the
 * background): answers applied only to unchanged messages, failures retried, thread analysis
 * asked per conversation, focus from the side panel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getEngine } from '../engine/bundled';
import type { ThreadFinding, ThreadMessage } from '../engine/thread/analyze-thread';
import type { AnalyzeResult } from '../engine/types';
import { batchOf, startPageLoop, type BatchAnalyze, type MessageSource, type PageLoop } from './loop';
import { captureShadowRoots, key, press } from './testing';

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
let roots: ShadowRoot[] = [];
beforeEach(() => {
  roots = captureShadowRoots();
});
afterEach(() => {
  loop?.stop();
  vi.restoreAllMocks();
});

/** The loop's record of an element: what it found there, read through the loop (not the page). */
const recordOf = (el: Element) => loop!.records().find((r) => r.element === el);
const ui = () => roots[0]!;

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
    expect(recordOf(threat!)!.findings.length).toBeGreaterThan(0);
    expect(recordOf(ordinary!)!.findings).toEqual([]);
    expect(recordOf(threat!)!.id).not.toBe(recordOf(ordinary!)!.id);
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
    expect(recordOf(el!)!.findings).toEqual([]);
    expect(l.records()[0]!.text.trim()).toBe(ORDINARY);
  });

  it('retries when the background does not answer, instead of leaving the message unscanned', async () => {
    const [el] = page({ text: THREAT });
    let n = 0;
    const l = start(async (items) => {
      if (++n === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return items.map((i) => engine.analyze(i.text, i.options));
    });
    await vi.waitFor(() => expect(recordOf(el!)?.findings.length).toBeGreaterThan(0), { timeout: 3000 });
    expect(n).toBe(2);
    await l.idle();
  });

  it('never flags the reader’s own outgoing message', async () => {
    const [out] = page({ text: THREAT, out: true });
    const l = start(batchOf((t, o) => engine.analyze(t, o)));
    await l.idle();
    expect(recordOf(out!)!.findings).toEqual([]);
  });

  it('a message whose direction is unknown is read as incoming and flagged', async () => {
    const unknown: MessageSource = { ...source, info: (el) => ({ body: el, direction: 'unknown' }) };
    const [el] = page({ text: THREAT });
    const asked: string[] = [];
    const l = start(async (items) => {
      asked.push(...items.map((i) => i.options.context?.direction ?? ''));
      return items.map((i) => engine.analyze(i.text, i.options));
    }, { source: unknown });
    await l.idle();
    expect(asked).toEqual(['incoming']);
    expect(recordOf(el!)!.findings.length).toBeGreaterThan(0);
  });
});

describe('what the host page can see', () => {
  it('no attribute on its elements, one empty host, and a closed shadow root', async () => {
    const [threat] = page({ text: THREAT }, { text: ORDINARY });
    const before = document.documentElement.outerHTML;
    const l = start(batchOf((t, o) => engine.analyze(t, o)));
    await l.idle();
    expect(recordOf(threat!)!.findings.length).toBeGreaterThan(0);
    expect(document.querySelectorAll('*').length).toBeGreaterThan(0);
    for (const el of document.querySelectorAll('*')) for (const a of el.getAttributeNames()) expect(a, `${el.tagName} attribute`).not.toMatch(/dunwatch/);
    expect(document.body.outerHTML).toBe(new DOMParser().parseFromString(before, 'text/html').body.outerHTML);
    const hosts = [...document.documentElement.children].filter((c) => c !== document.head && c !== document.body);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.shadowRoot, 'the page cannot open our layer').toBeNull();
    expect(hosts[0]!.textContent).toBe('');
    // the marker is there, inside the closed root only
    expect(ui().querySelectorAll('button.marker')).toHaveLength(1);
  });

  it('controls ignore events the page makes up; a real click opens the card, Escape closes it', async () => {
    page({ text: THREAT });
    const l = start(batchOf((t, o) => engine.analyze(t, o)));
    await l.idle();
    const marker = ui().querySelector<HTMLButtonElement>('button.marker')!;
    marker.click(); // untrusted: what a host page script could do
    marker.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(ui().querySelector('[role=dialog]')).toBeNull();
    press(marker);
    const card = ui().querySelector('[role=dialog]')!;
    expect(card.textContent).toContain(l.records()[0]!.findings[0]!.title);
    // an untrusted "ignore" press changes nothing
    const ignore = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Ignore in this message')!;
    ignore.click();
    await l.idle();
    expect(l.records()[0]!.findings.length).toBeGreaterThan(0);
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(ui().querySelector('[role=dialog]')).not.toBeNull();
    key(card, 'Escape');
    expect(ui().querySelector('[role=dialog]')).toBeNull();
  });

  it('a trusted "ignore in this message" removes the findings, and undo brings them back', async () => {
    page({ text: THREAT });
    const saved: unknown[] = [];
    const l = start(batchOf((t, o) => engine.analyze(t, o)), { onIgnoresChange: (v) => saved.push(v) });
    await l.idle();
    const n = l.records()[0]!.findings.length;
    press(ui().querySelector('button.marker')!);
    for (let i = 0; i < n; i++) {
      const b = [...ui().querySelectorAll('[role=dialog] button')].find((x) => x.textContent === 'Ignore in this message');
      if (!b) {
        press(ui().querySelector('button.marker')!);
        continue;
      }
      press(b);
      await l.idle();
      const m = ui().querySelector('button.marker');
      if (m) press(m);
    }
    await l.idle();
    expect(l.records()[0]!.findings).toEqual([]);
    expect(saved.length).toBe(n);
    press([...ui().querySelectorAll('button')].find((b) => b.textContent === 'Undo')!);
    await l.idle();
    expect(l.records()[0]!.findings.length).toBe(1);
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
    const marker = ui().querySelector('button.marker.thread') as HTMLButtonElement;
    expect(marker.getAttribute('aria-label')).toMatch(/1 pattern/);
    press(marker);
    expect(ui().querySelector('.card[role="dialog"]')!.textContent).toContain('may indicate');
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
    const card = ui().querySelector('.card[role="dialog"]')!;
    const first: AnalyzeResult['findings'][number] = l.records()[0]!.findings[0]!;
    expect(card.textContent).toContain(first.title);
  });
});
