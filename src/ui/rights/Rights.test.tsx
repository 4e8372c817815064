// @vitest-environment happy-dom
import bundle from 'virtual:dunwatch-rules';
import { render } from 'solid-js/web';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useEnglishMessages } from '../test-i18n';
import { ownLaw, parseRoute, routeHash } from './route';
import { Rights, routeTitle } from './Rights';

beforeAll(useEnglishMessages);
let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.replaceChildren();
});

function page(hash: string, fallback = 'us') {
  dispose?.();
  const box = document.createElement('main');
  document.body.replaceChildren(box);
  const route = parseRoute(hash);
  dispose = render(() => <Rights bundle={bundle} route={route} fallbackJurisdiction={fallback} lang="en" />, box);
  return { box, title: routeTitle(bundle, route, fallback, 'en') };
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
    expect(box.querySelector('nav a[aria-current=page]')?.textContent).toBe('US');
  });

  it('a jurisdiction page lists its complaint channels and its rules', () => {
    const { box, title } = page('#jurisdiction=cn');
    expect(title).toContain('China');
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
