import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { identity, replaceMapped, toOriginal } from './mapped-text';

/** The original text behind the normalised span of `needle` (first occurrence). */
function originalOf(text: string, needle: string): string {
  const m = normalize(text);
  const from = m.text.indexOf(needle);
  expect(from, `"${needle}" not in normalised ${JSON.stringify(m.text)}`).toBeGreaterThanOrEqual(0);
  const o = toOriginal(m, from, from + needle.length);
  return text.slice(o.start, o.end);
}

describe('normalize: text', () => {
  it.each([
    ['ＡＲＲＥＳＴ ＹＯＵ', 'arrest you'],
    ['ﬁne ① ②', 'fine 1 2'],
    ['發給你通訊錄裡的親友', '发给你通讯录里的亲友'],
    ['you will go to j@il', 'you will go to jail'],
    ['p0lice', 'police'],
    ['a.r.r.e.s.t', 'arrest'],
    ['j a i l', 'jail'],
    ['a-r-r-e-s-t you', 'arrest you'],
    ['爆 通 讯 录', '爆通讯录'],
    ['爆*通*讯*录', '爆通讯录'],
    ['不还钱就爆你txl', '不还钱就爆你通讯录'],
    ['发到你的通迅录', '发到你的通讯录'],
    ['ar\u200brest', 'arrest'],
    ['j\u200da\u2060i\ufeffl', 'jail'],
    ['你好，还款！', '你好,还款!'],
    ['还款。', '还款。'],
    ['ΑRRЕST', 'arrest'], // Greek capital alpha, Cyrillic capital ie
  ])('%s -> %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('leaves money, e-mail addresses, ordinals and plain numbers alone', () => {
    expect(normalize('pay $500 to a1@bank.com by the 21st, ref 4711').text).toBe('pay $500 to a1@bank.com by the 21st, ref 4711');
  });

  it('does not join ordinary short words or mixed separators', () => {
    expect(normalize('i am a b').text).toBe('i am a b');
    expect(normalize('a.b c.d').text).toBe('a.b c.d');
  });

  it('expands pinyin initials only next to Chinese, not in English text with a Chinese signature', () => {
    expect(normalize('我们会联系你的 txl 和家人').text).toBe('我们会联系你的 通讯录 和家人');
    expect(normalize('FY2024 report from the CS team. 张伟 敬上').text).toBe('fy2024 report from the cs team. 张伟敬上');
  });

  it('a trailing ! is punctuation, not leetspeak', () => {
    expect(normalize('pay now!').text).toBe('pay now!');
  });

  it('stays linear on long runs without letters (no regex backtracking)', () => {
    const digits = '1'.repeat(200_000);
    const t0 = performance.now();
    expect(normalize(digits).text).toBe(digits);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('normalize: offset map back to the original', () => {
  it.each([
    ['full-width', 'You owe ＄９００. We will ＡＲＲＥＳＴ you.', 'arrest', 'ＡＲＲＥＳＴ'],
    ['ligature ﬁ', 'a ﬁne of $50', 'fine', 'ﬁne'],
    ['half of a ligature widens to the whole ligature', 'a ﬁne of $50', 'f', 'ﬁ'],
    ['circled digit', 'pay by ① June', '1 june', '① June'],
    ['traditional -> simplified', '我們會發給你通訊錄裡的人', '通讯录', '通訊錄'],
    ['leetspeak', 'you will go to j@il today', 'jail', 'j@il'],
    ['dotted letters', 'we will a.r.r.e.s.t you', 'arrest you', 'a.r.r.e.s.t you'],
    ['padded Han', '我们会爆 通 讯 录', '爆通讯录', '爆 通 讯 录'],
    ['pinyin initials', '不还钱就爆你txl了', '通讯录', 'txl'],
    ['homophone', '发到你的通迅录里', '通讯录', '通迅录'],
    ['zero-width inside a word', 'we will ar\u200brest you', 'arrest', 'ar\u200brest'],
    ['emoji before the match', '😀😀 you will go to jail', 'jail', 'jail'],
    ['astral Han before the match', '𠀀𠀁 爆你通讯录', '通讯录', '通讯录'],
    ['zero-width before the match', '\u200b\u200b\u200bjail', 'jail', 'jail'],
    ['dotless capital İ expands to two units', 'İ will jail you', 'jail', 'jail'],
  ])('%s', (_name, text, needle, original) => {
    expect(originalOf(text, needle)).toBe(original);
  });

  it('maps every unit of the normalised text to an exact original range', () => {
    const text = '😀 ＪＡＩＬ ﬁ 發 給 txl';
    const m = normalize(text);
    expect(m.text).toBe('😀 jail fi 发给 通讯录');
    expect(Array.from(m.srcStart)).toEqual([0, 0, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 12, 13, 14, 15, 16]);
    expect(Array.from(m.srcEnd)).toEqual([2, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 13, 14, 15, 16, 17]);
  });

  it('an empty span maps to a point', () => {
    const m = normalize('abc');
    expect(toOriginal(m, 1, 1)).toEqual({ start: 1, end: 1 });
    expect(toOriginal(m, 3, 3)).toEqual({ start: 3, end: 3 });
  });
});

describe('replaceMapped', () => {
  it('maps a replacement of a different length to the whole match, and keeps the rest', () => {
    const m = replaceMapped(identity('xx abc yy'), /abc/g, () => 'Z');
    expect(m.text).toBe('xx Z yy');
    expect(Array.from(m.srcStart)).toEqual([0, 1, 2, 3, 6, 7, 8]);
    expect(Array.from(m.srcEnd)).toEqual([1, 2, 3, 6, 7, 8, 9]);
  });

  it('deletes a match replaced by the empty string', () => {
    const m = replaceMapped(identity('a--b'), /-+/g, () => '');
    expect(m.text).toBe('ab');
    expect(Array.from(m.srcStart)).toEqual([0, 3]);
    expect(Array.from(m.srcEnd)).toEqual([1, 4]);
  });

  it('returns the same object when nothing matches', () => {
    const m = identity('abc');
    expect(replaceMapped(m, /z/g, () => 'y')).toBe(m);
  });
});
