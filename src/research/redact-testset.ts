/**
 * A generated test set for redaction: messages (en and zh) with planted personal data whose
 * exact spans are known, and messages without personal data. Deterministic (seeded), so the
 * recall measured on it is reproducible. Pure TypeScript.
 */
import { cnIdCheckDigit, type PiiType } from './redact';

export interface Planted {
  text: string;
  lang: 'en' | 'zh';
  spans: { start: number; end: number; type: PiiType; value: string }[];
}

export function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const EN_FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Maria', 'Aisha', 'Priya', 'Wei', 'Kevin', 'Laura', 'Daniel', 'Emily', 'Brian', 'Rachel', 'Tyrone'];
const EN_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Patel', 'Nguyen', 'O\'Brien', 'Okafor'];
const ZH_SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢'];
const ZH_GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力飞鹏宇浩晨欣怡婷雪琳'];
const STREETS = ['Oak', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Main', 'Pine', 'Sunset', 'River'];
const SUFFIX = ['Street', 'St', 'Avenue', 'Ave', 'Road', 'Drive', 'Lane', 'Boulevard', 'Court'];
const CITIES = [['Springfield', 'IL', '62704'], ['Austin', 'TX', '78701'], ['Columbus', 'OH', '43215'], ['Fresno', 'CA', '93721']];
const ZH_PLACES = [['广东省', '深圳市', '南山区'], ['浙江省', '杭州市', '西湖区'], ['', '北京市', '朝阳区'], ['', '上海市', '浦东新区'], ['四川省', '成都市', '武侯区'], ['江苏省', '南京市', '鼓楼区']];
const ZH_ROADS = ['建设路', '人民路', '解放路', '中山路', '科技南路', '文三路', '天府大道', '长江路'];

export function generateTestSet(seed = 20240601, n = 600): Planted[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const digits = (k: number) => Array.from({ length: k }, () => Math.floor(r() * 10)).join('');
  const card = () => {
    const prefix = pick(['4', '51', '55', '37', '6011', '62']);
    const len = prefix === '37' ? 15 : 16;
    let body = prefix + digits(len - prefix.length - 1);
    for (let c = 0; c < 10; c++) {
      const d = body + c;
      // Luhn
      let sum = 0;
      for (let i = 0; i < d.length; i++) {
        let x = Number(d[d.length - 1 - i]);
        if (i % 2) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
        sum += x;
      }
      if (sum % 10 === 0) {
        body = d;
        break;
      }
    }
    const style = r();
    if (style < 0.4) return body;
    const sep = style < 0.7 ? ' ' : '-';
    return len === 16 ? body.match(/.{4}/g)!.join(sep) : `${body.slice(0, 4)}${sep}${body.slice(4, 10)}${sep}${body.slice(10)}`;
  };
  const cnId = () => {
    const y = 1950 + Math.floor(r() * 55);
    const m = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const d = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const first = `${pick(['110105', '310104', '440305', '330106', '510107', '320106'])}${y}${m}${d}${digits(3)}`;
    return first + cnIdCheckDigit(first);
  };
  const enPhone = () =>
    pick([
      () => `(${200 + Math.floor(r() * 700)}) 555-${digits(4)}`,
      () => `${200 + Math.floor(r() * 700)}-555-${digits(4)}`,
      () => `1-800-${digits(3)}-${digits(4)}`,
      () => `+1 ${200 + Math.floor(r() * 700)} 555 ${digits(4)}`,
      () => `020 7946 ${digits(4)}`,
      () => `07700 ${digits(6)}`,
      () => `+44 161 496 ${digits(4)}`,
      () => `+63 917 ${digits(3)} ${digits(4)}`,
      () => `${200 + Math.floor(r() * 700)}.555.${digits(4)}`,
    ])();
  const zhPhone = () =>
    pick([
      () => `1${pick(['3', '5', '7', '8', '9'])}${digits(9)}`,
      () => `+86 1${pick(['3', '5', '8'])}${digits(1)} ${digits(4)} ${digits(4)}`,
      () => `1${pick(['3', '8'])}${digits(1)}-${digits(4)}-${digits(4)}`,
      () => `0${pick(['10', '21', '755', '571'])}-${digits(8)}`,
      () => `400-${digits(3)}-${digits(4)}`,
    ])();
  const email = () => `${pick(['j.smith', 'maria_g', 'wang.wei', 'lili1988', 'collections', 'tom+bills'])}${digits(2)}@${pick(['gmail.com', 'qq.com', '163.com', 'example.co.uk', 'abc-recovery.com'])}`;
  const enName = () => `${pick(EN_FIRST)} ${pick(EN_LAST)}`;
  const zhName = () => pick(ZH_SURNAMES) + pick(ZH_GIVEN) + (r() < 0.6 ? pick(ZH_GIVEN) : '');
  const enAddr = () => {
    const [city, st, zip] = pick(CITIES);
    return `${1 + Math.floor(r() * 9000)} ${pick(STREETS)} ${pick(SUFFIX)}${r() < 0.3 ? `, Apt ${1 + Math.floor(r() * 40)}` : ''}, ${city}, ${st} ${zip}`;
  };
  const zhAddr = () => {
    const [p, c, d] = pick(ZH_PLACES);
    return `${p}${c}${d}${pick(ZH_ROADS)}${1 + Math.floor(r() * 300)}号${r() < 0.6 ? `${1 + Math.floor(r() * 20)}栋${1 + Math.floor(r() * 30)}0${1 + Math.floor(r() * 4)}室` : ''}`;
  };
  const account = () => digits(8 + Math.floor(r() * 5));

  type Slot = [PiiType, () => string];
  const EN_TEMPLATES: [string, Slot[]][] = [
    ['Hello {0}, this is a message about your past-due account. Call us back at {1}.', [['NAME', enName], ['PHONE', enPhone]]],
    ['Mr. {0}, we tried to reach you at {1} and at {2}. Please respond today.', [['NAME', () => pick(EN_LAST)], ['PHONE', enPhone], ['EMAIL', email]]],
    ['Payment of the balance on card {0} is overdue. Reply to {1} to set up a plan.', [['ACCOUNT', card], ['EMAIL', email]]],
    ['Your account number {0} has been placed with our office. Our agent {1} will call you.', [['ACCOUNT', account], ['NAME', enName]]],
    ['We will send someone to {0} on Monday if we do not hear from you.', [['ADDRESS', enAddr]]],
    ['I spoke to {0} at your work number {1} about the debt.', [['NAME', enName], ['PHONE', enPhone]]],
    ['Dear {0},\nPlease pay by card {1} or call {2}.\nRegards, {3}', [['NAME', enName], ['ACCOUNT', card], ['PHONE', enPhone], ['NAME', enName]]],
    ['Text STOP to opt out. Questions? Email {0} or write to {1}.', [['EMAIL', email], ['ADDRESS', enAddr]]],
  ];
  const ZH_TEMPLATES: [string, Slot[]][] = [
    ['{0}，你好，你在我平台的借款已逾期，请尽快联系{1}处理。', [['NAME', zhName], ['PHONE', zhPhone]]],
    ['借款人{0}，身份证号{1}，已逾期30天，我们将联系你的紧急联系人。', [['NAME', zhName], ['ID', cnId]]],
    ['{0}先生，你的卡号{1}已欠款，请拨打{2}。', [['NAME', () => pick(ZH_SURNAMES)], ['ACCOUNT', card], ['PHONE', zhPhone]]],
    ['我们已经知道你家住在{0}，明天会有人上门。', [['ADDRESS', zhAddr]]],
    ['紧急联系人{0}的电话是{1}，邮箱{2}。', [['NAME', zhName], ['PHONE', zhPhone], ['EMAIL', email]]],
    ['{0}女士：您的身份证{1}关联的账户尚有欠款，联系电话{2}。', [['NAME', zhName], ['ID', cnId], ['PHONE', zhPhone]]],
    ['请{0}经理转告员工{1}，尽快还款，账号{2}。', [['NAME', () => pick(ZH_SURNAMES)], ['NAME', zhName], ['ACCOUNT', account]]],
    ['收件人：{0}，地址：{1}，手机：{2}', [['NAME', zhName], ['ADDRESS', zhAddr], ['PHONE', zhPhone]]],
  ];
  const out: Planted[] = [];
  for (let i = 0; i < n; i++) {
    const zh = i % 2 === 1;
    const [template, slots] = pick(zh ? ZH_TEMPLATES : EN_TEMPLATES);
    let text = '';
    const spans: Planted['spans'] = [];
    let rest = template;
    for (;;) {
      const m = /\{(\d)\}/.exec(rest);
      if (!m) break;
      text += rest.slice(0, m.index);
      const [type, gen] = slots[Number(m[1])]!;
      const value = gen();
      spans.push({ start: text.length, end: text.length + value.length, type, value });
      text += value;
      rest = rest.slice(m.index + m[0].length);
    }
    text += rest;
    out.push({ text, lang: zh ? 'zh' : 'en', spans });
  }
  return out;
}

/** Ordinary messages without personal data, for the false-redaction rate. */
export const NO_PII: string[] = [
  'The quarterly report is attached; please review the numbers before the meeting on Friday.',
  'Your statement is ready to view online. Log in to see your balance and recent activity.',
  'We are writing to remind you that your payment is due. You may pay online or by mail.',
  'You have the right to dispute this debt within 30 days of receiving this notice.',
  'This communication is from a debt collector. Any information obtained will be used for that purpose.',
  'Thank you for your order! It will ship within two business days.',
  'Reminder: the office will be closed on Monday for the holiday.',
  'Our records show a balance remains on your account. Please contact us to discuss options.',
  'Can we move the team lunch to next Wednesday? Several people are travelling this week.',
  'New study: more households report medical debt, and collection complaints rose last year.',
  'If you already paid, please disregard this message. Thank you.',
  'We may report information about your account to credit bureaus.',
  'Get a personal loan with a low fixed rate. Apply in minutes, no hidden fees.',
  'Press 1 to speak to an agent, press 2 to hear your balance.',
  'The library book you borrowed is due back next week.',
  'Breaking news: regulators fined a collection agency for calling consumers at work.',
  'Please update the spreadsheet and share it with the finance team by end of day.',
  'Happy birthday! Hope you have a wonderful day with family and friends.',
  'Your subscription renews next month. Manage your plan in settings.',
  'We received your payment. Your account is now current.',
  '您好，您本期账单已出，请于到期还款日前按时还款，感谢您的支持。',
  '本周五下午三点在三楼会议室开项目例会，请准时参加。',
  '温馨提示：您的快递已到达驿站，请及时取件。',
  '根据相关规定，逾期信息可能会上报征信系统，请按时还款。',
  '您有权对债务提出异议，如有疑问请联系客服。',
  '新闻：监管部门通报多家催收机构违规行为，要求整改。',
  '明天见，周末愉快！',
  '感谢您选择我们的服务，祝您生活愉快。',
  '王者荣耀新赛季开始了，一起组队吗？',
  '公司年会将于下个月举行，请各部门提前准备节目。',
  '您的借款申请已提交，审核结果将以短信通知。',
  '今天天气不错，下班后一起去跑步吧。',
  '高中同学聚会定在周六晚上，地点待定。',
  '关于调整营业时间的通知：自下周起营业至晚上九点。',
  '方便的时候回个电话，商量一下项目安排。',
  '马上就到，请稍等五分钟。',
  '安全提示：请勿向任何人透露验证码。',
  '张开双臂，迎接新的一年。',
  '黄金价格本周上涨，投资需谨慎。',
  '请在截止日期前提交报销单据。',
];
