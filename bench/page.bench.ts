/**
 * Page cost of the extension (`npm run bench:page`; build first with `npx wxt build`).
 *
 * A 500-message Gmail conversation page (the thread-view DOM of src/sites/gmail/fixtures/thread.html,
 * 95 % ordinary mail, 5 % collection messages in English and Chinese written for this bench) is
 * served at the Gmail URL to two Chromium persistent contexts side by side: one with the built
 * extension, one without. For each: time to the load event (PerformanceNavigationTiming), main-
 * thread long tasks (> 50 ms, PerformanceObserver registered by an init script before any page or
 * extension code), time until the extension reports all 500 messages scanned (its tab report, polled
 * every 50 ms: the page itself cannot see what was scanned), total script time and
 * JS heap (CDP Performance.getMetrics: ScriptDuration, JSHeapUsedSize; the content script's
 * isolated world runs on the page's main thread and heap, so both include it). Three runs,
 * medians reported, plus the gzipped size of the Gmail content bundle against the targets.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { fixtures } from '../src/sites/gmail/adapter';
import { launchExtensionBrowser } from '../tests/e2e/browser';
import { reportOf } from '../tests/e2e/page-state';
import { EXTENSION_DIR, findChromium } from '../tests/e2e/paths';

const MESSAGES = 500;
const RUNS = 3;
const URL_ = fixtures.find((f) => f.layout === 'thread')!.url;

// ---------- the page ----------

const ORDINARY = [
  'Hi Jordan, are we still on for lunch on Friday? I can book the table for 12:30.',
  'Attached are the minutes from Tuesday. Please add anything I missed before the end of the week.',
  'Your order has shipped and should arrive on Thursday. Track it from your account page.',
  'Reminder: the building will switch off the water between 10 and 12 tomorrow for maintenance.',
  'Thanks for the photos from the weekend! The one at the lake came out really well.',
  'The quarterly report draft is in the shared folder. Comments by Monday, please.',
  'Your library books are due on the 4th. You can renew them online twice.',
  '周末一起去爬山吗？天气预报说周六是晴天，早上八点在地铁站见。',
  '会议改到下周三下午三点，地点不变，请大家准时参加。',
  'Can you send me the recipe for that soup? My sister wants to try it.',
  'Flight confirmation: your seat is 14C. Check-in opens 24 hours before departure.',
  'The kids’ football practice moves to the north field this week because of the repairs.',
];
const COLLECTION = [
  'FINAL WARNING. You owe ${amt} on account {acct}. Pay in full by 5pm TODAY or a warrant will be issued for your arrest.',
  'This is Apex Recovery. If we do not receive ${amt} by Friday we will contact your employer and tell your family you are a deadbeat.',
  'Account {acct}: balance ${amt}. Pay now or we will post your photo on Facebook so everyone knows you are a thief.',
  '你欠款{amt}元已逾期，今天不还款，我们就把你的欠款信息发给你通讯录里的所有人。',
  '再不还钱，我们明天就上门找你，还会通知你的单位和家人，让大家都知道你是老赖。',
  'Reminder from Apex Recovery: your balance on account {acct} is ${amt}. You have the right to dispute this debt.',
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function message(i: number, sender: string, name: string, body: string): string {
  const id = (1851234567890123456n + BigInt(i)).toString();
  const hh = 8 + (i % 10);
  return `<div role="listitem" class="h7 ie nH oy8Mbf" aria-expanded="true" tabindex="-1"><div class="Bk"><div class="G3 G2"><div>
  <div class="adn ads" data-message-id="#msg-f:${id}" data-legacy-message-id="19b2${i.toString(16).padStart(12, '0')}">
    <div class="gs"><div class="gE iv gt">
      <table cellpadding="0" class="cf gJ"><tbody><tr class="acZ xD">
        <td class="gF gK"><table cellpadding="0" class="cf ix"><tbody><tr><td class="c2"><h3 class="iw gFxsud"><span class="qu" role="gridcell" tabindex="-1"><span translate="no" class="gD" email="${sender}" name="${name}" data-hovercard-id="${sender}"><span>${name}</span></span></span></h3></td></tr></tbody></table></td>
        <td class="gH bAk"><div class="gK"><span id=":m${i}" class="g3" title="Sat, Nov 28, 2026, ${hh}:02 AM" alt="Sat, Nov 28, 2026, ${hh}:02 AM" role="gridcell" tabindex="-1">Nov 28, 2026, ${hh}:02 AM</span></div></td>
      </tr></tbody></table>
    </div>
    <div class="ii gt"><div class="a3s aiL "><div dir="auto">${esc(body)}</div><div><br></div><div>${esc(name)}</div></div></div>
    </div>
  </div>
</div></div></div>`;
}

export function inboxPage(n = MESSAGES): { html: string; collection: number } {
  const parts: string[] = [];
  let collection = 0;
  for (let i = 0; i < n; i++) {
    // every 20th message (5 %) is from a collector
    if (i % 20 === 7) {
      const t = COLLECTION[collection % COLLECTION.length]!;
      const body = t.replace('{amt}', String(300 + ((i * 37) % 4000))).replace('{acct}', String(4000 + i));
      parts.push(message(i, 'notices@apex-recovery.example', 'Apex Recovery Group', body));
      collection++;
    } else {
      parts.push(message(i, `friend${i % 37}@example.org`, `Friend ${i % 37}`, ORDINARY[i % ORDINARY.length]!));
    }
  }
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Inbox (500) - jordan.lee@example.com - Gmail</title></head>
<body class="aAU">
<div id=":1" class="nH" role="application" aria-label="Gmail">
  <header class="gb_Ha gb_Ub" role="banner"><div class="gb_Ad gb_ed"><a class="gb_B gb_Za gb_0" aria-label="Google Account: Jordan Lee  &#10;(jordan.lee@example.com)" href="#" tabindex="0" role="button">JL</a></div></header>
  <div class="nH bkK"><div class="nH" role="main"><div class="nH if">
    <div class="nH V8djrc byY"><div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:1851234567890123456" data-legacy-thread-id="19b2a3c4d5e6f7a8" tabindex="-1">Bench thread</h2></div></div>
    <div role="list" class="Bu bAn">
${parts.join('\n')}
    </div>
  </div></div></div>
</div>
</body></html>`;
  return { html, collection };
}

// ---------- measuring ----------

/** Registered before any page or extension script: long tasks and the moment all messages are scanned. */
const INIT = `(() => {
  const w = window;
  w.__longtasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Sample {
  load: number;
  longTasks: number;
  maxLongTask: number;
  longTaskTotal: number;
  allScanned: number | null;
  scriptMs: number;
  heapMB: number;
}

async function measure(context: BrowserContext, withExtension: boolean, worker?: Worker): Promise<Sample> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // DUNWATCH_PROFILE=file.cpuprofile: a CPU profile of the page with the extension (Chrome DevTools opens it)
    const profile = withExtension && process.env.DUNWATCH_PROFILE;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(URL_, { waitUntil: 'load' });
    let allScanned: number | null = null;
    let scanned = 0;
    if (withExtension && worker) {
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        scanned = (await reportOf(worker, page))?.stats?.messages ?? 0;
        if (scanned >= MESSAGES) {
          allScanned = await page.evaluate(() => performance.now());
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    // let trailing work (highlights, markers, idle callbacks) finish on both sides alike
    await page.waitForTimeout(1500);
    const r = await page.evaluate(() => {
      const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { load: nav.loadEventStart, longtasks: w.__longtasks };
    });
    if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
    await cdp.detach();
    if (withExtension && scanned < MESSAGES) throw new Error(`only ${scanned} of ${MESSAGES} messages scanned`);
    return {
      load: r.load,
      longTasks: r.longtasks.length,
      maxLongTask: Math.max(0, ...r.longtasks.map((t) => t.duration)),
      longTaskTotal: r.longtasks.reduce((s, t) => s + t.duration, 0),
      allScanned,
      scriptMs: metric('ScriptDuration') * 1000,
      heapMB: metric('JSHeapUsedSize') / 2 ** 20,
    };
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function plainContext(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'dunwatch-bench-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  await context.route((u) => !(u.origin === 'https://mail.google.com'), (route) => route.abort());
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const bundle = join(EXTENSION_DIR, 'content-scripts/gmail.js');
  if (!existsSync(bundle)) {
    console.error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
    process.exit(1);
  }
  const { html, collection } = inboxPage();
  console.log(`page: ${MESSAGES} messages (${collection} collection, en + zh), ${(html.length / 1024).toFixed(0)} KB of HTML, served at ${URL_}`);

  const ext = await launchExtensionBrowser();
  const plain = await plainContext();
  await ext.serve(URL_, html);
  await plain.context.route((u) => u.origin === 'https://mail.google.com', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await ext.context.addInitScript(INIT);
  await plain.context.addInitScript(INIT);

  const withExt: Sample[] = [];
  const without: Sample[] = [];
  try {
    // warm-up load in each (disk cache, V8 code cache), not counted
    await measure(plain.context, false);
    await measure(ext.context, true, ext.worker);
    for (let i = 0; i < RUNS; i++) {
      // alternate the order so neither side always runs on a warmer machine
      if (i % 2) {
        withExt.push(await measure(ext.context, true, ext.worker));
        without.push(await measure(plain.context, false));
      } else {
        without.push(await measure(plain.context, false));
        withExt.push(await measure(ext.context, true, ext.worker));
      }
      console.log(`run ${i + 1}: load ${without[i]!.load.toFixed(0)} / ${withExt[i]!.load.toFixed(0)} ms, all scanned ${withExt[i]!.allScanned?.toFixed(0)} ms, max long task ${without[i]!.maxLongTask.toFixed(0)} / ${withExt[i]!.maxLongTask.toFixed(0)} ms`);
    }
  } finally {
    await ext.close();
    await plain.close();
  }

  const rows: [string, (s: Sample) => number | null, number][] = [
    ['load event (ms)', (s) => s.load, 0],
    ['long tasks > 50 ms (count)', (s) => s.longTasks, 0],
    ['longest task (ms)', (s) => s.maxLongTask, 0],
    ['long-task time (ms)', (s) => s.longTaskTotal, 0],
    ['all 500 scanned (ms after nav start)', (s) => s.allScanned, 0],
    ['script time (ms, ScriptDuration)', (s) => s.scriptMs, 0],
    ['JS heap used (MB)', (s) => s.heapMB, 1],
  ];
  const fmt = (v: number | null, d: number) => (v === null || Number.isNaN(v) ? '—' : v.toFixed(d));
  console.log(`\nmedians of ${RUNS} runs (Chromium headless, same machine, same page)\n`);
  console.log('| metric | without extension | with extension | difference |');
  console.log('|---|---:|---:|---:|');
  const med: Record<string, { a: number | null; b: number | null }> = {};
  for (const [name, get, d] of rows) {
    const va = without.map(get).filter((x): x is number => x !== null);
    const vb = withExt.map(get).filter((x): x is number => x !== null);
    const a = va.length ? median(va) : null;
    const b = vb.length ? median(vb) : null;
    med[name] = { a, b };
    console.log(`| ${name} | ${fmt(a, d)} | ${fmt(b, d)} | ${a !== null && b !== null ? (b - a >= 0 ? '+' : '') + (b - a).toFixed(d) : '—'} |`);
  }
  const raw = readFileSync(bundle);
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(`\ncontent bundle content-scripts/gmail.js: ${(raw.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped`);

  const addedLoad = med['load event (ms)']!.b! - med['load event (ms)']!.a!;
  const maxWith = Math.max(...withExt.map((s) => s.maxLongTask));
  const maxWithout = Math.max(...without.map((s) => s.maxLongTask));
  const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  console.log('\ntargets:');
  console.log(`  ≤ 50 ms added to the load event: +${addedLoad.toFixed(0)} ms (median) — ${verdict(addedLoad <= 50)}`);
  console.log(`  no long task > 50 ms caused by the extension: longest with ${maxWith.toFixed(0)} ms, without ${maxWithout.toFixed(0)} ms (all runs) — ${verdict(withExt.every((s, i) => s.longTasks <= without[i]!.longTasks) && maxWith <= Math.max(50, maxWithout))}`);
  console.log(`  content bundle ≤ 150 KB gzipped: ${(gz / 1024).toFixed(0)} KB — ${verdict(gz <= 150 * 1024)}`);
}

await main();
