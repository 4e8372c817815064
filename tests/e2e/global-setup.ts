/**
 * Before the browser suite: make sure a Chromium is there (CHROME_PATH, or Debian's
 * `chromium`, installed with apt-get when we are root on a fresh machine) and that the built
 * extension in .output/chrome-mv3 is newer than every source file (else build it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, EXTENSION_DIR, ROOT } from './paths';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.name === 'node_modules' || d.name.startsWith('.')) continue;
    const full = join(dir, d.name);
    newest = Math.max(newest, d.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  if (!findChromium()) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (root && existsSync('/usr/bin/apt-get')) {
      console.log('[e2e] installing Debian chromium (apt-get) …');
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core', 'fonts-wqy-microhei'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
    if (!findChromium()) throw new Error('No Chromium found for the browser tests: install Debian\'s chromium (apt-get install -y chromium) or set CHROME_PATH.');
  }
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...['src', 'entrypoints', 'rules', 'public'].map((d) => newestMtime(join(ROOT, d))), statSync(join(ROOT, 'wxt.config.ts')).mtimeMs);
  if (built < sources) {
    console.log('[e2e] building the extension (wxt build) …');
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
}
