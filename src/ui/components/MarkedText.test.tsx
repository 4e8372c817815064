// @vitest-environment happy-dom
import { render } from 'solid-js/web';
import { afterEach, describe, expect, it } from 'vitest';
import type { Span } from '../mark';
import { MarkedText } from './MarkedText';

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.replaceChildren();
});

function mount(text: string, spans: Span[]) {
  const box = document.createElement('div');
  document.body.append(box);
  dispose = render(() => <MarkedText text={text} spans={spans} />, box);
  return box;
}

describe('MarkedText', () => {
  it('keeps HTML-like message text inert: no elements but <mark>, the text unchanged', () => {
    const text = '<img src=x onerror=alert(1)> pay now <script>alert(2)</script> or we call your boss';
    const start = text.indexOf('call your boss');
    const box = mount(text, [{ start, end: start + 'call your boss'.length, category: 'privacy', index: 0 }]);
    expect(box.querySelectorAll('img, script').length).toBe(0);
    expect([...box.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['MARK']);
    expect(box.textContent).toBe(text);
    expect(box.querySelector('mark')?.textContent).toBe('call your boss');
  });

  it('marks Chinese spans by UTF-16 offsets and keeps the rest as text', () => {
    const text = '你再不还钱，我们就去你单位找你领导。';
    const start = text.indexOf('去你单位');
    const box = mount(text, [{ start, end: start + 4, category: 'privacy', index: 0 }]);
    expect(box.querySelector('mark')?.textContent).toBe('去你单位');
    expect(box.querySelector('mark')?.dataset.category).toBe('privacy');
    expect(box.querySelector('mark')?.className).toBe('cat-privacy');
    expect(box.textContent).toBe(text);
  });

  it('overlapping spans: each piece names every finding covering it', () => {
    const box = mount('abcdefgh', [
      { start: 1, end: 5, category: 'threat', index: 0 },
      { start: 3, end: 7, category: 'abuse', index: 1 },
    ]);
    expect([...box.querySelectorAll('mark')].map((m) => m.dataset.finding)).toEqual(['0', '0 1', '1']);
    expect(box.textContent).toBe('abcdefgh');
  });

  it('ignores spans outside the text or empty', () => {
    const box = mount('short', [
      { start: 3, end: 99, category: 'threat', index: 0 },
      { start: 2, end: 2, category: 'threat', index: 1 },
    ]);
    expect(box.querySelectorAll('mark').length).toBe(0);
    expect(box.textContent).toBe('short');
  });
});
