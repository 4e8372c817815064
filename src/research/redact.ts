/**
 * Redaction of personal data with typed placeholders, CFPB-style: `[NAME] [PHONE] [EMAIL]
 * [ACCOUNT] [ID] [ADDRESS] [HANDLE]` (and `[AMOUNT]` when asked), or `XXXX` for everything with
 * style 'cfpb'. Dates keep only month and year. Offsets of findings made on the original text
 * can be remapped onto the redacted text (`remapSpan`), so labels stay aligned.
 *
 * Pure TypeScript (no Node or DOM APIs): the extension can run it on the device.
 */
import nlp from 'compromise';
import { cnIdValid, luhnValid } from './checks';
import { handleSpans, identifierSpans, lowerCaseNameSpans, taiwanSpans } from './detectors';
import { findChineseNames } from './names-zh';

export type PiiType = 'NAME' | 'PHONE' | 'EMAIL' | 'ACCOUNT' | 'ID' | 'ADDRESS' | 'HANDLE' | 'AMOUNT' | 'DATE';
export const PII_TYPES: readonly PiiType[] = ['NAME', 'PHONE', 'EMAIL', 'ACCOUNT', 'ID', 'ADDRESS', 'HANDLE', 'AMOUNT', 'DATE'];

export interface PiiSpan {
  start: number;
  end: number;
  type: PiiType;
  /** overrides the type's rank in overlaps (an account number named as such beats a phone pattern) */
  priority?: number;
}

export interface RedactOptions {
  /** 'typed' (default): [NAME], [PHONE] …; 'cfpb': XXXX (dates: day -> XX) */
  style?: 'typed' | 'cfpb';
  /** also replace money amounts with [AMOUNT] */
  amounts?: boolean;
  /** reduce dates to month and year (default true) */
  dates?: boolean;
  /** find English names with compromise (default true) */
  englishNames?: boolean;
}

export interface Replacement extends PiiSpan {
  /** where the replacement sits in the redacted text */
  outStart: number;
  outEnd: number;
  replacement: string;
}

export interface RedactResult {
  text: string;
  replacements: Replacement[];
}

export { cnIdCheckDigit, cnIdValid, luhnValid } from './checks';

// ---------------------------------------------------------------------------------------------
// detectors: each returns spans in the original text

const collect = (text: string, re: RegExp, type: PiiType, accept?: (m: RegExpExecArray) => boolean | { start: number; end: number }): PiiSpan[] => {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(re)) {
    const ok = accept ? accept(m) : true;
    if (!ok) continue;
    if (typeof ok === 'object') out.push({ ...ok, type });
    else out.push({ start: m.index, end: m.index + m[0].length, type });
  }
  return out;
};

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
const CN_ID = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
/** 13-19 digits, optionally in groups separated by one space or dash */
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
/** cards written in groups with any separator, the same one throughout: 4111.1111.1111.1111, 6011/1111/1111/1117, 3782-822463-10005 */
const CARD_GROUPED = /(?<!\d|\d[.\-/])(?:\d{4}([ .\-/])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ .\-/])\d{6}\2\d{5})(?!\d|[.\-/]\d)/g;
const PHONE_PATTERNS: RegExp[] = [
  // Chinese mobile, optional +86, optional separators 138-1234-5678 / 138 1234 5678
  /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g,
  // international: +CC then 6-14 digits in groups
  /(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s.-]?(?:\(0\)[\s.-]?)?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){1,4}(?!\d)/g,
  // North America: (212) 555-0147, 212-555-0147, 1-800-555-0199, 212.555.0147
  /(?<![\d-])(?:1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/g,
  // UK: 020 7946 0958, 07700 900123, 0161 496 0000, 0800 123 4567
  /(?<!\d)0\d{2,4}\s\d{3,6}(?:\s\d{3,4})?(?!\d)/g,
  // Chinese landline 010-12345678, 0755-1234567, (021)12345678; service numbers 400-123-4567
  /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3}-)\d{7,8}(?:-\d{1,4})?(?!\d)/g,
  /(?<!\d)[48]00[\s-]?\d{3}[\s-]?\d{4}(?!\d)/g,
];
// "account number 12345678", "acct # 0034-5566-77", "ending in 4321", "尾号1234", "账号：6222…"
const ACCOUNT_CONTEXT = /(?:\b(?:account|acct|a\/c|loan|policy|reference|ref|member|customer|case|file|card)\b\.?\s*(?:number|no\.?|num|#|id)?\s*[:#]?\s*|\bending\s+(?:in\s+)?|尾号(?:为|是)?\s*|(?:账号|帐号|卡号|账户|帐户|合同号|借款编号|订单号|编号)\s*(?:为|是|[:：])?\s*)((?:[A-Z]{0,4}[-\s]?)?\d[\d\s-]{2,}\d|\d{4})/gi;
const LONG_DIGITS = /(?<![\d.,$¥£€])\d{9,}(?![\d.,])/g;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const EN_ADDRESS = new RegExp(
  String.raw`\b\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][A-Za-z'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Close|Crescent|Cres|Square|Sq|Grove|Gardens|Row|Mews)\b\.?` +
    String.raw`(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|#)\.?\s*[A-Za-z0-9-]+)?` +
    String.raw`(?:,\s*(?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+){0,2})?` +
    String.raw`(?:,?\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?)?` +
    String.raw`(?:,?\s*[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})?`,
  'g',
);
const PO_BOX = /\b(?:P\.?\s?O\.?\s?Box|Post Office Box)\s+\d+\b/gi;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g;
const ZH_NUM = '[0-9０-９一二三四五六七八九十百零〇]';
const ZH_ADDRESS = new RegExp(
  String.raw`(?:[\u4e00-\u9fa5]{2,7}?(?:省|自治区|特别行政区))?(?:[\u4e00-\u9fa5]{2,7}?(?:市|州|盟))?(?:[\u4e00-\u9fa5]{1,7}?(?:区|县|旗|镇|乡|街道))?` +
    String.raw`[\u4e00-\u9fa5${ZH_NUM.slice(1, -1)}]{1,10}?(?:路|街|大道|大街|巷|弄|胡同|里)` +
    String.raw`(?:${ZH_NUM}+(?:号|號)(?:院)?)` +
    String.raw`(?:${ZH_NUM}+(?:栋|幢|号楼|座))?(?:${ZH_NUM}+单元)?(?:${ZH_NUM}+(?:室|房|楼|层))?`,
  'g',
);
// a residential compound: 某某小区3栋502 / 花园5号楼
const ZH_COMPOUND = new RegExp(String.raw`[\u4e00-\u9fa5]{2,8}(?:小区|花园|公寓|大厦|新村|家园|苑)${ZH_NUM}+(?:栋|幢|号楼|座)(?:${ZH_NUM}+单元)?(?:${ZH_NUM}+(?:室|号)?)?`, 'g');
const ZH_LEAD_IN = /^.*?(?:家住|居住于?|住在|现住|住址(?:是|为|[:：])?|地址(?:是|为|[:：])?|位于|家在|寄到|送到|搬到|就在|在|到|去|往)/;

const AMOUNT = /(?:(?:US)?\$|USD\s?|£|€|¥|￥|RMB\s?|CNY\s?|HK\$|NT\$)\s?\d[\d,]*(?:\.\d{1,2})?(?:\s?(?:k|K|million|万|元))?|\d[\d,]*(?:\.\d{1,2})?\s?(?:dollars|pounds|euros|元|块钱?|万元|人民币|USD|GBP|EUR)/g;

const DATE_PATTERNS: { re: RegExp; reduce: (m: RegExpExecArray, cfpb: boolean) => string }[] = [
  // March 5, 2024 / Mar. 5th 2024
  { re: new RegExp(String.raw`\b(${MONTHS})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'g'), reduce: (m, c) => (c ? `${m[1]} XX, ${m[3]}` : `${m[1]} ${m[3]}`) },
  // 5 March 2024
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTHS})\.?,?\s+(\d{4})\b`, 'g'), reduce: (m, c) => (c ? `XX ${m[2]} ${m[3]}` : `${m[2]} ${m[3]}`) },
  // 2024-03-05, 2024/3/5
  { re: /\b((?:19|20)\d{2})([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])\b/g, reduce: (m, c) => (c ? `${m[1]}${m[2]}${m[3]}${m[2]}XX` : `${m[1]}${m[2]}${m[3]}`) },
  // 03/05/2024 (month first, as in the US; a UK day-first date loses the month's day too)
  { re: /\b(0?[1-9]|1[0-2]|[12]\d|3[01])([/.-])(0?[1-9]|[12]\d|3[01])\2((?:19|20)\d{2})\b/g, reduce: (m, c) => (c ? `XX${m[2]}XX${m[2]}${m[4]}` : `${m[1]}${m[2]}${m[4]}`) },
  // 2024年3月5日
  { re: /((?:19|20)\d{2}年)?(\d{1,2}月)(\d{1,2})(日|号)/g, reduce: (m, c) => `${m[1] ?? ''}${m[2]}${c ? `XX${m[4]}` : ''}` },
];

const HONORIFIC = /^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Mister)\.?\s+)+/;
const EN_NAME_CONTEXT = /\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?|Dear|[Mm]y name is|[Tt]his is|[Ss]peak to|[Aa]sk for|[Cc]ontact|[Rr]egards,|[Ss]incerely,|[Tt]hanks,)\s+((?:[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?){0,2})/g;
/** words compromise takes for people that are not personal names in our texts */
const NOT_NAMES = new Set(['dear', 'sir', 'madam', 'mr', 'mrs', 'ms', 'customer', 'team', 'you', 'god', 'mom', 'dad', 'visa', 'chase', 'bank', 'xxxx', 'hi', 'hello', 'thanks', 'regards', 'sincerely', 'best', 'this', 'the', 'our', 'your', 'friday', 'monday', 'tuesday', 'wednesday', 'thursday', 'saturday', 'sunday', 'may', 'june', 'april', 'august']);

function englishNames(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  const push = (start: number, raw: string) => {
    let s = start;
    let t = raw;
    const h = HONORIFIC.exec(t);
    if (h) {
      s += h[0].length;
      t = t.slice(h[0].length);
    }
    t = t.replace(/[\s,.;:!?'"’)]+$/u, '').replace(/['’]s$/, '');
    const lead = /^[\s("'“]+/.exec(t)?.[0].length ?? 0;
    s += lead;
    t = t.slice(lead);
    // compromise may take words before the name along ("sister Mary Jones", "letters/Mary Jones"): start at the first capitalised word
    const cap = /(?<![A-Za-z'’])[A-Z]/.exec(t);
    if (!cap) return;
    s += cap.index;
    t = t.slice(cap.index);
    if (!t || !/[A-Za-z]/.test(t)) return;
    if (t.split(/\s+/).every((w) => NOT_NAMES.has(w.toLowerCase().replace(/[^a-z]/g, '')))) return;
    out.push({ start: s, end: s + t.length, type: 'NAME' });
  };
  if (/[A-Za-z]/.test(text)) {
    const doc = nlp(text);
    for (const p of doc.people().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]) push(p.offset.start, text.slice(p.offset.start, p.offset.start + p.offset.length));
  }
  for (const m of text.matchAll(EN_NAME_CONTEXT)) push(m.index + m[0].indexOf(m[1]!, m[0].length - m[1]!.length - 1), m[1]!);
  return out;
}

/** Every personal-data span found in `text` (overlapping; see `resolve`). */
export function detectPii(text: string, opts: RedactOptions = {}): PiiSpan[] {
  const spans: PiiSpan[] = [];
  spans.push(...collect(text, EMAIL, 'EMAIL'));
  spans.push(...collect(text, CN_ID, 'ID', (m) => cnIdValid(m[0])));
  spans.push(...collect(text, CARD, 'ACCOUNT', (m) => luhnValid(m[0].replace(/[ -]/g, ''))));
  // a grouped card number outranks "card 4111" (the first group after a card word) and phone shapes inside it
  spans.push(...collect(text, CARD_GROUPED, 'ACCOUNT', (m) => luhnValid(m[0].replace(/\D/g, ''))).map((x) => ({ ...x, priority: 7 })));
  spans.push(...identifierSpans(text), ...taiwanSpans(text), ...handleSpans(text));
  for (const re of PHONE_PATTERNS) spans.push(...collect(text, re, 'PHONE', (m) => m[0].replace(/\D/g, '').length >= 7));
  spans.push(
    ...collect(text, ACCOUNT_CONTEXT, 'ACCOUNT', (m) => {
      const v = m[1]!.replace(/[\s-]+$/, '');
      const at = m.index + m[0].length - m[1]!.length;
      return { start: at, end: at + v.length };
    }).map((s) => ({ ...s, priority: 6.5 })),
  );
  spans.push(...collect(text, LONG_DIGITS, 'ACCOUNT'));
  spans.push(...collect(text, EN_ADDRESS, 'ADDRESS'), ...collect(text, PO_BOX, 'ADDRESS'), ...collect(text, UK_POSTCODE, 'ADDRESS'));
  for (const re of [ZH_ADDRESS, ZH_COMPOUND]) {
    spans.push(
      ...collect(text, re, 'ADDRESS', (m) => {
        const lead = ZH_LEAD_IN.exec(m[0]);
        const cut = lead && lead[0].length < m[0].length - 3 ? lead[0].length : 0;
        return { start: m.index + cut, end: m.index + m[0].length };
      }),
    );
  }
  if (opts.englishNames !== false) spans.push(...englishNames(text), ...lowerCaseNameSpans(text));
  spans.push(...findChineseNames(text).map((s) => ({ ...s, type: 'NAME' as const })));
  if (opts.amounts) spans.push(...collect(text, AMOUNT, 'AMOUNT'));
  if (opts.dates !== false) for (const d of DATE_PATTERNS) spans.push(...collect(text, d.re, 'DATE'));
  return spans;
}

/** Higher wins an overlap; at equal rank the longer span wins. */
const RANK: Record<PiiType, number> = { EMAIL: 9, HANDLE: 8.5, ID: 8, ADDRESS: 7, PHONE: 6, ACCOUNT: 5, DATE: 4, NAME: 3, AMOUNT: 2 };

/** Non-overlapping spans, in text order. */
export function resolve(spans: PiiSpan[]): PiiSpan[] {
  const rank = (s: PiiSpan) => s.priority ?? RANK[s.type];
  const sorted = [...spans].sort((a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PiiSpan[] = [];
  for (const s of sorted) {
    if (s.end <= s.start) continue;
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function replacementFor(text: string, span: PiiSpan, style: 'typed' | 'cfpb'): string {
  if (span.type === 'DATE') {
    const original = text.slice(span.start, span.end);
    for (const d of DATE_PATTERNS) {
      d.re.lastIndex = 0;
      const m = new RegExp(`^(?:${d.re.source})$`, d.re.flags.replace('g', '')).exec(original);
      if (m) return d.reduce(m, style === 'cfpb');
    }
    return original;
  }
  return style === 'cfpb' ? 'XXXX' : `[${span.type}]`;
}

export function redact(text: string, opts: RedactOptions = {}): RedactResult {
  const style = opts.style ?? 'typed';
  const spans = resolve(detectPii(text, opts));
  let out = '';
  let last = 0;
  const replacements: Replacement[] = [];
  for (const s of spans) {
    out += text.slice(last, s.start);
    const replacement = replacementFor(text, s, style);
    const { priority: _p, ...span } = s;
    replacements.push({ ...span, outStart: out.length, outEnd: out.length + replacement.length, replacement });
    out += replacement;
    last = s.end;
  }
  out += text.slice(last);
  return { text: out, replacements };
}

/**
 * Map a span [start, end) of the original text onto the redacted text. A boundary inside a
 * replaced part moves to the edge of its placeholder, so the span covers the whole placeholder.
 */
export function remapSpan(replacements: readonly Replacement[], start: number, end: number): { start: number; end: number } {
  const map = (pos: number, side: 'start' | 'end'): number => {
    let delta = 0;
    for (const r of replacements) {
      if (pos <= r.start) break;
      if (pos < r.end) return side === 'start' ? r.outStart : r.outEnd;
      delta = r.outEnd - r.end;
    }
    return pos + delta;
  };
  const s = map(start, 'start');
  const e = Math.max(s, map(end, 'end'));
  return { start: s, end: e };
}
