/** The ignore list in the options: delete one entry, undo the last delete (pure, tested). */
import type { IgnoreEntry } from '../page/loop';

export interface Removed {
  entry: IgnoreEntry;
  index: number;
}

export function removeAt(list: readonly IgnoreEntry[], index: number): { list: IgnoreEntry[]; removed?: Removed } {
  const entry = list[index];
  if (!entry) return { list: [...list] };
  return { list: [...list.slice(0, index), ...list.slice(index + 1)], removed: { entry, index } };
}

export function undoRemove(list: readonly IgnoreEntry[], removed: Removed): IgnoreEntry[] {
  const at = Math.min(removed.index, list.length);
  return [...list.slice(0, at), removed.entry, ...list.slice(at)];
}

/** Whether a zone name is a valid IANA time zone ('' = the browser's, also valid). */
export function isTimeZone(zone: string): boolean {
  if (zone === '') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
