/**
 * Before the Firefox suite: make sure Debian's firefox-esr is there (FIREFOX_PATH, or installed
 * with apt-get when we are root on a fresh machine) and that .output/firefox-mv2 is newer than
 * every source file (else build it with `wxt build -b firefox`).
 */
import { buildIfStale, ensureBrowser } from '../browser-setup';
import { FIREFOX_EXTENSION_DIR, ROOT, findFirefox } from './browser';

export default function setup(): void {
  ensureBrowser({
    tag: 'firefox',
    find: findFirefox,
    packages: ['firefox-esr', 'fonts-dejavu-core'],
    missing: "No Firefox found for the Firefox tests: install Debian's firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.",
  });
  buildIfStale({ tag: 'firefox', root: ROOT, outDir: FIREFOX_EXTENSION_DIR, args: ['-b', 'firefox'] });
}
