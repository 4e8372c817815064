/**
 * Strict schemas (valibot) for every payload the chain holds: capture records with their
 * findings and citations, annotations, deletions and import entries. Strict: an unknown key, a
 * wrong type, a category that is not one of ours (`constructor`), a numeric note or a `null`
 * citation is refused with the path of the field, so a correctly hashed but odd payload can
 * never reach the report, the CSV or the locker UI (which trust these shapes).
 *
 * Checked by `verifyChain` (so export, import and the locker's own check all see the same
 * verdict) and by the background's replay of pending writes: use `captureRecordProblems`,
 * `annotationProblems`, `deletionProblems` or the schemas themselves.
 */
import * as v from 'valibot';
import { CATEGORIES, SEVERITIES } from '../engine/types';

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const HEX64 = /^[0-9a-f]{64}$/;

const Id = v.pipe(v.string('must be a string'), v.regex(ID_PATTERN, 'must be 1–64 of A-Z a-z 0-9 _ -'));
const IsoUtc = v.pipe(v.string('must be a string'), v.regex(ISO_UTC, 'not ISO 8601 UTC'), v.check((s) => !Number.isNaN(Date.parse(s)), 'not a real date'));
const Hex64 = v.pipe(v.string('must be a string'), v.regex(HEX64, 'not a lowercase SHA-256 hex'));
const Str = v.string('must be a string');
const StrOrNull = v.nullable(v.string('must be a string or null'));
const Offset = v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must not be negative'));

/** Only web links: a citation's URL is shown (and may be opened); `javascript:` and the like are refused. */
export const WEB_URL = /^https?:\/\/[^\s]+$/i;
const LawUrl = v.union([v.literal(''), v.pipe(Str, v.regex(WEB_URL, 'must be an https: or http: link'))], 'must be an https: or http: link (or empty)');

export const CitationSchema = v.strictObject({ id: Str, title: Str, url: LawUrl }, 'must be an object {id, title, url}');

export const RecordFindingSchema = v.strictObject(
  {
    rule: Str,
    ruleVersion: v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must not be negative')),
    category: v.picklist(CATEGORIES as unknown as [string, ...string[]], `must be one of ${CATEGORIES.join(', ')}`),
    severity: v.picklist(SEVERITIES as unknown as [string, ...string[]], `must be one of ${SEVERITIES.join(', ')}`),
    start: Offset,
    end: Offset,
    excerpt: Str,
    title: Str,
    law: v.array(Str, 'must be a list of strings'),
    citations: v.array(CitationSchema, 'must be a list of citations'),
  },
  'must be a finding object',
);

export const CaptureRecordSchema = v.strictObject(
  {
    schema: v.literal(1, 'expected 1'),
    id: Id,
    capturedAt: IsoUtc,
    site: Str,
    url: StrOrNull,
    threadId: StrOrNull,
    sender: v.strictObject({ name: StrOrNull, address: StrOrNull }, 'must be an object {name, address}'),
    sentAt: v.strictObject({ shown: StrOrNull, iso: v.nullable(IsoUtc) }, 'must be an object {shown, iso}'),
    direction: v.nullable(v.picklist(['incoming', 'outgoing'], 'incoming, outgoing or null')),
    subject: StrOrNull,
    text: Str,
    findings: v.array(RecordFindingSchema, 'must be a list of findings'),
    rulesBundleHash: Str,
    extensionVersion: Str,
    screenshotSha256: v.nullable(Hex64),
    source: v.picklist(['page', 'pasted'], 'page or pasted'),
    note: StrOrNull,
  },
  'not an object',
);

export const AnnotationSchema = v.strictObject(
  { id: Id, recordId: Id, type: v.picklist(['note', 'tag'], 'note or tag'), value: Str, createdAt: IsoUtc },
  'must be an object {id, recordId, type, value, createdAt}',
);

export const DeletionSchema = v.strictObject(
  { recordId: Id, recordSha256: Hex64, reason: Str, deletedAt: IsoUtc },
  'must be an object {recordId, recordSha256, reason, deletedAt}',
);

/** A change an import offered for a record already in the locker, kept in the import entry until the user confirms it. */
export const PendingChangeSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('annotation'), recordId: Id, at: IsoUtc, payloadSha256: Hex64, payload: AnnotationSchema }),
    v.strictObject({ kind: v.literal('deletion'), recordId: Id, at: IsoUtc, payloadSha256: Hex64, payload: DeletionSchema }),
  ],
  'must be a pending annotation or deletion',
);

export const ImportPayloadSchema = v.strictObject(
  {
    id: Id,
    importedAt: IsoUtc,
    /** SHA-256 of the public key that signed the bundle */
    keyFingerprint: Hex64,
    /** the bundle's evidence.json headSha256: one value that names exactly what was imported */
    bundleHeadSha256: Hex64,
    bundleExportedAt: IsoUtc,
    softwareVersion: Str,
    /** records this import added (their capture entries come before this entry) */
    records: v.array(Id, 'must be a list of ids'),
    /** import entries the bundle itself carried (the bundle's own provenance), copied before this entry */
    imports: v.array(Id, 'must be a list of ids'),
    /** deletions and notes for records already in the locker: not applied, listed for the user to confirm */
    pending: v.array(PendingChangeSchema, 'must be a list of pending changes'),
  },
  'must be an import object',
);

export type ImportPayload = v.InferOutput<typeof ImportPayloadSchema>;
export type PendingChange = v.InferOutput<typeof PendingChangeSchema>;

/** "findings[0].category: must be one of …" for each issue. */
export function problemsOf(result: v.SafeParseResult<v.GenericSchema>, prefix = ''): string[] {
  if (result.success) return [];
  return result.issues.map((issue) => {
    let path = prefix;
    for (const p of issue.path ?? []) {
      const k = p.key as string | number;
      path += typeof k === 'number' ? `[${k}]` : path ? `.${String(k)}` : String(k);
    }
    // a key the strict schema does not know, or one it needs
    if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') return `${path}: unknown field`;
    if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.received === 'undefined' && issue.path?.length) return `${path}: missing`;
    return `${path || '(payload)'}: ${issue.message}`;
  });
}

const check = (schema: v.GenericSchema) => (value: unknown) => (Array.isArray(value) ? ['(payload): not an object'] : problemsOf(v.safeParse(schema, value, { abortEarly: false, abortPipeEarly: true })));

/** Every problem with a capture record, as "field: what is wrong"; [] when it is well formed. */
export function captureRecordProblems(value: unknown): string[] {
  const p = check(CaptureRecordSchema)(value);
  // offsets against the text, checked even when other fields are wrong
  const r = value as { text?: unknown; findings?: unknown } | null;
  if (r && typeof r === 'object' && Array.isArray(r.findings)) {
    const len = typeof r.text === 'string' ? r.text.length : 0;
    r.findings.forEach((f: { start?: unknown; end?: unknown } | null, i) => {
      if (!f || typeof f !== 'object') return;
      const { start, end } = f;
      if (Number.isInteger(start) && Number.isInteger(end) && ((end as number) < (start as number) || (end as number) > len)) p.push(`findings[${i}]: start/end outside the text`);
    });
  }
  return p;
}
export const annotationProblems = check(AnnotationSchema);
export const deletionProblems = check(DeletionSchema);
export const importPayloadProblems = check(ImportPayloadSchema);
