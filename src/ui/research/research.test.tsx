// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'solid-js/web';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundle, getEngine } from '../../engine/bundled';
import type { TabStatus } from '../../extension/messages';
import { researchOptInSetting, researchReportsSetting } from '../../extension/settings';
import { sampleProblems, type ResearchSample } from '../../research/sample';
import { substitute } from '../i18n';
import { drainPendingContributions, isReportContributionRequest, reportContribution, setResearchOptIn } from './contribute';
import { pendingContributions, queueContribution } from './queue';
import { ResearchPage } from './ResearchPage';

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const engine = getEngine();
const PII = ['John Smith', '(212) 555-0147', 'john.smith@example.com'];
const TEXT = 'Mr. John Smith, pay today or we will tell your employer about this debt. Call (212) 555-0147 or write to john.smith@example.com.';
const findings = () => engine.analyze(TEXT, { context: { collection: true } }).findings;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
});

describe('reportContribution', () => {
  it('stores nothing unless research is on', async () => {
    expect(await researchOptInSetting.getValue()).toBe(false); // off by default
    expect(await reportContribution({ text: TEXT, findings: findings(), site: 'gmail', label: 'false-alarm', rulesHash: bundle.hash, engineVersion: '0.1.0' })).toBeNull();
    expect(await researchReportsSetting.getValue()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('when on, stores one redacted record per message; turning research off deletes them', async () => {
    await setResearchOptIn(true);
    const r = { text: TEXT, findings: findings(), site: 'gmail', label: 'missed' as const, missedCategory: 'privacy', rulesHash: bundle.hash, engineVersion: '0.1.0' };
    const s = await reportContribution(r);
    await reportContribution(r); // the same report twice is kept once
    const stored = await researchReportsSetting.getValue();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toEqual(s);
    const raw = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const p of PII) expect(raw).not.toContain(p);
    expect(stored[0]!.categories).toContain('privacy');
    expect(sampleProblems(stored[0])).toEqual([]);
    await setResearchOptIn(false);
    expect(await researchReportsSetting.getValue()).toEqual([]);
  });

  it('the background queue: nothing when off; when on, kept in session memory until the research page redacts it', async () => {
    const r = { text: TEXT, findings: findings(), site: 'gmail', label: 'false-alarm' as const, isCollection: true, rulesHash: bundle.hash, engineVersion: '0.1.0' };
    expect(await queueContribution(r)).toBe(false);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    await setResearchOptIn(true);
    expect(await queueContribution(r)).toBe(true);
    expect(await fakeBrowser.storage.local.get('researchReports')).toEqual({});
    expect((await pendingContributions.getValue())[0]!.findings[0]).not.toHaveProperty('excerpt');
    expect(await drainPendingContributions()).toBe(1);
    expect(await pendingContributions.getValue()).toEqual([]);
    const stored = await researchReportsSetting.getValue();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ user_label: 'false-alarm', is_collection: true, lawful: true });
    for (const p of PII) expect(JSON.stringify(stored)).not.toContain(p);
    // turning research off also empties the queue
    await queueContribution(r);
    await setResearchOptIn(false);
    expect(await pendingContributions.getValue()).toEqual([]);
  });

  it('recognises the content script request', () => {
    expect(isReportContributionRequest({ type: 'dunwatch:report-contribution', record: { text: 'x', findings: [], site: 'gmail', label: 'missed', rulesHash: 'h' } })).toBe(true);
    expect(isReportContributionRequest({ type: 'dunwatch:report-contribution', record: { text: 'x', findings: [], site: 'gmail', label: 'maybe', rulesHash: 'h' } })).toBe(false);
    expect(isReportContributionRequest({ type: 'dunwatch:analyze', text: 'x' })).toBe(false);
  });
});

describe('ResearchPage', () => {
  let dispose: (() => void) | undefined;
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('main');
    document.body.append(host);
  });
  afterEach(() => {
    dispose?.();
    host.remove();
  });

  const mount = (download = vi.fn()) => {
    dispose = render(
      () => <ResearchPage rulesHash={bundle.hash} engineVersion="0.1.0" today={() => '2026-11-28'} download={download} analyze={async (text) => engine.analyze(text, { context: { collection: true } })} />,
      host,
    );
    return download;
  };
  const $ = <T extends Element>(sel: string) => host.querySelector(sel) as T | null;

  it('is off by default and shows only the explanation until the user opts in', async () => {
    mount();
    await vi.waitFor(() => expect(($<HTMLInputElement>('#research-optin'))?.disabled).toBe(false));
    expect($<HTMLInputElement>('#research-optin')!.checked).toBe(false);
    expect($('#research-paste')).toBeNull();
    expect(host.textContent).toContain('Nothing is sent anywhere');
  });

  it('opt in, paste, preview with placeholders next to the original, export JSON Lines without personal data', async () => {
    const download = mount();
    await vi.waitFor(() => expect($<HTMLInputElement>('#research-optin')?.disabled).toBe(false));
    $<HTMLInputElement>('#research-optin')!.click();
    await vi.waitFor(() => expect($('#research-paste')).not.toBeNull());
    expect(await researchOptInSetting.getValue()).toBe(true);

    const area = $<HTMLTextAreaElement>('#research-paste')!;
    area.value = TEXT;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    $<HTMLSelectElement>('#research-channel')!.value = 'sms';
    $<HTMLSelectElement>('#research-channel')!.dispatchEvent(new Event('change', { bubbles: true }));
    $<HTMLButtonElement>('#research-add')!.click();
    await vi.waitFor(() => expect(host.querySelectorAll('li.research-item')).toHaveLength(1));

    const item = $('li.research-item')!;
    const original = item.querySelector('[data-testid=original]')!.textContent!;
    const exported = item.querySelector('[data-testid=exported]')!.textContent!;
    expect(original).toBe(TEXT);
    for (const p of PII) expect(exported).not.toContain(p);
    expect(exported).toContain('[PHONE]');
    expect(exported).toContain('[EMAIL]');
    // the flagged words are marked in both columns
    expect([...item.querySelectorAll('[data-testid=exported] mark')].map((m) => m.textContent).join(' ')).toContain('employer');

    // label it, then export
    const label = item.querySelector('select') as HTMLSelectElement;
    label.value = 'correct';
    label.dispatchEvent(new Event('change', { bubbles: true }));
    const line = JSON.parse(item.querySelector('[data-testid=json]')!.textContent!) as ResearchSample;
    expect(line.user_label).toBe('correct');
    expect(line.text).toBe(exported);

    $<HTMLButtonElement>('#research-export')!.click();
    expect(download).toHaveBeenCalledTimes(1);
    const [name, content] = download.mock.calls[0] as [string, string];
    expect(name).toBe('dunwatch-research-2026-11-28.jsonl');
    const lines = content.trimEnd().split('\n').map((l) => JSON.parse(l) as ResearchSample);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(line);
    expect(lines[0]!.channel).toBe('sms');
    expect(lines[0]).toMatchObject({ is_collection: true, lawful: false, user_label: 'correct', rules_hash: bundle.hash, engine_version: '0.1.0' });
    for (const p of PII) expect(content).not.toContain(p);
    expect(host.textContent).toContain('Saved 1 messages as dunwatch-research-2026-11-28.jsonl.');
  });

  it('lists the open tabs\' flagged messages and the stored reports', async () => {
    await setResearchOptIn(true);
    const status: TabStatus = {
      site: 'whatsapp',
      messages: [
        { id: 'm1', direction: 'incoming', text: TEXT, findings: findings() },
        { id: 'm2', direction: 'incoming', text: 'See you at lunch.', findings: [] },
        { id: 'm3', direction: 'outgoing', text: 'Stop messaging me.', findings: [] },
      ],
    };
    await fakeBrowser.storage.session.set({ 'tab-7': status, unrelated: 1 });
    await queueContribution({ text: 'Pay now, deadbeat.', findings: [], site: 'gmail', label: 'missed', rulesHash: bundle.hash, engineVersion: '0.1.0' });
    expect(findings().length).toBeGreaterThan(0);
    mount();
    await vi.waitFor(() => expect(host.querySelectorAll('li.research-item')).toHaveLength(2));
    const origins = [...host.querySelectorAll('li.research-item')].map((li) => li.getAttribute('data-origin'));
    expect(origins).toEqual(['tab', 'reported']);
    expect(host.textContent).toContain('The original was not kept');
    $<HTMLInputElement>('#research-unflagged')!.click();
    await vi.waitFor(() => expect(host.querySelectorAll('li.research-item')).toHaveLength(3)); // the reader's own reply never
  });
});
