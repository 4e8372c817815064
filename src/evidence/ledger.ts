/**
 * The append-only hash chain of evidence entries. Four kinds of entry:
 *   capture     — a CaptureRecord (payloadSha256 = the record's own hash)
 *   annotation  — a note or tag about a record, hashed on its own
 *   deletion    — names the deleted record id, its hash and the user's reason
 *   import      — what an import brought in: the signing key's fingerprint, the bundle's head
 *                 hash, when, which records it added, and the deletions and notes it offered
 *                 for records already here (kept, not applied, until the user confirms them)
 * Each entry's sha256 covers its seq, kind, record id, time, payload hash and the previous
 * entry's sha256, so removing, reordering or editing any entry breaks every link after it.
 * Deleting a record blanks the payloads of its capture and annotation entries (payload null)
 * but keeps their hashes; that is only valid when a later deletion entry names the record.
 *
 * Import never changes what the locker already holds: `merge` appends the bundle's own
 * records (with the notes and deletions about them), and lists every note or deletion about a
 * record that was here before as pending; only `confirmPending` applies one, as a new entry.
 */
import { canonicalSha256 } from './canonical';
import { recordSha256, type CaptureRecord } from './record';
import { annotationProblems, captureRecordProblems, deletionProblems, HEX64, ID_PATTERN, importPayloadProblems, ISO_UTC, type ImportPayload, type PendingChange } from './schema';

export type { ImportPayload, PendingChange } from './schema';

/** A stored value in an error message, whatever it is (a tampered entry may hold any JSON). */
function shown(v: unknown): string {
  try {
    const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
    return s.length > 80 ? `${s.slice(0, 80)}…` : s;
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
  /** ISO 8601 UTC, when the entry was written (an imported entry keeps the time its source chain claims). */
  at: string;
  recordId: string;
  payloadSha256: string;
  prevSha256: string;
  sha256: string;
}
export type CaptureEntry = EntryBase & { kind: 'capture'; payload: CaptureRecord | null };
export type AnnotationEntry = EntryBase & { kind: 'annotation'; payload: Annotation | null };
export type DeletionEntry = EntryBase & { kind: 'deletion'; payload: Deletion };
/** recordId is the import's own id (payload.id), not a record's. */
export type ImportEntry = EntryBase & { kind: 'import'; payload: ImportPayload };
export type ChainEntry = CaptureEntry | AnnotationEntry | DeletionEntry | ImportEntry;
export type EntryKind = ChainEntry['kind'];

const ENTRY_KEYS = ['at', 'kind', 'payload', 'payloadSha256', 'prevSha256', 'recordId', 'seq', 'sha256'];

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

const PAYLOAD_PROBLEMS: Record<EntryKind, (p: unknown) => string[]> = {
  capture: captureRecordProblems,
  annotation: annotationProblems,
  deletion: deletionProblems,
  import: importPayloadProblems,
};

/**
 * Check every link and payload. Names each entry that breaks the chain and why; later
 * entries are still checked against their own stated predecessor, so one bad entry does not
 * hide another. Payloads are checked against the strict schemas (schema.ts).
 */
export async function verifyChain(entries: readonly ChainEntry[]): Promise<ChainVerdict> {
  const problems: ChainProblem[] = [];
  const deletedAfter = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e && e.kind === 'deletion') deletedAfter.set(e.recordId, i);
  });
  const captured = new Map<string, string>();
  const imports = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const bad = (reason: string) => problems.push({ index: i, recordId: typeof e?.recordId === 'string' ? e.recordId : undefined, reason });
    if (!e || typeof e !== 'object' || Array.isArray(e)) {
      bad('not an entry object');
      continue;
    }
    if (e.seq !== i) bad(`seq is ${shown(e.seq)}, expected ${i} (an entry was removed, added or moved)`);
    const prev = i === 0 ? GENESIS : entries[i - 1]?.sha256;
    if (e.prevSha256 !== prev) bad(`prevSha256 does not match the sha256 of entry ${i - 1} (the chain was cut or reordered here)`);
    if (e.kind !== 'capture' && e.kind !== 'annotation' && e.kind !== 'deletion' && e.kind !== 'import') {
      bad(`unknown kind ${shown((e as { kind: unknown }).kind)}`);
      continue;
    }
    // fields outside the hash would travel unchecked into the locker and the next export
    const extra = Object.keys(e).filter((k) => !ENTRY_KEYS.includes(k));
    if (extra.length) bad(`unknown field${extra.length > 1 ? 's' : ''} ${extra.map(shown).join(', ')} (not covered by the hash)`);
    if (typeof e.recordId !== 'string' || !ID_PATTERN.test(e.recordId)) bad('recordId is not a valid id');
    if (typeof e.at !== 'string' || !ISO_UTC.test(e.at)) bad('at is not ISO 8601 UTC');
    if (typeof e.payloadSha256 !== 'string' || !HEX64.test(e.payloadSha256)) bad('payloadSha256 is not a lowercase SHA-256 hex');
    let link: string | undefined;
    try {
      link = await entryLinkSha256(e);
    } catch (err) {
      bad(`cannot be hashed: ${(err as Error).message}`);
    }
    if (link !== undefined && link !== e.sha256) bad('sha256 does not match the entry (the entry was edited)');
    let payloadOk = false;
    if (e.payload === null || e.payload === undefined) {
      const d = deletedAfter.get(e.recordId);
      if (e.kind === 'deletion' || e.kind === 'import') bad(`a${e.kind === 'import' ? 'n' : ''} ${e.kind} entry has no payload`);
      else if (d === undefined || d < i) bad(`payload is missing but no later deletion entry names record ${e.recordId}`);
    } else {
      const shape = PAYLOAD_PROBLEMS[e.kind](e.payload);
      if (shape.length) bad(`${e.kind === 'capture' ? 'record' : e.kind} is malformed: ${shape.join('; ')}`);
      else {
        payloadOk = true;
        if (e.kind === 'capture' && e.payload.id !== e.recordId) bad(`record id ${e.payload.id} differs from the entry's recordId`);
        else if (e.kind === 'annotation' && e.payload.recordId !== e.recordId) bad("annotation's recordId differs from the entry's");
        else if (e.kind === 'deletion' && e.payload.recordId !== e.recordId) bad("deletion's recordId differs from the entry's");
        else if (e.kind === 'import' && e.payload.id !== e.recordId) bad("import's id differs from the entry's recordId");
      }
      try {
        const h = await payloadSha256(e.kind, e.payload);
        if (h !== e.payloadSha256) bad(e.kind === 'capture' ? 'the record does not match its hash (the record was edited)' : `the ${e.kind} does not match its hash (it was edited)`);
      } catch (err) {
        bad(`payload cannot be hashed: ${(err as Error).message}`);
      }
    }
    if (e.kind === 'import') {
      if (imports.has(e.recordId)) bad(`import ${e.recordId} appears twice`);
      if (payloadOk) for (const reason of await importProblems(e.payload, captured, imports)) bad(reason);
      imports.add(e.recordId);
    } else if (e.kind === 'capture') {
      if (captured.has(e.recordId)) bad(`record ${e.recordId} is captured twice`);
      captured.set(e.recordId, e.payloadSha256);
    } else if (!captured.has(e.recordId)) bad(`${e.kind} names record ${e.recordId}, which no earlier entry captured`);
    else if (e.kind === 'deletion' && payloadOk && e.payload.recordSha256 !== captured.get(e.recordId)) bad(`deletion names hash ${e.payload.recordSha256.slice(0, 12)}…, not the captured record's`);
  }
  return { ok: problems.length === 0, entries: entries.length, problems, headSha256: entries.length ? entries[entries.length - 1]!.sha256 : GENESIS };
}

/** An import entry may only name records and imports that come before it, and pending changes that match their hashes. */
async function importProblems(p: ImportPayload, captured: ReadonlyMap<string, string>, imports: ReadonlySet<string>): Promise<string[]> {
  const out: string[] = [];
  for (const id of p.records) if (!captured.has(id)) out.push(`import lists record ${id}, which no earlier entry captured`);
  for (const id of p.imports) if (!imports.has(id)) out.push(`import lists import ${id}, which is not an earlier entry`);
  for (const [k, c] of p.pending.entries()) {
    if (c.payload.recordId !== c.recordId) out.push(`pending[${k}]: its payload names another record`);
    if (!captured.has(c.recordId)) out.push(`pending[${k}] names record ${c.recordId}, which no earlier entry captured`);
    if ((await canonicalSha256(c.payload)) !== c.payloadSha256) out.push(`pending[${k}] does not match its hash`);
    if (c.kind === 'deletion' && captured.has(c.recordId) && c.payload.recordSha256 !== captured.get(c.recordId)) out.push(`pending[${k}]: the deletion names another hash than the captured record's`);
  }
  return out;
}

const deletedIds = (entries: readonly ChainEntry[]) => new Set(entries.filter((e) => e.kind === 'deletion').map((e) => e.recordId));

/** Records currently held (captured, not deleted), in chain order. */
export function liveRecords(entries: readonly ChainEntry[]): CaptureRecord[] {
  const deleted = deletedIds(entries);
  return entries.flatMap((e) => (e.kind === 'capture' && e.payload && !deleted.has(e.recordId) ? [e.payload] : []));
}

export function liveAnnotations(entries: readonly ChainEntry[]): Annotation[] {
  const deleted = deletedIds(entries);
  return entries.flatMap((e) => (e.kind === 'annotation' && e.payload && !deleted.has(e.recordId) ? [e.payload] : []));
}

/** The entries with the payloads of `recordId` blanked, as stored after a deletion (import entries are never blanked). */
export function blankPayloads(entries: readonly ChainEntry[], recordId: string): ChainEntry[] {
  return entries.map((e) => (e.recordId === recordId && (e.kind === 'capture' || e.kind === 'annotation') ? ({ ...e, payload: null } as ChainEntry) : e));
}

/** Import entries made by this locker (not carried inside another import's bundle). */
function ownImports(entries: readonly ChainEntry[]): ImportEntry[] {
  const all = entries.filter((e): e is ImportEntry => e.kind === 'import' && !!e.payload);
  const carried = new Set(all.flatMap((e) => e.payload.imports));
  return all.filter((e) => !carried.has(e.recordId));
}

export interface Provenance {
  /** the import that brought the record into this locker */
  importId: string;
  importedAt: string;
  keyFingerprint: string;
  bundleHeadSha256: string;
  bundleExportedAt: string;
  /** imports the bundle itself had recorded for this record (where it came from before), oldest first */
  earlier: { keyFingerprint: string; importedAt: string }[];
}

/**
 * Which records came in by import, and from which key. Only this locker's own import entries
 * count: an import entry inside a bundle can describe only records that bundle brought.
 */
export function provenance(entries: readonly ChainEntry[]): Map<string, Provenance> {
  const byId = new Map(entries.filter((e): e is ImportEntry => e.kind === 'import' && !!e.payload).map((e) => [e.recordId, e.payload]));
  const out = new Map<string, Provenance>();
  for (const imp of ownImports(entries)) {
    const p = imp.payload;
    const carried = p.imports.map((id) => byId.get(id)).filter((x): x is ImportPayload => !!x);
    for (const id of p.records) {
      if (out.has(id)) continue;
      out.set(id, {
        importId: p.id,
        importedAt: p.importedAt,
        keyFingerprint: p.keyFingerprint,
        bundleHeadSha256: p.bundleHeadSha256,
        bundleExportedAt: p.bundleExportedAt,
        earlier: carried.filter((c) => c.records.includes(id)).map((c) => ({ keyFingerprint: c.keyFingerprint, importedAt: c.importedAt })),
      });
    }
  }
  return out;
}

/** A pending change still open: its record is here and live, and it was not applied yet. */
export interface OpenPending {
  importId: string;
  /** index in that import's pending list (what confirmPending takes) */
  index: number;
  change: PendingChange;
  keyFingerprint: string;
  importedAt: string;
}

export function openPending(entries: readonly ChainEntry[]): OpenPending[] {
  const deleted = deletedIds(entries);
  const live = new Set(entries.filter((e) => e.kind === 'capture' && !deleted.has(e.recordId)).map((e) => e.recordId));
  const applied = new Set(entries.filter((e) => e.kind === 'annotation' || e.kind === 'deletion').map((e) => `${e.kind}:${e.payloadSha256}`));
  const noteIds = new Set(entries.flatMap((e) => (e.kind === 'annotation' && e.payload ? [e.payload.id] : [])));
  const out: OpenPending[] = [];
  const seen = new Set<string>();
  for (const imp of ownImports(entries)) {
    imp.payload.pending.forEach((change, index) => {
      const key = `${change.kind}:${change.payloadSha256}`;
      if (seen.has(key) || applied.has(key) || !live.has(change.recordId)) return;
      if (change.kind === 'annotation' && noteIds.has(change.payload.id)) return;
      seen.add(key);
      out.push({ importId: imp.recordId, index, change, keyFingerprint: imp.payload.keyFingerprint, importedAt: imp.payload.importedAt });
    });
  }
  return out;
}

/** Where an import came from (the verified bundle), for the import entry. */
export interface ImportSource {
  keyFingerprint: string;
  bundleHeadSha256: string;
  bundleExportedAt: string;
  softwareVersion: string;
}

export interface MergePlan {
  /** the bundle's entries that will be appended (re-linked onto this chain), in their order */
  add: ChainEntry[];
  /** records the bundle adds (not here before) */
  records: string[];
  /** import entries the bundle carries */
  imports: string[];
  /** notes and deletions about records already here: listed, not applied */
  pending: PendingChange[];
  /** entries already here (the same entry), or about a record deleted here, or offered by an earlier import */
  skipped: number;
}

export interface MergeResult {
  /** entries appended from the bundle (the import entry not counted) */
  added: number;
  records: number;
  /** the records added */
  recordIds: string[];
  skipped: number;
  pending: PendingChange[];
  /** the import entry's id; absent when the bundle brought nothing new */
  importId?: string;
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
    const shape = captureRecordProblems(record);
    if (shape.length) throw new Error(`not a valid capture record: ${shape.join('; ')}`);
    if (this.has(record.id)) throw new Error(`record ${record.id} is already in the locker`);
    const e = await nextEntry(this.head, 'capture', record.id, record, at);
    this.entries.push(e);
    return e;
  }

  async annotate(a: Annotation, at = a.createdAt): Promise<AnnotationEntry> {
    const shape = annotationProblems(a);
    if (shape.length) throw new Error(`not a valid note or tag: ${shape.join('; ')}`);
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
    const payload: Deletion = { recordId, recordSha256: cap.payloadSha256, reason, deletedAt: at };
    const shape = deletionProblems(payload);
    if (shape.length) throw new Error(`not a valid deletion: ${shape.join('; ')}`);
    const e = await nextEntry(this.head, 'deletion', recordId, payload, at);
    this.entries = blankPayloads(this.entries, recordId);
    this.entries.push(e);
    return e;
  }

  /**
   * What merging another chain (a verified bundle's) would do, without doing it. Records
   * already here with the same hash are skipped (importing twice changes nothing); the same
   * id with a different hash is refused. A note or deletion about a record that was here
   * before is never applied: it is listed as pending.
   */
  async planMerge(incoming: readonly ChainEntry[]): Promise<MergePlan> {
    const mine = new Map(this.entries.filter((e) => e.kind === 'capture').map((e) => [e.recordId, e.payloadSha256]));
    const seen = new Set(this.entries.map((e) => `${e.kind}:${e.recordId}:${e.payloadSha256}`));
    const deletedHere = deletedIds(this.entries);
    const offered = new Set(this.entries.flatMap((e) => (e.kind === 'import' && e.payload ? e.payload.pending.map((c) => `${c.kind}:${c.payloadSha256}`) : [])));
    const noteIds = new Set(this.entries.flatMap((e) => (e.kind === 'annotation' && e.payload ? [e.payload.id] : [])));
    for (const [i, e] of incoming.entries()) {
      if (e.payload !== null && (await payloadSha256(e.kind, e.payload)) !== e.payloadSha256) throw new Error(`incoming entry ${i} does not match its payload hash`);
      if (e.kind === 'capture' && mine.has(e.recordId) && mine.get(e.recordId) !== e.payloadSha256) throw new Error(`record ${e.recordId} exists here with different content`);
    }
    const plan: MergePlan = { add: [], records: [], imports: [], pending: [], skipped: 0 };
    const fresh = new Set<string>();
    for (const e of incoming) {
      if (seen.has(`${e.kind}:${e.recordId}:${e.payloadSha256}`)) {
        plan.skipped++;
        continue;
      }
      if (e.kind === 'capture') {
        fresh.add(e.recordId);
        plan.records.push(e.recordId);
        plan.add.push(e);
      } else if (e.kind === 'import') {
        plan.imports.push(e.recordId);
        plan.add.push(e);
      } else if (fresh.has(e.recordId)) plan.add.push(e);
      else {
        // about a record that was here before the import: the bundle must not change it
        const key = `${e.kind}:${e.payloadSha256}`;
        const unusable = deletedHere.has(e.recordId) || offered.has(key) || e.payload === null || (e.kind === 'annotation' && noteIds.has(e.payload.id));
        if (unusable) plan.skipped++;
        else {
          offered.add(key);
          plan.pending.push({ kind: e.kind, recordId: e.recordId, at: e.at, payloadSha256: e.payloadSha256, payload: e.payload } as PendingChange);
        }
      }
    }
    return plan;
  }

  /**
   * Append a verified bundle's chain: its new records (they keep the times they claim) and
   * what it says about them, then one import entry naming the key, the bundle's head hash,
   * the time, the records added and the pending changes (see planMerge). Nothing already
   * here is changed.
   */
  async merge(incoming: readonly ChainEntry[], source: ImportSource, opts: { importId?: string; importedAt?: string } = {}): Promise<MergeResult> {
    const plan = await this.planMerge(incoming);
    if (!plan.add.length && !plan.pending.length) return { added: 0, records: 0, recordIds: [], skipped: plan.skipped, pending: [] };
    const out = [...this.entries];
    for (const e of plan.add) {
      const next = await nextEntry(out[out.length - 1], e.kind, e.recordId, e.payload as never, e.at, e.payloadSha256);
      if (e.kind === 'deletion') out.splice(0, out.length, ...blankPayloads(out, e.recordId));
      out.push(next);
    }
    const importedAt = opts.importedAt ?? new Date().toISOString();
    const payload: ImportPayload = { id: opts.importId ?? crypto.randomUUID(), importedAt, ...source, records: plan.records, imports: plan.imports, pending: plan.pending };
    const shape = importPayloadProblems(payload);
    if (shape.length) throw new Error(`cannot record the import: ${shape.join('; ')}`);
    out.push(await nextEntry(out[out.length - 1], 'import', payload.id, payload, importedAt));
    this.entries = out;
    return { added: plan.add.length, records: plan.records.length, recordIds: plan.records, skipped: plan.skipped, pending: plan.pending, importId: payload.id };
  }

  /**
   * Apply pending changes of an import (the user confirmed them), as new entries written now.
   * A change that no longer applies (its record was deleted, it was applied already) is refused.
   */
  async confirmPending(importId: string, indexes: readonly number[], at = new Date().toISOString()): Promise<ChainEntry[]> {
    const open = new Map(openPending(this.entries).filter((p) => p.importId === importId).map((p) => [p.index, p]));
    const picked = [...new Set(indexes)].map((i) => {
      const p = open.get(i);
      if (!p) throw new Error(`import ${importId} has no open change ${i} (applied already, its record was deleted, or no such change)`);
      return p.change;
    });
    // all or nothing: check every change before the first is applied; notes before deletions
    picked.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'annotation' ? -1 : 1));
    const deleting = new Set<string>();
    for (const c of picked) {
      if (c.kind !== 'deletion') continue;
      if (deleting.has(c.recordId)) throw new Error(`two deletions of record ${c.recordId} were picked; confirm one`);
      deleting.add(c.recordId);
    }
    const added: ChainEntry[] = [];
    for (const c of picked) {
      const e = await nextEntry(this.head, c.kind, c.recordId, c.payload as never, at, c.payloadSha256);
      if (c.kind === 'deletion') this.entries = blankPayloads(this.entries, c.recordId);
      this.entries.push(e);
      added.push(e);
    }
    return added;
  }
}
