/**
 * evidence.csv: one row per finding (a record without findings — e.g. the reader's own
 * reply in a saved thread — gets one row with the finding columns empty), RFC 4180 quoting,
 * CRLF line ends, UTF-8 with a byte-order mark so Excel shows Chinese correctly.
 * Text a spreadsheet would run as a formula gets an apostrophe in front: at the start of a
 * cell (= + - @ tab CR), and also after a comma, semicolon, tab or line break inside a cell,
 * because a spreadsheet set to a locale whose list separator is ";" splits our rows there and
 * starts a new cell (where "=…" would run). evidence.json keeps the exact text.
 * Imported records carry when they were imported and the key that signed their bundle.
 */
import type { Provenance } from './ledger';
import type { CaptureRecord } from './record';

export const CSV_COLUMNS = [
  'record_id', 'captured_at', 'site', 'url', 'thread_id', 'direction', 'sender_name', 'sender_address',
  'sent_at_shown', 'sent_at_utc', 'subject', 'source', 'note', 'rule', 'rule_version', 'category', 'severity',
  'start', 'end', 'excerpt', 'law', 'record_sha256', 'imported_at', 'import_key_fingerprint',
] as const;

/** Neutralise formula starts: at the start, and after any separator a spreadsheet might split on. */
export function defuseFormulas(s: string): string {
  return s.replace(/^[=+\-@\t\r]/, "'$&").replace(/([,;\t\r\n]\s*)(?=[=+\-@])/g, "$1'");
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string') s = defuseFormulas(s);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function evidenceCsv(records: readonly { record: CaptureRecord; sha256: string }[], provenance: ReadonlyMap<string, Provenance> = new Map()): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const { record: r, sha256 } of records) {
    const base = [r.id, r.capturedAt, r.site, r.url, r.threadId, r.direction, r.sender.name, r.sender.address, r.sentAt.shown, r.sentAt.iso, r.subject, r.source, r.note];
    const p = provenance.get(r.id);
    const findings = r.findings.length ? r.findings : [null];
    for (const f of findings) {
      const cells = f ? [f.rule, f.ruleVersion, f.category, f.severity, f.start, f.end, f.excerpt, f.law.join(' ')] : [null, null, null, null, null, null, null, null];
      rows.push([...base, ...cells, sha256, p?.importedAt ?? null, p?.keyFingerprint ?? null].map(csvCell).join(','));
    }
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
