/**
 * Every adapter against its committed fixtures: selector counts, extracted records, match patterns.
 * Fixtures are parsed with happy-dom's Window at their real URL (scripts and network disabled).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { countSelectors, extractLayout } from './extract';
import { isValidMatchPattern, urlMatches } from './match-pattern';
import { adapterModules } from './registry';
import type { FixtureSpec, SiteAdapter } from './types';

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

async function load(site: string, fixture: FixtureSpec): Promise<Document> {
  const html = readFileSync(join(__dirname, site, 'fixtures', fixture.file), 'utf8');
  const window = new Window({
    url: fixture.url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(window);
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  return window.document as unknown as Document;
}

const cases = adapterModules.flatMap((m) => m.fixtures.map((f) => [`${m.adapter.id}/${f.file}`, m.adapter, f] as const));

describe('site fixtures', () => {
  it.each(cases)('%s: every selector finds what the adapter says', async (_name, adapter: SiteAdapter, fixture) => {
    const layout = adapter.layouts[fixture.layout];
    expect(layout, `adapter has a ${fixture.layout} layout`).toBeDefined();
    const doc = await load(adapter.id, fixture);
    const counts = countSelectors(doc, layout!, { url: fixture.url });
    const got = Object.fromEntries(Object.keys(fixture.expect).map((k) => [k, counts[k as keyof typeof counts]]));
    expect(got).toEqual(fixture.expect);
    expect(fixture.expect.messageRoot, 'a fixture with no messages tests nothing').toBeGreaterThan(0);
  });

  it.each(cases)('%s: extract() returns the expected records', async (_name, adapter: SiteAdapter, fixture) => {
    const doc = await load(adapter.id, fixture);
    const records = extractLayout(doc, adapter.layouts[fixture.layout]!, { url: fixture.url });
    expect(records.length).toBe(fixture.records.length);
    fixture.records.forEach((want, i) => {
      const r = records[i]!;
      const { bodyIncludes, ...fields } = want;
      const picked = Object.fromEntries(Object.keys(fields).map((k) => [k, r[k as keyof typeof r]]));
      expect(picked, `record ${i}`).toEqual(fields);
      expect(r.text, `record ${i} text`).toContain(bodyIncludes);
      expect(r.bodyEl, `record ${i} bodyEl`).not.toBeNull();
    });
  });
});

describe('site match patterns', () => {
  it.each(adapterModules.map((m) => [m.adapter.id, m] as const))('%s: valid patterns that cover every fixture URL', (_id, m) => {
    expect(m.adapter.matches.length).toBeGreaterThan(0);
    for (const p of m.adapter.matches) expect(isValidMatchPattern(p), p).toBe(true);
    for (const f of m.fixtures) expect(urlMatches(f.url, m.adapter.matches), f.url).toBe(true);
    expect(urlMatches('https://example.com/', m.adapter.matches), 'claims unrelated pages').toBe(false);
  });
});
