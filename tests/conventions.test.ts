/** What DESIGN.md asks of every rule and every source folder, checked. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../src/engine/bundled';
import { REPO_ROOT } from '../src/rule-compiler/load';

describe('rules', () => {
  it.each(bundle.rules.map((r) => [r.id, r] as const))('%s has ≥2 hit and ≥2 miss examples, titles and law', (_id, rule) => {
    expect(rule.examples.hit.length, 'hit examples').toBeGreaterThanOrEqual(2);
    expect(rule.examples.miss.length, 'miss examples').toBeGreaterThanOrEqual(2);
    for (const ui of ['en', 'zh-CN', 'zh-TW'] as const) {
      expect(rule.title[ui].length).toBeGreaterThan(0);
      expect(rule.explain[ui].length).toBeGreaterThan(0);
    }
    for (const id of rule.law) expect(bundle.law[id], `law id ${id}`).toBeDefined();
    expect(rule.needsTagger, 'built-in rules must run without the full tagger (the page only loads compromise/one)').toBe(false);
  });

  it('every jurisdiction has at least one rights link and every citation an https or http URL', () => {
    for (const j of Object.values(bundle.jurisdictions)) expect(j.rights.length, j.id).toBeGreaterThan(0);
    for (const c of Object.values(bundle.law)) expect(c.url).toMatch(/^https?:\/\//);
  });
});

describe('source folders', () => {
  const src = join(REPO_ROOT, 'src');
  const folders = readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory());
  it.each(folders.map((d) => [d.name]))('src/%s opens with a header (index.ts or README.md)', (name) => {
    const dir = join(src, name);
    expect(existsSync(join(dir, 'index.ts')) || existsSync(join(dir, 'README.md'))).toBe(true);
  });

  it('src/engine imports no page, site, compiler, wxt or browser code', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, d.name);
        if (d.isDirectory()) walk(full);
        else if (d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && d.name !== 'bundled.ts') {
          const text = readFileSync(full, 'utf8');
          for (const m of text.matchAll(/from ['"]([^'"]+)['"]/g)) {
            if (/^(wxt|webextension-polyfill|virtual:)|\/(page|sites|rule-compiler)\//.test(m[1]!)) offenders.push(`${full}: imports ${m[1]}`);
          }
          const api = /\b(browser|chrome)\.(runtime|tabs|storage|scripting)\b|\bdocument\.(body|querySelector\w*|createElement)|\bwindow\.(location|document|addEventListener)/.exec(text);
          if (api) offenders.push(`${full}: uses ${api[0]}`);
        }
      }
    };
    walk(join(src, 'engine'));
    expect(offenders).toEqual([]);
  });
});

describe('law ids cited from code', () => {
  it('every citation id written in src/engine/thread resolves in rules/law', () => {
    const dir = join(REPO_ROOT, 'src/engine/thread');
    const ids = new Set<string>();
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/'((?:us|cn|uk|eu|in|au|ca|ph|id|hk|tw)(?:-[a-z]{2})?\.[a-z0-9][a-z0-9.-]*)'/g)) ids.add(m[1]!);
    }
    expect(ids.size).toBeGreaterThan(10);
    expect([...ids].filter((id) => !bundle.law[id])).toEqual([]);
  });
});

describe('message text is never HTML', () => {
  it('no extension or page code writes markup from strings (innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, d.name);
        if (d.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)) {
          const hit = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(|\binnerHTML=\{/.exec(readFileSync(full, 'utf8'));
          if (hit) offenders.push(`${full}: ${hit[0]}`);
        }
      }
    };
    for (const dir of ['src', 'entrypoints']) walk(join(REPO_ROOT, dir));
    expect(offenders).toEqual([]);
  });
});
