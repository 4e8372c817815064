/**
 * `npm start` end to end, headless: the real script against Debian's Chromium finds the
 * extension's worker, opens the demo inbox in the first tab and sees flagged messages; a
 * browser that dies at once makes it fail loudly with the browser's own words.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, findChromium } from './paths';

function start(env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build', '--headless'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 80_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'dunwatch-start-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start --headless', () => {
  it('opens the demo inbox in the first tab once the extension runs, with flagged messages', () => {
    const r = start({ CHROME_PATH: findChromium() });
    expect(r.err).not.toContain('npm start failed');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/The demo inbox is open in the first tab: chrome-extension:\/\/[a-p]{32}\/demo\.html/);
    expect(r.out).toMatch(/[1-9]\d* of \d+ messages flagged/);
    if (process.getuid?.() === 0) expect(r.err).toContain('warning: Running as root');
  });

  it('a browser that exits at once: exit 1, its own error line, the manual steps', () => {
    const fake = join(dir, 'dying-browser');
    writeFileSync(fake, '#!/bin/sh\necho "[1:1:ERROR:zygote_host_impl_linux.cc(100)] Running as root without --no-sandbox is not supported." >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const r = start({ CHROME_PATH: fake });
    expect(r.status).toBe(1);
    expect(r.err).toContain('npm start failed (launch): the browser exited (code 1)');
    expect(r.err).toContain('| [1:1:ERROR:zygote_host_impl_linux.cc(100)] Running as root without --no-sandbox is not supported.');
    expect(r.err).toContain('Load unpacked');
    expect(r.out).not.toContain('The demo inbox is open');
  });
});
