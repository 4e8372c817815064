/** `dunwatch redact`: personal data -> placeholders in each record; scan findings stay aligned. */
import { redact, remapSpan, type RedactOptions } from '../research/redact';
import type { Rec } from './sources';

/** Fields besides `text` that carry personal data in our inputs (e-mail headers, CSV exports). */
const PERSONAL_FIELDS = ['subject', 'from', 'to', 'sender', 'recipient', 'name'];

export function redactRecord(record: Rec, opts: RedactOptions): Record<string, unknown> {
  const r = redact(record.text, opts);
  const out: Record<string, unknown> = { ...record, text: r.text };
  for (const k of PERSONAL_FIELDS) if (typeof record[k] === 'string') out[k] = redact(record[k] as string, opts).text;
  if (Array.isArray(record.findings)) {
    out.findings = (record.findings as Record<string, unknown>[]).map((f) => {
      if (typeof f.start !== 'number' || typeof f.end !== 'number') return f;
      const m = remapSpan(r.replacements, f.start, f.end);
      return { ...f, start: m.start, end: m.end, excerpt: r.text.slice(m.start, m.end) };
    });
  }
  const counts: Record<string, number> = {};
  for (const x of r.replacements) counts[x.type] = (counts[x.type] ?? 0) + 1;
  out.redacted = counts;
  return out;
}
