/** What DESIGN.md ("Sites") asks of every src/sites/<site>/ folder, checked. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/rule-compiler/load';
import { adapterModules } from '../src/sites/registry';

const sitesDir = join(REPO_ROOT, 'src', 'sites');
const siteFolders = readdirSync(sitesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('site folders', () => {
  it('there are site folders', () => expect(siteFolders.length).toBeGreaterThan(0));

  it.each(siteFolders.map((s) => [s]))('src/sites/%s has adapter.ts, ≥1 fixture and an expect table for each', (site) => {
    const dir = join(sitesDir, site);
    expect(existsSync(join(dir, 'adapter.ts')), 'adapter.ts').toBe(true);
    const fixturesDir = join(dir, 'fixtures');
    const files = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((f) => f.endsWith('.html')) : [];
    expect(files.length, 'fixtures/*.html').toBeGreaterThan(0);

    const mod = adapterModules.find((m) => m.adapter.id === site);
    expect(mod, `registry.ts lists the ${site} adapter, with id equal to its folder`).toBeDefined();
    const described = mod!.fixtures.map((f) => f.file).sort();
    expect(described, 'every fixture file has a FixtureSpec and every FixtureSpec a file').toEqual([...files].sort());
    for (const f of mod!.fixtures) {
      expect(Object.keys(f.expect), `${f.file} expect table`).toEqual(expect.arrayContaining(['messageRoot', 'body']));
      expect(f.records.length, `${f.file} records`).toBe(f.expect.messageRoot);
    }
  });

  it.each(siteFolders.map((s) => [s]))('src/sites/%s/adapter.ts cites where its DOM structure came from', (site) => {
    const text = readFileSync(join(sitesDir, site, 'adapter.ts'), 'utf8');
    expect(text.trimStart().startsWith('/**'), 'opens with a header comment').toBe(true);
    expect(text.slice(0, 2500)).toMatch(/DOM sources?/i);
  });

  it('src/sites imports no engine internals, page loop, wxt or extension API', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, d.name);
        if (d.isDirectory()) walk(full);
        else if (d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')) {
          const text = readFileSync(full, 'utf8');
          for (const m of text.matchAll(/from ['"]([^'"]+)['"]/g)) {
            if (/^(wxt|webextension-polyfill|#imports)|\/(engine|page|evidence|rule-compiler)\//.test(m[1]!)) offenders.push(`${full}: imports ${m[1]}`);
          }
          const api = /\b(browser|chrome)\.(runtime|tabs|storage|scripting)\b/.exec(text);
          if (api) offenders.push(`${full}: uses ${api[0]}`);
        }
      }
    };
    walk(sitesDir);
    expect(offenders).toEqual([]);
  });
});
