/**
 * The canonical capture record (DESIGN.md "Evidence") and its hash. The record holds only
 * what was seen and what the engine said about it; notes, tags, chain links and storage
 * details live outside it, so annotating never changes a record's hash.
 */
import type { Finding } from '../engine';
import { canonicalSha256 } from './canonical';

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

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const HEX64 = /^[0-9a-f]{64}$/;

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

/** Every problem with a record's shape, as "field: what is wrong"; [] when it is well formed. */
export function recordProblems(r: unknown): string[] {
  const p: string[] = [];
  if (!r || typeof r !== 'object' || Array.isArray(r)) return ['not an object'];
  const o = r as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string' || p.push(`${k}: not a string`);
  const strOrNull = (v: unknown, k: string) => v === null || typeof v === 'string' || p.push(`${k}: not a string or null`);
  if (o.schema !== RECORD_SCHEMA) p.push(`schema: expected ${RECORD_SCHEMA}`);
  if (typeof o.id !== 'string' || !ID_PATTERN.test(o.id)) p.push('id: must be 1–64 of A-Z a-z 0-9 _ -');
  if (typeof o.capturedAt !== 'string' || !ISO_UTC.test(o.capturedAt)) p.push('capturedAt: not ISO 8601 UTC');
  str('site');
  str('text');
  str('rulesBundleHash');
  str('extensionVersion');
  strOrNull(o.url, 'url');
  strOrNull(o.threadId, 'threadId');
  strOrNull(o.subject, 'subject');
  strOrNull(o.note, 'note');
  const sender = o.sender as Record<string, unknown> | null;
  if (!sender || typeof sender !== 'object') p.push('sender: not an object');
  else {
    strOrNull(sender.name, 'sender.name');
    strOrNull(sender.address, 'sender.address');
  }
  const sent = o.sentAt as Record<string, unknown> | null;
  if (!sent || typeof sent !== 'object') p.push('sentAt: not an object');
  else {
    strOrNull(sent.shown, 'sentAt.shown');
    if (sent.iso !== null && (typeof sent.iso !== 'string' || !ISO_UTC.test(sent.iso))) p.push('sentAt.iso: not ISO 8601 UTC or null');
  }
  if (o.direction !== null && o.direction !== 'incoming' && o.direction !== 'outgoing') p.push('direction: incoming, outgoing or null');
  if (o.source !== 'page' && o.source !== 'pasted') p.push('source: page or pasted');
  if (o.screenshotSha256 !== null && (typeof o.screenshotSha256 !== 'string' || !HEX64.test(o.screenshotSha256))) p.push('screenshotSha256: not a lowercase SHA-256 hex or null');
  if (!Array.isArray(o.findings)) p.push('findings: not an array');
  else {
    const len = typeof o.text === 'string' ? o.text.length : 0;
    o.findings.forEach((f: Record<string, unknown>, i: number) => {
      if (!f || typeof f !== 'object') return void p.push(`findings[${i}]: not an object`);
      for (const k of ['rule', 'category', 'severity', 'excerpt', 'title']) if (typeof f[k] !== 'string') p.push(`findings[${i}].${k}: not a string`);
      if (!Number.isInteger(f.ruleVersion)) p.push(`findings[${i}].ruleVersion: not an integer`);
      if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || (f.start as number) < 0 || (f.end as number) < (f.start as number) || (f.end as number) > len) p.push(`findings[${i}]: start/end outside the text`);
      if (!Array.isArray(f.law) || !f.law.every((l) => typeof l === 'string')) p.push(`findings[${i}].law: not a list of strings`);
      if (!Array.isArray(f.citations)) p.push(`findings[${i}].citations: not an array`);
    });
  }
  return p;
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
