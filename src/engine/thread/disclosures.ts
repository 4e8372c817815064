/**
 * Words the law requires in a collector's message, found missing.
 * - US (FDCPA 1692e(11), Reg F 1006.18(e)): every communication from a debt collector says
 *   so; the first one also says it is an attempt to collect a debt.
 * - US (Reg F 1006.6(e)): every e-mail or text carries a clear, simple opt-out. Texts and
 *   e-mails are never limited-content messages, so they are never excused.
 * - CN (信用卡办法 第69条): a 催收函 states the balance, how to dispute and the bank's contact.
 * Only for messages clearly from a third-party collector: original creditors are outside
 * the FDCPA. What counts as the disclosure, an opt-out or a third-party sign: collector-frames.ts.
 */
import { hasOptOut, looksThirdParty, saysDebtCollector } from './collector-frames';
import type { ContactChannel } from './reader-requests';

export type SenderType = 'collector' | 'creditor' | 'unknown';

export interface MissingDisclosure {
  kind: 'us-debt-collector' | 'us-opt-out' | 'cn-collection-letter';
  thirdPartyShown: boolean;
}

/**
 * The required words a collection message lacks. `senderType` 'unknown' counts as a collector
 * only when the message shows a third-party sign (collector-frames.ts looksThirdParty).
 */
export function missingDisclosures(normalised: string, opts: { jurisdiction: string; channel: ContactChannel; senderType: SenderType }): MissingDisclosure[] {
  const out: MissingDisclosure[] = [];
  const j = opts.jurisdiction.toLowerCase();
  if (j === 'us' || j.startsWith('us-')) {
    if (opts.senderType === 'creditor') return out;
    const thirdPartyShown = looksThirdParty(normalised);
    if (opts.senderType === 'unknown' && !thirdPartyShown) return out;
    if (!saysDebtCollector(normalised)) out.push({ kind: 'us-debt-collector', thirdPartyShown });
    if ((opts.channel === 'sms' || opts.channel === 'email') && !hasOptOut(normalised)) out.push({ kind: 'us-opt-out', thirdPartyShown });
  }
  if (j === 'cn' && /催收函|催款函|催告函/.test(normalised)) {
    const hasDispute = /异议|申诉|核实|复核/.test(normalised);
    const hasContact = /电话|联系方式|客服|热线|\d{5,}/.test(normalised);
    if (!hasDispute || !hasContact) out.push({ kind: 'cn-collection-letter', thirdPartyShown: looksThirdParty(normalised) });
  }
  return out;
}
