/**
 * Before the browser suite: make sure a Chromium is there (CHROME_PATH, or Debian's
 * `chromium`, installed with apt-get when we are root on a fresh machine) and that the built
 * extension in .output/chrome-mv3 is newer than every source file (else build it).
 */
import { buildIfStale, ensureBrowser } from '../browser-setup';
import { findChromium, EXTENSION_DIR, ROOT } from './paths';

export default function setup(): void {
  ensureBrowser({
    tag: 'e2e',
    find: findChromium,
    packages: ['chromium', 'fonts-dejavu-core', 'fonts-wqy-microhei'],
    missing: "No Chromium found for the browser tests: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH.",
  });
  buildIfStale({ tag: 'e2e', root: ROOT, outDir: EXTENSION_DIR, args: [] });
}
