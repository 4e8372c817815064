// @vitest-environment happy-dom
/** The card and the markers in our closed layer: content, links, fallback note, keyboard, trusted events only. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../engine/types';
import { Card } from './card';
import { UiLayer } from './layer';
import { Markers } from './markers';
import { strings } from './strings';
import { captureShadowRoots, key, press } from './testing';
import { UI_CSS } from './ui-style';

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: 'en.threat.arrest', ruleVersion: 1, category: 'threat', severity: 'high', start: 0, end: 5, excerpt: 'will be arrested', title: 'Threat of arrest', explanation: 'Collectors may not say you will be arrested.',
  law: ['us.fdcpa.1692e-4'], citations: [{ id: 'us.fdcpa.1692e-4', title: '15 U.S.C. 1692e(4)', url: 'https://www.law.cornell.edu/uscode/text/15/1692e' }], ...over,
}) as Finding;

let roots: ShadowRoot[];
let layer: UiLayer;
const s = () => strings('en');
beforeEach(() => {
  roots = captureShadowRoots();
  layer = new UiLayer(document, UI_CSS);
});
afterEach(() => {
  layer.destroy();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('card', () => {
  it('explains each finding with its law; rule links only open http(s)', () => {
    const card = new Card(layer, s, { onIgnore: () => undefined, onUndo: () => undefined });
    const message = document.body.appendChild(document.createElement('div'));
    card.open({ message, findings: [finding(), finding({ rule: 'x', title: 'Second', citations: [{ id: 'bad', title: 'bad link', url: 'javascript:alert(1)' } as Finding['citations'][number]] })], rights: [{ title: 'CFPB', url: 'https://www.consumerfinance.gov/complaint/', phone: '855-411-2372' }] }, new DOMRect(0, 0, 10, 10));
    const el = roots[0]!.querySelector('[role=dialog]')!;
    expect(el.getAttribute('aria-label')).toBe(s().card);
    expect(el.textContent).toContain('Threat of arrest');
    expect(el.textContent).toContain('CFPB (855-411-2372)');
    const links = [...el.querySelectorAll('a')];
    expect(links.find((a) => a.textContent === 'bad link')!.hasAttribute('href')).toBe(false);
    expect(links.find((a) => a.textContent === '15 U.S.C. 1692e(4)')!.getAttribute('href')).toContain('cornell');
    expect(el.querySelector('.fallback-note')).toBeNull();
  });

  it('says when the fallback reader found the message', () => {
    const card = new Card(layer, s, { onIgnore: () => undefined, onUndo: () => undefined });
    card.open({ message: document.body, findings: [finding()], rights: [], fallback: true }, new DOMRect(0, 0, 10, 10));
    expect(roots[0]!.querySelector('[role=dialog] .fallback-note')!.textContent).toBe(s().fallbackCard);
  });

  it('Escape (trusted) closes it and returns focus to the opener; a made-up Escape does nothing', () => {
    const markers = new Markers(layer, s, { openCard: (ctx, opener) => card.open(ctx, opener.getBoundingClientRect(), opener), openThreadCard: () => undefined });
    const card = new Card(layer, s, { onIgnore: () => undefined, onUndo: () => undefined });
    const message = document.body.appendChild(document.createElement('div'));
    markers.set({ message, findings: [finding()], rights: [], fallback: true });
    const marker = roots[0]!.querySelector<HTMLButtonElement>('button.marker')!;
    expect(marker.getAttribute('aria-label')).toContain(s().fallbackMarker);
    press(marker);
    const dialog = roots[0]!.querySelector('[role=dialog]')!;
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(roots[0]!.querySelector('[role=dialog]')).not.toBeNull();
    key(dialog, 'Escape');
    expect(roots[0]!.querySelector('[role=dialog]')).toBeNull();
    expect(roots[0]!.activeElement).toBe(marker);
    markers.destroy();
  });

  it('an ignore choice calls back once and offers undo', () => {
    const onIgnore = vi.fn();
    const onUndo = vi.fn();
    const card = new Card(layer, s, { onIgnore, onUndo });
    const message = document.body.appendChild(document.createElement('div'));
    const f = finding();
    card.open({ message, findings: [f], rights: [] }, new DOMRect(0, 0, 10, 10));
    const sender = [...roots[0]!.querySelectorAll('button')].find((b) => b.textContent === s().ignoreSender)!;
    sender.click(); // a page script: nothing
    expect(onIgnore).not.toHaveBeenCalled();
    press(sender);
    expect(onIgnore).toHaveBeenCalledWith('sender', f, message);
    press([...roots[0]!.querySelectorAll('button')].find((b) => b.textContent === s().undo)!);
    expect(onUndo).toHaveBeenCalledOnce();
  });
});
