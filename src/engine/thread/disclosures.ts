/**
 * Words the law requires in a collector's message, found missing.
 * - US (FDCPA 1692e(11), Reg F 1006.18(e)): every communication from a debt collector says
 *   so; the first one also says it is an attempt to collect a debt.
 * - US (Reg F 1006.6(e)): every e-mail or text carries a clear, simple opt-out. Texts and
 *   e-mails are never limited-content messages, so they are never excused.
 * - CN (信用卡办法 第69条): a 催收函 states the balance, how to dispute and the bank's contact.
 * Only for messages clearly from a third-party collector: original creditors are outside
 * the FDCPA.
 */
import type { ContactChannel } from './reader-requests';

export type SenderType = 'collector' | 'creditor' | 'unknown';

const THIRD_PARTY = /\b(collection agency|collections? (agency|department|firm|company)|debt collector|recovery (agent|agency|services?)|on behalf of|placed (with|in) (our|this) office|(has|have) been (assigned|placed|referred|transferred|sold) to|purchased (your|the) (account|debt)|we are collecting for|our client)\b|催收公司|委托.{0,8}催收|受.{0,12}委托|外包催收|资产管理公司/;
const COLLECTOR_DISCLOSURE = /\b(communication from a debt collector|(we are|is|i am|i'm|this is) a debt collector|from a debt collector|attempt(ing)? to collect a debt|collect a debt)\b/;
const OPT_OUT = /\b(reply|text|send|respond with) ["'“]?(stop|end|unsubscribe|cancel|quit)\b|\b(stop|unsubscribe|cancel) to (opt[ -]?out|end|stop|unsubscribe|cancel)|\bunsubscribe\b|\bopt[ -]?out\b|\bto stop (receiving|these|further)|\bmanage (your )?(communication|contact) preferences\b|退订|回t|回复t|回td|拒收/;

export interface MissingDisclosure {
  kind: 'us-debt-collector' | 'us-opt-out' | 'cn-collection-letter';
  thirdPartyShown: boolean;
}

export function senderLooksThirdParty(normalised: string): boolean {
  return THIRD_PARTY.test(normalised);
}

export function missingDisclosures(normalised: string, opts: { jurisdiction: string; channel: ContactChannel; senderType: SenderType }): MissingDisclosure[] {
  const out: MissingDisclosure[] = [];
  const j = opts.jurisdiction.toLowerCase();
  if (j === 'us' || j.startsWith('us-')) {
    if (opts.senderType === 'creditor') return out;
    const thirdPartyShown = senderLooksThirdParty(normalised);
    if (opts.senderType === 'unknown' && !thirdPartyShown) return out;
    if (!COLLECTOR_DISCLOSURE.test(normalised)) out.push({ kind: 'us-debt-collector', thirdPartyShown });
    if ((opts.channel === 'sms' || opts.channel === 'email') && !OPT_OUT.test(normalised)) out.push({ kind: 'us-opt-out', thirdPartyShown });
  }
  if (j === 'cn' && /催收函|催款函|催告函/.test(normalised)) {
    const hasDispute = /异议|申诉|核实|复核/.test(normalised);
    const hasContact = /电话|联系方式|客服|热线|\d{5,}/.test(normalised);
    if (!hasDispute || !hasContact) out.push({ kind: 'cn-collection-letter', thirdPartyShown: senderLooksThirdParty(normalised) });
  }
  return out;
}
