/** `dunwatch scan --threads`: input lines grouped into threads, thread findings per message id. */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../engine/bundled';
import { scanThreads } from './threads';

const engine = getEngine();
const collection = 'This is Apex Recovery, a debt collector. You owe $900 on your overdue account. Pay today.';

describe('scanThreads', () => {
  it('groups by thread, finds contact after STOP, and names the message ids it rests on', () => {
    const records = [
      { id: '1', thread: 't1', direction: 'incoming', channel: 'sms', sentAt: '2026-11-02T15:00:00Z', text: collection },
      { id: '2', thread: 't1', direction: 'outgoing', channel: 'sms', sentAt: '2026-11-02T16:00:00Z', text: 'STOP' },
      { id: '3', thread: 't1', direction: 'incoming', channel: 'sms', sentAt: '2026-11-03T15:00:00Z', text: collection },
      { id: '4', thread: 't2', direction: 'incoming', channel: 'sms', sentAt: '2026-11-03T15:00:00Z', text: 'Lunch on Friday?' },
    ];
    const scan = scanThreads(engine, records, 'us', 'America/New_York');
    const rules = (id: string) => (scan.findingsById.get(id) ?? []).map((f) => f.rule);
    expect(rules('3')).toContain('thread.contact-after-opt-out');
    expect(rules('2')).toContain('thread.contact-after-opt-out');
    expect(rules('4')).toEqual([]);
  });

  it('--work-address: collection e-mail to one of the reader’s work addresses (US), case-insensitive', () => {
    const records = [{ id: '1', thread: 't', direction: 'incoming', channel: 'email', to: 'Me@Work.example', sentAt: '2026-11-02T15:00:00Z', text: collection }];
    expect((scanThreads(engine, records, 'us', 'America/New_York').findingsById.get('1') ?? []).map((f) => f.rule)).not.toContain('thread.email-to-work-address');
    expect((scanThreads(engine, records, 'us', 'America/New_York', ['me@work.example']).findingsById.get('1') ?? []).map((f) => f.rule)).toContain('thread.email-to-work-address');
  });
});
