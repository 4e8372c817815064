// @vitest-environment happy-dom
/** Which reader a claimed page gets: the adapter while it can read the page, else the fallback reader, and back. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getEngine } from '../engine/bundled';
import { fallbackReader } from './fallback-reader';
import { batchOf } from './loop';
import { startReaderLoop, type Reader, type ReaderDecision, type ReaderLoop } from './reader-switch';
import type { MessageSource } from './types';

const engine = getEngine();
const THREAT = 'You owe $900 on account 4411. Pay today or a warrant will be issued for your arrest.';

/** The "site adapter": messages are <article class="msg"><div class="body">…</div></article>. */
const adapter: MessageSource = {
  findMessages: (scope) => {
    const all: Element[] = Array.from((scope as ParentNode).querySelectorAll?.('article.msg') ?? []);
    if (scope instanceof Element && scope.matches('article.msg')) all.unshift(scope);
    return all;
  },
  messageOf: (node) => (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('article.msg') ?? null,
  info: (el) => {
    const body = el.querySelector('.body');
    return body ? { body, direction: 'incoming' } : null;
  },
};

function page(cls: string, bodyClass = 'body'): void {
  document.body.replaceChildren();
  const main = document.createElement('div');
  main.setAttribute('role', 'main');
  for (const [name, time, text] of [['Apex Recovery', '10:02 AM', THREAT], ['Apex Recovery', '10:30 AM', 'Reply today or we will tell your employer about the debt.']]) {
    const m = document.createElement('article');
    m.className = cls;
    const head = document.createElement('h4');
    head.textContent = name!;
    const at = document.createElement('span');
    at.textContent = time!;
    const body = document.createElement('div');
    body.className = bodyClass;
    body.textContent = text!;
    m.append(head, at, body);
    main.append(m);
  }
  document.body.append(main);
}

let loop: ReaderLoop | undefined;
afterEach(() => {
  loop?.stop();
  loop = undefined;
});

function start(): { readers: [Reader, ReaderDecision][] } {
  const readers: [Reader, ReaderDecision][] = [];
  loop = startReaderLoop(document, {
    site: 'test',
    primary: adapter,
    fallback: () => fallbackReader(document, { refreshMs: 0 }),
    analyze: batchOf((t, o) => engine.analyze(t, o)),
    uiLang: 'en',
    forceOverlay: true,
    quietMs: 30,
    maxWaitMs: 500,
    recheckMs: 20,
    onReader: (r, why) => readers.push([r, why]),
  });
  return { readers };
}

describe('reader switch', () => {
  it('keeps the adapter when it reads the page', async () => {
    page('msg');
    const { readers } = start();
    await vi.waitFor(() => expect(readers.length).toBe(1));
    expect(readers[0]![0]).toBe('adapter');
    expect(readers[0]![1]).toMatchObject({ roots: 2, readable: 2, fallbackBlocks: 0 });
    await loop!.idle();
    expect(loop!.records().every((r) => !r.info.fallback)).toBe(true);
  });

  it('no roots once settled: the fallback reader reads the page, its findings marked as from the fallback', async () => {
    page('m-7x2'); // the site renamed its classes
    const { readers } = start();
    await vi.waitFor(() => expect(readers.at(-1)?.[0]).toBe('fallback'));
    expect(readers.at(-1)![1]).toMatchObject({ roots: 0, readable: 0, fallbackBlocks: 2 });
    await vi.waitFor(() => expect(loop!.records().length).toBe(2));
    await loop!.idle();
    const flagged = loop!.records().filter((r) => r.findings.length);
    expect(flagged.length).toBeGreaterThan(0);
    expect(loop!.records().every((r) => r.info.fallback && r.info.direction === 'unknown')).toBe(true);
  });

  it('roots with empty bodies count as unreadable too', async () => {
    page('msg', 'b-renamed');
    const { readers } = start();
    await vi.waitFor(() => expect(readers.at(-1)?.[0]).toBe('fallback'));
    expect(readers.at(-1)![1]).toMatchObject({ roots: 2, readable: 0 });
  });

  it('a page neither can read is reported as none, then read once messages appear; back to the adapter when it can read again', async () => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Loading…' }));
    const { readers } = start();
    await vi.waitFor(() => expect(readers.at(-1)?.[0]).toBe('none'));
    page('m-7x2');
    await vi.waitFor(() => expect(readers.at(-1)?.[0]).toBe('fallback'), { timeout: 3000 });
    // the site's next build uses the adapter's hooks again
    for (const a of document.querySelectorAll('article')) a.className = 'msg';
    await vi.waitFor(() => expect(readers.at(-1)?.[0]).toBe('adapter'), { timeout: 3000 });
    await vi.waitFor(() => expect(loop!.records().length).toBe(2));
    expect(loop!.records().every((r) => !r.info.fallback)).toBe(true);
    // ids are not reused across the loops
    expect(loop!.records().map((r) => r.id).every((id) => id.startsWith('m') && id.includes('-'))).toBe(true);
  });
});
