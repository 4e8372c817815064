import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalJson, canonicalSha256, fromBase64Strict, sha256Hex, toBase64 } from './canonical';

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, '\u00e9': 1, Z: 2 })).toBe('{"Z":2,"a":[true,null,"x"],"b":1,"é":1}');
    // U+1F600 (surrogate pair D83D…) sorts before U+FF5E in UTF-16, after it by code point
    expect(canonicalJson({ '\uff5e': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\uff5e":1}');
  });
  it('writes numbers in the shortest round-trip form, -0 as 0', () => {
    expect(canonicalJson([1e21, 0.1, -0, 100, 1.5e-7])).toBe('[1e+21,0.1,0,100,1.5e-7]');
  });
  it('refuses values with no JSON form', () => {
    expect(() => canonicalJson({ a: [undefined] })).toThrow(/undefined in an array/);
    expect(() => canonicalJson({ a: NaN })).toThrow(/\$\.a/);
    expect(() => canonicalJson({ a: Infinity })).toThrow();
    expect(() => canonicalJson({ a: new Date(0) })).toThrow();
    expect(() => canonicalJson({ a: 1n })).toThrow();
  });
  it('is independent of key insertion order and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(JSON.parse(c))).toBe(c);
        const reversed = JSON.parse(c, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x));
        expect(canonicalJson(reversed)).toBe(c);
      }),
    );
  });
  it('hashes with SHA-256 like node:crypto does', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const v = { text: '你好 “quoted” \n', n: 3 };
    expect(await canonicalSha256(v)).toBe(createHash('sha256').update(canonicalJson(v), 'utf8').digest('hex'));
  });
  it('base64 round-trips and the strict decoder refuses non-canonical forms', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
      const s = toBase64(b);
      expect(s).toBe(Buffer.from(b).toString('base64'));
      expect(fromBase64Strict(s)).toEqual(b);
    }));
    expect(fromBase64Strict('QR==')).toBeUndefined(); // non-zero padding bits: Buffer would accept it as "A"
    expect(fromBase64Strict('QQ==')).toEqual(Uint8Array.of(65));
    expect(fromBase64Strict('QQ=')).toBeUndefined();
    expect(fromBase64Strict('Q Q==')).toBeUndefined();
  });
});
