/**
 * Conduct over time: after the page settles, group the scanned messages into conversations and
 * ask for thread findings (hours, frequency, contact after STOP) only for conversations that
 * changed. Messages whose direction is unknown are scanned one by one as incoming, but stay out
 * of these counts: who sent what is exactly what a frequency finding would have to know.
 */
import type { ThreadFinding, ThreadMessage } from '../engine/thread/analyze-thread';
import { messageKey } from './ignores';
import type { Markers } from './markers';
import { inPageOrder, type RecordStore } from './records';
import type { ThreadState } from './types';

/**
 * Adapters read shown times as ISO wall time without a zone; the page shows them in the
 * reader's zone, which is this browser's, so the local Date is the right instant.
 */
export function toUtc(sentAt: string | undefined): string | undefined {
  if (!sentAt) return undefined;
  const d = new Date(sentAt);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export interface ThreadTrackerOptions {
  analyzeThread: (messages: ThreadMessage[]) => Promise<ThreadFinding[]>;
  channel?: ThreadMessage['channel'];
  onChange: () => void;
  /** the last request in flight finished */
  onSettled: () => void;
}

export class ThreadTracker {
  private readonly results = new Map<string, { signature: string; state: ThreadState }>();
  private inFlight = 0;
  private stopped = false;

  constructor(
    private readonly records: RecordStore,
    private readonly markers: Markers,
    private readonly options: ThreadTrackerOptions,
  ) {}

  get busy(): boolean {
    return this.inFlight > 0;
  }

  states(): ThreadState[] {
    return [...this.results.values()].map((t) => t.state);
  }

  update(): void {
    const groups = new Map<string, ReturnType<RecordStore['connected']>>();
    for (const r of this.records.connected()) {
      if (!r.info.threadId || r.info.layout === 'list' || r.info.direction === 'unknown') continue;
      const list = groups.get(r.info.threadId) ?? [];
      list.push(r);
      groups.set(r.info.threadId, list);
    }
    for (const id of [...this.results.keys()])
      if (!groups.has(id)) {
        this.markers.setThread(id, undefined, []);
        this.results.delete(id);
      }
    for (const [threadId, list] of groups) {
      list.sort(inPageOrder);
      if (!list.some((r) => r.info.direction === 'incoming')) continue;
      const messages: ThreadMessage[] = list.map((r) => {
        const sentAt = toUtc(r.info.sentAt);
        return {
          id: r.id,
          text: r.text,
          direction: r.info.direction === 'outgoing' ? 'outgoing' : 'incoming',
          ...(r.info.sender ? { sender: r.info.sender } : {}),
          ...(sentAt ? { sentAt } : {}),
          ...(this.options.channel ? { channel: this.options.channel } : {}),
        };
      });
      const signature = messages.map((m) => `${m.id}|${m.sentAt ?? ''}|${messageKey(m.text)}`).join(',');
      if (this.results.get(threadId)?.signature === signature) continue;
      const state: ThreadState = { threadId, messageIds: messages.map((m) => m.id), findings: this.results.get(threadId)?.state.findings ?? [] };
      this.results.set(threadId, { signature, state });
      this.inFlight++;
      this.options
        .analyzeThread(messages)
        .then((findings) => {
          if (this.stopped || this.results.get(threadId)?.signature !== signature) return;
          state.findings = findings;
          this.markers.setThread(threadId, list[0]!.element, findings);
          this.options.onChange();
        })
        .catch((e) => console.warn('[dunwatch] thread analysis failed:', e))
        .finally(() => {
          this.inFlight--;
          if (!this.inFlight) this.options.onSettled();
        });
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
