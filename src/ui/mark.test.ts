import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExample, renderMarked, segments } from './mark';

const win = new Window();
const doc = win.document as unknown as Document;
afterAll(() => win.happyDOM.close());

function render(text: string, spans: Parameters<typeof renderMarked>[2]) {
  const box = doc.createElement('div');
  box.append(renderMarked(doc, text, spans));
  return box;
}

describe('renderMarked', () => {
  it('keeps HTML-like message text inert: no elements but <mark>, the text unchanged', () => {
    const text = '<img src=x onerror=alert(1)> pay now <script>alert(2)</script> or we call your boss';
    const start = text.indexOf('call your boss');
    const box = render(text, [{ start, end: start + 'call your boss'.length, category: 'privacy', index: 0 }]);
    expect(box.querySelectorAll('img, script').length).toBe(0);
    expect([...box.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['MARK']);
    expect(box.textContent).toBe(text);
    expect(box.querySelector('mark')?.textContent).toBe('call your boss');
  });

  it('marks Chinese spans by UTF-16 offsets and keeps the rest as text', () => {
    const text = '你再不还钱，我们就去你单位找你领导。';
    const start = text.indexOf('去你单位');
    const box = render(text, [{ start, end: start + 4, category: 'privacy', index: 0 }]);
    expect(box.querySelector('mark')?.textContent).toBe('去你单位');
    expect(box.querySelector('mark')?.dataset.category).toBe('privacy');
    expect(box.textContent).toBe(text);
  });

  it('splits overlapping spans into pieces that name every finding covering them', () => {
    const segs = segments('abcdefgh', [
      { start: 1, end: 5, category: 'threat', index: 0 },
      { start: 3, end: 7, category: 'abuse', index: 1 },
    ]);
    expect(segs.map((s) => [s.text, s.spans.map((x) => x.index)])).toEqual([
      ['a', []],
      ['bc', [0]],
      ['de', [0, 1]],
      ['fg', [1]],
      ['h', []],
    ]);
    const box = render('abcdefgh', [
      { start: 1, end: 5, category: 'threat', index: 0 },
      { start: 3, end: 7, category: 'abuse', index: 1 },
    ]);
    expect([...box.querySelectorAll('mark')].map((m) => m.dataset.finding)).toEqual(['0', '0 1', '1']);
  });

  it('ignores spans outside the text or empty', () => {
    const box = render('short', [
      { start: 3, end: 99, category: 'threat', index: 0 },
      { start: 2, end: 2, category: 'threat', index: 1 },
    ]);
    expect(box.querySelectorAll('mark').length).toBe(0);
    expect(box.textContent).toBe('short');
  });
});

describe('parseExample', () => {
  it('removes [[ ]] and returns the spans in the clean text', () => {
    expect(parseExample('We will [[have you arrested]] today, [[liar]].')).toEqual({
      text: 'We will have you arrested today, liar.',
      spans: [
        { start: 8, end: 25 },
        { start: 33, end: 37 },
      ],
    });
    expect(parseExample('no span here')).toEqual({ text: 'no span here', spans: [] });
  });
});
