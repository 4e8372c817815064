import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical';
import { sampleRecords } from './fixtures';
import { GENESIS, Ledger, liveRecords, verifyChain, type ChainEntry } from './ledger';
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
    expect(await b.merge(a.entries)).toEqual({ added: 6, skipped: 0 });
    expect(canonicalJson(b.entries)).toBe(canonicalJson(a.entries)); // into an empty locker: the same chain
    expect(await b.merge(a.entries)).toEqual({ added: 0, skipped: 6 });
    const other = clone(a.entries);
    (other[0]!.payload as { text: string }).text = 'different';
    const c0 = new Ledger(clone(a.entries));
    await expect(c0.merge(other)).rejects.toThrow(/entry 0 does not match its payload hash/);
    other[0]!.payloadSha256 = await recordSha256(other[0]!.payload as never);
    const c = new Ledger(clone(a.entries));
    await expect(c.merge(other)).rejects.toThrow(/different content/);
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
