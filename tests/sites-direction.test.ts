/**
 * Direction is outgoing only on positive evidence. For every adapter and every fixture: remove
 * the page's direction markers (the "you sent" hooks, the incoming hooks, the reader's own
 * address or handle, "You" as a sender, "You:" prefixes), then
 *   - the adapter still finds every message and its body, and calls none of them outgoing;
 *   - the page loop (the one content scripts run) scans every message, as incoming, and the
 *     fixture's collection message is still flagged.
 * This is the X bug of adapter version 1: a layout that dropped the sender's avatar made every
 * message "the reader's own", so a collector's threat was silently never scanned.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { getEngine } from '../src/engine/bundled';
import type { AnalyzeOptions } from '../src/engine/types';
import { adapterSource } from '../src/extension/adapter-source';
import { startPageLoop } from '../src/page/loop';
import { extractLayout, findRoots, resolveField } from '../src/sites/extract';
import { adapterModules } from '../src/sites/registry';
import type { CssProbe, Field, FixtureSpec, LayoutSelectors, Probe, SiteAdapter } from '../src/sites/types';

const engine = getEngine();
const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

async function load(site: string, fixture: FixtureSpec): Promise<Document> {
  const window = new Window({ url: fixture.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  windows.push(window);
  window.document.write(readFileSync(join(__dirname, '../src/sites', site, 'fixtures', fixture.file), 'utf8'));
  await window.happyDOM.waitUntilComplete();
  return window.document as unknown as Document;
}

const probes = (f: Field | undefined): Probe[] => (f === undefined ? [] : Array.isArray(f) ? [...(f as Probe[])] : [f as Probe]);
const cssOf = (p: Probe): CssProbe | undefined => (typeof p === 'string' ? { css: p } : 'css' in p ? p : undefined);

/** Remove a probe's own hook from an element that must stay (a message root or body): its classes and attributes, or its pattern's text. */
function unhook(el: Element, probe: CssProbe): void {
  if (probe.pattern && !probe.attr) {
    const re = new RegExp(probe.pattern.replace(/^\^/, ''), 'u');
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* text */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      if (re.test(t.data)) {
        t.data = t.data.replace(re, '');
        return;
      }
    }
    return;
  }
  const last = probe.css.split(/[\s>+~]+/).pop() ?? '';
  for (const [, cls] of last.matchAll(/\.([\w-]+)/g)) el.classList.remove(cls!);
  for (const [, attr] of last.matchAll(/\[([\w:-]+)/g)) el.removeAttribute(attr!);
}

function stripDirection(doc: Document, layout: LayoutSelectors, url: string): void {
  const spec = layout.direction;
  if (!spec) return;
  const roots = findRoots(doc, layout);
  for (const probe of [...(spec.outgoing ?? []), ...(spec.incoming ?? []), ...probes(spec.self)]) {
    const css = cssOf(probe);
    if (!css) continue;
    for (const root of roots) {
      for (let guard = 0; guard < 20; guard++) {
        const hit = resolveField(root, probe, url);
        if (!hit?.el) break;
        const body = resolveField(root, layout.body, url)?.el;
        const keep = hit.el === root || hit.el.contains(root) || (body && (hit.el === body || hit.el.contains(body) || body.contains(hit.el) && css.pattern !== undefined));
        if (keep) unhook(hit.el, css);
        else hit.el.remove();
      }
    }
  }
  // "You" / "我" as the sender (WhatsApp's data-pre-plain-text, Google Messages' "You said:")
  for (const root of findRoots(doc, layout)) {
    const hit = resolveField(root, layout.sender, url);
    const name = spec.selfNames?.find((n) => n.toLowerCase() === hit?.value?.toLowerCase());
    if (!hit?.el || !name) continue;
    const css = cssOf(hit.probe)!;
    if (css.attr) hit.el.setAttribute(css.attr, (hit.el.getAttribute(css.attr) ?? '').replace(name, 'Someone'));
    else unhook(hit.el, { css: css.css, pattern: name });
  }
}

const cases = adapterModules.flatMap((m) => m.fixtures.map((f) => [`${m.adapter.id}/${f.file}`, m.adapter, f] as const));

describe('direction markers removed: every message is still scanned', () => {
  it.each(cases)('%s', async (_name, adapter: SiteAdapter, fixture) => {
    const layout = adapter.layouts[fixture.layout]!;
    const doc = await load(adapter.id, fixture);
    const before = extractLayout(doc, layout, { url: fixture.url });
    stripDirection(doc, layout, fixture.url);
    const after = extractLayout(doc, layout, { url: fixture.url });
    expect(after.length, 'every message is still found').toBe(fixture.expect.messageRoot);
    expect(after.map((r) => r.direction).filter((d) => d === 'outgoing'), 'no message is the reader\'s own without evidence').toEqual([]);
    if (before.some((r) => r.direction === 'outgoing'))
      expect(after.map((r) => r.direction), 'the markers were really removed').not.toEqual(before.map((r) => r.direction));
    for (const r of after) expect(r.text.length, 'every body is still read').toBeGreaterThan(0);

    // the page loop scans all of them as incoming
    const asked: AnalyzeOptions[] = [];
    const loop = startPageLoop(doc, {
      site: adapter.id,
      source: adapterSource(adapter),
      uiLang: 'en',
      forceOverlay: true,
      budgetMs: 10_000,
      analyze: async (items) => items.map((i) => (asked.push(i.options), engine.analyze(i.text, i.options))),
    });
    await loop.idle();
    const scanned = loop.records().filter((r) => r.info.layout === fixture.layout);
    expect(scanned).toHaveLength(fixture.expect.messageRoot!);
    expect(new Set(asked.map((o) => o.context?.direction))).toEqual(new Set(['incoming']));
    if (fixture.layout === 'thread') expect(scanned.filter((r) => r.findings.length).length, 'the collector\'s message is still flagged').toBeGreaterThan(0);
    loop.stop();
  });
});
