import { describe, expect, it } from 'vitest';
import { parseExample, segments } from './mark';

describe('segments', () => {
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
