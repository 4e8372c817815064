/**
 * npm run bench:wake — what the first check costs after the service worker was stopped
 * (Chrome stops an idle one after 30 s), against a warm check, side by side in one run.
 *
 * 1. Chromium, the built extension (build first: `npx wxt build`): from an extension page,
 *    `dunwatch:analyze` round trips. Before each cold sample the worker is stopped over the
 *    DevTools protocol (ServiceWorker.stopAllWorkers) and the next message starts it again;
 *    the warm samples follow at once. Besides the round trip, the worker's own clock
 *    (src/extension/wake-stats.ts) says when its script had run ("script") and how long the
 *    analysis took from the request's arrival to its answer, cold (engine built in it) and warm.
 *    An empty worker also pays the browser's start (tens of ms) on a cold round trip: the
 *    in-worker columns are what the extension's own code costs.
 * 2. Node, the engine alone, a fresh process per cold sample: engine built + first analysis
 *    (module loading not counted: tsx transforms it) against warm analyses, in CPU time
 *    (steadier than wall time on a busy machine).
 *
 *   npm run bench:wake -- --samples 6     cold samples per text (default 6)
 *   npm run bench:wake -- --node-only     skip the browser
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreparedTable } from '../src/engine/match/prepared-patterns';
import type { RulesBundle } from '../src/engine/types';

const SELF = fileURLToPath(import.meta.url);
const TEXTS: Record<string, string> = {
  en: 'This is a debt collector. Pay the overdue balance today or we will have you arrested, you deadbeat.',
  zh: '你欠款已逾期，今天不还钱，我们就把你欠钱的事告诉你单位领导和你的通讯录联系人，你这个老赖。',
  mixed: 'Final notice 最后通知: 你欠款已逾期，不还就告诉你单位领导。 Pay now or we will contact your employer and your family about this debt.',
};
const OPTIONS = { jurisdiction: 'us', uiLang: 'en', context: { collection: true } } as const;
const WARM = 8;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1).padStart(7) : '      -');
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`.padStart(7);

// ---------------------------------------------------------------- child modes (Node part)
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

if (process.env.DUNWATCH_WAKE_COMPILE) {
  // the rule compiler loads the full compromise build: keep it out of the measured processes
  const { loadBundleFromDisk } = await import('../src/rule-compiler/load');
  const { preparedTable } = await import('../src/rule-compiler/prepared-patterns-plugin');
  const bundle = await loadBundleFromDisk();
  writeFileSync(process.env.DUNWATCH_WAKE_COMPILE, JSON.stringify({ bundle, prepared: await preparedTable(bundle) }));
  process.exit(0);
}

if (process.env.DUNWATCH_WAKE_SAMPLE) {
  const { bundle, prepared } = JSON.parse(readFileSync(process.env.DUNWATCH_WAKE_SAMPLE, 'utf8')) as { bundle: RulesBundle; prepared: PreparedTable };
  const { createEngine } = await import('../src/engine/engine');
  const { usePreparedPatterns } = await import('../src/engine/match/english');
  const { preparedLookup } = await import('../src/engine/match/prepared-patterns');
  const text = TEXTS[process.env.DUNWATCH_WAKE_TEXT ?? 'en']!;
  // as the background does (src/extension/engine-host.ts)
  const t0 = cpu();
  usePreparedPatterns(preparedLookup(prepared));
  const engine = createEngine(bundle);
  const built = cpu();
  engine.analyze(text, OPTIONS);
  const cold = cpu() - t0;
  const warm: number[] = [];
  for (let i = 0; i < WARM * 4; i++) {
    const a = cpu();
    engine.analyze(text, OPTIONS);
    warm.push(cpu() - a);
  }
  process.stdout.write(JSON.stringify({ build: built - t0, cold, warm: median(warm) }));
  process.exit(0);
}

// ---------------------------------------------------------------- 1. Chromium
async function browserPart(samples: number): Promise<void> {
  const { EXTENSION_DIR, findChromium } = await import('../tests/e2e/paths');
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')) || !findChromium()) {
    console.log('Chromium part skipped: needs the built extension (npx wxt build) and Chromium (CHROME_PATH or /usr/bin/chromium).\n');
    return;
  }
  const { launchExtensionBrowser } = await import('../tests/e2e/browser');
  const b = await launchExtensionBrowser();
  try {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await page.waitForSelector('body[data-ready]');
    const cdp = await b.context.newCDPSession(page);
    let running = '';
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string; scriptURL: string }[] }) => {
      const v = e.versions.find((x) => x.scriptURL.endsWith('/background.js'));
      if (v) running = v.runningStatus;
    });
    await cdp.send('ServiceWorker.enable');
    const roundTrip = (text: string) =>
      page.evaluate(async ({ text, options }) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
        const t0 = performance.now();
        const r = (await runtime.sendMessage({ type: 'dunwatch:analyze', text, options })) as { findings?: unknown[] } | undefined;
        if (!Array.isArray(r?.findings)) throw new Error('no analysis came back');
        return performance.now() - t0;
      }, { text, options: OPTIONS });
    type Wake = { ready: number; analyses: number; first?: { start: number; end: number }; last?: { start: number; end: number } };
    const stats = async () => {
      const w = b.context.serviceWorkers().find((x) => x.url().endsWith('/background.js'));
      return (await w?.evaluate(() => (globalThis as { __dunwatchWake?: unknown }).__dunwatchWake)) as Wake | undefined;
    };
    async function stopWorker(): Promise<void> {
      await cdp.send('ServiceWorker.stopAllWorkers');
      for (const end = Date.now() + 5_000; running !== 'stopped' && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
      if (running !== 'stopped') throw new Error(`the worker did not stop (status ${running || 'unknown'})`);
      await new Promise((r) => setTimeout(r, 200));
    }

    console.log('Chromium, built extension: dunwatch:analyze from an extension page (ms, medians)');
    console.log(`  ${samples} cold samples per text (worker stopped before each), ${WARM} warm after each\n`);
    console.log('  text   | round trip: cold    warm   ratio | in the worker: script  analysis cold   warm   ratio');
    const all = { coldRt: [] as number[], warmRt: [] as number[], coldIn: [] as number[], warmIn: [] as number[] };
    for (const [name, text] of Object.entries(TEXTS)) {
      const r = { coldRt: [] as number[], warmRt: [] as number[], coldIn: [] as number[], warmIn: [] as number[], script: [] as number[] };
      for (let i = 0; i < samples; i++) {
        await stopWorker();
        r.coldRt.push(await roundTrip(text));
        const s = await stats();
        if (!s?.first || s.analyses !== 1) throw new Error(`the cold sample did not run in a fresh worker (${JSON.stringify(s)})`);
        r.script.push(s.ready);
        r.coldIn.push(s.first.end - s.first.start);
        for (let j = 0; j < WARM; j++) {
          r.warmRt.push(await roundTrip(text));
          const w = await stats();
          if (w?.last) r.warmIn.push(w.last.end - w.last.start);
        }
      }
      for (const k of ['coldRt', 'warmRt', 'coldIn', 'warmIn'] as const) all[k].push(...r[k]);
      const [cr, wr, ci, wi] = [median(r.coldRt), median(r.warmRt), median(r.coldIn), median(r.warmIn)];
      console.log(`  ${name.padEnd(6)} |          ${ms(cr)} ${ms(wr)} ${ratio(cr, wr)} |             ${ms(median(r.script))}        ${ms(ci)} ${ms(wi)} ${ratio(ci, wi)}`);
    }
    const [cr, wr, ci, wi] = [median(all.coldRt), median(all.warmRt), median(all.coldIn), median(all.warmIn)];
    console.log(`  all    |          ${ms(cr)} ${ms(wr)} ${ratio(cr, wr)} |                           ${ms(ci)} ${ms(wi)} ${ratio(ci, wi)}\n`);
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------- 2. Node
function nodePart(samples: number): void {
  const file = join(mkdtempSync(join(tmpdir(), 'dunwatch-wake-')), 'compiled.json');
  const run = (env: Record<string, string>) => spawnSync(process.execPath, ['--import', 'tsx', SELF], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const c = run({ DUNWATCH_WAKE_COMPILE: file });
  if (c.status !== 0) throw new Error(`compiling the rules failed:\n${c.stderr}`);
  console.log(`Node, the engine alone: a fresh process per cold sample (CPU ms, medians of ${samples})`);
  console.log('  text   | engine built  built + first analysis   warm analysis   ratio');
  for (const name of Object.keys(TEXTS)) {
    const rows: { build: number; cold: number; warm: number }[] = [];
    for (let i = 0; i < samples; i++) {
      const r = run({ DUNWATCH_WAKE_SAMPLE: file, DUNWATCH_WAKE_TEXT: name });
      if (r.status !== 0) throw new Error(`a sample failed:\n${r.stderr}`);
      rows.push(JSON.parse(r.stdout));
    }
    const [b, cold, warm] = [median(rows.map((r) => r.build)), median(rows.map((r) => r.cold)), median(rows.map((r) => r.warm))];
    console.log(`  ${name.padEnd(6)} |      ${ms(b)}                ${ms(cold)}         ${ms(warm)} ${ratio(cold, warm)}`);
  }
}

const samples = value('--samples', 6);
if (!flag('--node-only')) await browserPart(samples);
nodePart(samples);
