/**
 * The append-only hash chain of evidence entries. Three kinds of entry:
 *   capture     — a CaptureRecord (payloadSha256 = the record's own hash)
 *   annotation  — a note or tag about a record, hashed on its own
 *   deletion    — names the deleted record id, its hash and the user's reason
 * Each entry's sha256 covers its seq, kind, record id, time, payload hash and the previous
 * entry's sha256, so removing, reordering or editing any entry breaks every link after it.
 * Deleting a record blanks the payloads of its capture and annotation entries (payload null)
 * but keeps their hashes; that is only valid when a later deletion entry names the record.
 */
import { canonicalSha256 } from './canonical';
import { recordProblems, recordSha256, ID_PATTERN, type CaptureRecord } from './record';

/** A stored value in an error message, whatever it is (a tampered entry may hold any JSON). */
function shown(v: unknown): string {
  try {
    return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    return Object.prototype.toString.call(v);
  }
}

export const GENESIS = '0'.repeat(64);

export interface Annotation {
  id: string;
  recordId: string;
  type: 'note' | 'tag';
  value: string;
  createdAt: string;
}

export interface Deletion {
  recordId: string;
  recordSha256: string;
  reason: string;
  deletedAt: string;
}

interface EntryBase {
  seq: number;
  /** ISO 8601 UTC, when the entry was written. */
  at: string;
  recordId: string;
  payloadSha256: string;
  prevSha256: string;
  sha256: string;
}
export type CaptureEntry = EntryBase & { kind: 'capture'; payload: CaptureRecord | null };
export type AnnotationEntry = EntryBase & { kind: 'annotation'; payload: Annotation | null };
export type DeletionEntry = EntryBase & { kind: 'deletion'; payload: Deletion };
export type ChainEntry = CaptureEntry | AnnotationEntry | DeletionEntry;
export type EntryKind = ChainEntry['kind'];

export function entryLinkSha256(e: Pick<ChainEntry, 'seq' | 'kind' | 'recordId' | 'at' | 'payloadSha256' | 'prevSha256'>): Promise<string> {
  return canonicalSha256({ seq: e.seq, kind: e.kind, recordId: e.recordId, at: e.at, payloadSha256: e.payloadSha256, prevSha256: e.prevSha256 });
}

export function payloadSha256(kind: EntryKind, payload: unknown): Promise<string> {
  return kind === 'capture' ? recordSha256(payload as CaptureRecord) : canonicalSha256(payload);
}

/** Build the next entry of a chain whose last entry is `head` (undefined for an empty chain). */
export async function nextEntry<K extends EntryKind>(head: ChainEntry | undefined, kind: K, recordId: string, payload: Extract<ChainEntry, { kind: K }>['payload'], at: string, knownPayloadSha256?: string): Promise<Extract<ChainEntry, { kind: K }>> {
  const base = {
    seq: head ? head.seq + 1 : 0,
    kind,
    recordId,
    at,
    payloadSha256: knownPayloadSha256 ?? (await payloadSha256(kind, payload)),
    prevSha256: head ? head.sha256 : GENESIS,
  };
  return { ...base, payload, sha256: await entryLinkSha256(base) } as Extract<ChainEntry, { kind: K }>;
}

export interface ChainProblem {
  /** Index in the chain (= seq of a healthy chain). */
  index: number;
  recordId?: string;
  reason: string;
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  problems: ChainProblem[];
  /** sha256 of the last entry: one value that commits to the whole chain. */
  headSha256: string;
}

/**
 * Check every link and payload. Names each entry that breaks the chain and why; later
 * entries are still checked against their own stated predecessor, so one bad entry does not
 * hide another.
 */
export async function verifyChain(entries: readonly ChainEntry[]): Promise<ChainVerdict> {
  const problems: ChainProblem[] = [];
  const deletedAfter = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e && e.kind === 'deletion') deletedAfter.set(e.recordId, i);
  });
  const captured = new Map<string, string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const bad = (reason: string) => problems.push({ index: i, recordId: typeof e?.recordId === 'string' ? e.recordId : undefined, reason });
    if (!e || typeof e !== 'object') {
      bad('not an entry object');
      continue;
    }
    if (e.seq !== i) bad(`seq is ${shown(e.seq)}, expected ${i} (an entry was removed, added or moved)`);
    const prev = i === 0 ? GENESIS : entries[i - 1]?.sha256;
    if (e.prevSha256 !== prev) bad(`prevSha256 does not match the sha256 of entry ${i - 1} (the chain was cut or reordered here)`);
    if (e.kind !== 'capture' && e.kind !== 'annotation' && e.kind !== 'deletion') {
      bad(`unknown kind ${shown((e as { kind: unknown }).kind)}`);
      continue;
    }
    if (typeof e.recordId !== 'string' || !ID_PATTERN.test(e.recordId)) bad('recordId is not a valid id');
    let link: string | undefined;
    try {
      link = await entryLinkSha256(e);
    } catch (err) {
      bad(`cannot be hashed: ${(err as Error).message}`);
    }
    if (link !== undefined && link !== e.sha256) bad('sha256 does not match the entry (the entry was edited)');
    if (e.payload === null || e.payload === undefined) {
      const d = deletedAfter.get(e.recordId);
      if (e.kind === 'deletion') bad('a deletion entry has no payload');
      else if (d === undefined || d < i) bad(`payload is missing but no later deletion entry names record ${e.recordId}`);
    } else if (typeof e.payload !== 'object' || Array.isArray(e.payload)) {
      bad('payload is not an object');
    } else {
      if (e.kind === 'capture') {
        const shape = recordProblems(e.payload);
        if (shape.length) bad(`record is malformed: ${shape.join('; ')}`);
        else if (e.payload.id !== e.recordId) bad(`record id ${e.payload.id} differs from the entry's recordId`);
      } else if (e.kind === 'annotation' && e.payload.recordId !== e.recordId) bad("annotation's recordId differs from the entry's");
      else if (e.kind === 'deletion' && e.payload.recordId !== e.recordId) bad("deletion's recordId differs from the entry's");
      try {
        const h = await payloadSha256(e.kind, e.payload);
        if (h !== e.payloadSha256) bad(e.kind === 'capture' ? 'the record does not match its hash (the record was edited)' : `the ${e.kind} does not match its hash (it was edited)`);
      } catch (err) {
        bad(`payload cannot be hashed: ${(err as Error).message}`);
      }
    }
    if (e.kind === 'deletion' && (!e.payload || typeof e.payload.recordSha256 !== 'string')) {
      if (e.payload) bad('deletion names no record hash');
    } else if (e.kind === 'capture') {
      if (captured.has(e.recordId)) bad(`record ${e.recordId} is captured twice`);
      captured.set(e.recordId, e.payloadSha256);
    } else if (!captured.has(e.recordId)) bad(`${e.kind} names record ${e.recordId}, which no earlier entry captured`);
    else if (e.kind === 'deletion' && e.payload.recordSha256 !== captured.get(e.recordId)) bad(`deletion names hash ${e.payload.recordSha256.slice(0, 12)}…, not the captured record's`);
  }
  return { ok: problems.length === 0, entries: entries.length, problems, headSha256: entries.length ? entries[entries.length - 1]!.sha256 : GENESIS };
}

/** Records currently held (captured, not deleted), in chain order. */
export function liveRecords(entries: readonly ChainEntry[]): CaptureRecord[] {
  const deleted = new Set(entries.filter((e) => e.kind === 'deletion').map((e) => e.recordId));
  return entries.flatMap((e) => (e.kind === 'capture' && e.payload && !deleted.has(e.recordId) ? [e.payload] : []));
}

export function liveAnnotations(entries: readonly ChainEntry[]): Annotation[] {
  const deleted = new Set(entries.filter((e) => e.kind === 'deletion').map((e) => e.recordId));
  return entries.flatMap((e) => (e.kind === 'annotation' && e.payload && !deleted.has(e.recordId) ? [e.payload] : []));
}

/** The entries with the payloads of `recordId` blanked, as stored after a deletion. */
export function blankPayloads(entries: readonly ChainEntry[], recordId: string): ChainEntry[] {
  return entries.map((e) => (e.recordId === recordId && e.kind !== 'deletion' ? ({ ...e, payload: null } as ChainEntry) : e));
}

/**
 * An in-memory chain: the one place that appends. Storage wraps it (and persists what it
 * appends); export and import read and extend it.
 */
export class Ledger {
  entries: ChainEntry[] = [];

  constructor(entries: ChainEntry[] = []) {
    this.entries = entries;
  }

  get head(): ChainEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  has(recordId: string): boolean {
    return this.entries.some((e) => e.kind === 'capture' && e.recordId === recordId);
  }

  async capture(record: CaptureRecord, at = record.capturedAt): Promise<CaptureEntry> {
    const shape = recordProblems(record);
    if (shape.length) throw new Error(`not a valid capture record: ${shape.join('; ')}`);
    if (this.has(record.id)) throw new Error(`record ${record.id} is already in the locker`);
    const e = await nextEntry(this.head, 'capture', record.id, record, at);
    this.entries.push(e);
    return e;
  }

  async annotate(a: Annotation, at = a.createdAt): Promise<AnnotationEntry> {
    if (!this.has(a.recordId)) throw new Error(`no record ${a.recordId} to annotate`);
    if (this.isDeleted(a.recordId)) throw new Error(`record ${a.recordId} was deleted`);
    const e = await nextEntry(this.head, 'annotation', a.recordId, a, at);
    this.entries.push(e);
    return e;
  }

  isDeleted(recordId: string): boolean {
    return this.entries.some((e) => e.kind === 'deletion' && e.recordId === recordId);
  }

  async delete(recordId: string, reason: string, at: string): Promise<DeletionEntry> {
    const cap = this.entries.find((e) => e.kind === 'capture' && e.recordId === recordId);
    if (!cap) throw new Error(`no record ${recordId} to delete`);
    if (this.isDeleted(recordId)) throw new Error(`record ${recordId} was already deleted`);
    const e = await nextEntry(this.head, 'deletion', recordId, { recordId, recordSha256: cap.payloadSha256, reason, deletedAt: at }, at);
    this.entries = blankPayloads(this.entries, recordId);
    this.entries.push(e);
    return e;
  }

  /**
   * Append another chain's entries (an imported bundle), re-linked onto this chain. Records
   * already here with the same hash are skipped (importing twice changes nothing); the
   * same id with a different hash is refused before anything is appended.
   */
  async merge(incoming: readonly ChainEntry[]): Promise<{ added: number; skipped: number }> {
    const mine = new Map(this.entries.filter((e) => e.kind === 'capture').map((e) => [e.recordId, e.payloadSha256]));
    const seen = new Set(this.entries.map((e) => `${e.kind}:${e.recordId}:${e.payloadSha256}`));
    for (const [i, e] of incoming.entries()) {
      if (e.payload !== null && (await payloadSha256(e.kind, e.payload)) !== e.payloadSha256) throw new Error(`incoming entry ${i} does not match its payload hash`);
      if (e.kind === 'capture' && mine.has(e.recordId) && mine.get(e.recordId) !== e.payloadSha256) throw new Error(`record ${e.recordId} exists here with different content`);
    }
    const out = [...this.entries];
    let added = 0;
    let skipped = 0;
    for (const e of incoming) {
      if (seen.has(`${e.kind}:${e.recordId}:${e.payloadSha256}`)) {
        skipped++;
        continue;
      }
      const next = await nextEntry(out[out.length - 1], e.kind, e.recordId, e.payload as never, e.at, e.payloadSha256);
      if (e.kind === 'deletion') out.splice(0, out.length, ...blankPayloads(out, e.recordId));
      out.push(next);
      added++;
    }
    this.entries = out;
    return { added, skipped };
  }
}
