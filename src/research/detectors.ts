/**
 * More personal-data detectors for `redact`: national identifiers with their check digits
 * (US SSN, Aadhaar, PAN, Hong Kong and Taiwan ID cards), IBANs (mod 97), passport and
 * driving-licence numbers (only after a word that names them), Taiwan addresses and phone
 * numbers, @handles and social-profile URLs, and English names written in lower case where
 * the wording says a name follows ("my name is john smith", "dear maria").
 * Each returns spans of the original text.
 */
import nlp from 'compromise';
import { aadhaarValid, hkIdValid, ibanLength, ibanValid, panValid, ssnValid, twIdValid } from './checks';
import type { PiiSpan } from './redact';

const spansOf = (text: string, re: RegExp, type: PiiSpan['type'], accept: (m: RegExpExecArray) => { start: number; end: number } | boolean, priority?: number): PiiSpan[] => {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(re)) {
    const ok = accept(m);
    if (!ok) continue;
    const span = typeof ok === 'object' ? ok : { start: m.index, end: m.index + m[0].length };
    out.push({ ...span, type, ...(priority !== undefined ? { priority } : {}) });
  }
  return out;
};

/** The span of capture group `g` (the value after a label). */
const group = (m: RegExpExecArray, g: number) => {
  const v = m[g]!;
  const at = m.index + m[0].lastIndexOf(v);
  return { start: at, end: at + v.length };
};

// --- national identifiers -------------------------------------------------------------------

// 123-45-6789, 123 45 6789 (the same separator twice); bare 9 digits only after "SSN" / "social security"
// not a part of a longer run of digit groups (a card number written 4-4-4-4)
const SSN = /(?<![\d-]|\d[ -])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-]|[ -]\d)/g;
const SSN_LABELLED = /\b(?:ssn|social\s+security(?:\s+(?:no\.?|number|#))?)\s*(?:no\.?|number|#)?\s*[:#]?\s*\(?((\d{3})[- ]?(\d{2})[- ]?(\d{4}))(?![\d-])/gi;

const AADHAAR = /(?<![\d-]|\d[ -])([2-9]\d{3})([ -]?)(\d{4})\2(\d{4})(?![\d-]|[ -]\d)/g;
const PAN = /(?<![A-Za-z0-9])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![A-Za-z0-9])/g;

// A123456(3), AB987654(3), A1234563
const HK_ID = /(?<![A-Za-z0-9])([A-Z]{1,2})(\d{6})\s?(?:\(([0-9A])\)|([0-9A]))(?![A-Za-z0-9])/g;
const TW_ID = /(?<![A-Za-z0-9])[A-Z][1289]\d{8}(?![A-Za-z0-9])/g;

// a labelled passport number: "passport, No. 533401299", "护照号码E12345678", "passport # GB-548210936"
const PASSPORT = /(?:\bpassport|护照|護照)(?:[\s,.:：#()]|no\.?|number|num|号码|號碼|号|號|編號|编号){0,6}?((?=(?:[A-Z]{1,3}-?)?[A-Z0-9]*\d)(?:[A-Z]{1,3}-?)?[A-Z0-9]{6,10})(?![A-Za-z0-9])/gi;
// a labelled driving licence number: "Driver's License #: D123-4567-8901", "DL No. S530-…", "驾驶证号：…"
const LICENCE = /(?:\bdriver'?s?\s+licen[cs]e|\bdriving\s+licen[cs]e|\bdrivers?\s+licen[cs]e|\blicen[cs]e\s+(?:no\.?|number|#)|\bDL\b|驾驶证|駕駛執照|驾照|駕照)(?:[\s,.:：#()]|no\.?|number|num|号码|號碼|号|號){0,6}?((?=[A-Z0-9-]*\d)[A-Z0-9](?:[A-Z0-9-]|\s(?=\d)){3,22}[A-Z0-9])(?![A-Za-z0-9])/gi;
const digitCount = (s: string) => s.replace(/\D/g, '').length;

// GB82 WEST 1234 5698 7654 32 / DE89370400440532013000 / be68 5390 0754 7034
// a lookahead, so one candidate running on into the next ("… or CH93…") does not hide it
const IBAN = /(?<![A-Za-z0-9])(?=(([A-Za-z]{2})(\d{2})(?:\s?[A-Za-z0-9]){11,30}))/g;

export function identifierSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  out.push(...spansOf(text, SSN, 'ID', (m) => ssnValid(m[1]!, m[3]!, m[4]!)));
  out.push(...spansOf(text, SSN_LABELLED, 'ID', (m) => ssnValid(m[2]!, m[3]!, m[4]!) && group(m, 1)));
  out.push(...spansOf(text, AADHAAR, 'ID', (m) => aadhaarValid(m[1]! + m[3]! + m[4]!), 8.5));
  out.push(...spansOf(text, PAN, 'ID', (m) => panValid(m[0])));
  out.push(...spansOf(text, HK_ID, 'ID', (m) => hkIdValid(m[1]!, m[2]!, m[3] ?? m[4]!)));
  out.push(...spansOf(text, TW_ID, 'ID', (m) => twIdValid(m[0])));
  out.push(...spansOf(text, PASSPORT, 'ID', (m) => digitCount(m[1]!) >= 6 && group(m, 1), 8.5));
  out.push(...spansOf(text, LICENCE, 'ID', (m) => digitCount(m[1]!) >= 5 && group(m, 1), 8.5));
  for (const m of text.matchAll(IBAN)) {
    const len = ibanLength(m[2]!);
    if (!len) continue;
    // take characters (skipping single spaces) up to the country's length, then check mod 97
    const body = m[1]!;
    let count = 0;
    let end = 0;
    for (let i = 0; i < body.length && count < len; i++) {
      if (body[i] !== ' ') count++;
      end = i + 1;
    }
    if (count !== len) continue;
    const value = body.slice(0, end);
    if (/[A-Za-z0-9]/.test(text[m.index + end] ?? '')) continue; // runs on into a longer word: not this IBAN
    if (ibanValid(value.replace(/ /g, ''))) out.push({ start: m.index, end: m.index + end, type: 'ACCOUNT', priority: 7.5 });
  }
  return out;
}

// --- Taiwan addresses and phone numbers -------------------------------------------------------

const HAN = '\\u4e00-\\u9fff';
const NUM = '0-9０-９一二三四五六七八九十百零〇';
/** 臺北市大安區忠孝東路四段100號5樓, 新北市板橋區文化路一段188巷20號, 彰化縣員林市大同路二段5巷3弄8號, 高雄市前鎮區中山二路2號12樓之3 */
const TW_ADDRESS = new RegExp(
  String.raw`(?:[${HAN}]{1,3}?[縣市])?(?:[${HAN}]{1,3}?[區鄉鎮市])?(?:[${HAN}]{1,3}?[里村][${NUM}]*鄰?)?` +
    String.raw`[${HAN}${NUM}]{1,8}?(?:路|街|大道)(?:[${NUM}]+段)?(?:[${NUM}]+巷)?(?:[${NUM}]+弄)?[${NUM}]+(?:之[${NUM}]+)?[號号](?:[${NUM}]+[樓楼Ff](?:之[${NUM}]+)?)?(?:[${NUM}]+室)?`,
  'g',
);
const LEAD_IN = /^.*?(?:住在|住址|地址|戶籍地|户籍地|寄送地址|公司在|家在|住|到|在|去|往)[:：\s]*/;

// 0912-345-678, 0912345678, +886 912 345 678, +886-912-345-678
const TW_MOBILE = /(?<![\d+])(?:(?:\+|00)886[\s-]?|0)9\d{2}[\s-]?\d{3}[\s-]?\d{3}(?!\d)/g;
// (02) 2712-3456, 02-2712-3456, 04-2251-2345, 07-331-2345
const TW_LANDLINE = /(?<!\d)(?:\(0\d{1,2}\)\s?|0\d{1,2}-)\d{3,4}-\d{4}(?!\d)/g;

export function taiwanSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  if (/[\u4e00-\u9fff]/.test(text)) {
    out.push(
      ...spansOf(text, TW_ADDRESS, 'ADDRESS', (m) => {
        const lead = LEAD_IN.exec(m[0]);
        const cut = lead && lead[0].length < m[0].length - 3 ? lead[0].length : 0;
        return { start: m.index + cut, end: m.index + m[0].length };
      }),
    );
  }
  out.push(...spansOf(text, TW_MOBILE, 'PHONE', () => true), ...spansOf(text, TW_LANDLINE, 'PHONE', () => true));
  return out;
}

// --- handles and profile URLs ---------------------------------------------------------------

const HANDLE = /(?<![\w@.\-/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?|[\u4e00-\u9fff\w-]{1,30})/gu;
/** characters that end a Chinese handle written without a space after it */
const HANDLE_END = /[的了是在和与與及或也都就还還把被给給对對向从從到说說呢吗嗎吧啊呀，。！？、；：]/u;
const PROFILE = /(?<![\w.-])(?:https?:\/\/)?(?:(?:www|m|mobile)\.)?(?:facebook|fb|instagram|twitter|x|linkedin|tiktok|weibo|github|youtube|threads|reddit|vk|t|wa|line|snapchat|telegram)\.(?:com|me|net|cn|ru)\/(?:(?:in|u|user|profile|pub|channel|c)\/|@)?[\w.@%~-]{2,80}\/?/giu;

export function handleSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  if (text.includes('@')) {
    for (const m of text.matchAll(HANDLE)) {
      let handle = m[1]!;
      const stop = HANDLE_END.exec(handle);
      if (stop) handle = handle.slice(0, stop.index);
      if (!handle || /^\d+$/.test(handle)) continue; // "@ 5pm", "@2x"
      out.push({ start: m.index, end: m.index + 1 + handle.length, type: 'HANDLE' });
    }
  }
  if (text.includes('/')) {
    for (const m of text.matchAll(PROFILE)) {
      const v = m[0].replace(/[.,;:!?)]+$/, '');
      out.push({ start: m.index, end: m.index + v.length, type: 'HANDLE', priority: 9.5 });
    }
  }
  return out;
}

// --- English names in lower case ----------------------------------------------------------------

/** Words after which a name follows; honorifics take any word, the others a word compromise knows as a first name. */
const LOWER_NAME_CONTEXT = /\b(?:(mr|mrs|ms|miss|mx|dr)\b\.?|(?:dear|my name is|this is|i am|i'm|speak to|speak with|ask for|call me|contact)\b|(?:regards|sincerely|thanks|thank you|signed),)[ \t]*\n?[ \t]*((?:[a-z][a-z'’-]*)(?:[ \t]+[a-z][a-z'’-]*){0,2})/g;
const NOT_A_NAME = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'from', 'at', 'in', 'on', 'for', 'with', 'by', 'about', 'your', 'our', 'my', 'his', 'her', 'their', 'this', 'that', 'is', 'are', 'was', 'i', 'we', 'you', 'me', 'us', 'it', 'not', 'sir', 'madam', 'customer', 'team', 'all', 'everyone', 'friend', 'valued', 'borrower', 'member', 'client', 'collections', 'dept', 'department']);

export function lowerCaseNameSpans(text: string): PiiSpan[] {
  if (!/[a-z]/.test(text)) return [];
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(LOWER_NAME_CONTEXT)) {
    const raw = m[2]!;
    const words = raw.split(/[ \t]+/);
    const honorific = Boolean(m[1]);
    // tag the words together: "kevin brown" makes brown a last name, alone it is a colour
    const tags = ((nlp(words.join(' ')).json() as { terms: { tags: string[] }[] }[])[0]?.terms ?? []).map((t) => new Set(t.tags));
    let n = 0;
    for (const [i, w] of words.entries()) {
      const tag = tags[i];
      if (NOT_A_NAME.has(w) || !tag) break;
      const first = tag.has('FirstName');
      // the first word: a first name, or any word after an honorific; later words: names only
      if (i === 0 ? !(honorific || first) : !(first || tag.has('LastName') || tag.has('Person'))) break;
      n++;
    }
    if (!n) continue;
    let end = 0;
    for (const w of words.slice(0, n)) end = raw.indexOf(w, end) + w.length;
    const at = m.index + m[0].length - raw.length;
    out.push({ start: at, end: at + end, type: 'NAME' });
  }
  return out;
}
