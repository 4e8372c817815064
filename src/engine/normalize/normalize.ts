/**
 * Normalisation with an offset map (see mapped-text.ts). Steps, in order:
 * 1. per code point: drop zero-width/format characters, NFKC (full-width -> half-width,
 *    ligatures, circled digits), lower case, common Cyrillic/Greek homoglyphs -> Latin;
 * 2. traditional -> simplified Chinese (opencc-js, character for character);
 * 3. de-obfuscation: leetspeak inside words (j@il, p0lice), spaced or dotted letters
 *    (a.r.r.e.s.t, j a i l), padding between Han characters (爆 通 讯 录, 爆*通*讯*录),
 *    pinyin initials (txl) and homophones (通迅录) in Chinese text.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { HOMOPHONES, PINYIN_INITIALS } from './zh-variants';
import { MappedBuilder, replaceMapped, type MappedText } from './mapped-text';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

// Cyrillic and Greek letters that look like Latin ones.
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g',
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', τ: 't', ι: 'i', κ: 'k',
};
// zero-width, bidi and variation-selector characters hide inside words ("ar\u200brest")
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/u;
const HAN = /\p{Script=Han}/u;

function perCodePoint(text: string): MappedText {
  const out = new MappedBuilder();
  let i = 0;
  for (const cp of text) {
    const start = i;
    i += cp.length;
    if (INVISIBLE.test(cp)) continue;
    let s = cp.normalize('NFKC').toLowerCase();
    if (s.length === 1 && HOMOGLYPHS[s]) s = HOMOGLYPHS[s]!;
    out.push(s, start, i);
  }
  return out.build();
}

function simplify(m: MappedText): MappedText {
  if (!HAN.test(m.text)) return m;
  const whole = toSimplified(m.text);
  if (whole.length === m.text.length) return { ...m, text: whole };
  // A phrase conversion changed the length: fall back to one character at a time.
  let text = '';
  for (let k = 0; k < m.text.length; k++) {
    const ch = m.text[k]!;
    const conv = HAN.test(ch) ? toSimplified(ch) : ch;
    text += conv.length === 1 ? conv : ch;
  }
  return { ...m, text };
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };

/** j@il -> jail, p0lice -> police; never touches numbers, money or e-mail addresses. */
function deLeet(m: MappedText): MappedText {
  return replaceMapped(m, /[a-z0-9@$!|]*[a-z][a-z0-9@$!|]*/g, (match) => {
    const w = match[0];
    if (!/[0-9@$!|]/.test(w)) return w;
    const letters = (w.match(/[a-z]/g) ?? []).length;
    const others = w.length - letters;
    if (letters < 2 || others > letters) return w;
    if ((w.includes('@') && m.text[match.index + w.length] === '.') || /^\$?\d/.test(w) || /^\d+(st|nd|rd|th|am|pm|k|m|x)$/.test(w)) return w;
    // trailing ! is punctuation, not an i
    const core = w.replace(/!+$/, '');
    let converted = '';
    for (const ch of core) converted += LEET[ch] ?? ch;
    return converted + w.slice(core.length);
  });
}

/** a.r.r.e.s.t / j a i l / a-r-r-e-s-t -> arrest, jail: three or more single letters with one separator kind. */
function joinSpacedLetters(m: MappedText): MappedText {
  return replaceMapped(m, /(?<![a-z])[a-z](?:([ .\-_*·~])[a-z](?![a-z])){2,}/g, (match) => {
    const sep = match[1]!;
    const w = match[0];
    // every separator must be the same character ("a.b c" is two things)
    for (let k = 1; k < w.length; k += 2) if (w[k] !== sep) return w;
    return w.split(sep).join('');
  });
}

/** 爆 通 讯 录 / 爆*通*讯*录 -> 爆通讯录: padding between Han characters (never line breaks). */
function joinPaddedHan(m: MappedText): MappedText {
  if (!HAN.test(m.text)) return m;
  return replaceMapped(m, /(?<=\p{Script=Han})[ \t\u3000*·.\-_~#@|/\\+]+(?=\p{Script=Han})/gu, () => '');
}

const PINYIN_RE = new RegExp(`(?<![a-z])(${Object.keys(PINYIN_INITIALS).join('|')})(?![a-z])`, 'g');
const HOMOPHONE_RE = new RegExp(Object.keys(HOMOPHONES).sort((a, b) => b.length - a.length).join('|'), 'g');

function expandChineseVariants(m: MappedText): MappedText {
  const hanCount = (m.text.match(/\p{Script=Han}/gu) ?? []).length;
  if (hanCount < 2) return m;
  const withPinyin = replaceMapped(m, PINYIN_RE, (match) => PINYIN_INITIALS[match[0]] ?? match[0]);
  return replaceMapped(withPinyin, HOMOPHONE_RE, (match) => HOMOPHONES[match[0]] ?? match[0]);
}

export function normalize(text: string): MappedText {
  let m = perCodePoint(text);
  m = simplify(m);
  m = deLeet(m);
  m = joinSpacedLetters(m);
  m = joinPaddedHan(m);
  m = expandChineseVariants(m);
  return m;
}
