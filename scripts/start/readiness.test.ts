import { describe, expect, it } from 'vitest';
import { browserErrorLines, checkReadiness, manualSteps, type BrowserProcess, type DemoDriver, type DemoState } from './readiness';

const ID = 'coloognejlcaeaabmkjcnckkgnemmoed';
const DEMO = `chrome-extension://${ID}/demo.html`;
const GOOD: DemoState = { url: DEMO, title: 'Dunwatch demo inbox', messages: 7, flagged: 3 };
const ROOT_ERROR = '[1:1:ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:103] Running as root without --no-sandbox is not supported.';
const DBUS = '[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus: Failed to connect to socket /run/dbus/system_bus_socket';

/** A browser process that exits when told to (or never). */
function processFake(log = '') {
  let exit!: (e: { code: number | null; signal: string | null }) => void;
  const p: BrowserProcess & { die(code?: number): void } = {
    exited: new Promise((r) => (exit = r)),
    log: () => log,
    die: (code = 1) => exit({ code, signal: null }),
  };
  return p;
}

function driverFake(over: Partial<DemoDriver> = {}): DemoDriver & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    connect: async () => undefined,
    waitForExtension: async () => ID,
    openDemo: async (url) => (opened.push(url), { ...GOOD, url }),
    demoState: async () => GOOD,
    ...over,
  };
}

const fast = { demoPath: 'demo.html', settleMs: 0, sleep: async () => undefined };

describe('checkReadiness', () => {
  it('ok: the extension runs, the demo is opened only then, messages are flagged, and it still runs after the settle', async () => {
    const order: string[] = [];
    const d = driverFake({
      waitForExtension: async () => (order.push('extension'), ID),
      openDemo: async (url) => (order.push(`open ${url}`), GOOD),
    });
    const r = await checkReadiness(processFake(), d, { ...fast, sleep: async () => void order.push('settle') });
    expect(r).toEqual({ ok: true, extensionId: ID, demoUrl: DEMO, state: GOOD });
    expect(order).toEqual(['extension', `open ${DEMO}`, 'settle']);
  });

  it('the browser exits at once (root without --no-sandbox): stage launch, with its own error line and not the dbus noise', async () => {
    const proc = processFake(`/usr/bin/chromium: 9: [: 1: unexpected operator\n${DBUS}\n${ROOT_ERROR}\n`);
    const d = driverFake({ connect: () => new Promise(() => undefined) }); // the port never appears
    const pending = checkReadiness(proc, d, fast);
    proc.die(1);
    const r = await pending;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.stage).toBe('launch');
    expect(r.reason).toContain('exited (code 1)');
    expect(r.browserError).toEqual([ROOT_ERROR]);
    expect(manualSteps('/x/chrome-mv3', r, ID).join('\n')).toContain(`open chrome-extension://${ID}/demo.html`);
  });

  it('no DevTools endpoint in time: stage launch with the reason', async () => {
    const r = await checkReadiness(processFake(), driverFake({ connect: async () => Promise.reject(new Error('no DevTools endpoint within 20 s')) }), fast);
    expect(r).toMatchObject({ ok: false, stage: 'launch', reason: 'no DevTools endpoint within 20 s' });
  });

  it('the extension never registers (Chrome 137+ ignoring --load-extension): stage extension, the demo is never opened', async () => {
    const d = driverFake({ waitForExtension: async () => undefined });
    const r = await checkReadiness(processFake(), d, fast);
    expect(r).toMatchObject({ ok: false, stage: 'extension' });
    expect(d.opened).toEqual([]);
    if (!r.ok) expect(manualSteps('/x', r).join('\n')).toContain('Google Chrome 137+');
  });

  it('the first tab shows an error page, or no flagged message: stage demo', async () => {
    const blocked = await checkReadiness(processFake(), driverFake({ openDemo: async () => ({ url: 'chrome-error://chromewebdata/', title: 'blocked', messages: 0, flagged: 0 }) }), fast);
    expect(blocked).toMatchObject({ ok: false, stage: 'demo', demoUrl: DEMO });
    if (!blocked.ok) expect(blocked.reason).toContain('chrome-error://chromewebdata/');
    const empty = await checkReadiness(processFake(), driverFake({ openDemo: async () => ({ ...GOOD, flagged: 0 }) }), fast);
    expect(empty).toMatchObject({ ok: false, stage: 'demo' });
    if (!empty.ok) expect(empty.reason).toContain('flagged none');
  });

  it('the browser dies during the settle, or the tab goes away: stage settle', async () => {
    const proc = processFake(ROOT_ERROR);
    const dying = checkReadiness(proc, driverFake(), { ...fast, sleep: () => (proc.die(139), new Promise(() => undefined)) });
    expect(await dying).toMatchObject({ ok: false, stage: 'settle', reason: 'the browser exited (code 139)', browserError: [ROOT_ERROR] });
    const closed = await checkReadiness(processFake(), driverFake({ demoState: async () => undefined }), fast);
    expect(closed).toMatchObject({ ok: false, stage: 'settle', reason: 'the demo tab was closed' });
  });
});

describe('browserErrorLines', () => {
  it('keeps the last error lines; with none, the last lines', () => {
    const many = Array.from({ length: 12 }, (_, i) => `[x:ERROR:a.cc] problem ${i}`).join('\n');
    expect(browserErrorLines(many)).toHaveLength(8);
    expect(browserErrorLines(many).at(-1)).toContain('problem 11');
    expect(browserErrorLines('Opening in existing browser session.\n')).toEqual(['Opening in existing browser session.']);
  });
});
