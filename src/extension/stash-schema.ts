/**
 * The shape a pending-write operation must have before it is replayed into the locker
 * (issue #12 item 2). The stash is sealed with the extension's key (pending-stash.ts), so a
 * content script cannot plant an operation; this check is the second line, against a stash
 * written by another version or damaged, and it applies to any stash the service is given.
 *
 * The record and the annotation are checked by the evidence core's own strict schemas
 * (src/evidence/schema.ts: captureRecordProblems, AnnotationSchema), so a replayed operation
 * meets the same rules as one the chain would accept; only the stash's own wrapper (op, png,
 * the deletion's reason and time) is described here.
 */
import * as v from 'valibot';
import type { CaptureRecord } from '../evidence/record';
import { AnnotationSchema, captureRecordProblems, ID_PATTERN, ISO_UTC } from '../evidence/schema';
import { fromBase64 } from './base64';
import type { StashedOp } from './evidence-service';

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'not a record or annotation id'));
const iso = v.pipe(v.string(), v.regex(ISO_UTC, 'not an ISO 8601 UTC time'));
const text = v.pipe(v.string(), v.check((s) => s.trim().length > 0, 'empty'));
const record = v.pipe(
  v.unknown(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problems = captureRecordProblems(dataset.value);
    if (problems.length) addIssue({ message: `not a capture record: ${problems.join('; ')}` });
  }),
);

const captureOp = v.pipe(
  v.strictObject({
    op: v.literal('capture'),
    record,
    png: v.optional(v.pipe(v.string(), v.check((s) => fromBase64(s) !== undefined, 'not base64'))),
  }),
  // a screenshot comes with its hash in the record, and a hash with its screenshot
  v.check((o) => (o.png === undefined) === ((o.record as CaptureRecord).screenshotSha256 === null), 'the record and its screenshot do not go together'),
);
const annotateOp = v.strictObject({
  op: v.literal('annotate'),
  // the service saves a note or tag only when it is not blank
  annotation: v.pipe(AnnotationSchema, v.check((a) => a.value.trim().length > 0, 'value: empty')),
});
const deleteOp = v.strictObject({ op: v.literal('delete'), recordId: id, reason: text, at: iso });

export const StashedOpSchema = v.variant('op', [captureOp, annotateOp, deleteOp]);

/** The well-formed operations, in order, and a line for each one left out. */
export function checkStashedOps(value: unknown): { ops: StashedOp[]; rejected: string[] } {
  if (!Array.isArray(value)) return { ops: [], rejected: value === undefined ? [] : ['the stash is not a list'] };
  const ops: StashedOp[] = [];
  const rejected: string[] = [];
  value.forEach((item, i) => {
    const r = v.safeParse(StashedOpSchema, item);
    if (r.success) ops.push(r.output as StashedOp);
    else rejected.push(`operation ${i}: ${r.issues.map((x) => `${v.getDotPath(x) ?? ''}${v.getDotPath(x) ? ': ' : ''}${x.message}`).join('; ')}`);
  });
  return { ops, rejected };
}
