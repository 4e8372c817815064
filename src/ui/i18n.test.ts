/** The locale files are complete and the pages only use keys that exist; Chinese has no English left. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { substitute } from './i18n';

const ROOT = join(import.meta.dirname, '../..');
const load = (l: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const zhCN = load('zh_CN');
const zhTW = load('zh_TW');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(tsx?|html)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name))
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'));
}

describe('locales', () => {
  it('en, zh_CN and zh_TW have the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zhTW).sort()).toEqual(Object.keys(en).sort());
  });

  it('every key the extension pages use exists', () => {
    const code = [...sources(join(ROOT, 'entrypoints')), ...sources(join(ROOT, 'src/ui'))].join('\n');
    const used = new Set<string>();
    for (const m of code.matchAll(/\bt\('([A-Za-z_]+)'/g)) used.add(m[1] as string);
    for (const m of code.matchAll(/data-i18n="([A-Za-z_]+)"/g)) used.add(m[1] as string);
    for (const c of ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair']) used.add(`cat_${c}`).add(`lawful_${c}`);
    for (const s of ['high', 'medium', 'low']) used.add(`sev_${s}`);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !en[k])).toEqual([]);
  });

  it('Chinese strings have no English words left (names like Asia/Shanghai or CFPB aside)', () => {
    const allowed = /Asia\/Shanghai|America\/New_York|FTC|CFPB|ACCC|ASIC/g;
    for (const [loc, table] of [['zh_CN', zhCN], ['zh_TW', zhTW]] as const) {
      const english = Object.entries(table).filter(([, v]) => /[A-Za-z]{3,}/.test(v.message.replace(allowed, '')));
      expect(english, loc).toEqual([]);
    }
  });

  it('zh_TW is traditional, not a copy of zh_CN', () => {
    expect(zhTW.disclaimer?.message).toBe('催收哨兵提供資訊，不構成法律意見。');
    const same = Object.keys(zhCN).filter((k) => /[说这检权规设删页网]/.test(zhCN[k]!.message) && zhCN[k]!.message === zhTW[k]!.message);
    expect(same).toEqual([]);
  });

  it('substitutes $1…$9 like chrome.i18n', () => {
    expect(substitute('$1 messages, $2 flagged', ['3', '1'])).toBe('3 messages, 1 flagged');
    expect(substitute('no $3', ['a'])).toBe('no ');
  });
});
