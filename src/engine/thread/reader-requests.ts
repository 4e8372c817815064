/**
 * What the reader asked for in their own (outgoing) messages: stop contacting me (on one
 * channel or all), not at work, or a dispute of the debt — in English and Chinese.
 * Works on normalised text (lower case, simplified, half-width punctuation).
 */

export type ContactChannel = 'call' | 'sms' | 'email' | 'chat' | 'voicemail' | 'social' | 'letter' | 'unknown';

export interface ReaderRequest {
  kind: 'opt-out' | 'not-at-work' | 'dispute';
  /** channels the request covers; 'all' when the reader asked for no contact at all */
  channels: ContactChannel[] | 'all';
}

const CONTACT_VERB = /(call|phone|ring|text|sms|email|e-mail|mail|message|msg|contact|bother|harass)/;
const CHANNEL_OF: [RegExp, ContactChannel[]][] = [
  [/\b(call|calling|phone|phoning|ring|ringing)\b/, ['call', 'voicemail']],
  [/\b(text|texting|sms|texts)\b/, ['sms']],
  [/\b(e-?mail|e-?mailing|emails)\b/, ['email']],
  [/\b(message|messaging|messages|msg|dm)\b/, ['chat', 'social', 'sms']],
  [/电话|打给我|打我/, ['call', 'voicemail']],
  [/短信/, ['sms']],
  [/邮件|邮箱/, ['email']],
  [/微信|qq|私信/, ['chat', 'social']],
];

// whole message is an SMS keyword: STOP, UNSUBSCRIBE, 退订, T, TD
const KEYWORD_ONLY = /^\s*(stop|stop all|stopall|unsubscribe|cancel|end|quit|opt[ -]?out|退订|t|td)\s*[.!。！]*\s*$/;
const EN_STOP = new RegExp(
  [
    `\\b(stop|quit|cease) (all )?${CONTACT_VERB.source}(ing|s)? (me|us)\\b`,
    `\\b(do not|don't|dont|never|please don't|please do not) ${CONTACT_VERB.source} (me|us)\\b`,
    `\\b(stop|cease) (all )?(communication|communications|contact|contacting|collection (calls|efforts))\\b`,
    `\\b(leave me alone|remove (me|my (number|email)) from (your|the) (list|system))\\b`,
    `\\b(opt|opting) (me )?out\\b`,
    `\\bonly (contact|write to) me (by|in|through|via) (mail|writing|letter|post|email)\\b`,
  ].join('|'),
);
const ZH_STOP = /(不要|别|请勿|不准|不许)再?(联系|打扰|骚扰|打电话给|打给|发短信给|发消息给|给我打|给我发|打|发)我?|停止(联系|催收|骚扰|打扰|发送)|不要再打了|别再打了|拒绝(接收|再接)/;
const EN_WORK = /\b((do not|don't|dont|stop|never|no more) (call|calling|contact|contacting|email|emailing|text|texting|message|messaging) (me )?(at|to) (my )?(work|job|office|workplace|employer)|my (employer|boss|work) (does not|doesn't|won't) (allow|permit|let)|not at (my )?work)\b/;
const ZH_WORK = /(不要|别|请勿|不准)再?(打|联系|打电话到?|发)?(到)?我?(的)?(单位|公司|工作单位|领导|同事)/;
const EN_DISPUTE = /\b(i (formally )?dispute (this|the|your) (debt|amount|balance|charge|account)|(this|that) (is not|isn't) my (debt|account|loan)|i (do not|don't) owe (this|that|you|any)|not my debt|(request|requesting|need) (debt )?(validation|verification)|validate (this|the) debt|prove (that )?i owe)\b/;
const ZH_DISPUTE = /有异议|提出异议|不认可(这笔|该笔)?|不是我借的|我没有借|我没借过|要求核实|请提供(借款)?(合同|凭证|证据)|这不是我的(欠款|债务|贷款)/;

function channelsIn(text: string, fallback: ContactChannel): ContactChannel[] | 'all' {
  const found = new Set<ContactChannel>();
  for (const [re, channels] of CHANNEL_OF) if (re.test(text)) channels.forEach((c) => found.add(c));
  if (/\b(contact|contacting|communication|communications|leave me alone)\b|联系|骚扰|打扰|催收/.test(text) && !found.size) return 'all';
  return found.size ? [...found] : [fallback];
}

/** Requests in one outgoing message; `channel` is where the reader wrote it (an SMS STOP covers SMS). */
export function readerRequests(normalised: string, channel: ContactChannel): ReaderRequest[] {
  const out: ReaderRequest[] = [];
  const text = normalised.trim();
  if (KEYWORD_ONLY.test(text)) out.push({ kind: 'opt-out', channels: [channel] });
  else if (EN_STOP.test(text) || ZH_STOP.test(text)) out.push({ kind: 'opt-out', channels: channelsIn(text, channel) });
  if (EN_WORK.test(text) || ZH_WORK.test(text)) out.push({ kind: 'not-at-work', channels: 'all' });
  if (EN_DISPUTE.test(text) || ZH_DISPUTE.test(text)) out.push({ kind: 'dispute', channels: 'all' });
  return out;
}

/** A one-time confirmation of an opt-out is allowed (Reg F 1006.14(h)(2)(i)). */
export function isOptOutConfirmation(normalised: string): boolean {
  return /\b(unsubscribed|opted out|you will (no longer|not) receive|we (have|'ve) (received|noted) your (request|opt)|confirm(ing|ed)? (your|the) (opt|request))\b|退订成功|已退订|已为您退订/.test(normalised);
}

/** The collector answered a dispute with verification (documents, validation). */
export function isVerification(normalised: string): boolean {
  return /\b(verification|validation (notice|information)|copy of (the |your )?(judgment|contract|agreement|statement|bill)|documents? (showing|proving|that show)|itemi[sz]ation|enclosed (is|are))\b|核实结果|凭证|证明材料|借款合同|还款记录|对账单/.test(normalised);
}
