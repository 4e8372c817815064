import { describe, expect, it } from 'vitest';
import { getEngine } from '../../engine/bundled';
import { CATEGORIES } from '../../engine/types';
import type { AnalyzeThreadRequest } from '../../extension/messages';
import { NoAnswer, checkPaste, type CheckOptions } from './check';
import { fakeBackground } from './fake-background';

const engine = getEngine();
const opts: CheckOptions = { jurisdiction: 'us', uiLang: 'en', categories: CATEGORIES, disabledRules: [], timeZone: 'America/New_York', dateOrder: 'mdy' };
const EN = 'This is a debt collector. Pay the overdue balance today or we will have you arrested, you deadbeat.';

describe('checkPaste through the background protocol', () => {
  it('one message: one dunwatch:analyze, the engine findings unchanged', async () => {
    const log: unknown[] = [];
    const r = await checkPaste(fakeBackground(log), EN, opts);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'dunwatch:analyze', text: EN, options: { jurisdiction: 'us', context: { collection: true } } });
    const expected = engine.analyze(EN, { jurisdiction: 'us', uiLang: 'en', context: { collection: true } }).findings;
    expect(r.thread).toBe(false);
    expect(r.findings.map((f) => [f.rule, f.start, f.end])).toEqual(expected.map((f) => [f.rule, f.start, f.end]));
    expect(r.threadFindings).toBeUndefined();
  });

  it('disabled rules and categories are passed on', async () => {
    const first = (await checkPaste(fakeBackground(), EN, opts)).findings[0]!;
    const r = await checkPaste(fakeBackground(), EN, { ...opts, disabledRules: [first.rule], categories: CATEGORIES.filter((c) => c !== 'abuse') });
    expect(r.findings.map((f) => f.rule)).not.toContain(first.rule);
    expect(r.findings.map((f) => f.category)).not.toContain('abuse');
  });

  it('several timed messages: findings mapped onto the paste, the reader\'s lines not analysed, a thread finding after STOP and at night', async () => {
    const paste = [
      '11/02/2026 23:40 Collector: Pay today or a warrant will be issued for your arrest.',
      '11/03/2026 08:05 Me: STOP. Do not contact me again.',
      '11/03/2026 09:10 Collector: This is a debt collector. Pay your overdue balance now, you deadbeat.',
    ].join('\n');
    const log: { type: string; text?: string }[] = [];
    const r = await checkPaste(fakeBackground(log), paste, opts);
    expect(r.thread).toBe(true);
    expect(log.filter((m) => m.type === 'dunwatch:analyze').map((m) => m.text)).toEqual([
      'Pay today or a warrant will be issued for your arrest.',
      'This is a debt collector. Pay your overdue balance now, you deadbeat.',
    ]);
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) expect(paste.slice(f.start, f.end)).toBe(f.excerpt);
    expect(new Set(r.findings.map((f) => f.messageId))).toEqual(new Set(['m1', 'm3']));
    // times were sent as instants in the reader's zone (23:40 EST = 04:40 UTC)
    const threadReq = log.find((m) => m.type === 'dunwatch:analyze-thread') as unknown as AnalyzeThreadRequest;
    expect(threadReq.messages.map((m) => [m.direction, m.sentAt, m.sender])).toEqual([
      ['incoming', '2026-11-03T04:40:00.000Z', 'Collector'],
      ['outgoing', '2026-11-03T13:05:00.000Z', 'Me'],
      ['incoming', '2026-11-03T14:10:00.000Z', 'Collector'],
    ]);
    expect(threadReq.options).toEqual({ jurisdiction: 'us', uiLang: 'en', timeZone: 'America/New_York' });
    const rules = r.threadFindings!.map((f) => f.rule);
    expect(rules).toContain('thread.contact-after-opt-out');
    expect(rules).toContain('thread.contact-hours');
  });

  it('Chinese timed messages: a thread check too', async () => {
    const paste = '2026年11月2日 晚上11:40 催收员：今天不还钱就去你单位找你领导\n2026年11月3日 上午8:05 我：请不要再联系我\n2026年11月3日 上午9:30 催收员：你欠款已逾期，马上还钱';
    const r = await checkPaste(fakeBackground(), paste, { ...opts, jurisdiction: 'cn', uiLang: 'zh-CN', timeZone: 'Asia/Shanghai', dateOrder: 'dmy' });
    expect(r.thread).toBe(true);
    expect(r.messages.map((m) => m.direction)).toEqual(['incoming', 'outgoing', 'incoming']);
    expect(r.threadFindings?.map((f) => f.rule)).toContain('thread.contact-after-opt-out');
  });

  it('no answer from the background: NoAnswer after the timeout', async () => {
    const silent = () => new Promise<unknown>(() => {});
    await expect(checkPaste(silent, EN, { ...opts, timeoutMs: 50 })).rejects.toBeInstanceOf(NoAnswer);
    // "message port closed": the polyfill resolves undefined
    await expect(checkPaste(async () => undefined, EN, opts)).rejects.toBeInstanceOf(NoAnswer);
    await expect(checkPaste(() => Promise.reject(new Error('Could not establish connection')), EN, opts)).rejects.toBeInstanceOf(NoAnswer);
  });

  it('the thread check failing does not lose the per-message findings', async () => {
    const bg = fakeBackground();
    const noThread = async (m: unknown) => ((m as { type: string }).type === 'dunwatch:analyze-thread' ? undefined : bg(m));
    const paste = '11/02/2026 23:40 Collector: Pay today or a warrant will be issued for your arrest.\n11/03/2026 09:10 Collector: pay now';
    const r = await checkPaste(noThread, paste, opts);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.threadFindings).toBeUndefined();
    expect(r.threadError).toBeTruthy();
  });
});
