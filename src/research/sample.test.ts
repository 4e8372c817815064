import { mkdtempSync, readFileSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, getEngine } from '../engine/bundled';
import { evaluate, type EvalItem, type Labelled } from '../cli/eval';
import { readJsonLines } from '../cli/input';
import { readLabel } from './labels';
import { labelFields, makeSample, sampleProblems, toJsonLines, type SampleInput } from './sample';

const engine = getEngine();
const EN = 'Mr. John Smith, this is Apex Recovery. Pay today or we will have you arrested, and we will tell your employer about this debt. Call (212) 555-0147 or mail j.smith@example.com.';
const ZH = '张伟先生，你欠款已逾期，今天不还钱，我们就把你欠钱的事告诉你单位领导和你的通讯录联系人，你这个老赖。手机138 1234 5678。';

function input(text: string, extra: Partial<SampleInput> = {}): SampleInput {
  const findings = engine.analyze(text, { context: { collection: true } }).findings;
  return { text, findings, site: 'gmail', engineVersion: '0.1.0', rulesHash: bundle.hash, month: '2026-11', ...extra };
}

describe('makeSample', () => {
  it('redacts personal data and exports nothing of the original beyond the redacted text', () => {
    const i = input(EN, { userLabel: 'correct' });
    const s = makeSample(i);
    for (const pii of ['John Smith', '555-0147', 'j.smith@example.com']) {
      expect(s.text).not.toContain(pii);
      expect(JSON.stringify(s)).not.toContain(pii);
    }
    expect(s.text).toContain('[NAME]');
    expect(s.text).toContain('[PHONE]');
    expect(s.text).toContain('[EMAIL]');
    expect(s.redactions).toMatchObject({ PHONE: 1, EMAIL: 1 });
    expect(s.redactions.NAME).toBeGreaterThanOrEqual(1); // "this is Apex Recovery" is taken for a name too
    // no excerpt or title of the findings (they are original text)
    expect(Object.keys(s.findings[0]!).sort()).toEqual(['category', 'end', 'rule', 'ruleVersion', 'severity', 'start']);
    const z = makeSample(input(ZH));
    for (const pii of ['张伟', '138 1234 5678']) expect(JSON.stringify(z)).not.toContain(pii);
    expect(z.lang).toBe('zh');
    expect(s.lang).toBe('en');
  });

  it('remaps findings onto the redacted text: each span still covers the same words', () => {
    for (const text of [EN, ZH]) {
      const i = input(text);
      expect(i.findings.length).toBeGreaterThan(0);
      const s = makeSample(i);
      expect(s.findings.length).toBe(i.findings.length);
      const orig = [...i.findings].sort((a, b) => a.start - b.start || a.end - b.end);
      s.findings.forEach((f, k) => {
        const o = orig[k]!;
        expect(f.rule).toBe(o.rule);
        // the flagged words contain no personal data here, so they survive unchanged
        expect(s.text.slice(f.start, f.end)).toBe(text.slice(o.start, o.end));
      });
    }
    // a span over personal data grows to cover the whole placeholder
    const t = 'Tell John Smith to pay now.';
    const s = makeSample({ text: t, findings: [{ rule: 'x', ruleVersion: 1, category: 'privacy', severity: 'high', start: 5, end: 10 }], site: 'pasted', engineVersion: '0', rulesHash: 'h', month: '2026-11' });
    expect(s.text).toBe('Tell [NAME] to pay now.');
    expect(s.text.slice(s.findings[0]!.start, s.findings[0]!.end)).toBe('[NAME]');
  });

  it('label fields come only from the user: none without a label', () => {
    const f = [{ rule: 'a', ruleVersion: 1, category: 'threat', severity: 'high', start: 0, end: 1 }];
    expect(labelFields({ findings: f })).toEqual({});
    expect(labelFields({ findings: f, userLabel: 'correct' })).toEqual({ is_collection: true, lawful: false, categories: ['threat'] });
    expect(labelFields({ findings: f, userLabel: 'false-alarm', isCollection: true })).toEqual({ is_collection: true, lawful: true, categories: [] });
    expect(labelFields({ findings: f, userLabel: 'false-alarm', isCollection: false })).toEqual({ is_collection: false, lawful: null, categories: [] });
    expect(labelFields({ findings: [], userLabel: 'missed', missedCategory: 'privacy' })).toEqual({ is_collection: true, lawful: false, categories: ['privacy'] });
    expect(labelFields({ findings: [], userLabel: 'missed', missedCategory: 'not-a-category' })).toEqual({ is_collection: true, lawful: false, categories: [] });
  });

  it('channel from the site, stable id, well formed', () => {
    const a = makeSample(input(EN, { site: 'whatsapp' }));
    expect(a.channel).toBe('chat');
    expect(makeSample(input(EN, { site: 'pasted', channel: 'sms' })).channel).toBe('sms');
    expect(makeSample(input(EN, { site: 'whatsapp' })).id).toBe(a.id);
    expect(makeSample(input(EN, { site: 'whatsapp', userLabel: 'false-alarm' })).id).not.toBe(a.id);
    expect(a.id).toMatch(/^dw-[0-9a-f]{16}$/);
    expect(sampleProblems(a)).toEqual([]);
    expect(sampleProblems({ ...a, findings: [{ start: 0, end: a.text.length + 1 }] })).toEqual(['findings[0]: start/end outside the text']);
  });
});

describe('the exported file is what `dunwatch eval` reads', () => {
  it('JSON Lines round trip through the CLI reader and the corpus label schema, then eval', async () => {
    const samples = [
      makeSample(input(EN, { userLabel: 'correct' })),
      makeSample(input(ZH, { userLabel: 'missed', missedCategory: 'abuse' })),
      makeSample(input('Your statement is ready. Balance due: $120 by May 3.', { userLabel: 'false-alarm', isCollection: true })),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'dw-sample-'));
    try {
      const file = join(dir, 'sample.jsonl');
      writeFileSync(file, toJsonLines(samples));
      expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(samples.length + 1);
      const items: EvalItem[] = [];
      let n = 0;
      for await (const r of readJsonLines(createReadStream(file, { encoding: 'utf8' }))) {
        expect('error' in r).toBe(false);
        if ('error' in r) continue;
        const s = samples[n++]!;
        const label = readLabel(r.record);
        expect(label).toEqual({ id: s.id, lang: s.lang, ...labelFields({ ...s, userLabel: s.user_label, isCollection: s.is_collection }), channel: s.channel, source: 'dunwatch-extension', source_kind: 'other' });
        expect(r.record.text).toBe(s.text);
        items.push({ label: label as Labelled, result: engine.analyze(r.record.text) });
      }
      expect(n).toBe(3);
      const report = evaluate(items);
      expect(report.messages).toBe(3);
      expect(report.overall.unlawful.tp + report.overall.unlawful.fn).toBe(2); // the two labelled unlawful
      expect(report.overall.lawfulCollection.total).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
