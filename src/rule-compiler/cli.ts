/** npm run rules:build — compile rules/ into .output/rules.bundle.json; exit 1 naming every bad file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle } from './compile';
import { readRuleSources, REPO_ROOT } from './load';
import { isSafeRegex } from './redos';

const { bundle, errors } = await buildBundle(readRuleSources(), { isSafeRegex });
if (!bundle) {
  for (const e of errors) console.error(e.message);
  console.error(`${errors.length} rule error(s)`);
  process.exit(1);
}
const outDir = join(REPO_ROOT, '.output');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'rules.bundle.json'), JSON.stringify(bundle));
console.log(`${bundle.rules.length} rules, ${Object.keys(bundle.law).length} citations, hash ${bundle.hash.slice(0, 12)} -> .output/rules.bundle.json`);
