/**
 * `npm start`: build the extension for Chrome, find Chrome or Chromium, and open it (headed, in a
 * fresh temporary profile so your own profile is untouched) with the extension loaded on the
 * bundled demo inbox (demo.html), so you see Dunwatch work without logging into a mailbox.
 *
 *   npm start                 build, then launch
 *   npm start -- --no-build   launch the existing .output/chrome-mv3
 *   npm start -- --dry-run    print the browser command instead of running it
 *
 * Chrome is looked for in CHROME_PATH, then the usual places on Linux, macOS and Windows.
 * Branded Google Chrome 137+ ignores --load-extension; Chromium (or Chrome for Testing) does
 * not. If no browser is found, or the demo does not open, load the extension by hand (README).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const args = new Set(process.argv.slice(2));

export function chromeCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const list: (string | undefined)[] = [env.CHROME_PATH];
  if (platform === 'darwin') {
    for (const app of ['Google Chrome', 'Chromium', 'Google Chrome for Testing', 'Google Chrome Canary']) {
      list.push(`/Applications/${app}.app/Contents/MacOS/${app}`);
      if (env.HOME) list.push(join(env.HOME, `Applications/${app}.app/Contents/MacOS/${app}`));
    }
  } else if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]) {
      if (!base) continue;
      list.push(join(base, 'Google/Chrome/Application/chrome.exe'), join(base, 'Chromium/Application/chrome.exe'));
    }
  } else {
    list.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable');
  }
  return list.filter((c): c is string => Boolean(c));
}

/** The id Chrome gives an unpacked extension: SHA-256 of its absolute path, first 32 hex digits mapped 0-f → a-p. */
export function unpackedExtensionId(dir: string, platform: NodeJS.Platform = process.platform): string {
  const bytes = platform === 'win32' ? Buffer.from(dir, 'utf16le') : Buffer.from(dir, 'utf8');
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

function main(): void {
  if (!args.has('--no-build')) {
    console.log('Building the extension (npx wxt build)…');
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION_DIR}.`);
    process.exit(1);
  }
  const chrome = chromeCandidates().find((c) => existsSync(c));
  const dir = realpathSync(EXTENSION_DIR);
  const demoUrl = `chrome-extension://${unpackedExtensionId(dir)}/demo.html`;
  if (!chrome) {
    console.error('No Chrome or Chromium found. Set CHROME_PATH to the browser executable, or load the extension by hand:');
    console.error(`  chrome://extensions → Developer mode → Load unpacked → ${dir}, then open ${demoUrl}`);
    process.exit(1);
  }
  const dryRun = args.has('--dry-run');
  const profile = dryRun ? join(tmpdir(), 'dunwatch-demo-XXXXXX') : mkdtempSync(join(tmpdir(), 'dunwatch-demo-'));
  const chromeArgs = [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    // lets Chrome 137–139 still honour --load-extension; Chromium never needed it
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    demoUrl,
  ];
  console.log(`Opening ${chrome}\n  with the extension from ${dir}\n  on ${demoUrl}\n  (temporary profile ${profile})`);
  if (dryRun) {
    console.log([chrome, ...chromeArgs].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' '));
    return;
  }
  const child = spawn(chrome, chromeArgs, { stdio: 'ignore', detached: true });
  child.on('error', (e) => {
    console.error(`Could not start ${chrome}: ${e.message}`);
    process.exit(1);
  });
  child.unref();
  console.log('If the page says the extension is missing (Google Chrome 137+ ignores --load-extension), load it by hand: see README, "Load the extension by hand".');
}

// run only as a script, not when a test imports the helpers above
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) main();
