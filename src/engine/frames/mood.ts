/**
 * The mood of the clause around a frame's act: is it said as a threat (future, intent,
 * imperative, conditional, rhetorical question) or as something already done? A frame
 * fires only in the moods its rule names, so "we called your mother yesterday" is not a
 * threat, and "we will call your mother" is.
 * All functions read the NORMALISED text (lower case, simplified).
 */
import { sentenceNear } from '../context';
import type { Lang } from '../types';

/** threat: future, intent, condition, threatening question; imperative: the act opens its clause ("go kill yourself", 爆你通讯录); done: already done */
export type Mood = 'threat' | 'imperative' | 'done';

export interface MoodContext {
  text: string;
  lang: Lang;
  /** the sentence holding the act */
  sentence: { start: number; end: number };
  /** the sentence before it (empty at the start of the text) */
  previous: { start: number; end: number };
  actFrom: number;
  actTo: number;
}

// ------------------------------------------------------------------ English

// modal, future and intent markers just before the act: "will call", "'ll post", "are going to tell",
// "we are contacting" (present progressive as plan), "you'll be arrested"
const EN_FUTURE =
  /\b(will|wil|shall|shal|gonna|gunna|going to|goin to|gon|about to|plan(ning)? to|intend(ing)? to|prepared to|ready to|had better|want to|wanna|wants to|proceed to|won't hesitate to|not hesitate to|no choice but to|ll)\b|'ll\b/;
// can, may, might, would, must: possibility and permission ("we may contact your employer to verify") are not threats on their own
// "we are contacting your employer", "our agents are coming": the progressive of the act itself is a plan
const EN_PROGRESSIVE_BEFORE = /\b(are|is|am|r|'re|'m|be) (now |already |currently |also |soon )?$/;
// a condition or deadline anywhere in the sentence or the one before: "if you don't pay", "pay or …", "otherwise"
const EN_CONDITION =
  /\b(if|when) (you|u|ur|your|this|the|it|payment)\b[^.!?]{0,40}?\b(\w*n't|not|dont|wont|cant|fail|fails|refuse|ignore|continue|keep|again|late|miss|still)\b|\b(unless|otherwise|else|or (we|i|they|else|our)|or (you|u|ur) (will|'ll|ll|are|r|shall))\b|\b(before (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|the end)|by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|end of)|last chance|final (warning|notice)|keep ignoring|continue to ignore|ignore (this|us|our))\b/;
// questions that threaten: "do you want your family to know?", "am I going to have to …?", "would you risk …?"
const EN_THREAT_QUESTION =
  /\b((do|does|would|will|did) (you|u|ya) (want|like|wish|prefer|really want)|want (your|ur|us|me|them|everyone|the whole)|how would (you|u|your|ur)|what (will|would|do you think) (your|ur|people|everyone)|(am i|are we|do i|do we|is it) (going to|gonna|gon) have to|(am i|are we) (going to|gonna)|willing to risk|risk (it|everything|your)|ready (for|to)|what if|should (we|i)|(do|does) (your|ur) (family|wife|husband|boss|employer|mother|parents|friends) know|who (will|would) (feed|take care|look after))\b/;
// something already done: "we have informed", "already told", "we called your boss today"
const EN_DONE = /\b(have|has|had|already|just|we|i|they)\b[^.!?]{0,24}$/;
const EN_PAST_ACT = /(ed|told|sent|spoke|rang|wrote|went|came|gave|took|put|shared|posted)$/;
const EN_CLAUSE_START = /[,;:()]|\b(and|but|so|then|because|when|while)\b/g;

function englishMoods(c: MoodContext): Set<Mood> {
  const moods = new Set<Mood>();
  const { text } = c;
  const before = text.slice(c.sentence.start, c.actFrom);
  const actText = text.slice(c.actFrom, c.actTo);
  // the last eight words before the act, inside the act's clause
  EN_CLAUSE_START.lastIndex = 0;
  let clauseAt = 0;
  for (let m = EN_CLAUSE_START.exec(before); m; m = EN_CLAUSE_START.exec(before)) clauseAt = m.index + m[0].length;
  const clause = before.slice(clauseAt);
  const near = clause.split(/\s+/).filter(Boolean).slice(-8).join(' ');
  const sentence = text.slice(c.sentence.start, c.sentence.end);
  const previous = text.slice(c.previous.start, c.previous.end);
  if (EN_FUTURE.test(near) || (EN_PROGRESSIVE_BEFORE.test(`${near} `) && /^\w+ing\b/.test(actText))) moods.add('threat');
  if (EN_CONDITION.test(sentence) || EN_CONDITION.test(previous)) moods.add('threat');
  // imperative: the act opens its clause ("expect a visit", "go tell your mother")
  if (/^(\s*(just|now|go|better|please|so|then|and))*\s*$/.test(clause)) moods.add('imperative');
  if (/[?]/.test(sentence) && EN_THREAT_QUESTION.test(sentence)) moods.add('threat');
  if (EN_DONE.test(near) && EN_PAST_ACT.test(actText.split(' ')[0] ?? '')) moods.add('done');
  return moods;
}

// ------------------------------------------------------------------ Chinese

// future, intent and immediacy before the act: 会 将 要 就 马上 … 等着; 给你 / 让你 (causative threats)
const ZH_FUTURE =
  /会|将|要|就|把|现在|这就|一会|等会|马上|立刻|立即|准备|打算|等着|直接|随时|一定|肯定|必|即将|明天|明早|今天|今晚|下午|晚上|分分钟|给你|让你|叫你|帮你|派|安排|开始|继续|统一|全部|挨个|逐一|都|即刻|等下|稍后|过两天|下周|到时|届时|后果|去|来|嚟|黎/;
// a condition in the sentence or the one before: 如果 / 再不还 / 不然 / 否则 …
const ZH_CONDITION = /如果|若|要是|假如|再不|不然|否则|要不|不还|没还|未还|不处理|不给|不联系|不接|还不上|的话|再拖|再逃|拖着|躲着|唔还|唔俾|今天之内|今晚之前|[\d一二三两四五六七八九十]+(点|点钟|小时)(前|之前|内)/;
// threatening questions: 想让你家人知道吗, 是不是要我们上门, 信不信
const ZH_THREAT_QUESTION = /想(让|要|被)|是不是(要|想)|难道|信不信|要不要|你想|你是想|你要|还想|你不怕|怕不怕/;
const ZH_DONE = /已经|已|刚刚|刚才|昨天|之前|曾/;

function chineseMoods(c: MoodContext): Set<Mood> {
  const moods = new Set<Mood>();
  const { text } = c;
  const before = text.slice(Math.max(c.sentence.start, c.actFrom - 10), c.actFrom);
  const sentence = text.slice(c.sentence.start, c.sentence.end);
  const previous = text.slice(c.previous.start, c.previous.end);
  const after = text.slice(c.actTo, Math.min(c.sentence.end, c.actTo + 10));
  const done = ZH_DONE.test(before) || /^[^，。！？,.!?]{0,6}了[，。！？,.!?\s]|^[^，。！？,.!?]{0,6}了$/.test(after);
  if (ZH_FUTURE.test(before) || ZH_CONDITION.test(sentence) || ZH_CONDITION.test(previous)) moods.add('threat');
  // imperative or bare threat: the act opens its clause (爆你通讯录, 上门找你)
  if (/(^|[，,：:；;！!\s])\s*$/.test(before)) moods.add('imperative');
  if (/[?？吗]/.test(sentence) && ZH_THREAT_QUESTION.test(sentence)) moods.add('threat');
  if (done) {
    moods.add('done');
    // 已经 / 了: reported, not threatened, unless a condition makes it a warning
    if (!ZH_CONDITION.test(sentence) && !ZH_FUTURE.test(before)) moods.delete('threat');
  }
  return moods;
}

export function moodsOf(c: MoodContext): Set<Mood> {
  return c.lang === 'en' ? englishMoods(c) : chineseMoods(c);
}

/** Does the sentence, or the one before, tie the act to paying ("if you don't pay", 再不还)? */
// A collector's condition is about paying or answering: "if you don't pay", "unless you call us", 再不还, 不处理的话
const EN_PAY_CONDITION =
  /\b(if|unless|until)\b[^.!?]{0,40}?\b(pay|paid|payment|repay|settle|clear|call us|contact us|respond|reply|return (the|our|my) (money|call))|\b(pay|repay|settle|clear)\b[^.!?]{0,30}\bor\b|\bor else\b|\botherwise\b/;
const ZH_PAY_CONDITION =
  /(再不|再不肯|不|没|未|还不|拒不|唔|一直不|继续不|敢不)(还|还款|还钱|处理|结清|联系|回复|回电|接电话|给钱|付|交|配合)|(不还|不处理|不联系)的话|不然|否则|要不然|要么还|再拖|再逃|再躲|还不上就|今天之内|今晚之前|[\d一二三两四五六七八九十]+(点|点钟|小时)(前|之前|内)/;

export function hasCondition(c: MoodContext): boolean {
  const re = c.lang === 'en' ? EN_PAY_CONDITION : ZH_PAY_CONDITION;
  return re.test(c.text.slice(c.sentence.start, c.sentence.end)) || re.test(c.text.slice(c.previous.start, c.previous.end));
}

/** Is the sentence around [from, to) a question that threatens ("do you want your boss to know?", 想让你家人知道吗)? */
export function isThreatQuestion(text: string, lang: Lang, from: number, to: number): boolean {
  const s = sentenceNear(text, from, to);
  return (lang === 'en' ? EN_THREAT_QUESTION : ZH_THREAT_QUESTION).test(text.slice(s.start, s.end));
}
