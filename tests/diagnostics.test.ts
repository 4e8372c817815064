/**
 * "Copy diagnostics" holds no content. On every site fixture, read by the same reader loop the
 * content script runs: the diagnostics report the adapter, its version, the layout matched and the
 * selector counts the fixture expects, and contain no message text, sender, subject, address,
 * thread id or URL path — checked against everything the page shows, not only a sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { getEngine } from '../src/engine/bundled';
import { adapterSource } from '../src/extension/adapter-source';
import { diagnosticsText, isContentFree, pageDiagnostics } from '../src/extension/diagnostics';
import { fallbackReader } from '../src/page/fallback-reader';
import { batchOf } from '../src/page/loop';
import { startReaderLoop } from '../src/page/reader-switch';
import { extractLayout } from '../src/sites/extract';
import { adapterModules } from '../src/sites/registry';

const engine = getEngine();
const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

const cases = adapterModules.flatMap((m) => m.fixtures.map((f) => [`${m.adapter.id}/${f.file}`, m, f] as const));

describe('diagnostics', () => {
  it.each(cases)('%s: adapter, layout and counts; no text, names, addresses or paths', async (_name, m, fixture) => {
    const html = readFileSync(join(__dirname, '../src/sites', m.adapter.id, 'fixtures', fixture.file), 'utf8');
    const window = new Window({ url: fixture.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
    windows.push(window);
    window.document.write(html);
    await window.happyDOM.waitUntilComplete();
    const doc = window.document as unknown as Document;
    const startedAt = performance.now();
    const loop = startReaderLoop(doc, {
      site: m.adapter.id,
      primary: adapterSource(m.adapter),
      fallback: () => fallbackReader(doc),
      analyze: batchOf((t, o) => engine.analyze(t, o)),
      uiLang: 'en',
      forceOverlay: true,
      quietMs: 20,
      maxWaitMs: 300,
    });
    await new Promise((r) => setTimeout(r, 400));
    await loop.idle();
    const d = pageDiagnostics({ doc, site: m.adapter.id, adapter: m.adapter, loop, extensionVersion: '0.1.0', browser: 'chrome', startedAt });
    loop.stop();

    expect(d).toMatchObject({ site: m.adapter.id, adapterVersion: m.adapter.version, reader: 'adapter', host: new URL(fixture.url).hostname });
    const layout = d.layouts.find((l) => l.layout === fixture.layout)!;
    expect(layout.rootSelector).not.toBeNull();
    for (const [k, v] of Object.entries(fixture.expect)) expect(layout.counts[k as keyof typeof layout.counts], k).toBe(v);
    expect(d.scanned.messages).toBeGreaterThanOrEqual(fixture.expect.messageRoot!);
    expect(d.batches.sent).toBeGreaterThan(0);

    // no content: the structural check, and everything the page shows
    expect(isContentFree(d)).toBe(true);
    const json = diagnosticsText(d);
    const url = new URL(fixture.url);
    const forbidden = new Set<string>();
    for (const r of extractLayout(doc, m.adapter.layouts[fixture.layout]!, { url: fixture.url })) {
      const words = r.text.split(/\s+/).filter((w) => w.length >= 4);
      for (const w of words) forbidden.add(w);
      for (let i = 0; i + 4 <= r.text.length; i += 4) if (/\p{Script=Han}/u.test(r.text.slice(i, i + 4))) forbidden.add(r.text.slice(i, i + 4));
      for (const v of [r.sender, r.subject, r.threadId, r.sentAtShown]) if (v && v.length >= 3) forbidden.add(v);
    }
    for (const email of html.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g) ?? []) forbidden.add(email);
    if (url.pathname.length > 1) forbidden.add(url.pathname);
    if (url.hash.length > 1) forbidden.add(url.hash.slice(1));
    // every string value (the keys are this module's own, fixed names)
    const values: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') values.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(json));
    expect(values.length).toBeGreaterThan(3);
    const leaked = [...forbidden].filter((f) => !/^\d+$/.test(f) && values.some((v) => v.includes(f)));
    expect(leaked, `values: ${values.join(' | ')}`).toEqual([]);
  });

  it('the content check refuses text, names, addresses and paths', () => {
    expect(isContentFree({ site: 'gmail', n: 3, ok: true, v: null, host: 'mail.google.com' })).toBe(true);
    for (const bad of ['Jordan Lee', 'jordan@example.com', '/mail/u/0/#inbox/FMfcg', '你欠款', 'x'.repeat(65)]) expect(isContentFree({ field: bad }), bad).toBe(false);
    expect(() => diagnosticsText({ sender: 'a@b.example' })).toThrow(/nothing was copied/);
  });
});
