/**
 * What both browser suites (tests/e2e in Chromium, tests/firefox in firefox-esr) do before they
 * start: install Debian's browser when it is missing and we are root on a fresh machine, and
 * rebuild the extension when any source file is newer than its build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// what the built extension is made from
const SOURCES = ['src', 'entrypoints', 'rules', 'public', 'scripts/build'];

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

/** `find()` the browser; else, as root with apt-get, install `packages` and look again; else throw `missing`. */
export function ensureBrowser(o: { tag: string; find: () => string | undefined; packages: string[]; missing: string }): void {
  if (o.find()) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log(`[${o.tag}] installing Debian ${o.packages[0]} (apt-get) …`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...o.packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!o.find()) throw new Error(o.missing);
}

/** Run `npx wxt build …args` when `outDir`'s manifest is older than any source file. */
export function buildIfStale(o: { tag: string; root: string; outDir: string; args: string[] }): void {
  const manifest = join(o.outDir, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((d) => newestMtime(join(o.root, d))), statSync(join(o.root, 'wxt.config.ts')).mtimeMs);
  if (built >= sources) return;
  console.log(`[${o.tag}] building the extension (wxt build ${o.args.join(' ')}) …`);
  const r = spawnSync('npx', ['wxt', 'build', ...o.args], { cwd: o.root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`wxt build ${o.args.join(' ')} failed`);
}
