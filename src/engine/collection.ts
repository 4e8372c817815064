/**
 * Is this a debt-collection message? A scored decision with the cues that made it.
 * Rules marked `requires: collection` fire only when it is, so news about an arrest,
 * a complaint ABOUT a collector, marketing for loans or a prize scam is not flagged.
 */
import type { CollectionDecision } from './types';

interface Cue {
  name: string;
  re: RegExp;
  weight: number;
}

// Debt and delinquency: the core of a collection message.
const DEBT_CUES: Cue[] = [
  { name: 'debt', re: /\bdebts?\b/, weight: 1 },
  { name: 'owe', re: /\bow(e|es|ed|ing)\b/, weight: 1 },
  { name: 'overdue', re: /\b(overdue|past[ -]due|delinquen\w*|in arrears|arrears|late payment|unpaid|outstanding (balance|amount|debt))\b/, weight: 1 },
  { name: 'collect', re: /\b(collect(ion|ions|ing|or)?|recovery agent|repossess\w*|charge[ -]?off|charged off|default(ed)?)\b/, weight: 1 },
  { name: 'attempt-to-collect', re: /\b(attempt(ing)? to collect|communication from a debt collector|debt collector)\b/, weight: 1.5 },
  { name: 'pay', re: /\b(pay|pays|paid|paying|payment|payments|repay\w*|pay (it|this) off)\b/, weight: 0.75 },
  { name: 'balance', re: /\b(balance|amount due|total due|minimum due|dues)\b/, weight: 0.75 },
  { name: 'loan', re: /\b(loan|loans|credit card|account|acct|creditor|lender|settle|settlement|emi)\b/, weight: 0.5 },
  { name: 'money-amount', re: /(\$|£|€|₹|₱|rs\.?|rp\.?|usd|inr)\s?\d/, weight: 0.5 },
  { name: 'money-slang', re: /\b(money|cash|funds)\b/, weight: 0.25 },
  { name: '欠款', re: /欠款|欠债|欠钱|欠我|欠了|拖欠|借了钱|借的钱|欠费/, weight: 1.25 },
  { name: '逾期', re: /逾期|超期|过期未还|未还|扣款失败|未按时还|违约/, weight: 1.25 },
  { name: '催收', re: /催收|催款|讨债|追债|收数|催缴|还钱|老赖/, weight: 1.25 },
  { name: '还款', re: /还款|应还|还清|归还|偿还|结清|清偿|补足/, weight: 0.75 },
  { name: '借贷', re: /借款|贷款|网贷|信用卡|白条|花呗|借呗|分期|本金|利息|罚息|滞纳金|平台/, weight: 0.5 },
  { name: '金额', re: /\d[\d,.]*\s*(元|块|万|rmb)|(rmb|¥|￥)\s?\d/, weight: 0.5 },
];

// Who is addressed: collection messages speak to the debtor.
const SECOND_PERSON = /\b(you|your|yours|u|ur|ya)\b|[你您妳]/;

// Reporting ABOUT collection (news, posts, regulators), marketing and prize scams.
const AGAINST_CUES: Cue[] = [
  { name: 'news', re: /\b(police (said|say)|(officials?|spokesperson|authorities) said|according to|were arrested|have arrested|has arrested|arrested \d+|reported(ly)?|the (court|judge) (held|found|ruled)|plaintiffs?|defendants?|consumers|borrowers|their (debt|loan)s?|debt collectors|collection agencies|complaints?)\b/, weight: -1.5 },
  { name: 'third-person-story', re: /\b(he|she|they) (said|told|was|were|had|has|sends?|called)\b/, weight: -0.5 },
  { name: 'prize-scam', re: /\b(prize|winner|you have won|you('ve| have) been selected|claim (your|now)|cash award|press 1|150ppm|txt stop|holiday|voucher)\b/, weight: -2 },
  { name: 'loan-marketing', re: /\b(refused a loan|apply now|pre-?approved|get credit|low interest|instant loan)\b/, weight: -1.5 },
  { name: '新闻', re: /警方|记者|报道|据悉|日讯|日电|法院判决|被告|涉嫌|拘捕|拘提|落网|嫌犯|嫌疑人|男子|女子|市民|民众|受害|集团|警察局|派出所表示/, weight: -1.5 },
  { name: '营销', re: /提额|申领|办理|套现|无抵押|下款快|利息低|审批通过|欢迎确认|额度可提|积分|养卡|动态密码|存入|已开通|诚邀|低息/, weight: -1.5 },
  { name: '提醒账单', re: /约定还款日|还款日\d|账单\s*[￥¥]?\d/, weight: -0.75 },
  { name: '反诈', re: /骗子冒充|谨防|诈骗短信|警惕|反诈/, weight: -2 },
];

export const COLLECTION_THRESHOLD = 1.5;

export function decideCollection(normalised: string, forced?: boolean): CollectionDecision {
  const cues: string[] = [];
  let score = 0;
  let debtScore = 0;
  for (const cue of DEBT_CUES) {
    if (cue.re.test(normalised)) {
      cues.push(cue.name);
      debtScore += cue.weight;
    }
  }
  score += Math.min(debtScore, 4);
  const addressed = SECOND_PERSON.test(normalised);
  if (addressed) {
    cues.push('second-person');
    score += 0.5;
  }
  for (const cue of AGAINST_CUES) {
    if (cue.re.test(normalised)) {
      cues.push(`-${cue.name}`);
      score += cue.weight;
    }
  }
  score = Math.round(score * 100) / 100;
  if (forced !== undefined) return { is: forced, score, cues: [...cues, forced ? 'context:collection' : 'context:not-collection'] };
  // A message nobody is addressed in is a story about collection, unless the cues are overwhelming.
  const is = score >= COLLECTION_THRESHOLD && (addressed || score >= 3);
  return { is, score, cues };
}
