import { describe, expect, it } from 'vitest';
import { redactRecord } from './redact';

describe('redactRecord', () => {
  it('redacts text and header fields and moves findings with the text', () => {
    const text = '王小明，你再不还钱我们就打你单位电话010-87654321，告诉你领导。';
    const start = text.indexOf('打你单位');
    const end = text.indexOf('，告诉');
    const out = redactRecord({ id: 'x', text, from: 'Zhang Wei <zw@example.com>', findings: [{ rule: 'r', start, end, excerpt: text.slice(start, end) }] }, {});
    expect(out.text).toBe('[NAME]，你再不还钱我们就打你单位电话[PHONE]，告诉你领导。');
    expect(out.from).toBe('[NAME] <[EMAIL]>');
    const f = (out.findings as { start: number; end: number; excerpt: string }[])[0]!;
    expect(f.excerpt).toBe('打你单位电话[PHONE]');
    expect((out.text as string).slice(f.start, f.end)).toBe(f.excerpt);
    expect(out.redacted).toEqual({ NAME: 1, PHONE: 1 });
  });
});
