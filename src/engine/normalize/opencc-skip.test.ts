/**
 * normalize() skips opencc (and never builds its trie) for text without a traditional character
 * (issue #14). That is exact: opencc's converter leaves such a text as it is.
 */
import fc from 'fast-check';
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';

const convert = ConverterFactory([TSCharacters]);
const traditional = new Set(TSCharacters.split('|').map((e) => e.split(' ')[0]!));
// simplified and shared characters, ideographic description characters, Latin, emoji, astral Han
const others = [...'你欠款已逾期还钱我们单位领导通讯录老赖人身安全发给⿰⿱⿲氵木abc 123，。😀𠀀𡞱'].filter((c) => !traditional.has(c));

describe('opencc is skipped only where it would change nothing', () => {
  it('opencc leaves any text without a table character unchanged', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...others), { maxLength: 30 }), (cs) => {
        expect(convert(cs.join(''))).toBe(cs.join(''));
      }), { numRuns: 500 });
  });

  it('text with traditional characters is still converted', () => {
    expect(normalize('你欠款已逾期我們會發給你的聯繫人').text).toBe('你欠款已逾期我们会发给你的联系人');
    expect(normalize('萬').text).toBe('万');
  });
});
