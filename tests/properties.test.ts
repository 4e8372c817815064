/**
 * Properties of analyze() and normalize() over arbitrary and adversarial text, with the
 * built-in rules: never throws, spans are valid original offsets on code-point boundaries,
 * offset maps are monotone, time grows linearly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bundle, getEngine } from '../src/engine/bundled';
import { normalize, parseMarkedExample } from '../src/engine';

const engine = getEngine();

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** offset i is between the two halves of a surrogate pair */
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

// pieces collectors, rules and the normaliser care about
const ruleWords = [...new Set(bundle.rules.flatMap((r) => [...r.keywords, ...r.examples.hit.flatMap((e) => parseMarkedExample(e).text.split(/(?<=\s)|(?=\s)/))]))];
const pieces = fc.oneof(
  fc.constantFrom(...ruleWords),
  fc.constantFrom('you owe $500', 'overdue', '您的借款已逾期', '欠款', '还款', 'we will', 'not', "don't", 'if', '如果', '不会', '?', '吗', '!', '。', '.', ',', '，', '\n', '> ', 'On Mon, Bob wrote:', ' ', '  '),
  fc.constantFrom('😀', '👨‍👩‍👧', '🇨🇳', '𠀀', '\u200b', '\u200d', '\ufeff', '\u0301', '\u0308', 'ﬁ', '①', 'Ａ', 'İ', 'ß', 'ǅ', '\ud800', '\udfff', 'j@il', 'a.r.r.e.s.t', '爆 通 讯 录', 'txl', '通迅录', '發給', '1111', '$$$', '|||'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const mixed = fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-composite', maxLength: 200 }), mixed);

function checkFindings(text: string) {
  const r = engine.analyze(text);
  for (const f of r.findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.start).toBeLessThan(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.excerpt).toBe(text.slice(f.start, f.end));
    expect(splitsPair(text, f.start), `start ${f.start} splits a surrogate pair`).toBe(false);
    expect(splitsPair(text, f.end), `end ${f.end} splits a surrogate pair`).toBe(false);
  }
  for (const s of r.suppressed) {
    expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
  }
  return r;
}

describe('analyze on arbitrary text', () => {
  it('never throws; findings are valid spans of the original, on code-point boundaries', () => {
    fc.assert(fc.property(anyText, (text) => void checkFindings(text)), { numRuns: 400 });
  });

  it('the same for every option combination', () => {
    const opts = fc.record(
      {
        lang: fc.constantFrom('en', 'zh'),
        jurisdiction: fc.constantFrom('us', 'us-ca', 'uk', 'cn', 'xx', ''),
        uiLang: fc.constantFrom('en', 'zh-CN', 'zh-TW'),
        context: fc.record({ collection: fc.boolean(), direction: fc.constantFrom('incoming', 'outgoing') }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(mixed, opts, (text, o) => {
        const r = engine.analyze(text, o as never);
        for (const f of r.findings) expect(f.excerpt).toBe(text.slice(f.start, f.end));
        if (o.context?.direction === 'outgoing') expect(r.findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('rule hit examples keep their findings (and valid spans) with emoji, zero-width and CJK noise in front', () => {
    const hits = bundle.rules.flatMap((rule) => rule.examples.hit.map((e) => ({ rule: rule.id, ...parseMarkedExample(e) })));
    expect(hits.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...hits), fc.array(fc.constantFrom('😀', '𠀀', '\u200b', '\ufeff', '👨‍👩‍👧', ' '), { maxLength: 6 }), (hit, noise) => {
        // the noise stands on a line of its own before the message (a Han character glued to a
        // Chinese word is a different word, not noise)
        const prefix = noise.length ? `${noise.join('')}\n` : '';
        const text = prefix + hit.text;
        const got = checkFindings(text)
          .findings.filter((f) => f.rule === hit.rule)
          .map((f) => ({ start: f.start - prefix.length, end: f.end - prefix.length }));
        expect(got).toEqual(hit.spans);
      }),
      { numRuns: 200 },
    );
  });
});

describe('normalize offset maps', () => {
  it('are monotone, in range and cover each normalised unit with a non-empty original range', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const m = normalize(text);
        expect(m.srcStart.length).toBe(m.text.length);
        expect(m.srcEnd.length).toBe(m.text.length);
        for (let i = 0; i < m.text.length; i++) {
          const s = m.srcStart[i]!;
          const e = m.srcEnd[i]!;
          expect(0 <= s && s < e && e <= text.length).toBe(true);
          if (i > 0) {
            expect(s).toBeGreaterThanOrEqual(m.srcStart[i - 1]!);
            expect(e).toBeGreaterThanOrEqual(m.srcEnd[i - 1]!);
          }
          expect(splitsPair(text, s) || splitsPair(text, e)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('time grows linearly', () => {
  // Every rule's hit examples plus ordinary text and noise, repeated: many findings, en and zh.
  const hitTexts = bundle.rules.flatMap((r) => r.examples.hit.map((e) => parseMarkedExample(e).text));
  const unit = `${hitTexts.join(' ')} Thanks for your email, see the attached report. 谢谢你的邮件，请查看附件。😀\u200b `;
  const make = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

  it('1 MB completes, and takes less than 30x the time of 100 KB', () => {
    engine.analyze(make(20_000)); // warm up
    const t = (n: number) => {
      const text = make(n);
      const t0 = performance.now();
      const r = engine.analyze(text);
      const ms = performance.now() - t0;
      return { ms, findings: r.findings.length };
    };
    const small = t(100_000);
    const big = t(1_000_000);
    console.log(`analyze 100 KB: ${small.ms.toFixed(0)} ms (${small.findings} findings); 1 MB: ${big.ms.toFixed(0)} ms (${big.findings} findings); ratio ${(big.ms / small.ms).toFixed(1)}`);
    expect(big.findings).toBeGreaterThan(small.findings * 5);
    expect(big.ms / small.ms).toBeLessThan(30);
  }, 300_000);

  // Completion with valid findings; how fast is for the benchmark (absolute times are noise on a shared machine).
  it('adversarial 100 KB inputs (one huge sentence, long runs) complete with valid findings', () => {
    for (const text of ['a'.repeat(100_000), '通'.repeat(100_000), 'you owe debt jail '.repeat(6_000), '爆你通讯录'.repeat(20_000), '> '.repeat(50_000), '$!|@'.repeat(25_000)]) {
      const result = checkFindings(text);
      expect(result.findings.every((f) => f.end <= text.length), text.slice(0, 20)).toBe(true);
    }
  }, 300_000);

  it('a long run of digits is linear (80 000 vs 10 000 digits: ratio below 24; linear is 8, quadratic would be 64)', () => {
    // best of three, side by side in one run: a ratio, not an absolute time, on a shared machine
    const time = (n: number) => {
      const text = '1'.repeat(n);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        engine.analyze(text);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(2_000);
    // a wide gap between linear and quadratic, so a loaded machine's noise cannot cross it
    expect(time(80_000) / time(10_000)).toBeLessThan(24);
  }, 120_000);
});
