import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical';
import { sampleRecords } from './fixtures';
import { GENESIS, Ledger, liveAnnotations, liveRecords, nextEntry, openPending, provenance, verifyChain, type ChainEntry, type ImportSource } from './ledger';
import { recordProblems, recordSha256 } from './record';

async function filled(): Promise<Ledger> {
  const { records } = await sampleRecords();
  const l = new Ledger();
  for (const r of records) await l.capture(r);
  await l.annotate({ id: 'n1', recordId: 'gm-0001', type: 'note', value: 'Called them the same day', createdAt: '2026-11-21T10:00:00.000Z' });
  await l.annotate({ id: 't1', recordId: 'wa-0001', type: 'tag', value: 'contacts', createdAt: '2026-11-21T10:01:00.000Z' });
  return l;
}

const clone = (e: ChainEntry[]) => JSON.parse(JSON.stringify(e)) as ChainEntry[];
const AT = '2026-12-01T09:00:00.000Z';
const SOURCE: ImportSource = { keyFingerprint: 'f'.repeat(64), bundleHeadSha256: 'e'.repeat(64), bundleExportedAt: '2026-11-30T00:00:00.000Z', softwareVersion: 'dunwatch 0.1.0' };

describe('records', () => {
  it('sample records are well formed and a bad one is described field by field', async () => {
    const { records } = await sampleRecords();
    for (const r of records) expect(recordProblems(r)).toEqual([]);
    const bad = { ...records[0]!, id: '../x', capturedAt: 'yesterday', findings: [{ ...records[0]!.findings[0]!, end: 10_000 }] };
    expect(recordProblems(bad)).toEqual(['id: must be 1–64 of A-Z a-z 0-9 _ -', 'capturedAt: not ISO 8601 UTC', 'findings[0]: start/end outside the text']);
  });
  it('the record hash depends on every field and not on key order', async () => {
    const { records } = await sampleRecords();
    const r = records[0]!;
    const h = await recordSha256(r);
    expect(await recordSha256(JSON.parse(canonicalJson(r)))).toBe(h);
    expect(await recordSha256({ ...r, text: r.text + ' ' })).not.toBe(h);
    expect(await recordSha256({ ...r, sentAt: { ...r.sentAt, iso: '2026-11-20T03:02:01.000Z' } })).not.toBe(h);
  });
});

describe('hash chain', () => {
  it('links every entry to the one before and verifies', async () => {
    const l = await filled();
    expect(l.entries.map((e) => e.kind)).toEqual(['capture', 'capture', 'capture', 'capture', 'annotation', 'annotation']);
    expect(l.entries[0]!.prevSha256).toBe(GENESIS);
    for (let i = 1; i < l.entries.length; i++) expect(l.entries[i]!.prevSha256).toBe(l.entries[i - 1]!.sha256);
    const v = await verifyChain(l.entries);
    expect(v).toMatchObject({ ok: true, entries: 6, problems: [] });
  });
  it('annotations never change the record hash', async () => {
    const l = await filled();
    const cap = l.entries.find((e) => e.kind === 'capture' && e.recordId === 'gm-0001')!;
    expect(cap.payloadSha256).toBe(await recordSha256(cap.payload as never));
  });
  it('names the entry whose record was edited', async () => {
    const l = await filled();
    const e = clone(l.entries);
    (e[2]!.payload as { text: string }).text += '!';
    const v = await verifyChain(e);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([{ index: 2, recordId: 'wa-0001', reason: 'the record does not match its hash (the record was edited)' }]);
  });
  it('names where an entry was removed, and a reordering', async () => {
    const l = await filled();
    const removed = clone(l.entries);
    removed.splice(1, 1);
    const v = await verifyChain(removed);
    expect(v.problems[0]).toMatchObject({ index: 1, recordId: 'wa-0001' });
    expect(v.problems.map((p) => p.reason).join(' ')).toMatch(/seq is 2, expected 1.*prevSha256/);
    const swapped = clone(l.entries);
    [swapped[4], swapped[5]] = [swapped[5]!, swapped[4]!];
    expect((await verifyChain(swapped)).problems.map((p) => p.index)).toEqual([4, 4, 5, 5]);
  });
  it('names an edited link field (time) even when payloads are intact', async () => {
    const l = await filled();
    const e = clone(l.entries);
    e[3]!.at = '2020-01-01T00:00:00.000Z';
    expect((await verifyChain(e)).problems).toEqual([
      { index: 3, recordId: 'px-0001', reason: 'sha256 does not match the entry (the entry was edited)' },
    ]);
  });
  it('a deletion is an entry; the payload is blanked but the chain still verifies', async () => {
    const l = await filled();
    await l.delete('gm-0001', 'sent to the wrong locker', '2026-11-23T00:00:00.000Z');
    const last = l.entries[l.entries.length - 1]!;
    expect(last).toMatchObject({ kind: 'deletion', recordId: 'gm-0001', payload: { reason: 'sent to the wrong locker' } });
    expect(l.entries[0]!.payload).toBeNull();
    expect(l.entries[4]!.payload).toBeNull(); // its note
    expect((await verifyChain(l.entries)).ok).toBe(true);
    expect(liveRecords(l.entries).map((r) => r.id)).toEqual(['gm-0002', 'wa-0001', 'px-0001']);
  });
  it('a blanked payload without a deletion entry (silent removal) is named', async () => {
    const l = await filled();
    const e = clone(l.entries);
    e[1] = { ...e[1]!, payload: null } as ChainEntry;
    expect((await verifyChain(e)).problems).toEqual([{ index: 1, recordId: 'gm-0002', reason: 'payload is missing but no later deletion entry names record gm-0002' }]);
  });
  it('refuses duplicates and annotations of unknown records', async () => {
    const l = await filled();
    const { records } = await sampleRecords();
    await expect(l.capture(records[0]!)).rejects.toThrow(/already/);
    await expect(l.annotate({ id: 'x', recordId: 'nope', type: 'tag', value: 'x', createdAt: '2026-11-21T10:00:00.000Z' })).rejects.toThrow(/no record/);
  });
  it('merge re-links another chain, skips what is already here, refuses a conflicting record', async () => {
    const a = await filled();
    const b = new Ledger();
    expect(await b.merge(a.entries, SOURCE, { importId: 'imp-1', importedAt: AT })).toMatchObject({ added: 6, records: 4, skipped: 0, pending: [], importId: 'imp-1' });
    expect(canonicalJson(b.entries.slice(0, 6))).toBe(canonicalJson(a.entries)); // into an empty locker: the same chain, then the import entry
    expect(b.entries[6]).toMatchObject({ kind: 'import', recordId: 'imp-1', payload: { records: ['gm-0001', 'gm-0002', 'wa-0001', 'px-0001'] } });
    expect((await verifyChain(b.entries)).ok).toBe(true);
    expect(await b.merge(a.entries, SOURCE)).toMatchObject({ added: 0, skipped: 6 });
    expect(b.entries).toHaveLength(7);
    const other = clone(a.entries);
    (other[0]!.payload as { text: string }).text = 'different';
    const c0 = new Ledger(clone(a.entries));
    await expect(c0.merge(other, SOURCE)).rejects.toThrow(/entry 0 does not match its payload hash/);
    other[0]!.payloadSha256 = await recordSha256(other[0]!.payload as never);
    const c = new Ledger(clone(a.entries));
    await expect(c.merge(other, SOURCE)).rejects.toThrow(/different content/);
    expect(canonicalJson(c.entries)).toBe(canonicalJson(a.entries));
  });
  it('any change to any field of any entry is caught, and malformed input never throws (property)', async () => {
    const l = await filled();
    const base = canonicalJson(l.entries);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), async (i, k, value) => {
        const e = JSON.parse(base) as Record<string, unknown>[];
        const entry = e[i % e.length]!;
        const keys = Object.keys(entry);
        const key = keys[k % keys.length]!;
        // payloads: change one field inside; other fields: replace the value
        if (key === 'payload') {
          const p = entry.payload as Record<string, unknown>;
          const pk = Object.keys(p)[k % Object.keys(p).length]!;
          p[pk] = value;
        } else entry[key] = value;
        if (canonicalJson(e) === base) return;
        const v = await verifyChain(e as unknown as ChainEntry[]);
        expect(v.ok).toBe(false);
        expect(v.problems[0]!.index).toBe(i % e.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a field holding an object with its own toString is reported, not thrown (fast-check counterexample)', async () => {
    const e = JSON.parse(canonicalJson((await filled()).entries)) as Record<string, unknown>[];
    e[1]!.seq = { toString: '' };
    e[2]!.kind = { toString: '' };
    const v = await verifyChain(e as unknown as ChainEntry[]);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.reason)).toEqual(expect.arrayContaining([expect.stringContaining('seq is {"toString":""}'), expect.stringContaining('unknown kind {"toString":""}')]));
  });
});

/** An attacker's chain: their own capture of a record whose id and hash they know from a shared export, then what they want done to it. */
async function crafted(victim: ChainEntry & { kind: 'capture' }, then: (head: ChainEntry) => Promise<ChainEntry[]>): Promise<ChainEntry[]> {
  // a capture entry with the payload blanked: only the id and hash are needed
  const cap = await nextEntry(undefined, 'capture', victim.recordId, null, victim.at, victim.payloadSha256);
  return [cap, ...(await then(cap))];
}

describe('import never changes what is already in the locker', () => {
  it('attack: a crafted deletion of a local record is listed as pending, not applied; the record and its note stay', async () => {
    const mine = await filled();
    const before = canonicalJson(mine.entries);
    const victim = mine.entries[0] as ChainEntry & { kind: 'capture' };
    const incoming = await crafted(victim, async (cap) => [await nextEntry(cap, 'deletion', victim.recordId, { recordId: victim.recordId, recordSha256: victim.payloadSha256, reason: 'duplicate', deletedAt: '2026-11-22T00:00:00.000Z' }, '2026-11-22T00:00:00.000Z')]);
    expect((await verifyChain(incoming)).ok).toBe(true); // a chain that verifies on its own
    const r = await mine.merge(incoming, SOURCE, { importId: 'imp-x', importedAt: AT });
    expect(r).toMatchObject({ added: 0, records: 0, skipped: 1, pending: [{ kind: 'deletion', recordId: 'gm-0001', payload: { reason: 'duplicate' } }] });
    expect(canonicalJson(mine.entries.slice(0, -1))).toBe(before); // everything that was here, unchanged
    expect(mine.entries.at(-1)).toMatchObject({ kind: 'import', payload: { records: [], pending: [{ kind: 'deletion', recordId: 'gm-0001' }] } });
    expect(liveRecords(mine.entries).map((x) => x.id)).toEqual(['gm-0001', 'gm-0002', 'wa-0001', 'px-0001']);
    expect(liveAnnotations(mine.entries).map((a) => a.id)).toEqual(['n1', 't1']);
    expect((await verifyChain(mine.entries)).ok).toBe(true);
    expect(openPending(mine.entries)).toEqual([expect.objectContaining({ importId: 'imp-x', index: 0, keyFingerprint: SOURCE.keyFingerprint })]);
  });
  it('attack: a note attached to a local record is listed as pending, not applied', async () => {
    const mine = await filled();
    const victim = mine.entries[2] as ChainEntry & { kind: 'capture' };
    const note = { id: 'evil-1', recordId: victim.recordId, type: 'note' as const, value: 'The user confirmed this message is fake.', createdAt: '2026-11-21T00:00:00.000Z' };
    const incoming = await crafted(victim, async (cap) => [await nextEntry(cap, 'annotation', victim.recordId, note, note.createdAt)]);
    const r = await mine.merge(incoming, SOURCE, { importId: 'imp-n', importedAt: AT });
    expect(r.pending).toEqual([expect.objectContaining({ kind: 'annotation', recordId: 'wa-0001', payload: note })]);
    expect(liveAnnotations(mine.entries).map((a) => a.id)).toEqual(['n1', 't1']);
  });
  it('attack: a forged back-dated capture keeps its claimed time but is marked imported, with the key and the bundle head', async () => {
    const mine = await filled();
    const { records } = await sampleRecords();
    const forged = { ...records[0]!, id: 'forged-1', capturedAt: '2020-01-01T00:00:00.000Z', text: 'I owe the full amount and agree to pay.', findings: [] };
    const incoming = [await nextEntry(undefined, 'capture', forged.id, forged, forged.capturedAt)];
    await mine.merge(incoming, SOURCE, { importId: 'imp-f', importedAt: AT });
    const rec = mine.entries.find((e) => e.recordId === 'forged-1')!;
    expect(rec.at).toBe('2020-01-01T00:00:00.000Z');
    expect(provenance(mine.entries).get('forged-1')).toEqual({ importId: 'imp-f', importedAt: AT, keyFingerprint: SOURCE.keyFingerprint, bundleHeadSha256: SOURCE.bundleHeadSha256, bundleExportedAt: SOURCE.bundleExportedAt, earlier: [] });
    expect(provenance(mine.entries).has('gm-0001')).toBe(false);
  });
  it("an honest colleague's export with a deletion of a record both lockers hold: pending too, never silent", async () => {
    const mine = await filled();
    const theirs = new Ledger(clone(mine.entries));
    await theirs.delete('px-0001', 'not relevant to this case', '2026-11-25T00:00:00.000Z');
    await theirs.annotate({ id: 'c1', recordId: 'gm-0002', type: 'tag', value: 'reviewed', createdAt: '2026-11-25T00:00:01.000Z' });
    const r = await mine.merge(theirs.entries, SOURCE, { importId: 'imp-c', importedAt: AT });
    expect(r.pending.map((p) => [p.kind, p.recordId])).toEqual([['deletion', 'px-0001'], ['annotation', 'gm-0002']]);
    expect(liveRecords(mine.entries).map((x) => x.id)).toContain('px-0001');
  });
  it('confirmPending applies exactly what was confirmed, as new entries; a change cannot be applied twice', async () => {
    const mine = await filled();
    const theirs = new Ledger(clone(mine.entries));
    await theirs.annotate({ id: 'c1', recordId: 'gm-0002', type: 'tag', value: 'reviewed', createdAt: '2026-11-25T00:00:01.000Z' });
    await theirs.delete('px-0001', 'not relevant', '2026-11-25T00:00:00.000Z');
    await mine.merge(theirs.entries, SOURCE, { importId: 'imp-c', importedAt: AT });
    const open = openPending(mine.entries);
    expect(open.map((p) => [p.index, p.change.kind])).toEqual([[0, 'annotation'], [1, 'deletion']]);
    await expect(mine.confirmPending('imp-c', [7])).rejects.toThrow(/no open change 7/);
    await expect(mine.confirmPending('other', [0])).rejects.toThrow(/no open change/);
    const added = await mine.confirmPending('imp-c', [1], '2026-12-02T00:00:00.000Z');
    expect(added).toMatchObject([{ kind: 'deletion', recordId: 'px-0001', at: '2026-12-02T00:00:00.000Z', payload: { reason: 'not relevant' } }]);
    expect(liveRecords(mine.entries).map((x) => x.id)).not.toContain('px-0001');
    expect(mine.entries.find((e) => e.kind === 'capture' && e.recordId === 'px-0001')!.payload).toBeNull();
    expect((await verifyChain(mine.entries)).ok).toBe(true);
    expect(openPending(mine.entries).map((p) => p.index)).toEqual([0]);
    await expect(mine.confirmPending('imp-c', [1])).rejects.toThrow(/no open change 1/);
    // the same bundle again offers nothing new
    expect(await mine.merge(theirs.entries, SOURCE)).toMatchObject({ added: 0, pending: [] });
  });
  it("provenance: a bundle's own import entries say where its records came from, and cannot mark a local record as imported", async () => {
    const a = await filled();
    // B imported A's records and re-exports; its chain carries B's import entry
    const b = new Ledger();
    await b.merge(a.entries, { ...SOURCE, keyFingerprint: 'a'.repeat(64) }, { importId: 'imp-b', importedAt: '2026-11-29T00:00:00.000Z' });
    const c = new Ledger();
    const { records } = await sampleRecords();
    await c.capture(records[0]!); // C already has gm-0001
    const r = await c.merge(b.entries, { ...SOURCE, keyFingerprint: 'b'.repeat(64) }, { importId: 'imp-c', importedAt: AT });
    expect(r.records).toBe(3);
    const p = provenance(c.entries);
    expect(p.has('gm-0001')).toBe(false); // B's import entry lists it, but it was C's own
    expect(p.get('wa-0001')).toMatchObject({ importId: 'imp-c', keyFingerprint: 'b'.repeat(64), earlier: [{ keyFingerprint: 'a'.repeat(64), importedAt: '2026-11-29T00:00:00.000Z' }] });
    expect((await verifyChain(c.entries)).ok).toBe(true);
    expect(c.entries.at(-1)!.payload).toMatchObject({ imports: ['imp-b'] });
  });
  it('verifyChain checks import entries: records and imports they name, pending hashes, no blanking', async () => {
    const mine = await filled();
    const theirs = new Ledger(clone(mine.entries));
    await theirs.delete('px-0001', 'x', '2026-11-25T00:00:00.000Z');
    await mine.merge(theirs.entries, SOURCE, { importId: 'imp-v', importedAt: AT });
    const relink = async (e: ChainEntry[]) => {
      const out: ChainEntry[] = [];
      for (const x of e) out.push(await nextEntry(out.at(-1), x.kind, x.recordId, x.payload as never, x.at));
      return out;
    };
    const edit = async (f: (p: Record<string, unknown>) => void) => {
      const e = clone(mine.entries);
      f(e.at(-1)!.payload as unknown as Record<string, unknown>);
      return (await verifyChain(await relink(e))).problems.map((p) => p.reason);
    };
    expect(await edit((p) => (p.records = ['nope']))).toEqual(['import lists record nope, which no earlier entry captured']);
    expect(await edit((p) => (p.imports = ['imp-zz']))).toEqual(['import lists import imp-zz, which is not an earlier entry']);
    expect(await edit((p) => ((p.pending as { payload: { reason: string } }[])[0]!.payload.reason = 'edited'))).toEqual(['pending[0] does not match its hash']);
    expect(await edit((p) => (p.keyFingerprint = 'KEY'))).toEqual(['import is malformed: keyFingerprint: not a lowercase SHA-256 hex']);
    const blanked = clone(mine.entries);
    (blanked.at(-1) as { payload: unknown }).payload = null;
    expect((await verifyChain(blanked)).problems.map((p) => p.reason)).toEqual(['an import entry has no payload']);
  });
});
