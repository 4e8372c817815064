/**
 * Before the Firefox suite: make sure Debian's firefox-esr is there (FIREFOX_PATH, or installed
 * with apt-get when we are root on a fresh machine) and that .output/firefox-mv2 is newer than
 * every source file (else build it with `wxt build -b firefox`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_EXTENSION_DIR, ROOT, findFirefox } from './browser';

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
  if (!findFirefox()) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (root && existsSync('/usr/bin/apt-get')) {
      console.log('[firefox] installing Debian firefox-esr (apt-get) …');
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr', 'fonts-dejavu-core'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
    if (!findFirefox()) throw new Error("No Firefox found for the Firefox tests: install Debian's firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.");
  }
  const manifest = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...['src', 'entrypoints', 'rules', 'public', 'scripts/build'].map((d) => newestMtime(join(ROOT, d))), statSync(join(ROOT, 'wxt.config.ts')).mtimeMs);
  if (built < sources) {
    console.log('[firefox] building the extension (wxt build -b firefox) …');
    const r = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('wxt build -b firefox failed');
  }
}
