/**
 * `dunwatch redact`: personal data -> placeholders in every field of each record; scan
 * findings stay aligned with the redacted text.
 *
 * Which fields, decided per field (column) by its name, case-insensitively, and by its content:
 *  - `id` and the fields named with --keep are passed through unchanged (names compared
 *    case-insensitively, ignoring spaces, "_" and "-");
 *  - `findings` (a scan's output) keep their rule data and get offsets and excerpts of the
 *    redacted text; `redacted` is ours (counts by type);
 *  - a field whose NAME says it is personal (name, sender, from, to, email, phone, address,
 *    zip, ssn, passport, account, handle …, also 姓名 电话 地址 …) is personal as a whole: what
 *    the detectors leave of it becomes that field's placeholder ("Okafor <[EMAIL]>" ->
 *    "[NAME] <[EMAIL]>", a ZIP code -> "[ADDRESS]", a number -> its placeholder);
 *  - every other string, whatever its name (a CSV's "Consumer complaint narrative", "Issue",
 *    "Company", a file name, a note), is redacted by its content: the detectors decide;
 *  - lists and objects are walked, their strings treated by the rules of the field that holds them;
 *  - numbers and booleans outside personal fields are kept.
 */
import { redact, remapSpan, type PiiType, type RedactOptions, type RedactResult } from '../research/redact';
import type { Rec } from './sources';

const norm = (k: string) => k.toLowerCase().replace(/[\s_-]+/g, '');

/** Field names whose whole value is personal data, by the placeholder it gets. */
const PERSONAL: [RegExp, PiiType][] = [
  [/^(?:name|names|fullname|firstname|lastname|middlename|surname|givenname|nickname|customer|customername|debtor|debtorname|borrower|borrowername|contact|contactname|sender|sendername|from|to|cc|bcc|recipient|recipients|replyto|author|signature|guarantor|emergencycontact|姓名|名字|联系人|聯絡人|聯繫人|借款人|债务人|債務人|收件人|发件人|寄件人)$/u, 'NAME'],
  [/^(?:email|emails|emailaddress|mail|mailaddress|邮箱|郵箱|电子邮件|電子郵件)$/u, 'EMAIL'],
  [/^(?:phone|phones|phonenumber|mobile|mobilenumber|cell|cellphone|tel|telephone|fax|whatsapp|电话|電話|手机|手機|手机号|手機號碼)$/u, 'PHONE'],
  [/^(?:address|addresses|street|streetaddress|addr|homeaddress|mailingaddress|workaddress|zip|zipcode|postcode|postalcode|地址|住址|家庭住址|户籍地|戶籍地)$/u, 'ADDRESS'],
  [/^(?:ssn|socialsecurity|socialsecuritynumber|nationalid|idnumber|idcard|identitycard|passport|passportnumber|licence|license|driverslicense|driverslicence|licensenumber|dob|dateofbirth|birthdate|birthday|aadhaar|pan|hkid|身份证|身份證|身分證|身份证号|护照|護照|生日|出生日期)$/u, 'ID'],
  [/^(?:account|accountnumber|accountno|acct|card|cardnumber|iban|bankaccount|账号|帳號|账户|帳戶|卡号|卡號|银行卡|銀行卡)$/u, 'ACCOUNT'],
  [/^(?:handle|username|user|screenname|twitter|instagram|facebook|tiktok|weibo|wechat|微信|profile|profileurl)$/u, 'HANDLE'],
];

export function personalType(field: string): PiiType | undefined {
  const k = norm(field);
  return PERSONAL.find(([re]) => re.test(k))?.[1];
}

const PLACEHOLDER = /\[(?:NAME|PHONE|EMAIL|ACCOUNT|ID|ADDRESS|HANDLE|AMOUNT)\]|XXXX/g;

/** A personal field's value: the detectors first, then whatever they left becomes the field's placeholder. */
function redactPersonal(value: string, type: PiiType, opts: RedactOptions, count: (r: RedactResult) => void): string {
  const r = redact(value, opts);
  count(r);
  const placeholder = opts.style === 'cfpb' ? 'XXXX' : `[${type}]`;
  const parts = r.text.split(PLACEHOLDER);
  const seps = r.text.match(PLACEHOLDER) ?? [];
  if (!parts.some((p) => /[\p{L}\p{N}]/u.test(p))) return r.text;
  if (type !== 'NAME') return placeholder; // a phone, address, id … the detectors did not fully take: all of it
  // "Okafor <[EMAIL]>": keep the structure, the words left are the name
  let out = '';
  parts.forEach((p, i) => {
    out += p.replace(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\- ]*[\p{L}\p{N}.]|[\p{L}\p{N}]/gu, placeholder);
    if (i < seps.length) out += seps[i];
  });
  return out;
}

export interface RedactRecordOptions extends RedactOptions {
  /** fields passed through unchanged (compared case-insensitively, ignoring spaces, _ and -); `id` always */
  keep?: readonly string[];
}

export function redactRecord(record: Rec, opts: RedactRecordOptions): Record<string, unknown> {
  const keep = new Set(['id', ...(opts.keep ?? [])].map(norm));
  const counts: Record<string, number> = {};
  const count = (r: RedactResult) => {
    for (const x of r.replacements) counts[x.type] = (counts[x.type] ?? 0) + 1;
  };
  const walk = (value: unknown, type: PiiType | undefined): unknown => {
    if (typeof value === 'string') {
      if (type) return redactPersonal(value, type, opts, count);
      const r = redact(value, opts);
      count(r);
      return r.text;
    }
    if (typeof value === 'number' || typeof value === 'bigint') return type ? (opts.style === 'cfpb' ? 'XXXX' : `[${type}]`) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, type));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = keep.has(norm(k)) ? v : walk(v, type ?? personalType(k));
      return out;
    }
    return value;
  };
  const text = redact(record.text, opts);
  count(text);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (k === 'text') out.text = text.text;
    else if (k === 'findings' && Array.isArray(v)) {
      out.findings = (v as Record<string, unknown>[]).map((f) => {
        if (!f || typeof f !== 'object' || typeof f.start !== 'number' || typeof f.end !== 'number') return f;
        const m = remapSpan(text.replacements, f.start, f.end);
        return { ...f, start: m.start, end: m.end, excerpt: text.text.slice(m.start, m.end) };
      });
    } else if (k === 'redacted' || keep.has(norm(k))) out[k] = v;
    else out[k] = walk(v, personalType(k));
  }
  out.redacted = counts;
  return out;
}
