/**
 * Fixture-like records for tests, the benchmark and docs/examples: messages shaped like the
 * Gmail and WhatsApp fixtures (invented people, example.com addresses), with findings as
 * the engine reports them. Not real messages.
 */
import { sha256Hex } from './canonical';
import { RECORD_SCHEMA, type CaptureRecord } from './record';

/** A tiny valid PNG (1×1, one colour) with `seed` in a text chunk, so each is distinct. */
export function fakePng(seed: number, size = 0): Uint8Array {
  const head = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
  const body = new Uint8Array(Math.max(size - head.length, 16));
  let x = (seed * 2654435761) >>> 0;
  for (let i = 0; i < body.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    body[i] = x & 255;
  }
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

const base = {
  schema: RECORD_SCHEMA as typeof RECORD_SCHEMA,
  rulesBundleHash: 'b3f1c0de5a1e2f0e7d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c',
  extensionVersion: '0.1.0',
  source: 'page' as const,
  note: null,
};

export async function sampleRecords(): Promise<{ records: CaptureRecord[]; screenshots: Map<string, Uint8Array> }> {
  const shots = new Map<string, Uint8Array>([['gm-0001', fakePng(1, 600)], ['wa-0001', fakePng(2, 600)]]);
  const t1 = 'Mr. Doe, if you do not pay $1,240 by Friday we will have you ARRESTED and tell your employer about this debt. <b>Final notice</b>';
  const t2 = '你再不还钱，我们就把你欠钱的事发到你所有通讯录联系人和单位群里，让大家都知道你是老赖！';
  const t3 = 'I dispute this debt. Please send me validation and stop calling my work.';
  const t4 = 'Balance reminder: $1,240 is due. You have the right to dispute this debt within 30 days.';
  const records: CaptureRecord[] = [
    {
      ...base, id: 'gm-0001', capturedAt: '2026-11-20T09:15:02.000Z', site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmbVxxx',
      threadId: 'FMfcgzQXJWDsKmbVxxx', sender: { name: 'Apex Recovery "Legal" Dept', address: 'collections@apex-recovery.example.com' },
      sentAt: { shown: 'Thu, Nov 19, 10:02 PM', iso: '2026-11-20T03:02:00.000Z' }, direction: 'incoming', subject: 'FINAL NOTICE – account 4417', text: t1,
      findings: [
        { rule: 'threat.arrest', ruleVersion: 2, category: 'threat', severity: 'high', start: t1.indexOf('we will have you ARRESTED'), end: t1.indexOf('we will have you ARRESTED') + 'we will have you ARRESTED'.length, excerpt: 'we will have you ARRESTED', title: 'Threat of arrest or jail', law: ['us.fdcpa.1692e-4'], citations: [{ id: 'us.fdcpa.1692e-4', title: '15 U.S.C. § 1692e(4)', url: 'https://www.law.cornell.edu/uscode/text/15/1692e' }] },
        { rule: 'privacy.tell-employer', ruleVersion: 1, category: 'privacy', severity: 'high', start: t1.indexOf('tell your employer'), end: t1.indexOf('tell your employer') + 'tell your employer about this debt'.length, excerpt: 'tell your employer about this debt', title: 'Threat to tell your employer about the debt', law: ['us.fdcpa.1692c-b'], citations: [] },
      ],
      screenshotSha256: await sha256Hex(shots.get('gm-0001')!),
    },
    {
      ...base, id: 'gm-0002', capturedAt: '2026-11-20T09:15:03.000Z', site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmbVxxx',
      threadId: 'FMfcgzQXJWDsKmbVxxx', sender: { name: 'Jane Doe', address: 'jane.doe@example.com' }, sentAt: { shown: 'Fri, Nov 20, 8:40 AM', iso: '2026-11-20T13:40:00.000Z' },
      direction: 'outgoing', subject: 'Re: FINAL NOTICE – account 4417', text: t3, findings: [], screenshotSha256: null,
    },
    {
      ...base, id: 'wa-0001', capturedAt: '2026-11-21T02:00:41.000Z', site: 'whatsapp', url: 'https://web.whatsapp.com/', threadId: '+86 138 0000 0000',
      sender: { name: '催收专员 李', address: '+86 138 0000 0000' }, sentAt: { shown: '23:47', iso: '2026-11-20T15:47:00.000Z' }, direction: 'incoming', subject: null, text: t2,
      findings: [
        { rule: 'privacy.contact-list', ruleVersion: 3, category: 'privacy', severity: 'high', start: t2.indexOf('发到你所有通讯录联系人'), end: t2.indexOf('让大家都知道'), excerpt: t2.slice(t2.indexOf('发到你所有通讯录联系人'), t2.indexOf('让大家都知道')), title: '威胁向通讯录联系人披露债务', law: ['cn.pipl.23-25', 'cn.cba-guideline.third-party'], citations: [] },
        { rule: 'abuse.laolai', ruleVersion: 1, category: 'abuse', severity: 'medium', start: t2.indexOf('老赖'), end: t2.indexOf('老赖') + 2, excerpt: '老赖', title: '侮辱性称呼', law: ['cn.cc-measures.68'], citations: [] },
      ],
      screenshotSha256: await sha256Hex(shots.get('wa-0001')!),
    },
    {
      ...base, id: 'px-0001', capturedAt: '2026-11-22T18:30:00.000Z', site: 'pasted', url: null, threadId: null, sender: { name: null, address: '+1 555 0100' },
      sentAt: { shown: 'Nov 22 around 6pm', iso: null }, direction: 'incoming', subject: null, text: t4, findings: [], screenshotSha256: null,
      source: 'pasted', note: 'SMS to my phone, Nov 22 around 6 pm, from +1 555 0100',
    },
  ];
  return { records, screenshots: shots };
}
