/**
 * Did `npm start` work? Step by step, each step raced against the browser's exit: the browser
 * opened its DevTools endpoint, the extension's service worker is registered, the demo page
 * (opened only then) scanned its messages, and a few seconds later the browser still runs and
 * still shows the demo. Any failure names its stage and carries the browser's own error lines,
 * so the caller never reports success for a browser that died.
 *
 * The browser is reached through `DemoDriver` (CDP in demo-driver.ts, a fake in the test).
 */

export interface BrowserProcess {
  /** resolves when the browser process ends */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** what the browser printed on stderr so far */
  log(): string;
}

export interface DemoState {
  url: string;
  title: string;
  /** message bodies on the page, and how many of them the extension flagged */
  messages: number;
  flagged: number;
}

export interface DemoDriver {
  /** connect to the browser's DevTools endpoint; rejects when it does not appear in time */
  connect(timeoutMs: number): Promise<void>;
  /** the id of the extension once its service worker runs, undefined after timeoutMs */
  waitForExtension(timeoutMs: number): Promise<string | undefined>;
  /** open url in the first tab and wait until a message is flagged (or timeoutMs) */
  openDemo(url: string, timeoutMs: number): Promise<DemoState>;
  /** the first tab's state now, undefined if it is gone */
  demoState(): Promise<DemoState | undefined>;
}

export type Stage = 'launch' | 'extension' | 'demo' | 'settle';

export type Readiness =
  | { ok: true; extensionId: string; demoUrl: string; state: DemoState }
  | { ok: false; stage: Stage; reason: string; browserError: string[]; extensionId?: string; demoUrl?: string };

export interface ReadinessOptions {
  demoPath: string;
  connectMs?: number;
  extensionMs?: number;
  demoMs?: number;
  /** how long to wait before checking once more that the browser still runs */
  settleMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

// lines every Chromium prints on Linux containers that say nothing about why it failed
const NOISE = [/dbus\//, /Failed to connect to the bus/, /zygote_linux\.cc.*Broken pipe/, /: \d+: \[: .*unexpected operator/, /^\s*$/];
const ERRORISH = /\b(ERROR|FATAL|Error|error|Missing|cannot|refused|not supported)\b/;

/** The browser's own error lines (at most `max`, the last ones), else its last lines. */
export function browserErrorLines(log: string, max = 8): string[] {
  const lines = log.split(/\r?\n/).filter((l) => !NOISE.some((n) => n.test(l)));
  const errors = lines.filter((l) => ERRORISH.test(l));
  return (errors.length ? errors : lines).slice(-max);
}

class Exited extends Error {
  constructor(readonly code: number | null, readonly signal: string | null) {
    super(`the browser exited (${signal ? `signal ${signal}` : `code ${code}`})`);
  }
}

export async function checkReadiness(browser: BrowserProcess, driver: DemoDriver, o: ReadinessOptions): Promise<Readiness> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const exit = browser.exited.then((e) => Promise.reject(new Exited(e.code, e.signal)));
  exit.catch(() => undefined); // observed by the races below
  const race = <T>(p: Promise<T>) => Promise.race([p, exit]);
  let stage: Stage = 'launch';
  let extensionId: string | undefined;
  let demoUrl: string | undefined;
  const fail = (reason: string): Readiness => ({
    ok: false,
    stage,
    reason,
    browserError: browserErrorLines(browser.log()),
    ...(extensionId ? { extensionId } : {}),
    ...(demoUrl ? { demoUrl } : {}),
  });
  try {
    await race(driver.connect(o.connectMs ?? 20_000));
    stage = 'extension';
    extensionId = await race(driver.waitForExtension(o.extensionMs ?? 15_000));
    if (!extensionId) return fail('the extension did not start (no service worker): the browser ignored --load-extension, or the build is broken');
    stage = 'demo';
    demoUrl = `chrome-extension://${extensionId}/${o.demoPath}`;
    const state = await race(driver.openDemo(demoUrl, o.demoMs ?? 15_000));
    if (state.url !== demoUrl) return fail(`the first tab shows ${state.url} ("${state.title}"), not the demo`);
    if (!state.messages) return fail(`the demo page opened but shows no messages ("${state.title}")`);
    if (!state.flagged) return fail(`the demo page shows ${state.messages} messages but the extension flagged none`);
    stage = 'settle';
    await race(sleep(o.settleMs ?? 3_000));
    const again = await race(driver.demoState());
    if (!again) return fail('the demo tab was closed');
    if (again.url !== demoUrl) return fail(`the first tab left the demo: it shows ${again.url} ("${again.title}")`);
    return { ok: true, extensionId, demoUrl, state: again };
  } catch (e) {
    if (e instanceof Exited) return fail(e.message);
    return fail(e instanceof Error ? e.message : String(e));
  }
}

/** What to do by hand, for the message printed after a failure. */
export function manualSteps(extensionDir: string, r: Extract<Readiness, { ok: false }>, expectedId?: string): string[] {
  const steps = [
    'Load the extension by hand:',
    `  1. open chrome://extensions, switch on Developer mode, click "Load unpacked" and choose ${extensionDir}`,
    `  2. open ${r.demoUrl ?? `chrome-extension://${expectedId ?? '<the id shown on its card>'}/demo.html`}`,
  ];
  if (r.stage === 'launch') {
    steps.unshift(
      'The browser did not start. Common causes: no display (on a server run `xvfb-run -a npm start`, or `npm start -- --headless` to only check),',
      'or a browser that cannot run here (set CHROME_PATH to another Chrome or Chromium).',
    );
  }
  if (r.stage === 'extension') steps.unshift('Branded Google Chrome 137+ ignores --load-extension: set CHROME_PATH to Chromium or Chrome for Testing, or:');
  return steps;
}
