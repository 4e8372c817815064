/**
 * What `npm start` runs: which browser, with which flags. Pure functions (no process, no
 * file system beyond `existsSync` in the caller), so the unit test covers every branch.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

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

export interface LaunchInput {
  extensionDir: string;
  profileDir: string;
  platform: NodeJS.Platform;
  /** process.getuid?.(): undefined where there is none (Windows) */
  uid: number | undefined;
  headless: boolean;
}

export interface LaunchPlan {
  args: string[];
  /** one line each, printed before the browser starts */
  warnings: string[];
}

export const ROOT_SANDBOX_WARNING =
  'Running as root: Chromium refuses its sandbox as root, so the demo browser starts with --no-sandbox (a throwaway profile; do your everyday browsing as a normal user).';

/**
 * The browser's flags. The first tab is about:blank: the demo is opened in it only once the
 * extension is registered (opened earlier, Chromium shows ERR_BLOCKED_BY_CLIENT). The DevTools
 * port (0 = any free one, written to DevToolsActivePort in the profile, local only) is how the
 * readiness check sees the extension's worker and the demo page.
 */
export function launchPlan(input: LaunchInput): LaunchPlan {
  const warnings: string[] = [];
  const args = [
    `--user-data-dir=${input.profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--remote-debugging-port=0',
    `--disable-extensions-except=${input.extensionDir}`,
    `--load-extension=${input.extensionDir}`,
    // lets Chrome 137–139 still honour --load-extension; Chromium never needed it
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
  ];
  if (input.platform === 'linux' && input.uid === 0) {
    args.push('--no-sandbox');
    warnings.push(ROOT_SANDBOX_WARNING);
  }
  if (input.headless) args.push('--headless', '--disable-gpu');
  args.push('about:blank');
  return { args, warnings };
}

/** The command as one line a person can paste into a shell. */
export function commandLine(executable: string, args: readonly string[]): string {
  return [executable, ...args].map((a) => (/[\s"'$`\\]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ');
}
