import { describe, expect, it } from 'vitest';
import type { TabStatus } from '../../extension/messages';
import { PAGE } from './fixture-messages';
import { buildModel, isStale, keepSelection, panelState, step, type ThreadItem } from './model';
import { reportFrom } from './test-report';

const report = reportFrom(PAGE);
const findingsOf = (id: string) => report.messages!.find((m) => m.id === id)!.findings;
const threadFindings = (threadId: string) => report.threads!.find((t) => t.threadId === threadId)!.findings;

describe('side panel model: grouping and page order', () => {
  it('the fixture has what the panel must show (engine output, not hand-made)', () => {
    expect(findingsOf('a').length).toBeGreaterThan(0);
    expect(findingsOf('b')).toEqual([]); // the reader's own STOP is never flagged
    expect(findingsOf('c').length).toBeGreaterThan(0);
    expect(findingsOf('d').length).toBeGreaterThan(0);
    expect(findingsOf('e')).toEqual([]); // lawful reminder
    expect(threadFindings('sms').map((f) => f.rule)).toEqual(expect.arrayContaining(['thread.contact-hours', 'thread.contact-after-opt-out']));
  });

  it('groups by conversation in page order, thread findings first, only flagged messages', () => {
    const m = buildModel(report);
    expect(m.groups.map((g) => g.threadId)).toEqual(['sms', 'mail']);
    expect(m.groups.map((g) => g.subject)).toEqual([undefined, 'Final notice']);
    const [sms, mail] = m.groups;
    expect(sms!.threadItems.map((i) => i.finding.rule)).toEqual(threadFindings('sms').map((f) => f.rule));
    expect(sms!.messages.map((x) => x.message.id)).toEqual(['a', 'c']);
    expect(mail!.messages.map((x) => x.message.id)).toEqual(['d']);
    expect(mail!.threadItems.map((i) => i.finding.rule)).toEqual(threadFindings('mail').map((f) => f.rule));
  });

  it('items walk the page: each group’s thread findings, then its messages’ findings in order', () => {
    const m = buildModel(report);
    const expected = [
      ...threadFindings('sms').map((f) => `thread:${f.rule}`),
      ...findingsOf('a').map((f) => `a:${f.rule}`),
      ...findingsOf('c').map((f) => `c:${f.rule}`),
      ...threadFindings('mail').map((f) => `thread:${f.rule}`),
      ...findingsOf('d').map((f) => `d:${f.rule}`),
    ];
    expect(m.items.map((i) => (i.kind === 'thread' ? `thread:${i.finding.rule}` : `${i.message.id}:${i.finding.rule}`))).toEqual(expected);
    expect(m.items.map((i) => i.order)).toEqual(expected.map((_, i) => i));
    expect(new Set(m.items.map((i) => i.key)).size).toBe(m.items.length);
  });

  it('selecting a message finding focuses that message and finding; a thread finding the collector’s message, not the STOP', () => {
    const m = buildModel(report);
    const c = m.items.filter((i) => i.kind === 'message' && i.message.id === 'c');
    expect(c.map((i) => i.focus)).toEqual(findingsOf('c').map((_, n) => ({ type: 'dunwatch:focus', messageId: 'c', finding: n })));
    const optOut = m.items.find((i): i is ThreadItem => i.kind === 'thread' && i.finding.rule === 'thread.contact-after-opt-out')!;
    expect(optOut.finding.messageIds).toContain('b');
    expect(optOut.focus).toEqual({ type: 'dunwatch:focus', messageId: 'c' });
  });

  it('a thread finding whose messages are not on the page has nothing to focus', () => {
    const r: TabStatus = { ...report, threads: [{ threadId: 'sms', messageIds: ['zz'], findings: [{ ...threadFindings('sms')[0]!, messageIds: ['zz'] }] }] };
    const item = buildModel(r).items.find((i) => i.kind === 'thread')!;
    expect(item.focus).toBeUndefined();
  });

  it('messages without a conversation id form one group; counts', () => {
    const r = reportFrom(PAGE.map(({ threadId: _t, ...m }) => m));
    const m = buildModel(r);
    expect(m.groups).toHaveLength(1);
    expect(m.groups[0]!.threadId).toBeUndefined();
    expect(m.counts).toEqual({ messages: 5, flaggedMessages: 3, findings: findingsOf('a').length + findingsOf('c').length + findingsOf('d').length, threadFindings: 0 });
  });

  it('an empty or missing report has no groups', () => {
    expect(buildModel(undefined)).toEqual({ groups: [], items: [], counts: { messages: 0, flaggedMessages: 0, findings: 0, threadFindings: 0 } });
  });
});

describe('previous / next and keeping the selection', () => {
  it('step: from nothing, next is the first and previous the last; clamps at both ends', () => {
    expect(step(-1, 1, 5)).toBe(0);
    expect(step(-1, -1, 5)).toBe(4);
    expect(step(2, 1, 5)).toBe(3);
    expect(step(2, -1, 5)).toBe(1);
    expect(step(4, 1, 5)).toBe(4);
    expect(step(0, -1, 5)).toBe(0);
    expect(step(9, 1, 5)).toBe(0);
    expect(step(0, 1, 0)).toBe(-1);
  });

  it('a new report keeps the same finding when it moved, else the same position', () => {
    const before = buildModel(report);
    const selected = before.items.find((i) => i.kind === 'message' && i.message.id === 'd')!;
    // a new message arrives at the top of the page: d's finding moves down
    const after = buildModel(reportFrom([{ id: 'z', threadId: 'new', sender: 'X', direction: 'incoming', text: PAGE[0]!.text }, ...PAGE]));
    const kept = keepSelection(selected, selected.order, after.items);
    expect(kept).toBeGreaterThan(selected.order);
    expect(after.items[kept]!.key).toBe(selected.key);
    // d is gone: the position is kept, clamped to the list
    const gone = buildModel(reportFrom(PAGE.filter((m) => m.id !== 'd')));
    expect(keepSelection(selected, selected.order, gone.items)).toBe(gone.items.length - 1);
    expect(keepSelection(undefined, -1, after.items)).toBe(-1);
    expect(keepSelection(selected, 3, [])).toBe(-1);
  });
});

describe('panel state', () => {
  const m = buildModel(report);
  const empty = buildModel(undefined);
  it('names each calm empty state', () => {
    expect(panelState(undefined, undefined, empty)).toBe('no-tab');
    expect(panelState(1, undefined, empty)).toBe('not-scanned');
    expect(panelState(1, {}, empty)).toBe('not-scanned');
    expect(panelState(1, { status: 'scanning' }, empty)).toBe('scanning');
    expect(panelState(1, { status: 'disabled' }, empty)).toBe('disabled');
    expect(panelState(1, { status: 'no-messages' }, empty)).toBe('no-messages');
    expect(panelState(1, { status: 'ok', messages: [] }, empty)).toBe('no-findings');
    expect(panelState(1, report, m)).toBe('findings');
    // findings already reported while the page is still scanning are shown
    expect(panelState(1, { ...report, status: 'scanning' }, m)).toBe('findings');
  });

  it('a report from another site than the tab shows now is stale', () => {
    expect(isStale(report, 'https://mail.google.com/mail/u/0/#inbox/abc')).toBe(false);
    expect(isStale(report, 'https://example.org/')).toBe(true);
    expect(isStale(report, undefined)).toBe(false);
    expect(isStale({ status: 'ok' }, 'https://example.org/')).toBe(false);
  });
});
