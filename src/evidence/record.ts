/**
 * The canonical capture record (DESIGN.md "Evidence") and its hash. The record holds only
 * what was seen and what the engine said about it; notes, tags, chain links and storage
 * details live outside it, so annotating never changes a record's hash.
 */
import type { Finding } from '../engine';
import { canonicalSha256 } from './canonical';
import { captureRecordProblems } from './schema';

export const RECORD_SCHEMA = 1;

export interface RecordFinding {
  rule: string;
  ruleVersion: number;
  category: string;
  severity: string;
  /** UTF-16 offsets into `text`, end exclusive. */
  start: number;
  end: number;
  excerpt: string;
  title: string;
  law: string[];
  citations: { id: string; title: string; url: string }[];
}

export interface CaptureRecord {
  schema: typeof RECORD_SCHEMA;
  /** [A-Za-z0-9_-], 1–64 characters: it names the screenshot file in an export. */
  id: string;
  /** ISO 8601 UTC, when the user saved it. */
  capturedAt: string;
  /** e.g. "gmail", "whatsapp", "outlook", "pasted". */
  site: string;
  url: string | null;
  threadId: string | null;
  sender: { name: string | null; address: string | null };
  /** The sent time as the page showed it, and as ISO 8601 UTC when it could be resolved. */
  sentAt: { shown: string | null; iso: string | null };
  /** incoming = from the collector; outgoing = the reader's own reply (whole-thread capture). */
  direction: 'incoming' | 'outgoing' | null;
  subject: string | null;
  text: string;
  findings: RecordFinding[];
  rulesBundleHash: string;
  extensionVersion: string;
  /** SHA-256 (hex) of the PNG screenshot, if one was taken. */
  screenshotSha256: string | null;
  source: 'page' | 'pasted';
  /** For pasted messages: the user's own note of where and when they received it. */
  note: string | null;
}

export { ID_PATTERN } from './schema';

export function toRecordFindings(findings: readonly Finding[]): RecordFinding[] {
  return findings.map((f) => ({
    rule: f.rule,
    ruleVersion: f.ruleVersion,
    category: f.category,
    severity: f.severity,
    start: f.start,
    end: f.end,
    excerpt: f.excerpt,
    title: f.title,
    law: [...f.law],
    citations: f.citations.map((c) => ({ id: c.id, title: c.title, url: c.url })),
  }));
}

/** SHA-256 (hex) of the record's canonical JSON: the evidence hash of one message. */
export function recordSha256(record: CaptureRecord): Promise<string> {
  return canonicalSha256(record);
}

/** Every problem with a record's shape, as "field: what is wrong"; [] when it is well formed (the strict schema in schema.ts). */
export function recordProblems(r: unknown): string[] {
  return captureRecordProblems(r);
}

export interface CaptureInput {
  site: string;
  url?: string | null;
  threadId?: string | null;
  sender?: { name?: string | null; address?: string | null };
  /** the time as the page showed it */
  sentAtShown?: string | null;
  /** the resolved send time, if the adapter could resolve it */
  sentAt?: Date | null;
  direction?: 'incoming' | 'outgoing' | null;
  subject?: string | null;
  text: string;
  findings: readonly Finding[];
  rulesBundleHash: string;
  extensionVersion: string;
  screenshotSha256?: string | null;
  source?: 'page' | 'pasted';
  note?: string | null;
  /** defaults to now */
  capturedAt?: Date;
  /** defaults to a random UUID */
  id?: string;
}

function isoUtc(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error('invalid date');
  return d.toISOString();
}

/** A well-formed CaptureRecord from what a page adapter (or the paste box) and the engine give. */
export function newCaptureRecord(input: CaptureInput): CaptureRecord {
  const record: CaptureRecord = {
    schema: RECORD_SCHEMA,
    id: input.id ?? crypto.randomUUID(),
    capturedAt: isoUtc(input.capturedAt ?? new Date()),
    site: input.site,
    url: input.url ?? null,
    threadId: input.threadId ?? null,
    sender: { name: input.sender?.name ?? null, address: input.sender?.address ?? null },
    sentAt: { shown: input.sentAtShown ?? null, iso: input.sentAt ? isoUtc(input.sentAt) : null },
    direction: input.direction ?? null,
    subject: input.subject ?? null,
    text: input.text,
    findings: toRecordFindings(input.findings),
    rulesBundleHash: input.rulesBundleHash,
    extensionVersion: input.extensionVersion,
    screenshotSha256: input.screenshotSha256 ?? null,
    source: input.source ?? 'page',
    note: input.note ?? null,
  };
  const problems = recordProblems(record);
  if (problems.length) throw new Error(`cannot make a capture record: ${problems.join('; ')}`);
  return record;
}
