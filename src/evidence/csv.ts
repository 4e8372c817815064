/**
 * evidence.csv: one row per finding (a record without findings — e.g. the reader's own
 * reply in a saved thread — gets one row with the finding columns empty), RFC 4180 quoting,
 * CRLF line ends, UTF-8 with a byte-order mark so Excel shows Chinese correctly.
 * Text cells that a spreadsheet would run as a formula (= + - @ tab CR at the start) get a
 * leading apostrophe; evidence.json keeps the exact text.
 */
import type { CaptureRecord } from './record';

export const CSV_COLUMNS = [
  'record_id', 'captured_at', 'site', 'url', 'thread_id', 'direction', 'sender_name', 'sender_address',
  'sent_at_shown', 'sent_at_utc', 'subject', 'source', 'note', 'rule', 'rule_version', 'category', 'severity',
  'start', 'end', 'excerpt', 'law', 'record_sha256',
] as const;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function evidenceCsv(records: readonly { record: CaptureRecord; sha256: string }[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const { record: r, sha256 } of records) {
    const base = [r.id, r.capturedAt, r.site, r.url, r.threadId, r.direction, r.sender.name, r.sender.address, r.sentAt.shown, r.sentAt.iso, r.subject, r.source, r.note];
    const findings = r.findings.length ? r.findings : [null];
    for (const f of findings) {
      const cells = f ? [f.rule, f.ruleVersion, f.category, f.severity, f.start, f.end, f.excerpt, f.law.join(' ')] : [null, null, null, null, null, null, null, null];
      rows.push([...base, ...cells, sha256].map(csvCell).join(','));
    }
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
