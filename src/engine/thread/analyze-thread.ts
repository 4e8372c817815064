/**
 * analyzeThread(messages, options): what no single sentence shows — contact at hours the
 * jurisdiction forbids, too many contacts, contact after the reader opted out, asked not to
 * be contacted at work, or disputed the debt, and disclosures the law requires that are
 * missing. Each thread finding cites its rule and lists the message ids it rests on.
 * Frequency findings say "may indicate": the limits are presumptions or guidance.
 */
import type { AnalyzeResult, Category, Citation, RulesBundle, Severity, UiLang } from '../types';
import { normalize } from '../normalize/normalize';
import { saysAccountPlacedWithSender } from './collector-frames';
import { missingDisclosures, type SenderType } from './disclosures';
import { FREQUENCY, HOURS, US_ELECTRONIC_FLOOD, lookupChain, type FrequencyRule } from './jurisdictions';
import { isValidTimeZone, localTime } from './local-time';
import { isOptOutConfirmation, isVerification, readerRequests, type ContactChannel, type ReaderRequest } from './reader-requests';

export interface ThreadMessage {
  id: string;
  text: string;
  direction: 'incoming' | 'outgoing';
  /** ISO 8601 with offset or Z, or a Date */
  sentAt?: string | Date;
  sender?: string;
  channel?: ContactChannel;
  /** the address or number the message was sent to (for work-address rules) */
  to?: string;
}

export interface ThreadOptions {
  jurisdiction: string;
  /** IANA zone of the recipient, e.g. America/New_York, Asia/Shanghai */
  timeZone: string;
  uiLang?: UiLang;
  /** the reader's work e-mail addresses / numbers */
  workAddresses?: readonly string[];
  /** who sent the incoming messages, if the reader knows */
  senderType?: SenderType;
}

export interface ThreadFinding {
  rule: string;
  category: Category;
  severity: Severity;
  messageIds: string[];
  title: string;
  explanation: string;
  law: string[];
  citations: Citation[];
}

export interface ThreadResult {
  messages: { id: string; result: AnalyzeResult }[];
  findings: ThreadFinding[];
  /** messages left out of time rules (no or unreadable time) */
  warnings: string[];
}

type Text = { en: string; zh: string };
const t = (ui: UiLang, s: Text) => (ui === 'en' ? s.en : s.zh);
const DAY = 24 * 3600 * 1000;

function toDate(value: string | Date | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function analyzeThread(
  messages: readonly ThreadMessage[],
  options: ThreadOptions,
  deps: { analyze: (text: string, opts: { jurisdiction?: string; uiLang?: UiLang; context?: { direction?: 'incoming' | 'outgoing' } }) => AnalyzeResult; bundle: RulesBundle },
): ThreadResult {
  if (!isValidTimeZone(options.timeZone)) throw new RangeError(`unknown time zone '${options.timeZone}' (use an IANA name such as America/New_York)`);
  const ui = options.uiLang ?? 'en';
  const chain = lookupChain(options.jurisdiction);
  const warnings: string[] = [];
  const findings: ThreadFinding[] = [];
  const cite = (law: string[]): Citation[] =>
    law.flatMap((id) => {
      const c = deps.bundle.law[id];
      return c ? [{ id, title: c.title[ui], url: c.url }] : [];
    });
  const add = (rule: string, category: Category, severity: Severity, ids: string[], title: Text, explanation: Text, law: string[]) =>
    findings.push({ rule, category, severity, messageIds: ids, title: t(ui, title), explanation: t(ui, explanation), law, citations: cite(law) });

  // Chronological order; messages without a time keep their place after timed ones.
  const items = messages.map((m, i) => ({ m, i, at: toDate(m.sentAt), norm: normalize(m.text).text, channel: m.channel ?? 'unknown' }));
  for (const it of items) if (it.m.sentAt !== undefined && !it.at) warnings.push(`message ${it.m.id}: unreadable time '${String(it.m.sentAt)}'`);
  const sorted = [...items].sort((a, b) => (a.at && b.at ? a.at.getTime() - b.at.getTime() : a.i - b.i));
  const results = new Map(items.map((it) => [it.m.id, deps.analyze(it.m.text, { jurisdiction: options.jurisdiction, uiLang: ui, context: { direction: it.m.direction } })]));
  const incoming = sorted.filter((it) => it.m.direction === 'incoming');

  // 1. hours
  const hours = chain.map((j) => HOURS[j]).find(Boolean);
  if (hours) {
    for (const it of incoming) {
      if (!it.at) continue;
      const lt = localTime(it.at, options.timeZone);
      const w = hours.windows[lt.weekday];
      if (!w || lt.minutes < w.from || lt.minutes >= w.to) {
        add('thread.contact-hours', 'harassment', 'low', [it.m.id],
          { en: `Contact at ${lt.clock} your time`, zh: `在你当地时间${lt.clock}联系` },
          { en: `${hours.note.en} This message arrived at ${lt.clock} (${options.timeZone}).`, zh: `${hours.note.zh}这条消息的时间是${lt.clock}（${options.timeZone}）。` },
          hours.law);
      }
    }
  }

  // 2. frequency, per sender (a sender stands for one debt here)
  const bySender = new Map<string, typeof incoming>();
  for (const it of incoming) {
    if (!it.at) continue;
    const key = it.m.sender ?? '(unknown sender)';
    bySender.set(key, [...(bySender.get(key) ?? []), it]);
  }
  const frequencyRules: FrequencyRule[] = chain.flatMap((j) => FREQUENCY[j] ?? []);
  for (const [, list] of bySender) {
    for (const rule of frequencyRules) {
      const groups = rule.perChannel ? groupBy(list, (it) => it.channel) : new Map([['all', list]]);
      for (const [, group] of groups) {
        let counted = group.filter((it) => rule.channels.includes(it.channel));
        if (rule.unansweredOnly) counted = counted.filter((it) => !answeredAfter(sorted, it));
        const worst = worstWindow(counted, rule, options.timeZone);
        if (worst.length > rule.max) {
          add('thread.contact-frequency', 'harassment', 'low', worst.map((it) => it.m.id),
            { en: `${worst.length} contacts in ${rule.days === 1 ? 'one day' : `${rule.days} days`}`, zh: `${rule.days === 1 ? '一天内' : `${rule.days}天内`}联系${worst.length}次` },
            { en: `${rule.note.en} This may indicate harassment; count only contacts about the same debt.`, zh: `${rule.note.zh}这可能构成骚扰；请只计算同一笔债务的联系次数。` },
            rule.law);
        }
      }
    }
    if (chain.includes('us')) {
      const electronic = list.filter((it) => ['sms', 'email', 'chat'].includes(it.channel) && !answeredAfter(sorted, it));
      const perDay = groupBy(electronic, (it) => localTime(it.at!, options.timeZone).date);
      const heavyDays = [...perDay.entries()].filter(([, l]) => l.length >= US_ELECTRONIC_FLOOD.perDay).sort(([a], [b]) => a.localeCompare(b));
      for (let i = 0; i + US_ELECTRONIC_FLOOD.days - 1 < heavyDays.length; i++) {
        const run = heavyDays.slice(i, i + US_ELECTRONIC_FLOOD.days);
        const span = (Date.parse(run.at(-1)![0]) - Date.parse(run[0]![0])) / DAY;
        if (span < US_ELECTRONIC_FLOOD.windowDays) {
          const ids = run.flatMap(([, l]) => l.map((it) => it.m.id));
          add('thread.text-flood', 'harassment', 'low', ids,
            { en: `${ids.length} unanswered texts or e-mails over ${run.length} days`, zh: `${run.length}天内${ids.length}条未回复的短信或邮件` },
            { en: 'The CFPB says numerous unsolicited texts a day over several days is likely harassment. This may indicate harassment.', zh: '美国消费者金融保护局认为，连续数天每天发送大量未经请求的短信可能构成骚扰。' },
            US_ELECTRONIC_FLOOD.law);
          break;
        }
      }
    }
  }

  // 3. requests the reader made, and what came after them
  const optOutLaw = chain.includes('us') ? ['us.regf.1006.14-h', 'us.fdcpa.1692c-c'] : chain.includes('cn') ? ['cn.civil-code.1032-1033'] : chain.includes('uk') ? ['uk.conc.7.9'] : ['us.regf.1006.14-h'];
  for (const it of sorted) {
    if (it.m.direction !== 'outgoing') continue;
    for (const req of readerRequests(it.norm, it.channel)) {
      const after = incoming.filter((x) => isAfter(x, it, sorted));
      if (req.kind === 'opt-out') {
        const covered = after.filter((x) => req.channels === 'all' || req.channels.includes(x.channel) || x.channel === 'unknown');
        const violating = covered.filter((x, k) => !(k === 0 && isOptOutConfirmation(x.norm)));
        if (violating.length) {
          add('thread.contact-after-opt-out', 'harassment', 'medium', [it.m.id, ...violating.map((x) => x.m.id)],
            { en: 'Contact after you asked them to stop', zh: '你要求停止联系后仍被联系' },
            { en: `You asked them to stop${req.channels === 'all' ? '' : ` (${req.channels.join(', ')})`}; ${violating.length} message(s) came after. A collector must honour a request not to use a medium, apart from one confirmation.`, zh: `你已要求停止联系；此后又收到${violating.length}条消息。催收方应尊重你不通过某种方式联系的要求（一次确认除外）。` },
            optOutLaw);
        }
      } else if (req.kind === 'not-at-work') {
        const work = new Set((options.workAddresses ?? []).map((a) => a.toLowerCase()));
        const violating = after.filter((x) => (x.m.to && work.has(x.m.to.toLowerCase())) || /\b(your (work|office|employer|job))\b|单位|公司/.test(x.norm));
        if (violating.length) {
          add('thread.contact-at-work', 'privacy', 'medium', [it.m.id, ...violating.map((x) => x.m.id)],
            { en: 'Contact at work after you said not to', zh: '你明确拒绝后仍联系你的工作单位' },
            { en: 'Once you say your employer does not allow it, or ask not to be contacted at work, a collector may not contact you there.', zh: '你已表示不便在工作场所被联系，催收方不应再联系你的单位。' },
            chain.includes('us') ? ['us.fdcpa.1692c-a-3'] : chain.includes('cn') ? ['cn.cba-guideline.third-party'] : ['us.fdcpa.1692c-a-3']);
        }
      } else {
        const verifiedAt = after.find((x) => isVerification(x.norm));
        const violating = after.filter((x) => (!verifiedAt || isAfter(verifiedAt, x, sorted)) && x !== verifiedAt && results.get(x.m.id)?.collection.is);
        if (violating.length) {
          add('thread.collection-after-dispute', 'unfair', 'medium', [it.m.id, ...violating.map((x) => x.m.id)],
            { en: 'Collection after your dispute, without verification', zh: '你提出异议后，未经核实仍在催收' },
            { en: 'After a written dispute, collection must pause until the collector sends verification of the debt.', zh: '你提出书面异议后，催收方应先核实并答复，才能继续催收。' },
            chain.includes('us') ? ['us.fdcpa.1692g'] : chain.includes('cn') ? ['cn.cc-measures.69'] : ['us.fdcpa.1692g']);
        }
      }
    }
  }

  // 4. messages to a work address, where the law forbids e-mailing one (US)
  if (chain.includes('us') && options.workAddresses?.length) {
    const work = new Set(options.workAddresses.map((a) => a.toLowerCase()));
    const toWork = incoming.filter((x) => x.channel === 'email' && x.m.to && work.has(x.m.to.toLowerCase()) && results.get(x.m.id)?.collection.is);
    if (toWork.length)
      add('thread.email-to-work-address', 'privacy', 'low', toWork.map((x) => x.m.id),
        { en: 'Collection e-mail to your work address', zh: '催收邮件发到了你的工作邮箱' },
        { en: 'A debt collector may not e-mail an address it knows or should know your employer provides.', zh: '美国规定，催收方不得向其明知或应知由你雇主提供的邮箱发送催收邮件。' },
        ['us.fdcpa.1692c-a-3']);
  }

  // 5. missing disclosures in collection messages. "Your account has been placed with our
  // office" is a collector's message even with no debt word or amount for the collection gate.
  for (const it of incoming) {
    if (!results.get(it.m.id)?.collection.is && !saysAccountPlacedWithSender(it.norm)) continue;
    for (const miss of missingDisclosures(it.norm, { jurisdiction: options.jurisdiction, channel: it.channel, senderType: options.senderType ?? 'unknown' })) {
      const unknownNote = options.senderType === 'collector' ? { en: '', zh: '' } : { en: ' The message appears to come from a third-party collector; original creditors collecting in their own name are not covered by the FDCPA.', zh: '该消息看起来来自第三方催收机构；以自己名义催收的原债权人不受该法约束。' };
      if (miss.kind === 'us-debt-collector')
        add('thread.missing-collector-disclosure', 'deception', 'low', [it.m.id],
          { en: 'Does not say it is from a debt collector', zh: '未表明来自债务催收方' },
          { en: `A debt collector's messages must say they come from a debt collector (and the first one that it is an attempt to collect a debt).${unknownNote.en}`, zh: `债务催收方的每条消息都应表明来自债务催收方（首条消息还应说明是在催收债务）。${unknownNote.zh}` },
          ['us.fdcpa.1692e-11', 'us.regf.1006.18-e']);
      else if (miss.kind === 'us-opt-out')
        add('thread.missing-opt-out', 'unfair', 'low', [it.m.id],
          { en: 'No way to opt out of texts or e-mails', zh: '未提供退订方式' },
          { en: `Every collection e-mail or text must include a clear, simple way to opt out (for example "Reply STOP"). Texts and e-mails are never limited-content messages.${unknownNote.en}`, zh: `每封催收邮件或短信都必须提供清晰简单的退订方式（例如"回复STOP"）。${unknownNote.zh}` },
          ['us.regf.1006.6-e']);
      else
        add('thread.incomplete-collection-letter', 'unfair', 'low', [it.m.id],
          { en: 'Collection letter missing required items', zh: '催收函缺少规定内容' },
          { en: 'A bank collection letter (催收函) must state the balance, the legal basis, how to dispute it and how to contact the bank.', zh: '催收函应载明欠款金额、催收依据、异议方式和银行联系方式等内容。' },
          ['cn.cc-measures.69']);
    }
  }

  return { messages: items.map((it) => ({ id: it.m.id, result: results.get(it.m.id)! })), findings, warnings };
}

function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

type Item = { m: ThreadMessage; i: number; at?: Date };

function isAfter(x: Item, y: Item, sorted: readonly Item[]): boolean {
  if (x.at && y.at) return x.at.getTime() > y.at.getTime();
  return sorted.indexOf(x) > sorted.indexOf(y);
}

/** The reader replied (any outgoing message) after this attempt and before the next day ends. */
function answeredAfter(sorted: readonly (Item & { m: ThreadMessage })[], it: Item): boolean {
  return sorted.some((x) => x.m.direction === 'outgoing' && isAfter(x, it, sorted) && (!x.at || !it.at || x.at.getTime() - it.at.getTime() < DAY));
}

/** The largest set of contacts inside one window of the rule (calendar day for 1-day rules, sliding otherwise). */
function worstWindow<T extends Item>(list: readonly T[], rule: FrequencyRule, timeZone: string): T[] {
  if (rule.days === 1) {
    let worst: T[] = [];
    for (const [, l] of groupBy(list, (it) => localTime(it.at!, timeZone).date)) if (l.length > worst.length) worst = l;
    return worst;
  }
  let worst: T[] = [];
  let start = 0;
  for (let end = 0; end < list.length; end++) {
    while (list[end]!.at!.getTime() - list[start]!.at!.getTime() >= rule.days * DAY) start++;
    if (end - start + 1 > worst.length) worst = list.slice(start, end + 1);
  }
  return worst;
}

export type { ReaderRequest };
