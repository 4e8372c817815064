/** The reader's "not a problem here" choices: which findings they hide, and one step of undo. */
import type { Finding } from '../engine/types';
import type { IgnoreEntry, IgnoreScope } from './types';

/** FNV-1a of the text: a stable key for "ignore in this message" without storing the text. */
export function messageKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function isIgnored(entries: readonly IgnoreEntry[], site: string, f: Finding, sender: string | undefined, key: string): boolean {
  return entries.some(
    (e) =>
      e.rule === f.rule &&
      ((e.scope === 'rule-on-site' && e.site === site) || (e.scope === 'sender' && sender !== undefined && e.sender === sender) || (e.scope === 'message' && e.messageKey === key)),
  );
}

export class Ignores {
  private entries: IgnoreEntry[];
  private last?: IgnoreEntry;

  constructor(
    private readonly site: string,
    initial: readonly IgnoreEntry[],
    private readonly onChange?: (entries: IgnoreEntry[]) => void,
  ) {
    this.entries = [...initial];
  }

  add(scope: IgnoreScope, finding: Finding, message: { sender?: string | undefined; text: string } | undefined): void {
    const entry: IgnoreEntry = { scope, site: this.site, rule: finding.rule };
    if (scope === 'sender' && message?.sender) entry.sender = message.sender;
    if (scope === 'message' && message) entry.messageKey = messageKey(message.text);
    this.entries = [...this.entries, entry];
    this.last = entry;
    this.onChange?.(this.entries);
  }

  /** Undo the latest choice; false when there is nothing to undo. */
  undo(): boolean {
    if (!this.last) return false;
    const last = this.last;
    this.entries = this.entries.filter((e) => e !== last);
    this.last = undefined;
    this.onChange?.(this.entries);
    return true;
  }

  /** The findings the reader still wants to see. */
  filter(findings: readonly Finding[], sender: string | undefined, text: string): Finding[] {
    const key = messageKey(text);
    return findings.filter((f) => !isIgnored(this.entries, this.site, f, sender, key));
  }
}
