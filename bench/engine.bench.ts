/**
 * npm run bench — the engine against (a) a naive matcher (full compromise with its tagger on
 * every message, every rule pattern tried) and (b) a bare keyword scan (one RegExp of every
 * rule keyword), on a seeded inbox: ~95 % ordinary mail, ~5 % collection messages, en + zh,
 * 0.2–4 KB each. Also: p99 on 2 KB collection messages and the heap of the loaded engine.
 *
 * Isolation: in ESM, 'compromise/one' shares its world with 'compromise', so importing the
 * full build (the rule compiler does) would turn the engine's tokenizer into the tagger.
 * The rules are therefore compiled in a child process, and the naive matcher uses the
 * separate CommonJS build of compromise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { RulesBundle } from '../src/engine/types';

const SELF = fileURLToPath(import.meta.url);

if (process.env.DUNWATCH_BENCH_COMPILE) {
  const { loadBundleFromDisk } = await import('../src/rule-compiler/load');
  // a file, not stdout: process.exit() would cut a large write to a pipe short
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.DUNWATCH_BENCH_COMPILE, JSON.stringify(await loadBundleFromDisk()));
  process.exit(0);
}

// ------------------------------------------------------------------ seeded inbox
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20241128);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const ORDINARY_EN = [
  'Hi team, the quarterly review moved to Thursday at 3pm. Please bring the updated slides.',
  'Your order #{n} has shipped and should arrive by Friday. Track it in your account.',
  'Receipt: 1 x coffee beans ${n}.99, 1 x filter papers $4.50. Total charged to your card ending {n}.',
  'This week in tech: chip makers report record demand, and a new open-source database hits 1.0.',
  'Thanks for subscribing! Here are five recipes for quick weeknight dinners.',
  'Can you review my pull request when you get a chance? It fixes the login redirect.',
  'lol that meeting could have been an email. lunch at 12:30?',
  'The city council voted on Tuesday to expand the bike lane network, officials said.',
  'Reminder: your dentist appointment is on Monday at 9:00. Reply C to confirm.',
  'Attached is the signed contract. Let me know if anything needs to change before we file it.',
  'Flash sale: 30% off all jackets this weekend only. Free shipping over $50.',
  'Police said a suspect was arrested after a break-in downtown; the investigation continues.',
  'Your monthly statement is ready. Your payment of ${n}.00 was received, thank you.',
  'Happy birthday! Hope you have a wonderful day with the family.',
];
const ORDINARY_ZH = [
  '各位同事，周四下午三点的季度会议改到二号会议室，请准时参加。',
  '您的订单{n}已发货，预计周五送达，可在账户中查看物流信息。',
  '感谢订阅！本周为您推荐五道快手家常菜。',
  '周末一起吃饭吗？我知道一家新开的火锅店。',
  '据新华社报道，今年一季度全国网上零售额同比增长。',
  '您的信用卡本期账单已出，约定还款日为{n}日，如已还款请忽略。',
  '会议纪要已上传到共享文件夹，请大家查阅并补充。',
  '明天降温，记得多穿点衣服。',
  '您本月的话费账单为{n}元，已自动扣款成功。',
  '恭喜您获得会员积分{n}分，可兑换精美礼品。',
];
const LAWFUL_EN = [
  'This is an attempt to collect a debt by a debt collector. Your balance of ${n}.00 is past due.',
  'Please call us at 555-0100 to discuss payment options or set up a payment plan.',
  'You have the right to dispute this debt within 30 days of this notice.',
  'If you have already paid, please disregard this message.',
  'We may report this account to the credit bureaus if it remains unpaid.',
];
const ABUSIVE_EN = [
  'You owe ${n} and you are a deadbeat. If you do not pay today you will be arrested.',
  'We will contact your employer and tell your family about this debt.',
  'Pay now or we will send the police to your house.',
  "We'll keep calling every hour until you pay, you loser.",
];
const LAWFUL_ZH = ['您的借款已逾期{n}天，应还金额{n}元，请尽快还款。', '如有疑问请致电客服热线，我们可为您办理分期还款。', '逾期记录可能会上报征信系统，请您按时还款。'];
const ABUSIVE_ZH = ['你欠的钱再不还，我们就爆你通讯录，通知你所有的亲友。', '今天不还款，明天就上门找你，还要去你单位。', '老赖，你等着坐牢吧，律师函马上就到。'];

function compose(sentences: readonly string[], target: number, sep: string): string {
  let out = '';
  while (out.length < target) out += (out ? sep : '') + pick(sentences).replace(/\{n\}/g, () => String(int(2, 9999)));
  return out;
}

interface Msg {
  text: string;
  collection: boolean;
}
function message(collection: boolean, size = int(200, 4000)): Msg {
  const zh = rand() < 0.35;
  if (!collection) return { text: compose(zh ? ORDINARY_ZH : ORDINARY_EN, zh ? size / 3 : size, zh ? '' : ' '), collection };
  const abusive = rand() < 0.5;
  const pool = zh ? (abusive ? [...ABUSIVE_ZH, ...LAWFUL_ZH] : LAWFUL_ZH) : abusive ? [...ABUSIVE_EN, ...LAWFUL_EN] : LAWFUL_EN;
  return { text: compose(pool, zh ? size / 3 : size, zh ? '' : ' '), collection };
}
const N = Number(process.env.BENCH_N ?? 2000);
// the naive matcher is ~100x slower: it runs on an evenly spread subset of the same inbox
const NAIVE_EVERY = Number(process.env.BENCH_NAIVE_EVERY ?? 5);
const inbox: Msg[] = Array.from({ length: N }, () => message(rand() < 0.05));
const collection2k: Msg[] = Array.from({ length: 200 }, () => {
  const m = message(true, 2048);
  return { ...m, text: m.text.slice(0, 2048) };
});

// ------------------------------------------------------------------ rules (child process)
const bundleFile = join(mkdtempSync(join(tmpdir(), 'dunwatch-bench-')), 'bundle.json');
const child = spawnSync(process.execPath, ['--import', 'tsx', SELF], { env: { ...process.env, DUNWATCH_BENCH_COMPILE: bundleFile }, encoding: 'utf8' });
if (child.status !== 0) throw new Error(`rule compilation failed:\n${child.stderr}`);
const bundleJson = readFileSync(bundleFile, 'utf8');

// ------------------------------------------------------------------ measuring
const gc = (globalThis as { gc?: () => void }).gc;
function heap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}
function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const total = times.reduce((a, b) => a + b, 0);
  return { perSec: (times.length / total) * 1000, p50: q(0.5), p99: q(0.99), mean: total / times.length };
}
function run(name: string, msgs: Msg[], fn: (text: string) => unknown) {
  for (const m of msgs.slice(0, 20)) fn(m.text); // warm-up
  const times: number[] = [];
  for (const m of msgs) {
    const t0 = performance.now();
    fn(m.text);
    times.push(performance.now() - t0);
  }
  return { name, ...stats(times) };
}

const before = heap();
const { createEngine } = await import('../src/engine/engine');
const nlpOne = (await import('compromise/one')).default;
const bundle = JSON.parse(bundleJson) as RulesBundle;
const engine = createEngine(bundle);
for (const m of inbox.slice(0, 50)) engine.analyze(m.text);
const engineHeap = heap() - before;

// (b) bare scan
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const keywords = [...new Set(bundle.rules.flatMap((r) => r.keywords))].sort((a, b) => b.length - a.length);
const bareRe = new RegExp(keywords.map(esc).join('|'), 'gi');
const bare = (text: string) => {
  let n = 0;
  bareRe.lastIndex = 0;
  while (bareRe.exec(text)) n++;
  return n;
};

// (a) naive: the full tagger on every message, every pattern of every rule
const nlpFull = createRequire(import.meta.url)('compromise') as (t: string) => { match(p: string): { found: boolean } };
const zhRegexes = bundle.rules.filter((r) => r.lang === 'zh').flatMap((r) => r.patterns.map((p) => new RegExp(p, 'gu')));
const enPatterns = bundle.rules.filter((r) => r.lang === 'en').flatMap((r) => r.patterns);
const naive = (text: string) => {
  const doc = nlpFull(text);
  let n = 0;
  for (const p of enPatterns) if (doc.match(p).found) n++;
  for (const re of zhRegexes) {
    re.lastIndex = 0;
    if (re.test(text)) n++;
  }
  return n;
};

// the engine's tokenizer must still be the tokenizer (no tagger leaked in)
const leaked = (nlpOne('she walked home') as unknown as { has(p: string): boolean }).has('#PastTense');

const naiveSet = inbox.filter((_m, i) => i % NAIVE_EVERY === 0);
const results = [run('engine', inbox, (t) => engine.analyze(t)), run('bare scan', inbox, bare), run(`naive (1/${NAIVE_EVERY} of inbox)`, naiveSet, naive)];
const engineOnNaiveSet = run('engine, same subset', naiveSet, (t) => engine.analyze(t));
const coll = run('engine, 2 KB collection', collection2k, (t) => engine.analyze(t));
let flagged = 0;
let flaggedOrdinary = 0;
for (const m of inbox) {
  const f = engine.analyze(m.text).findings.length > 0;
  if (f) flagged++;
  if (f && !m.collection) flaggedOrdinary++;
}

// BENCH_BASELINE=path/to/other/src/engine/engine.ts: that engine and this one on the same
// messages, alternating message by message, so load on the machine hits both alike.
const baselinePath = process.env.BENCH_BASELINE;
const paired: { name: string; base: ReturnType<typeof stats>; ours: ReturnType<typeof stats> }[] = [];
if (baselinePath) {
  const other = ((await import(baselinePath)) as { createEngine: typeof createEngine }).createEngine(bundle);
  const pair = (name: string, msgs: Msg[]) => {
    for (const m of msgs.slice(0, 20)) {
      other.analyze(m.text);
      engine.analyze(m.text);
    }
    const a: number[] = [];
    const b: number[] = [];
    for (const m of msgs) {
      let t0 = performance.now();
      other.analyze(m.text);
      a.push(performance.now() - t0);
      t0 = performance.now();
      engine.analyze(m.text);
      b.push(performance.now() - t0);
    }
    return { name, base: stats(a), ours: stats(b) };
  };
  paired.push(pair('inbox', inbox), pair('naive subset', naiveSet), pair('2 KB collection', collection2k));
}

const kb = inbox.reduce((a, m) => a + m.text.length, 0) / inbox.length / 1024;
console.log(`Dunwatch engine bench — ${bundle.rules.length} rules, ${keywords.length} keywords; ${inbox.length} messages (${inbox.filter((m) => m.collection).length} collection), mean ${kb.toFixed(2)} K chars; node ${process.version}${gc ? ', --expose-gc' : ''}`);
console.log(`tagger leaked into compromise/one: ${leaked ? 'YES (numbers invalid)' : 'no'}`);
console.log('');
console.log('matcher                    msgs/s     p50 ms   p99 ms   mean ms');
for (const r of [...results, engineOnNaiveSet, coll]) console.log(`${r.name.padEnd(26)} ${r.perSec.toFixed(0).padStart(8)} ${r.p50.toFixed(3).padStart(9)} ${r.p99.toFixed(3).padStart(8)} ${r.mean.toFixed(3).padStart(9)}`);
const [eng, b, nv] = results as [ReturnType<typeof run>, ReturnType<typeof run>, ReturnType<typeof run>];
console.log('');
console.log(`engine vs naive (same subset): ${(nv.mean / engineOnNaiveSet.mean).toFixed(1)}x faster (target >= 20x); whole inbox engine mean ${eng.mean.toFixed(3)} ms`);
console.log(`engine vs bare scan: ${(eng.mean / b.mean).toFixed(1)}x slower`);
console.log(`p99, 2 KB collection message: ${coll.p99.toFixed(2)} ms (target <= 5 ms)`);
console.log(`engine heap (bundle + engine + warm-up): ${(engineHeap / 1024 / 1024).toFixed(1)} MB${gc ? '' : ' (no --expose-gc: approximate)'}`);
console.log(`messages with findings: ${flagged} (${flaggedOrdinary} of them ordinary mail)`);
if (paired.length) {
  console.log('');
  console.log(`side by side, alternating per message: baseline ${baselinePath} vs this engine`);
  console.log('set                    base p50  base p99   ours p50  ours p99   mean ratio');
  for (const p of paired)
    console.log(`${p.name.padEnd(20)} ${p.base.p50.toFixed(3).padStart(9)} ${p.base.p99.toFixed(3).padStart(9)} ${p.ours.p50.toFixed(3).padStart(10)} ${p.ours.p99.toFixed(3).padStart(9)} ${(p.base.mean / p.ours.mean).toFixed(1).padStart(10)}x`);
  const sub = paired.find((p) => p.name === 'naive subset')!;
  console.log(`naive vs baseline (same subset): ${(nv.mean / sub.base.mean).toFixed(1)}x; naive vs this engine: ${(nv.mean / sub.ours.mean).toFixed(1)}x`);
}
