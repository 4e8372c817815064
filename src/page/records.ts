/**
 * What the loop has scanned: one record per message element, in the loop's own memory. Ids are
 * given here and kept in a Map (never written to the host's DOM), so a site that clones a
 * message element does not clone its id, and the page cannot read which messages were flagged.
 */
import type { PageRecord, PageStats } from './types';

/** Node.DOCUMENT_POSITION_FOLLOWING (the constant, so this runs where `Node` is not a global) */
const FOLLOWING = 4;
const inPageOrder = (a: PageRecord, b: PageRecord) => (a.element.compareDocumentPosition(b.element) & FOLLOWING ? -1 : 1);

export class RecordStore {
  private readonly byElement = new Map<Element, PageRecord>();
  private lastId = 0;

  /** `prefix` keeps ids unique when a page is read again by another loop (the fallback reader) */
  constructor(private readonly prefix = 'm') {}

  get(element: Element): PageRecord | undefined {
    return this.byElement.get(element);
  }

  has(element: Element): boolean {
    return this.byElement.has(element);
  }

  /** The id an element has, or a new one. */
  idFor(element: Element): string {
    return this.byElement.get(element)?.id ?? `${this.prefix}${++this.lastId}`;
  }

  set(record: PageRecord): void {
    this.byElement.set(record.element, record);
  }

  elements(): Element[] {
    return [...this.byElement.keys()];
  }

  all(): PageRecord[] {
    return [...this.byElement.values()];
  }

  /** Records of messages still on the page. */
  connected(): PageRecord[] {
    return this.all().filter((r) => r.element.isConnected);
  }

  byId(id: string): PageRecord | undefined {
    return this.connected().find((r) => r.id === id);
  }

  /** A message's whole conversation (the reader's replies included), in page order. */
  threadOf(record: PageRecord): PageRecord[] {
    return this.connected()
      .filter((r) => r.info.threadId === record.info.threadId)
      .sort(inPageOrder);
  }

  stats(): PageStats {
    const list = this.connected();
    const stats: PageStats = { messages: list.length, flagged: 0, findings: 0, byCategory: {} };
    for (const r of list) {
      if (r.findings.length) stats.flagged++;
      stats.findings += r.findings.length;
      for (const f of r.findings) stats.byCategory[f.category] = (stats.byCategory[f.category] ?? 0) + 1;
    }
    return stats;
  }

  clear(): void {
    this.byElement.clear();
  }
}

export { inPageOrder };
