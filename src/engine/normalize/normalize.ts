/**
 * Normalisation with an offset map (see mapped-text.ts). Steps, in order:
 * 1. per code point: drop zero-width/format characters, NFKC (full-width -> half-width,
 *    ligatures, circled digits), lower case, common Cyrillic/Greek homoglyphs -> Latin;
 * 2. traditional -> simplified Chinese (opencc-js, character for character);
 * 3. de-obfuscation: leetspeak inside words (j@il, p0lice), spaced or dotted letters
 *    (a.r.r.e.s.t, j a i l), padding between Han characters (爆 通 讯 录, 爆*通*讯*录),
 *    pinyin initials (txl) and homophones (通迅录) in Chinese text.
 */
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';

import { HOMOPHONES, PINYIN_INITIALS } from './zh-variants';
import { MappedBuilder, replaceMapped, type MappedText } from './mapped-text';

// The character table only: we map character for character anyway, and the phrase and regional
// variant tables would triple what the page loads (the variant tables also turn 么 into 幺).
// On the 293 corpus and benign texts this gives exactly what opencc's full t->cn converter gives.
// Built on the first text that holds a traditional character, not at load: opencc's trie costs
// ~10 ms at every service-worker wake, and simplified text never needs it (issue #14).
let converter: ((s: string) => string) | undefined;
let traditional: Set<number> | undefined;
function toSimplified(s: string): string {
  traditional ??= new Set(TSCharacters.split('|').map((entry) => entry.codePointAt(0)!));
  let any = false;
  for (const c of s) if ((any = traditional.has(c.codePointAt(0)!))) break;
  // opencc changes nothing in a text without a character of its table
  return any ? (converter ??= ConverterFactory([TSCharacters]))(s) : s;
}

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
  const out = new MappedBuilder(text.length + 16);
  // [runStart, i): code points that stay as they are, copied in one piece
  let runStart = 0;
  let i = 0;
  for (const cp of text) {
    const start = i;
    i += cp.length;
    const code = cp.charCodeAt(0);
    // fast path: ASCII other than A-Z, and the main CJK block, are unchanged by NFKC and lower-casing
    if ((code < 0x80 && !(code >= 65 && code <= 90)) || (code >= 0x4e00 && code <= 0x9fff)) continue;
    out.pushOriginal(text, runStart, start);
    runStart = i;
    if (INVISIBLE.test(cp)) continue;
    let s = code < 0x80 ? String.fromCharCode(code + 32) : cp.normalize('NFKC').toLowerCase();
    if (s.length === 1 && HOMOGLYPHS[s]) s = HOMOGLYPHS[s]!;
    if (s === cp && cp.length === 1) {
      // unchanged after all: keep it in the run (not astral: its two units map as one)
      runStart = start;
      continue;
    }
    out.push(s, start, i);
  }
  out.pushOriginal(text, runStart, i);
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
  // Runs of word-ish characters that hold a letter. (A run without one is left alone; matching
  // the runs first keeps this linear: "[…]*[a-z][…]*" backtracks quadratically over long digit runs.)
  return replaceMapped(m, /[a-z0-9@$!|]+/g, (match) => {
    const w = match[0];
    if (!/[0-9@$!|]/.test(w) || !/[a-z]/.test(w)) return w;
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

/** a.r.r.e.s.t / j a i l / a-r-r-e-s-t -> arrest, jail: three or more single letters with one separator kind (four with spaces). */
function joinSpacedLetters(m: MappedText): MappedText {
  return replaceMapped(m, /(?<![a-z])[a-z](?:([ .\-_*·~])[a-z](?![a-z])){2,}/g, (match) => {
    const sep = match[1]!;
    const w = match[0];
    // every separator must be the same character ("a.b c" is two things)
    for (let k = 1; k < w.length; k += 2) if (w[k] !== sep) return w;
    // with spaces, three letters are usually text-speak ("u r a thief"), not a hidden word
    if (sep === ' ' && w.length < 7) return w;
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

const HAN_NEAR_LEFT = /\p{Script=Han}[\s\p{P}\p{S}]{0,2}$/u;
const HAN_NEAR_RIGHT = /^[\s\p{P}\p{S}]{0,2}\p{Script=Han}/u;

/** A Han character right before or after [from, to), past at most two spaces or punctuation marks. */
function hanNearby(text: string, from: number, to: number): boolean {
  return HAN_NEAR_LEFT.test(text.slice(Math.max(0, from - 4), from)) || HAN_NEAR_RIGHT.test(text.slice(to, to + 4));
}

const TWO_HAN = /\p{Script=Han}[^]*?\p{Script=Han}/u;

function expandChineseVariants(m: MappedText): MappedText {
  if (!TWO_HAN.test(m.text)) return m;
  // Only next to Chinese ("爆你txl", "打 cs 电话"): an English "FY2024" or "CS team" in a
  // message that merely has a Chinese signature stays as it is.
  const withPinyin = replaceMapped(m, PINYIN_RE, (match) =>
    hanNearby(m.text, match.index, match.index + match[0].length) ? (PINYIN_INITIALS[match[0]] ?? match[0]) : match[0],
  );
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
