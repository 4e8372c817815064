/** Reads rules/ from disk (Node only) and compiles it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildBundle, type SourceFile } from './compile';
import { isSafeRegex } from './redos';
import type { RulesBundle } from '../engine/types';

export const RULES_DIR = resolve(import.meta.dirname, '../../rules');
export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export function listRuleFiles(dir = RULES_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export function readRuleSources(dir = RULES_DIR): SourceFile[] {
  return listRuleFiles(dir).map((full) => ({ path: relative(REPO_ROOT, full).split('\\').join('/'), source: readFileSync(full, 'utf8') }));
}

/** Compile rules/ or throw one error listing every problem. */
export async function loadBundleFromDisk(dir = RULES_DIR): Promise<RulesBundle> {
  const { bundle, errors } = await buildBundle(readRuleSources(dir), { isSafeRegex });
  if (!bundle) throw new Error(`rules did not compile:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
  return bundle;
}
