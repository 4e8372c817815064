/**
 * Fixture-like records for tests, the benchmark and docs/examples: messages shaped like the
 * Gmail and WhatsApp fixtures (invented people, example.com addresses), with findings as
 * the engine reports them. Not real messages.
 */
import { zlibSync } from 'fflate';
import { sha256Hex } from './canonical';
import { RECORD_SCHEMA, type CaptureRecord } from './record';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * A real PNG (a 64×24 card in a colour from `seed`), padded to about `size` bytes with a
 * private ancillary chunk of pseudo-random bytes (viewers skip it; zip cannot shrink it,
 * like a real screenshot).
 */
export function fakePng(seed: number, size = 0): Uint8Array {
  const w = 64;
  const h = 24;
  const rgb = [(seed * 97) % 256, (seed * 57 + 80) % 256, (seed * 31 + 160) % 256];
  const raw = new Uint8Array(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const edge = x < 2 || y < 2 || x >= w - 2 || y >= h - 2;
      for (let k = 0; k < 3; k++) raw[y * (1 + w * 3) + 1 + x * 3 + k] = edge ? 40 : rgb[k]!;
    }
  }
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, w);
  new DataView(ihdr.buffer).setUint32(4, h);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw))];
  const used = parts.reduce((n, p) => n + p.length, 0) + 12;
  if (size > used + 12) {
    const pad = new Uint8Array(size - used - 12);
    let x = (seed * 2654435761) >>> 0 || 1;
    for (let i = 0; i < pad.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      pad[i] = x & 255;
    }
    parts.push(chunk('dwPd', pad));
  }
  parts.push(chunk('IEND', new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
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
