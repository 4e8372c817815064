import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeThreadRequest, pageContext } from './analysis-service';
import { resetBackgroundEngine } from './engine-host';
import { parseWorkAddresses, workAddressesSetting } from './settings';

beforeEach(() => {
  fakeBrowser.reset();
  resetBackgroundEngine();
});

const collection = 'This is Apex Recovery, a debt collector. You owe $900 on your overdue account. Pay today.';

describe('thread analysis in the background', () => {
  it('uses the work addresses from the options: collection mail to one is pointed out', async () => {
    const messages = [{ id: 'a', text: collection, direction: 'incoming' as const, channel: 'email' as const, to: 'J.Doe@Employer.example', sentAt: '2026-11-02T15:00:00Z' }];
    const without = await analyzeThreadRequest({ type: 'dunwatch:analyze-thread', messages, options: { jurisdiction: 'us', timeZone: 'America/New_York' } });
    expect('findings' in without && without.findings.map((f) => f.rule)).not.toContain('thread.email-to-work-address');
    await workAddressesSetting.setValue(parseWorkAddresses(' j.doe@employer.example ,\n+1 555 0100\n'));
    expect(await workAddressesSetting.getValue()).toEqual(['j.doe@employer.example', '+1 555 0100']);
    const withWork = await analyzeThreadRequest({ type: 'dunwatch:analyze-thread', messages, options: { jurisdiction: 'us', timeZone: 'America/New_York' } });
    expect('findings' in withWork && withWork.findings.map((f) => f.rule)).toContain('thread.email-to-work-address');
  });

  it('a bad time zone is an answer with the reason, not a crash of the background', async () => {
    const r = await analyzeThreadRequest({ type: 'dunwatch:analyze-thread', messages: [], options: { jurisdiction: 'us', timeZone: 'Mars/Olympus' } });
    expect(r).toEqual({ error: expect.stringContaining('Mars/Olympus') });
  });

  it('page context: jurisdiction from the locale, rights links in the interface language, the rules hash', async () => {
    const c = await pageContext('zh-CN');
    expect(c.jurisdiction).toBe('cn');
    expect(c.uiLang).toBe('zh-CN');
    expect(c.rights.length).toBeGreaterThan(0);
    expect(c.rulesHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
