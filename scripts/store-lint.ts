/**
 * `npm run lint:store`: the store zips (`npm run zip`, `npm run zip:firefox`) through `web-ext
 * lint` (Mozilla's addons-linter, what AMO runs), each unpacked from the zip itself.
 * The Firefox zip must give 0 errors, 0 warnings, 0 notices. The Chrome zip is linted too; a
 * Firefox linter reports four things about any Chrome MV3 package that only Firefox needs
 * (a background page fallback, a Gecko id, a data-collection key, and not knowing "sidePanel"):
 * those are listed as such, anything else fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.output');
const FIREFOX_ONLY = new Set(['BACKGROUND_SERVICE_WORKER_NOFALLBACK', 'ADDON_ID_REQUIRED', 'MISSING_DATA_COLLECTION_PERMISSIONS', 'MANIFEST_PERMISSIONS:sidePanel']);

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

function unpack(zip: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dunwatch-lint-'));
  for (const [name, data] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

function lint(zip: string): { errors: Message[]; warnings: Message[]; notices: Message[] } {
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', unpack(zip), '--output', 'json', '--no-config-discovery'], { cwd: ROOT, encoding: 'utf8' });
  const json = r.stdout.slice(r.stdout.indexOf('{'));
  try {
    return JSON.parse(json);
  } catch {
    throw new Error(`web-ext lint gave no report for ${zip}:\n${r.stdout}\n${r.stderr}`);
  }
}

const zips = readdirSync(OUT).filter((f) => /-(chrome|firefox)\.zip$/.test(f));
if (zips.length < 2) {
  console.error('No store zips in .output: run `npm run zip` and `npm run zip:firefox` first.');
  process.exit(1);
}
let failed = false;
for (const zip of zips.sort()) {
  const r = lint(join(OUT, zip));
  const all = [...r.errors.map((m) => ['error', m] as const), ...r.warnings.map((m) => ['warning', m] as const), ...r.notices.map((m) => ['notice', m] as const)];
  const chrome = zip.endsWith('-chrome.zip');
  const key = (m: Message) => (m.code === 'MANIFEST_PERMISSIONS' && m.message.includes('"sidePanel"') ? 'MANIFEST_PERMISSIONS:sidePanel' : m.code);
  const firefoxOnly = chrome ? all.filter(([, m]) => FIREFOX_ONLY.has(key(m))) : [];
  const real = all.filter((x) => !firefoxOnly.includes(x));
  console.log(`${zip}: ${r.errors.length} errors, ${r.warnings.length} warnings, ${r.notices.length} notices`);
  for (const [kind, m] of firefoxOnly) console.log(`  (Firefox only, not a Chrome problem) ${kind} ${m.code}: ${m.message}`);
  for (const [kind, m] of real) console.log(`  ${kind} ${m.code}: ${m.message} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}`);
  if (real.length) failed = true;
}
process.exit(failed ? 1 : 0);
