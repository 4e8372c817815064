/**
 * Context filters: a pattern match is not a finding when it is negated or reassuring
 * ("we will not contact your employer", "不会上门"), asked as a question, part of a
 * statement about the law ("it is illegal for collectors to threaten arrest"), or inside
 * quoted earlier mail ("> …", "On … wrote:").
 * All functions work on the NORMALISED text (lower case, simplified, half-width).
 */
import type { Lang, RuleFilters } from './types';

export type SuppressReason = 'negation' | 'question' | 'law-talk' | 'quoted';

// ---------------------------------------------------------------- sentences

const SENTENCE_END = /[.!?。！？\n]/;

/** A '.' that does not end a sentence: inside a number or word (3.5), in u.s./e.g., or after a title (mr., no.). */
function isAbbreviationDot(text: string, i: number): boolean {
  if (/\w/.test(text[i + 1] ?? '')) return true;
  const before = text.slice(Math.max(0, i - 5), i);
  return /\.[a-z]$/.test(before) || /\b(mr|mrs|ms|dr|st|no|vs|etc|inc|ltd|co|jr|sr|approx|dept|acct)$/.test(before);
}

/** [start, end) of the sentence around [from, to). */
export function sentenceAround(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start > 0) {
    const ch = text[start - 1]!;
    if (SENTENCE_END.test(ch) && !(ch === '.' && isAbbreviationDot(text, start - 1))) break;
    start--;
  }
  let end = to;
  while (end < text.length) {
    const ch = text[end]!;
    if (SENTENCE_END.test(ch) && !(ch === '.' && isAbbreviationDot(text, end))) {
      end++;
      // keep a run of ?!. together ("?!")
      while (end < text.length && /[.!?！？]/.test(text[end]!)) end++;
      break;
    }
    end++;
  }
  return { start, end };
}

// ---------------------------------------------------------------- negation

// Words that open a new clause: a negation before them does not reach the match
// ("if you don't pay, we will call your boss").
const EN_CLAUSE_BREAK = /[,;:()"“”]|\b(if|unless|or|otherwise|else|but|because|so|then|and|until|when|before|after)\b/g;
const EN_NEGATOR = /\b(not|never|no|cannot|without|nobody|no one|neither|nor|no longer|n't)\b|n't\b/;
// Negations that threaten rather than reassure: "don't make us call your employer",
// "we will not hesitate to contact your family", "you leave us no choice but to …".
const EN_NEGATION_THAT_THREATENS = /\bwhy (don't|do not|dont|won't|will not) (you|u|ya)\b|\b(do not|don't|dont)\s+(make|force|let|push)\b|(\bnot|n't|\bnever)\s+(hesitate|think twice|wait any longer)\b|\bno (other )?(choice|option) but\b|\bnot only\b/;

const ZH_CLAUSE_BREAK = /[,，;；:：、()（）"“”]|就|则|否则|不然|要不然|要么|那么|还是|再不|如果|若|要是|只要|的话/g;
const ZH_NEGATOR = /不会|不再|没有|没|绝不|并不|不用|不必|无需|无须|不要担心|别担心|不得|严禁|禁止|不能|不可能|不可以|从未|并非|不是|未曾|不准|不应|切勿|请勿|不要|别/;
// Negations that threaten: "别逼我们上门", "不要以为我们不会曝光", "别怪我们…"
const ZH_NEGATION_THAT_THREATENS = /(别|不要)(逼|怪|以为|让|等|怨|说)/;

/** Where the clause holding the match starts, and the word that opened it. */
function lastBreak(window: string, re: RegExp): { at: number; word: string } {
  re.lastIndex = 0;
  let last = { at: 0, word: '' };
  for (let m = re.exec(window); m; m = re.exec(window)) last = { at: m.index + m[0].length, word: m[0] };
  return last;
}

// A clause opened by a condition word is the condition: "if you do not pay … a warrant will
// be issued", "如果你没有还款我们会联系你家人". A negation there is about paying, not about the threat.
const EN_CONDITION = /^(if|unless|when|until|before|after|because)$/;
const ZH_CONDITION = /^(如果|若|要是|只要)$/;

export function isNegated(text: string, lang: Lang, from: number, sentenceStart: number): boolean {
  const windowStart = Math.max(sentenceStart, from - (lang === 'zh' ? 12 : 60));
  const window = text.slice(windowStart, from);
  const [breaks, condition, negator] = lang === 'en' ? [EN_CLAUSE_BREAK, EN_CONDITION, EN_NEGATOR] : [ZH_CLAUSE_BREAK, ZH_CONDITION, ZH_NEGATOR];
  const opened = lastBreak(window, breaks);
  if (condition.test(opened.word)) return false;
  const clause = window.slice(opened.at);
  if ((lang === 'en' ? EN_NEGATION_THAT_THREATENS : ZH_NEGATION_THAT_THREATENS).test(clause)) return false;
  return negator.test(clause);
}

// ---------------------------------------------------------------- questions

/**
 * The clause holding the match ends the sentence with a question mark ("will you be arrested?",
 * "你会被抓吗？"). Only that clause counts: "明日就限制你坐高铁，仲唔还钱？" is a threat, then a question.
 */
export function isQuestion(text: string, to = 0, sentenceEnd = text.length): boolean {
  const rest = text.slice(to, sentenceEnd);
  // another clause follows the match before the sentence ends: the question is that clause's
  if (/[,，;；]/.test(rest.replace(/[?？!！.。\s]+$/, ''))) return false;
  const s = rest.trim();
  return /[?？][?？!！]*$/.test(s) || /[吗呢]\s*[。.]?$/.test(s);
}

// ---------------------------------------------------------------- law talk

const EN_LAW_TALK =
  /\b(illegal|unlawful|prohibited|against the law|not allowed to|fdcpa|fair debt collection|regulation f|reg f|1692|cfpb|federal trade commission|ftc|your rights|you have the right|(collectors?|agencies|they) (can ?not|can't|may not|must not|are not allowed to|cannot legally)|it is a crime for|it's illegal|violat\w*)\b/;
// 不得 only as a legal "shall not" (不得催收, 不得骚扰 …), never in 不得好死 / 不得安宁
const ZH_LAW_TALK = /违法|违规|不得(以|向|对|采用|使用|在|与|骚扰|催收|泄露|公开|冒用|收取|进行|诱导|强迫|暴力|威胁|恐吓|辱骂|联系|透露|披露)|禁止|严禁|法律规定|法律禁止|属于违法|侵犯|侵害|投诉|举报|维权|你有权|您有权|根据.{0,8}(法|条例|办法|规定)/;

export function isLawTalk(sentence: string, lang: Lang): boolean {
  return (lang === 'en' ? EN_LAW_TALK : ZH_LAW_TALK).test(sentence);
}

// ---------------------------------------------------------------- quoted mail

/** Ranges of quoted earlier messages: "> " lines and everything after a reply header. */
export function quotedRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const header = /^(-{2,}\s*original message\s*-{2,}|on .{4,200} wrote:|在.{2,100}写道[:：]|-{2,}\s*原始邮件\s*-{2,}|from: .+\nsent: )/m.exec(text);
  const cut = header ? header.index : text.length;
  if (header) ranges.push({ start: cut, end: text.length });
  const line = /^>.*$/gm;
  for (let m = line.exec(text); m && m.index < cut; m = line.exec(text)) ranges.push({ start: m.index, end: m.index + m[0].length });
  return ranges;
}

// Context is read within this many characters of a match: a text with no sentence end (100 KB of
// one "sentence") would otherwise make every match scan all of it, quadratic in the text.
const CONTEXT_REACH = 600;

/** sentenceAround, looking at most CONTEXT_REACH characters to each side of the match. */
export function sentenceNear(text: string, from: number, to: number): { start: number; end: number } {
  const lo = Math.max(0, from - CONTEXT_REACH);
  const hi = Math.min(text.length, to + CONTEXT_REACH);
  const s = sentenceAround(lo === 0 && hi === text.length ? text : text.slice(lo, hi), from - lo, to - lo);
  return { start: s.start + lo, end: s.end + lo };
}

export function whySuppressed(
  text: string,
  lang: Lang,
  from: number,
  to: number,
  filters: RuleFilters,
  quoted: { start: number; end: number }[],
): SuppressReason | undefined {
  if (quoted.some((q) => from >= q.start && from < q.end)) return 'quoted';
  const sentence = sentenceNear(text, from, to);
  const sentenceText = text.slice(sentence.start, sentence.end);
  if (filters.negation && isNegated(text, lang, from, sentence.start)) return 'negation';
  if (filters.question && isQuestion(text, to, sentence.end)) return 'question';
  if (filters.lawTalk && isLawTalk(sentenceText, lang)) return 'law-talk';
  return undefined;
}
