/**
 * One tab, several reports: where a site's messages live in frames (classic QQ Mail reads mail
 * in an iframe), a content script runs in each frame and each reports what it scanned. The
 * popup, badge and side panel see one report per tab: the frames that found messages, added up;
 * when none did, the top frame's report (it says "no messages" or how the page is read).
 */
import type { PageStats } from '../page/types';
import type { TabStatus } from './messages';

export function mergeFrameReports(frames: Readonly<Record<number, TabStatus>>): TabStatus {
  const ids = Object.keys(frames).map(Number).sort((a, b) => a - b);
  const list = ids.map((id) => frames[id]!);
  if (list.length <= 1) return list[0] ?? {};
  const top = frames[0] ?? list[0]!;
  const reading = list.filter((r) => (r.stats?.messages ?? 0) > 0);
  if (!reading.length) return top;
  const stats: PageStats = { messages: 0, flagged: 0, findings: 0, byCategory: {} };
  for (const r of reading) {
    stats.messages += r.stats!.messages;
    stats.flagged += r.stats!.flagged;
    stats.findings += r.stats!.findings;
    for (const [c, n] of Object.entries(r.stats!.byCategory)) stats.byCategory[c as keyof PageStats['byCategory']] = (stats.byCategory[c as keyof PageStats['byCategory']] ?? 0) + (n ?? 0);
  }
  const messages = reading.flatMap((r) => r.messages ?? []);
  const threads = reading.flatMap((r) => r.threads ?? []);
  return {
    site: reading[0]!.site ?? top.site,
    status: 'ok',
    stats,
    ...(top.url ? { url: top.url } : {}),
    messages,
    threads,
    reader: reading.some((r) => r.reader === 'fallback') ? 'fallback' : 'adapter',
  };
}
