/**
 * Generate large inputs for throughput measurements (NOT committed; written under /tmp):
 *   npx tsx bench/corpus-gen.ts mbox /tmp/dunwatch-bench.mbox 1024   # ~1 GB mbox
 *   npx tsx bench/corpus-gen.ts csv  /tmp/dunwatch-bench.csv 100000  # 100k-row CFPB-style CSV
 * Messages mix collection and ordinary mail in en and zh; a fifth of the e-mails carry a base64
 * attachment (8-32 KB), as real mailboxes do. Deterministic (seeded).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

let seed = 42;
/** mulberry32 */
const rand = () => {
  let t = (seed = (seed + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const EN = [
  'This is a reminder that your account ending {n4} has a past-due balance of ${amt}. Please call us at 1-800-555-{n4} to discuss payment options.',
  'If you do not pay ${amt} by Friday we will contact your employer and your family about this debt.',
  'We will have you arrested if the balance of ${amt} is not paid today. This is your final warning.',
  'Hi team, the quarterly report is attached. Please review the numbers before Thursday’s meeting.',
  'Your order #{n4} has shipped and will arrive in 3-5 business days. Track it in your account.',
  'You have the right to dispute this debt within 30 days. If you do, we will send you verification.',
  'Thanks for lunch yesterday! Let me know when you are free next week.',
  'Newsletter: five ways to build an emergency fund, and why credit scores matter.',
];
const ZH = [
  '您好，您在我司的借款已逾期{n2}天，欠款{amt}元，请尽快还款，如有疑问请致电客服。',
  '再不还钱我们就去你单位找你领导，把你的事告诉你所有通讯录联系人。',
  '你今天不还{amt}元，明天就上门，后果自负。',
  '本周五下午三点在三楼会议室开项目例会，请准时参加。',
  '您的快递已到达小区驿站，取件码{n4}。',
  '温馨提示：您本期账单金额{amt}元，到期还款日为每月{n2}日。',
];
function body(): string {
  const zh = rand() < 0.4;
  const n = 2 + Math.floor(rand() * 6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++)
    parts.push(
      pick(zh ? ZH : EN)
        .replace(/\{amt\}/g, String(50 + Math.floor(rand() * 5000)))
        .replace(/\{n4\}/g, String(1000 + Math.floor(rand() * 9000)))
        .replace(/\{n2\}/g, String(1 + Math.floor(rand() * 28))),
    );
  return parts.join(zh ? '' : '\n\n');
}
const b64 = (bytes: number) => {
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = Math.floor(rand() * 256);
  return buf.toString('base64').replace(/.{76}/g, '$&\n');
};

async function main() {
  const [kind, out, sizeArg] = process.argv.slice(2);
  if (!kind || !out) throw new Error('usage: corpus-gen.ts mbox|csv OUT [MB|rows]');
  const w = createWriteStream(out);
  const write = async (s: string) => {
    if (!w.write(s)) await once(w, 'drain');
  };
  let count = 0;
  if (kind === 'mbox') {
    const limit = Number(sizeArg ?? 1024) * 1024 * 1024;
    let bytes = 0;
    while (bytes < limit) {
      count++;
      const text = body();
      const boundary = `b${count}`;
      const attach = rand() < 0.2 ? b64(8_000 + Math.floor(rand() * 24_000)) : '';
      const head = `From sender${count % 97}@example.com Mon Jan  6 10:00:00 2025\nFrom: Sender ${count % 97} <sender${count % 97}@example.com>\nTo: you@example.com\nDate: Mon, 6 Jan 2025 10:${String(count % 60).padStart(2, '0')}:00 +0000\nSubject: Message ${count}\nMessage-ID: <${count}@bench.example>\nMIME-Version: 1.0\n`;
      const msg = attach
        ? `${head}Content-Type: multipart/mixed; boundary="${boundary}"\n\n--${boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${text}\n--${boundary}\nContent-Type: application/pdf; name="statement.pdf"\nContent-Transfer-Encoding: base64\n\n${attach}\n--${boundary}--\n\n`
        : `${head}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${text.replace(/^From /gm, '>From ')}\n\n`;
      bytes += Buffer.byteLength(msg);
      await write(msg);
    }
  } else if (kind === 'csv') {
    const rows = Number(sizeArg ?? 100_000);
    await write('Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\n');
    for (count = 1; count <= rows; count++) {
      const narrative = rand() < 0.1 ? '' : `"${body().replace(/"/g, '""')}"`;
      await write(`2024-01-02,Debt collection,Other debt,Attempts to collect debt not owed,Debt was paid,${narrative},,Company ${count % 50},TX,75XXX,,Consent provided,Web,2024-01-02,Closed with explanation,Yes,N/A,${9000000 + count}\n`);
    }
    count--;
  } else throw new Error(`unknown kind ${kind}`);
  w.end();
  await once(w, 'finish');
  process.stderr.write(`${out}: ${count} messages\n`);
}
void main();
