/**
 * A pasted conversation → messages with sender, time and direction, for the popup's thread
 * check (issue #7 item 3). Recognised: SMS / chat exports with one timed header per message,
 *
 *   2026-11-02 23:40 Collector: pay now          [02/11/2026, 23:40] Me: STOP
 *   11/2/26, 11:40 PM - Collector: pay now       2026年11月2日 晚上11:40 催收员：还钱
 *
 * and blocks whose first line is a date and time (the sender on that line or on the next as
 * `Name:`), the body running to the next header. Lines by the reader (`Me:`, `I:`, `You:`,
 * `我:`, `本人:`) are outgoing. Times are the reader's wall-clock time: `toUtc` turns them into
 * instants in the reader's time zone. Fewer than two timed headers → one plain message.
 * Pure: no DOM, no extension APIs.
 */
import { parseShownTime } from '../../sites/time';

export interface PastedMessage {
  id: string;
  /** the message body (header and sender removed) */
  text: string;
  /** offset of `text` in the pasted string, to map findings back onto the paste */
  start: number;
  sender?: string;
  /** the time as written */
  shownTime?: string;
  /** local wall-clock time, `YYYY-MM-DDTHH:MM[:SS]` */
  localTime?: string;
  direction: 'incoming' | 'outgoing';
}

export interface PasteOptions {
  /** order of ambiguous numeric dates (03/04/2026): from the browser's locale */
  dateOrder?: 'dmy' | 'mdy';
}

const MON = '(?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\\.?';
const DATE = [
  '\\d{4}\\s*[年/.-]\\s*\\d{1,2}\\s*[月/.-]\\s*\\d{1,2}\\s*[日号]?',
  '\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})',
  `${MON}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  `\\d{1,2}(?:st|nd|rd|th)?\\s+${MON},?\\s+\\d{4}`,
].join('|');
const WEEKDAY = '(?:(?:周|星期|週|禮拜|礼拜)[一二三四五六日天]|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?)';
const TIME = '(?:上午|下午|中午|晚上|凌晨|早上)?\\s*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?(?:\\s*[ap]\\.?\\s?m\\b\\.?)?';
/** a header at the start of a line: optional bracket, weekday, date, optional weekday, time, bracket, dash */
const HEADER = new RegExp(
  `^[ \\t]*[\\[(【]?[ \\t]*(?:${WEEKDAY},?[ \\t]*)?(${DATE})[ \\t]*(?:[,，T]|[ \\t]|\\(?${WEEKDAY}\\)?)*[ \\t]*(${TIME})[ \\t]*[\\])】]?[ \\t]*(?:[-–—][ \\t]*)?`,
  'i',
);
/** `Name:` at the start of the rest: short, no sentence punctuation, not a time */
const SENDER = /^([^\s:：\d][^:：\n.!?。！？]{0,39}?)[ \t]*[:：][ \t]*/;
const OWN = /^(me|i|you|myself|我|我自己|本人|自己)$/i;

function senderOf(s: string): { sender: string; length: number } | undefined {
  const m = SENDER.exec(s);
  if (!m) return undefined;
  const sender = (m[1] as string).trim();
  if (sender.split(/\s+/).length > 5) return undefined;
  return { sender, length: m[0].length };
}

/** Split a paste into messages; one message (the whole text, no time) unless ≥ 2 timed headers. */
export function parsePastedThread(paste: string, opts: PasteOptions = {}): PastedMessage[] {
  const lines: { start: number; text: string }[] = [];
  let at = 0;
  for (const text of paste.split('\n')) {
    lines.push({ start: at, text });
    at += text.length + 1;
  }
  const heads: { line: number; headerLength: number; shown: string; local: string }[] = [];
  lines.forEach((l, i) => {
    const m = HEADER.exec(l.text);
    if (!m) return;
    const shown = `${m[1]} ${m[2]}`.trim();
    const local = parseShownTime(shown, opts);
    if (local?.includes('T')) heads.push({ line: i, headerLength: m[0].length, shown: m[0].trim().replace(/[-–—]$/, '').trim().replace(/^[[(【]\s*|\s*[\])】]$/g, ''), local });
  });
  if (heads.length < 2) return [{ id: 'm1', text: paste, start: 0, direction: 'incoming' }];

  const out: PastedMessage[] = [];
  const first = heads[0] as (typeof heads)[number];
  const before = lines[first.line] as (typeof lines)[number];
  const preamble = paste.slice(0, before.start);
  if (preamble.trim()) out.push(body(paste, 0, before.start, { id: 'm0', direction: 'incoming' }));
  heads.forEach((h, k) => {
    const line = lines[h.line] as (typeof lines)[number];
    const next = heads[k + 1];
    const end = next ? (lines[next.line] as (typeof lines)[number]).start : paste.length;
    let start = line.start + h.headerLength;
    let sender = senderOf(paste.slice(start, end));
    if (!sender && !paste.slice(start, line.start + line.text.length).trim()) {
      // the header alone on its line: the sender may open the next line
      const nextLine = lines[h.line + 1];
      if (nextLine && nextLine.start < end) {
        start = nextLine.start;
        sender = senderOf(paste.slice(start, end));
      }
    }
    if (sender) start += sender.length;
    const msg = body(paste, start, end, {
      id: `m${k + 1}`,
      direction: sender && OWN.test(sender.sender) ? 'outgoing' : 'incoming',
      shownTime: h.shown,
      localTime: h.local,
      ...(sender ? { sender: sender.sender } : {}),
    });
    out.push(msg);
  });
  return out;
}

function body(paste: string, from: number, to: number, rest: Omit<PastedMessage, 'text' | 'start'>): PastedMessage {
  const raw = paste.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { ...rest, text: raw.trim(), start: from + lead };
}

/** How many of the messages carry a time. */
export function timedCount(messages: readonly PastedMessage[]): number {
  return messages.filter((m) => m.localTime).length;
}

/** Ambiguous numeric dates: month first in the US (and the Philippines), day first elsewhere. */
export function dateOrderFor(locale: string): 'dmy' | 'mdy' {
  return /^en-(us|ph)$|^en$/i.test(locale) ? 'mdy' : 'dmy';
}

/** A local wall-clock time (`YYYY-MM-DDTHH:MM[:SS]`) in an IANA zone → ISO 8601 UTC. */
export function toUtc(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  } catch {
    return undefined;
  }
  const offsetAt = (instant: number) => {
    const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second)) - instant;
  };
  // two rounds settle the offset, DST changes included
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess).toISOString();
}
