import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY, policyMarkdown } from './policy';

describe('privacy policy', () => {
  it('docs/privacy.md is the English policy (regenerate: npx tsx src/ui/privacy/write-md.ts)', () => {
    expect(readFileSync(join(import.meta.dirname, '../../../docs/privacy.md'), 'utf8')).toBe(policyMarkdown(POLICY.en));
  });

  it('the three languages have the same sections and items', () => {
    const shape = (l: keyof typeof POLICY) => POLICY[l].sections.map(([, items]) => items.length);
    expect(shape('zh-CN')).toEqual(shape('en'));
    expect(shape('zh-TW')).toEqual(shape('en'));
  });
});
