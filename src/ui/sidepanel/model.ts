/**
 * What the side panel lists, from a tab's report (`session:tab-<id>`): the findings grouped by
 * conversation and message, in page order, with the conversation's own findings (hours,
 * frequency, contact after STOP …) at the top of its group. Pure data: no DOM, no browser.
 */
import type { Finding } from '../../engine/types';
import type { ThreadFinding } from '../../engine/thread/analyze-thread';
import type { FocusCommand, TabMessage, TabStatus } from '../../extension/messages';

interface ItemBase {
  /** position in page order (index into `PanelModel.items`) */
  order: number;
  /** stable across reports of the same page, to keep the selection when a report is replaced */
  key: string;
  /** what selecting it asks the page to do; undefined when none of its messages is on the page */
  focus?: FocusCommand;
}
export interface ThreadItem extends ItemBase {
  kind: 'thread';
  finding: ThreadFinding;
}
export interface MessageItem extends ItemBase {
  kind: 'message';
  finding: Finding;
  message: TabMessage;
}
export type PanelItem = ThreadItem | MessageItem;

export interface PanelMessage {
  message: TabMessage;
  items: MessageItem[];
}

export interface PanelGroup {
  key: string;
  threadId?: string;
  /** the subject of the conversation's first message that has one */
  subject?: string;
  /** 1-based number among the groups, for "Conversation 2" when there is no subject */
  number: number;
  threadItems: ThreadItem[];
  messages: PanelMessage[];
}

export interface PanelCounts {
  /** messages checked on the page */
  messages: number;
  /** messages with at least one finding */
  flaggedMessages: number;
  /** findings in single messages */
  findings: number;
  /** findings about whole conversations */
  threadFindings: number;
}

export interface PanelModel {
  groups: PanelGroup[];
  /** every finding in page order: the order previous/next walks */
  items: PanelItem[];
  counts: PanelCounts;
}

const NO_THREAD = '';

export function buildModel(status: TabStatus | undefined): PanelModel {
  const messages = status?.messages ?? [];
  const threads = status?.threads ?? [];
  const position = new Map(messages.map((m, i) => [m.id, i]));

  // groups in the order their first message appears on the page
  const groups = new Map<string, PanelGroup>();
  const groupFor = (threadId: string | undefined): PanelGroup => {
    const key = threadId ?? NO_THREAD;
    let g = groups.get(key);
    if (!g) {
      g = { key, threadId, number: 0, threadItems: [], messages: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const m of messages) {
    const g = groupFor(m.threadId);
    if (g.subject === undefined && m.subject) g.subject = m.subject;
    if (m.findings.length) g.messages.push({ message: m, items: [] });
  }
  for (const th of threads) {
    if (!th.findings.length) continue;
    const g = groupFor(th.threadId);
    for (const f of th.findings) {
      // shown on the page: the first collector's message the finding rests on (not the reader's
      // own STOP), in page order; the first message of any kind when there is none
      const onPage = f.messageIds.filter((id) => position.has(id)).sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
      const target = onPage.find((id) => messages[position.get(id) as number]?.direction !== 'outgoing') ?? onPage[0];
      g.threadItems.push({ kind: 'thread', order: 0, key: '', finding: f, focus: target === undefined ? undefined : { type: 'dunwatch:focus', messageId: target } });
    }
  }

  const items: PanelItem[] = [];
  const out: PanelGroup[] = [];
  for (const g of groups.values()) {
    if (!g.threadItems.length && !g.messages.length) continue;
    g.number = out.length + 1;
    out.push(g);
    g.threadItems.forEach((it, i) => {
      it.order = items.length;
      it.key = `t:${g.key}:${it.finding.rule}:${i}`;
      items.push(it);
    });
    for (const pm of g.messages) {
      pm.message.findings.forEach((f, i) => {
        const it: MessageItem = {
          kind: 'message',
          order: items.length,
          key: `m:${pm.message.id}:${f.rule}:${f.start}`,
          finding: f,
          message: pm.message,
          focus: { type: 'dunwatch:focus', messageId: pm.message.id, finding: i },
        };
        pm.items.push(it);
        items.push(it);
      });
    }
  }

  const counts: PanelCounts = {
    messages: status?.stats?.messages ?? messages.length,
    flaggedMessages: messages.filter((m) => m.findings.length).length,
    findings: messages.reduce((n, m) => n + m.findings.length, 0),
    threadFindings: items.filter((i) => i.kind === 'thread').length,
  };
  return { groups: out, items, counts };
}

/** Previous / next in page order. From no selection, next is the first and previous the last; no wrapping. */
export function step(current: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return delta === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + delta));
}

/** After a new report: the same finding if it is still there, else the same position, clamped. */
export function keepSelection(previous: PanelItem | undefined, previousIndex: number, items: readonly PanelItem[]): number {
  if (previousIndex < 0 || !items.length) return -1;
  if (previous) {
    const same = items.findIndex((i) => i.key === previous.key);
    if (same >= 0) return same;
  }
  return Math.min(previousIndex, items.length - 1);
}

export type PanelState = 'no-tab' | 'not-scanned' | 'scanning' | 'disabled' | 'no-messages' | 'no-findings' | 'findings';

export function panelState(tabId: number | undefined, status: TabStatus | undefined, model: PanelModel): PanelState {
  if (tabId === undefined) return 'no-tab';
  if (!status?.status) return 'not-scanned';
  if (status.status === 'disabled') return 'disabled';
  if (model.items.length) return 'findings';
  if (status.status === 'scanning') return 'scanning';
  if (status.status === 'no-messages') return 'no-messages';
  return 'no-findings';
}

/** The report belongs to another page than the one the tab shows now (the tab navigated away). */
export function isStale(status: TabStatus | undefined, tabUrl: string | undefined): boolean {
  if (!status?.url || !tabUrl) return false;
  try {
    return new URL(status.url).origin !== new URL(tabUrl).origin;
  } catch {
    return false;
  }
}
