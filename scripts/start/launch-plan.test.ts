import { describe, expect, it } from 'vitest';
import { ROOT_SANDBOX_WARNING, chromeCandidates, commandLine, launchPlan, unpackedExtensionId } from './launch-plan';

const base = { extensionDir: '/repo/.output/chrome-mv3', profileDir: '/tmp/p', headless: false } as const;

describe('launchPlan', () => {
  it('loads only the extension, opens about:blank first (the demo comes after the extension runs) and a local DevTools port', () => {
    const { args, warnings } = launchPlan({ ...base, platform: 'linux', uid: 1000 });
    expect(args).toContain('--load-extension=/repo/.output/chrome-mv3');
    expect(args).toContain('--disable-extensions-except=/repo/.output/chrome-mv3');
    expect(args).toContain('--user-data-dir=/tmp/p');
    expect(args).toContain('--remote-debugging-port=0');
    expect(args.at(-1)).toBe('about:blank');
    expect(args.some((a) => a.includes('demo.html'))).toBe(false);
    expect(args).not.toContain('--no-sandbox');
    expect(warnings).toEqual([]);
  });

  it('as root on Linux: --no-sandbox and one warning line', () => {
    const { args, warnings } = launchPlan({ ...base, platform: 'linux', uid: 0 });
    expect(args).toContain('--no-sandbox');
    expect(warnings).toEqual([ROOT_SANDBOX_WARNING]);
    expect(warnings[0]).not.toContain('\n');
  });

  it('uid 0 elsewhere (or no uid at all, Windows) keeps the sandbox', () => {
    expect(launchPlan({ ...base, platform: 'darwin', uid: 0 }).args).not.toContain('--no-sandbox');
    expect(launchPlan({ ...base, platform: 'win32', uid: undefined }).args).not.toContain('--no-sandbox');
  });

  it('headless adds --headless before the first URL', () => {
    const { args } = launchPlan({ ...base, platform: 'linux', uid: 1000, headless: true });
    expect(args).toContain('--headless');
    expect(args.indexOf('--headless')).toBeLessThan(args.indexOf('about:blank'));
  });
});

describe('helpers', () => {
  it('CHROME_PATH comes first, then the platform places', () => {
    expect(chromeCandidates('linux', { CHROME_PATH: '/opt/c' })[0]).toBe('/opt/c');
    expect(chromeCandidates('linux', {})).toContain('/usr/bin/chromium');
    expect(chromeCandidates('darwin', {})[0]).toContain('/Applications/Google Chrome.app');
    expect(chromeCandidates('win32', { PROGRAMFILES: 'C:/PF' })[0]).toBe('C:/PF/Google/Chrome/Application/chrome.exe');
  });

  it("the unpacked id is Chrome's: 32 letters a-p from the path's SHA-256", () => {
    const id = unpackedExtensionId('/work/wt-start/.output/chrome-mv3', 'linux');
    expect(id).toMatch(/^[a-p]{32}$/);
    // the id this very path got from Chromium 156 in `npm start`
    expect(id).toBe('coloognejlcaeaabmkjcnckkgnemmoed');
  });

  it('the printed command quotes what a shell would split', () => {
    expect(commandLine('/usr/bin/chromium', ['--user-data-dir=/tmp/a b', "it's"])).toBe("/usr/bin/chromium '--user-data-dir=/tmp/a b' 'it'\\''s'");
  });
});
