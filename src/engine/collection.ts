/**
 * Is this a debt-collection message? A scored decision with the cues that made it.
 * Rules marked `requires: collection` fire only when it is, so news about an arrest,
 * a complaint ABOUT a collector, a friend asking for a loan, a bank statement, marketing
 * for loans or a prize scam is not flagged.
 *
 * The decision needs (1) at least one strong debt cue (debt, owe, overdue, 逾期, 欠款 …),
 * (2) a total score of at least COLLECTION_THRESHOLD and (3) someone addressed ("you", 您,
 * 尊敬的 …) unless the cues are overwhelming. A phrase that only a collector would write
 * to the reader ("you will be arrested", "we will contact your employer": a rule match that
 * survived the context filters) adds one point, so a short threat with one debt word counts.
 */
import type { CollectionDecision } from './types';

interface Cue {
  name: string;
  re: RegExp;
  weight: number;
}

/** Cues of weight ≥ 1 are strong: one of them must be present. */
const DEBT_CUES: Cue[] = [
  { name: 'debt', re: /\bdebts?\b/, weight: 1 },
  { name: 'owe', re: /\bow(e|es|ed|ing)\b/, weight: 1 },
  { name: 'overdue', re: /\b(overdue|past[ -]due|delinquen\w*|in arrears|arrears|late payments?|unpaid|outstanding (balance|amount|debt|dues))\b/, weight: 1 },
  { name: 'collect', re: /\b(collect(ion|ions|ing|or)?|recovery agents?|repossess\w*|charge[ -]?off|charged off|defaulted|in default)\b/, weight: 1 },
  { name: 'attempt-to-collect', re: /\b(attempt(ing)? to collect|communication from a debt collector|debt collector)\b/, weight: 1.5 },
  {
    name: 'pay-demand',
    re: /\b((if|unless) (you )?(don't|do not|dont|fail to|cannot|can't|won't|will not)? ?(re)?pay|(re)?pay (now|today|immediately|up|us|what you owe|in full|(it|this) off|(the |your |ur |this |that |ye |yr )?(outstanding |overdue |due |pending )?(bills?|balance|dues|loan|amount|debt|emi|installment|arrears|money))|pay (or|else)\b|payment (is )?(due|required|overdue)|(no|still no|missed|late) payments?( yet| received)?|(have|has|haven't|hasn't) (not )?(been )?paid|not (been )?paid|until (the|your|ur) (loan|debt|balance|bill) is paid|(arrange|make) (a )?(re)?payments?|payment (arrangements?|options|plan)|settle (this|your|the) (account|balance|debt))\b/,
    weight: 1,
  },
  // a payment with a deadline or an amount is a demand: "Pay $640 tonight", "paid within 48 hours", "non-payment"
  {
    name: 'pay-deadline',
    re: /\bnon-?payment\b|\b(re)?pay(ment|ing)?\b[^.!?\n]{0,30}?\b(today|tonight|now|immediately|asap|within \d+|by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end))\b|\b(balance|amount|sum|dues|loan)\b[^.!?\n]{0,30}?\b(is |be |been )?paid\b|\bpay (the |your |ur )?(\$|£|€|¥|₹|rs\.?\s?|\d)|\bsettlement of\b/,
    weight: 1,
  },
  { name: 'pay', re: /\b(pay|pays|paid|paying|payment|payments|repay\w*)\b/, weight: 0.75 },
  { name: 'balance', re: /\b(balance|amount due|total due|minimum due|dues)\b/, weight: 0.75 },
  { name: 'account', re: /\b(loan|loans|credit card|account|acct|creditor|lender|settlement|emi)\b/, weight: 0.5 },
  // masked amounts in corpora ("$[AMOUNT]") count like amounts
  { name: 'money-amount', re: /(\$|£|€|₹|₱|rs\.?|rp\.?|usd|inr)\s?(\d|\[amount\])|\[amount\]/, weight: 0.5 },
  { name: '欠款', re: /欠款|欠债|欠钱|欠我|欠了|拖欠|借了钱|借的钱|欠费|欠.{0,4}(钱|元|块)/, weight: 1.25 },
  { name: '逾期', re: /逾期|超期|过期未还|未还|扣款失败|未按时还|违约|超过还款日|已过还款日/, weight: 1.25 },
  { name: '催收', re: /催收|催款|讨债|追债|收数|追数|催缴|还钱|老赖|不还|唔还|还不上|拖着不|卡数|欠数|把钱还|钱还上|还为止|借钱的时候|借钱时/, weight: 1.25 },
  { name: '还款', re: /还款|应还|还清|归还|偿还|结清|清偿|补足/, weight: 0.75 },
  { name: '借贷', re: /借款|贷款|网贷|信用卡|白条|花呗|借呗|分期|本金|利息|罚息|滞纳金|平台/, weight: 0.5 },
  { name: '金额', re: /(?<![\d,.])\d[\d,.]{0,24}\s*(元|块|万|rmb)|(rmb|¥|￥)\s?\d|\[amount\]\s*元|金额/, weight: 0.5 },
];

// Who is addressed: collection messages speak to the debtor.
// an imperative opening a sentence ("Pay the outstanding amount today") speaks to the reader too
const ADDRESSED = /\b(you|your|yours|u|ur|ya|dear)\b|(^|[.!?,]\s*)(pay|repay|call|contact|clear|settle|return)\b|[你您妳]|尊敬的|亲爱的|阁下/m;

// Reporting ABOUT collection (news, posts, regulators), receipts and statements, marketing and prize scams.
const AGAINST_CUES: Cue[] = [
  {
    name: 'news',
    re: /\b(police (said|say)|(officials?|spokesperson|authorities|the agency|the regulator) said|according to|were arrested|have arrested|has arrested|arrested \d+|reportedly|was reported|the (court|judge|jury) (held|found|ruled)|consumers|borrowers|their (debts|loans)|(?<!we are )debt collectors|collection agencies|complaints? (against|about))\b/,
    weight: -1.5,
  },
  { name: 'third-person-story', re: /\b(he|she|they) (said|told|was|were|had|has|sends?|called)\b/, weight: -0.5 },
  { name: 'prize-scam', re: /\b(prize|winner|you have won|you('ve| have) been selected|claim (your|now)|cash award|press 1|150ppm|txt stop|voucher)\b/, weight: -2 },
  { name: 'loan-marketing', re: /\b(refused a loan|apply now|pre-?approved|get credit|low interest|instant loan|can i (please )?(get|borrow))\b/, weight: -1.5 },
  { name: '新闻', re: /警方|记者|报道|据悉|日讯|日电|法院判决|拘捕|拘提|落网|嫌犯|嫌疑人|男子|女子|市民|民众|受害|集团|遭罚|被罚|反遭|判处|判刑|获刑|检方|地检署|[男女](讨债|追债|欠债)/, weight: -1.5 },
  { name: '营销', re: /提额|申领|办理|套现|无抵押|下款快|利息低|审批通过|欢迎确认|额度可提|积分|养卡|动态密码|已开通|诚邀|低息/, weight: -1.5 },
  { name: '入账', re: /存入|入账|已还清|还清.{0,10}欠款|还款成功|已成功还款/, weight: -2.5 },
  { name: '提醒账单', re: /约定还款日|还款日\s*\d|账单\s*[￥¥]?\s*\d/, weight: -1.25 },
  { name: '反诈', re: /骗子冒充|谨防|诈骗短信|警惕|反诈/, weight: -2 },
];

export const COLLECTION_THRESHOLD = 1.5;
/** Without anyone addressed, only overwhelming cues make a collection message (a collector's note about a third person). */
const UNADDRESSED_THRESHOLD = 3;
const RULE_SIGNAL_WEIGHT = 1;

export interface CollectionEvidence extends CollectionDecision {
  /** could a rule match still tip the decision? (false: skip collection-only rules) */
  couldBe: boolean;
  /** the reader is addressed and nothing says news, marketing, receipt or scam */
  addressedPlain: boolean;
  /** something says news, reporting, marketing, a receipt or a scam: a collector's act alone does not make this collection */
  counter: boolean;
}

export function decideCollection(normalised: string, forced?: boolean, ruleSignal = false): CollectionEvidence {
  const cues: string[] = [];
  let debtScore = 0;
  let strong = false;
  for (const cue of DEBT_CUES) {
    if (cue.re.test(normalised)) {
      cues.push(cue.name);
      debtScore += cue.weight;
      if (cue.weight >= 1) strong = true;
    }
  }
  let score = Math.min(debtScore, 4);
  const addressed = ADDRESSED.test(normalised);
  if (addressed) {
    cues.push('addressed');
    score += 0.5;
  }
  let against = false;
  for (const cue of AGAINST_CUES) {
    if (cue.re.test(normalised)) {
      cues.push(`-${cue.name}`);
      score += cue.weight;
      against = true;
    }
  }
  const addressedPlain = addressed && !against;
  const meets = (s: number) => strong && s >= COLLECTION_THRESHOLD && (addressed || s >= UNADDRESSED_THRESHOLD);
  const couldBe = meets(score + RULE_SIGNAL_WEIGHT);
  if (ruleSignal && !meets(score) && couldBe) {
    cues.push('collector-phrase');
    score += RULE_SIGNAL_WEIGHT;
  }
  score = Math.round(score * 100) / 100;
  if (forced !== undefined) return { is: forced, score, cues: [...cues, forced ? 'context:collection' : 'context:not-collection'], couldBe: forced, addressedPlain: forced, counter: !forced };
  return { is: meets(score), score, cues, couldBe, addressedPlain, counter: against };
}

/**
 * A collector's act (a debtor label, disclosure to the family, a visit or violence as the price
 * of not paying) that survived the context filters is itself evidence of collection: such a
 * message needs no debt word. Counter-evidence (news, ads, receipts, scams) still wins.
 */
export function withCollectorAct(d: CollectionEvidence, ruleId: string): CollectionEvidence {
  if (d.is || d.counter) return d;
  return { ...d, is: true, score: Math.max(d.score, COLLECTION_THRESHOLD), cues: [...d.cues, `collector-act:${ruleId}`] };
}
