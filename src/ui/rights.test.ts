import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import bundle from 'virtual:dunwatch-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { substitute } from './i18n';
import { ownLaw, parseRoute, renderRoute, routeHash } from './rights';

const win = new Window();
const doc = win.document as unknown as Document;
const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

beforeAll(() => {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
});
afterAll(() => win.happyDOM.close());

function page(hash: string, fallback = 'us') {
  const box = doc.createElement('main');
  const r = renderRoute(doc, bundle, parseRoute(hash), fallback, 'en');
  box.append(...r.nodes);
  return { box, title: r.title };
}

describe('rights pages', () => {
  it('parses and builds hash routes', () => {
    expect(parseRoute('#rule=en.threat.arrest&jurisdiction=US')).toEqual({ rule: 'en.threat.arrest', jurisdiction: 'us' });
    expect(parseRoute('')).toEqual({});
    expect(routeHash({ jurisdiction: 'cn' })).toBe('#jurisdiction=cn');
  });

  it('a rule page: what it forbids, the law of the jurisdiction with links, what is lawful, complaints, disclaimer', () => {
    const rule = bundle.rules.find((r) => ownLaw(r, 'us').length > 0)!;
    const { box, title } = page(`#rule=${rule.id}&jurisdiction=us`);
    expect(title).toBe(rule.title.en);
    expect(box.querySelector('h1')?.textContent).toBe(rule.title.en);
    const text = box.textContent ?? '';
    expect(text).toContain(rule.explain.en);
    expect(text).toContain('What is lawful');
    expect(text).toContain('Dunwatch gives information, not legal advice.');
    const hrefs = [...box.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    for (const id of ownLaw(rule, 'us')) expect(hrefs).toContain(bundle.law[id]!.url);
    expect(hrefs).toContain('https://www.consumerfinance.gov/complaint/');
    expect(box.querySelectorAll('script, img').length).toBe(0);
  });

  it('a jurisdiction page lists its complaint channels and its rules', () => {
    const { box } = page('#jurisdiction=cn');
    const links = [...box.querySelectorAll('a')];
    for (const r of bundle.jurisdictions.cn!.rights) expect(links.map((a) => a.getAttribute('href'))).toContain(r.url);
    expect(links.some((a) => a.getAttribute('href')?.startsWith('#rule='))).toBe(true);
  });

  it('an unknown rule falls back to the index with a note', () => {
    const { box } = page('#rule=nope');
    expect(box.querySelector('[role=alert]')?.textContent).toContain('nope');
    expect(box.querySelectorAll('a[href^="#rule="]').length).toBe(bundle.rules.length);
  });

  it('every rule page renders, and a rule page in every jurisdiction offered', () => {
    for (const r of bundle.rules) expect(page(`#rule=${r.id}&jurisdiction=us`).box.querySelector('h1')?.textContent).toBe(r.title.en);
    const rule = bundle.rules[0]!;
    for (const j of ['cn', 'uk', 'eu', 'in', 'au', 'ca', 'ph', 'id', 'hk', 'tw']) expect(page(`#rule=${rule.id}&jurisdiction=${j}`).box.querySelector('h1')?.textContent).toBe(rule.title.en);
  });
});
