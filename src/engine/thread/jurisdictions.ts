/**
 * Contact hours and frequency limits by jurisdiction (../shared/law/legal-rules.md §7).
 * Windows are in the recipient's local time, minutes since midnight, [from, to).
 */
export interface HoursRule {
  /** weekday (0 = Sunday) -> allowed window, or null = no contact that day */
  windows: Record<number, { from: number; to: number } | null>;
  law: string[];
  /** the limit applies to calls only (say so in the finding) */
  callsOnly?: boolean;
  note: { en: string; zh: string };
}

export interface FrequencyRule {
  /** at most `max` contacts in any window of `days` days (sliding) */
  max: number;
  days: number;
  /** which channels count */
  channels: readonly string[];
  /** count only attempts the reader did not answer (CN: unanswered attempts per day per channel) */
  unansweredOnly?: boolean;
  /** count per channel separately */
  perChannel?: boolean;
  law: string[];
  note: { en: string; zh: string };
}

const h = (hh: number, mm = 0) => hh * 60 + mm;
const every = (from: number, to: number) => Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, { from, to }]));

export const HOURS: Record<string, HoursRule> = {
  us: { windows: every(h(8), h(21)), law: ['us.fdcpa.1692c-a-1', 'us.regf.1006.6-b'], note: { en: 'US law presumes 8 a.m. to 9 p.m. local time is convenient.', zh: '美国法律推定当地时间早8点至晚9点为方便联系的时间。' } },
  cn: { windows: every(h(8), h(22)), law: ['cn.cba-guideline.hours'], note: { en: 'China: no collection between 22:00 and 08:00 without consent.', zh: '未经同意，不得在22:00至次日08:00期间催收。' } },
  in: { windows: every(h(8), h(19)), law: ['in.rbi.2022-108'], note: { en: 'India (RBI): recovery agents may call only between 8 a.m. and 7 p.m.', zh: '印度央行规定：催收只能在早8点至晚7点之间进行。' } },
  ph: { windows: every(h(6), h(22)), law: ['ph.sec-mc18.hours'], note: { en: 'Philippines (SEC MC 18): not before 6 a.m. or after 10 p.m., unless the account is more than 15 days past due or you agreed.', zh: '菲律宾：早6点前、晚10点后不得催收（逾期超过15天或经同意的除外）。' } },
  id: { windows: { ...every(h(8), h(20)), 0: null }, law: ['id.pojk22-2023.62'], note: { en: 'Indonesia (POJK 22/2023): Monday to Saturday, 08:00–20:00 local time, not on national holidays.', zh: '印尼：仅限周一至周六当地时间08:00–20:00，法定节假日除外。' } },
  au: {
    windows: { 0: { from: h(9), to: h(21) }, 1: { from: h(7, 30), to: h(21) }, 2: { from: h(7, 30), to: h(21) }, 3: { from: h(7, 30), to: h(21) }, 4: { from: h(7, 30), to: h(21) }, 5: { from: h(7, 30), to: h(21) }, 6: { from: h(9), to: h(21) } },
    law: ['au.guideline.hours'],
    note: { en: 'Australia (ACCC/ASIC guideline): weekdays 7.30 a.m.–9 p.m., weekends 9 a.m.–9 p.m.', zh: '澳大利亚：工作日7:30–21:00，周末9:00–21:00。' },
  },
  'ca-on': {
    windows: { ...every(h(7), h(21)), 0: { from: h(13), to: h(17) } },
    law: ['ca-on.reg74.hours'],
    note: { en: 'Ontario: not between 9 p.m. and 7 a.m., and on Sunday only between 1 p.m. and 5 p.m.', zh: '安大略省：晚9点至早7点不得联系；周日仅限下午1点至5点。' },
  },
};

export const FREQUENCY: Record<string, FrequencyRule[]> = {
  us: [
    { max: 7, days: 7, channels: ['call'], law: ['us.regf.1006.14-b'], note: { en: 'More than 7 calls in 7 days about one debt is presumed harassment (calls only).', zh: '7天内就同一笔债务来电超过7次，推定构成骚扰（仅限电话）。' } },
  ],
  'us-ma': [
    { max: 2, days: 7, channels: ['call', 'sms', 'voicemail'], law: ['us-ma.940cmr.7.04'], note: { en: 'Massachusetts: at most 2 calls or texts in 7 days per debt.', zh: '马萨诸塞州：每笔债务7天内最多2次电话或短信。' } },
  ],
  'ca-on': [
    { max: 3, days: 7, channels: ['call', 'sms', 'email', 'voicemail', 'chat', 'social'], law: ['ca-on.reg74.frequency'], note: { en: 'Ontario: at most 3 contacts in 7 days without your consent.', zh: '安大略省：未经同意，7天内最多联系3次。' } },
  ],
  au: [
    { max: 3, days: 7, channels: ['call', 'sms', 'email', 'voicemail', 'chat', 'social'], law: ['au.guideline.frequency'], note: { en: 'Australia: no more than 3 contacts a week.', zh: '澳大利亚：每周联系不超过3次。' } },
    { max: 10, days: 30, channels: ['call', 'sms', 'email', 'voicemail', 'chat', 'social'], law: ['au.guideline.frequency'], note: { en: 'Australia: no more than 10 contacts a month.', zh: '澳大利亚：每月联系不超过10次。' } },
  ],
  cn: [
    { max: 6, days: 1, channels: ['call', 'sms', 'chat', 'email', 'voicemail', 'social'], unansweredOnly: true, perChannel: true, law: ['cn.cba-guideline.frequency'], note: { en: 'China: no more than 6 unanswered attempts a day on one channel.', zh: '中国：债务人未接听或未回复时，同一联系方式每天不超过6次。' } },
  ],
};

/** US texts and e-mails: the CFPB treats numerous unsolicited texts a day over several days as likely harassment. */
export const US_ELECTRONIC_FLOOD = { perDay: 3, days: 3, windowDays: 7, law: ['us.regf.1006.14-a'] };

/** Jurisdictions whose own tables apply, most specific first: us-ma -> us-ma, us. */
export function lookupChain(jurisdiction: string): string[] {
  const j = jurisdiction.toLowerCase();
  const parent = j.includes('-') ? j.split('-')[0]! : undefined;
  return parent ? [j, parent] : [j];
}
