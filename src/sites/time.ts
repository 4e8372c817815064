/**
 * Read a time as a site shows it into ISO 8601. Pure; no Date.parse guessing.
 * Without a zone in the source the result is local wall time ("2026-11-28T10:02"), because
 * that is what the page shows the reader; unix timestamps and zoned ISO become UTC ("…Z").
 * Returns undefined when no full date can be read (e.g. "10:02" or "Yesterday").
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_RE = '(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\\.?';

const pad = (n: number) => String(n).padStart(2, '0');

export interface TimeOptions {
  /** order for ambiguous numeric dates (both parts ≤ 12) */
  dateOrder?: 'dmy' | 'mdy';
}

export function parseShownTime(shown: string | undefined, opts: TimeOptions = {}): string | undefined {
  if (!shown) return undefined;
  const s = shown.trim();
  if (/^\d{10}$/.test(s)) return new Date(Number(s) * 1000).toISOString();
  if (/^\d{13}$/.test(s)) return new Date(Number(s)).toISOString();
  const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (iso) {
    if (iso[4]) {
      const t = new Date(s).getTime();
      return Number.isNaN(t) ? undefined : new Date(t).toISOString();
    }
    return `${iso[1]}T${iso[2]}`;
  }

  const date = readDate(s, opts);
  if (!date) return undefined;
  const [y, m, d] = date;
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const time = readTime(s);
  return time ? `${day}T${time}` : day;
}

function readDate(s: string, opts: TimeOptions): [number, number, number] | undefined {
  let m = /(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i').exec(s);
  if (m) return [Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])];
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})`, 'i').exec(s);
  if (m) return [Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])];
  m = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const order = a > 12 ? 'dmy' : b > 12 ? 'mdy' : opts.dateOrder;
    if (order === 'dmy') return [y, b, a];
    if (order === 'mdy') return [y, a, b];
  }
  return undefined;
}

function readTime(s: string): string | undefined {
  const m = /(上午|下午|中午|晚上|凌晨|早上)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?/i.exec(s);
  if (!m) return undefined;
  let h = Number(m[2]);
  const min = Number(m[3]);
  const zh = m[1];
  const ap = m[5]?.toLowerCase();
  if ((ap === 'p' || zh === '下午' || zh === '晚上') && h < 12) h += 12;
  if ((ap === 'a' || zh === '凌晨' || zh === '上午' || zh === '早上') && h === 12) h = 0;
  if (zh === '中午' && h < 11) h += 12;
  if (h > 23 || min > 59) return undefined;
  return `${pad(h)}:${pad(min)}${m[4] ? `:${m[4]}` : ''}`;
}
