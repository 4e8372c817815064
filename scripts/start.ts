/**
 * `npm start`: build the extension for Chrome, find Chrome or Chromium, open it (in a fresh
 * temporary profile, so your own profile is untouched) with the extension loaded, wait until
 * the extension runs, then open the bundled demo inbox (demo.html) in the first tab and check
 * that it loaded, so you see Dunwatch work without logging into a mailbox. It never reports
 * success for a browser that died: any failure prints the browser's own error and the manual
 * steps, and exits 1.
 *
 *   npm start                  build, then launch; the browser stays open when this exits
 *   npm start -- --no-build    launch the existing .output/chrome-mv3
 *   npm start -- --headless    the same start and check without a window, then close (CI, servers)
 *   npm start -- --dry-run     print the browser command instead of running it
 *
 * Chrome is looked for in CHROME_PATH, then the usual places on Linux, macOS and Windows.
 * Branded Google Chrome 137+ ignores --load-extension; Chromium (or Chrome for Testing) does not.
 * As root on Linux the browser gets --no-sandbox (Chromium refuses to start as root otherwise).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CdpDemoDriver } from './start/demo-driver';
import { chromeCandidates, commandLine, launchPlan, unpackedExtensionId } from './start/launch-plan';
import { checkReadiness, manualSteps, type BrowserProcess } from './start/readiness';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
/** how long after the demo loaded the browser must still run and show it */
const SETTLE_MS = 3_000;

function startBrowser(executable: string, args: string[], logFile: string): BrowserProcess & { kill(): void; unref(): void } {
  const log = openSync(logFile, 'a');
  // detached, output to a file: the browser outlives this script and never writes to a closed pipe
  const child = spawn(executable, args, { stdio: ['ignore', log, log], detached: process.platform !== 'win32' });
  let spawnError = '';
  const exited = new Promise<{ code: number | null; signal: string | null }>((res) => {
    child.on('exit', (code, signal) => res({ code, signal }));
    child.on('error', (e) => {
      spawnError = `Could not start ${executable}: ${e.message}`;
      res({ code: null, signal: null });
    });
  });
  return {
    exited,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '') + (spawnError ? `\nERROR ${spawnError}` : ''),
    kill: () => {
      try {
        if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid);
      } catch {
        // already gone
      }
    },
    unref: () => child.unref(),
  };
}

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv);
  if (!flags.has('--no-build') && !flags.has('--dry-run')) {
    console.log('Building the extension (npx wxt build)…');
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) return r.status ?? 1;
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION_DIR}: run npm start without --no-build.`);
    return 1;
  }
  const dir = realpathSync(EXTENSION_DIR);
  const chrome = chromeCandidates().find((c) => existsSync(c));
  if (!chrome) {
    console.error('No Chrome or Chromium found. Set CHROME_PATH to the browser executable, or load the extension by hand:');
    console.error(`  chrome://extensions → Developer mode → Load unpacked → ${dir}, then open chrome-extension://${unpackedExtensionId(dir)}/demo.html`);
    return 1;
  }
  const headless = flags.has('--headless');
  const work = flags.has('--dry-run') ? join(tmpdir(), 'dunwatch-demo-XXXXXX') : mkdtempSync(join(tmpdir(), 'dunwatch-demo-'));
  const profile = join(work, 'profile');
  const plan = launchPlan({ extensionDir: dir, profileDir: profile, platform: process.platform, uid: process.getuid?.(), headless });
  for (const w of plan.warnings) console.warn(`warning: ${w}`);
  if (flags.has('--dry-run')) {
    console.log(commandLine(chrome, plan.args));
    return 0;
  }
  mkdirSync(profile);
  const logFile = join(work, 'browser.log');
  console.log(`Starting ${chrome}${headless ? ' (headless)' : ''} with the extension from ${dir}\n  temporary profile ${profile}, browser log ${logFile}`);
  const browser = startBrowser(chrome, plan.args, logFile);
  const driver = new CdpDemoDriver(profile);
  const r = await checkReadiness(browser, driver, { demoPath: 'demo.html', settleMs: SETTLE_MS });
  const others = driver.otherTabs();
  await driver.disconnect();
  if (headless) browser.kill();
  else browser.unref();
  if (r.ok) {
    console.log(`The demo inbox is open in the first tab: ${r.demoUrl}`);
    console.log(`  ${r.state.flagged} of ${r.state.messages} messages flagged; the browser was still running ${SETTLE_MS / 1000} s later.`);
    if (others.length) console.log(`  other tabs: ${others.join(', ')}`);
    console.log(headless ? '  (headless check: the browser is closed again)' : '  Click a marker or an underlined phrase for the card. Close the browser when you are done.');
    return 0;
  }
  console.error(`\nnpm start failed (${r.stage}): ${r.reason}`);
  if (r.browserError.length) console.error(`The browser said:\n${r.browserError.map((l) => `  | ${l}`).join('\n')}`);
  console.error(`(full browser log: ${logFile})\n`);
  for (const line of manualSteps(dir, r, unpackedExtensionId(dir))) console.error(line);
  return 1;
}

// run only as a script, not when a test imports the helpers above
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error('npm start failed:', e);
      process.exit(1);
    },
  );
}
