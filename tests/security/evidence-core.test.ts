/**
 * Issue 12's reproductions against the evidence core and the CLI, end to end across modules:
 * each test is an attack the review showed working, and fails on the code before the fix.
 * (Unit tests next to the code hold the details; the extension's sender checks and stash are
 * tested with src/extension.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, exportFiles, verifyBundle } from '../../src/evidence/bundle';
import { fromUtf8, utf8 } from '../../src/evidence/canonical';
import { sampleRecords } from '../../src/evidence/fixtures';
import { Ledger, liveRecords, nextEntry, provenance, type ChainEntry } from '../../src/evidence/ledger';
import { generateInstallKey } from '../../src/evidence/signing';
import { EvidenceStore } from '../../src/evidence/storage';
import { zipEntries } from '../../src/evidence/test-zip';
import { REPO_ROOT } from '../../src/rule-compiler/load';

const tmp = mkdtempSync(join(tmpdir(), 'dunwatch-security-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
const opts = async () => ({ exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 'dunwatch 0.1.0', language: 'en' as const, keyPair: await generateInstallKey() });

async function victimLocker() {
  const { records, screenshots } = await sampleRecords();
  const store = await EvidenceStore.open({ dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  for (const r of records) await store.capture(r, screenshots.get(r.id));
  await store.annotate({ id: 'n1', recordId: 'gm-0001', type: 'note', value: 'called my boss too', createdAt: '2026-11-21T10:00:00.000Z' });
  return store;
}

describe('attack: import erases and forges evidence', () => {
  it('a bundle made from a shared export cannot delete, annotate or back-date; the next export is honest about it', async () => {
    const store = await victimLocker();
    // what the attacker has from any export the victim shared: ids, hashes and the records themselves
    const shared = await exportBundle(store.ledger.entries, await store.screenshots(), await opts());
    const seen = (await verifyBundle(shared)).evidence!.entries.filter((e): e is ChainEntry & { kind: 'capture' } => e.kind === 'capture');
    const evil = new Ledger();
    for (const v of seen.slice(0, 3)) evil.entries.push(await nextEntry(evil.head, 'capture', v.recordId, v.payload, v.at, v.payloadSha256));
    for (const v of seen.slice(0, 2)) evil.entries.push(await nextEntry(evil.head, 'deletion', v.recordId, { recordId: v.recordId, recordSha256: v.payloadSha256, reason: 'duplicate', deletedAt: '2026-11-22T00:00:00.000Z' }, '2026-11-22T00:00:00.000Z'));
    evil.entries.push(await nextEntry(evil.head, 'annotation', seen[2]!.recordId, { id: 'x1', recordId: seen[2]!.recordId, type: 'note', value: 'the user admits this is fake', createdAt: '2026-11-22T00:00:00.000Z' }, '2026-11-22T00:00:00.000Z'));
    const { records } = await sampleRecords();
    const forged = { ...records[1]!, id: 'forged-1', capturedAt: '2019-01-01T00:00:00.000Z', text: 'I agree I owe $9,000.' };
    evil.entries.push(await nextEntry(evil.head, 'capture', forged.id, forged, forged.capturedAt));
    const zip = await exportBundle(evil.entries, new Map(), await opts());

    const r = await store.import(zip, { importedAt: '2026-12-01T00:00:00.000Z' });
    expect(r).toMatchObject({ ok: true, records: 1, pending: [{ kind: 'deletion' }, { kind: 'deletion' }, { kind: 'annotation' }], key: { kind: 'unknown' } });
    expect(liveRecords(store.ledger.entries).map((x) => x.id)).toEqual(['gm-0001', 'gm-0002', 'wa-0001', 'px-0001', 'forged-1']);
    expect((await store.screenshots()).has('gm-0001')).toBe(true);
    expect((await store.verify()).ok).toBe(true);
    // the next export, signed with the victim's own key, says which record came from whom
    const next = await exportFiles(store.ledger.entries, await store.screenshots(), { ...(await opts()), keyPair: await store.installKey() });
    const fp = r.ok ? r.fingerprint : '';
    expect(fromUtf8(next.get('evidence.csv')!)).toMatch(new RegExp(`^forged-1,2019-01-01T00:00:00.000Z,.*,2026-12-01T00:00:00.000Z,${fp}\\r$`, 'm'));
    expect(fromUtf8(next.get('report.html')!)).toContain(`from a bundle signed by key ${fp}`);
    expect(provenance(store.ledger.entries).get('forged-1')?.keyFingerprint).toBe(fp);
    store.close();
  });
});

describe('attack: bundles that verify when they should not', () => {
  it('duplicate report.html (tampered first) and an extra __proto__ member are refused', async () => {
    const { records, screenshots } = await sampleRecords();
    const l = new Ledger();
    for (const x of records) await l.capture(x);
    const files = [...(await exportFiles(l.entries, screenshots, await opts()))].sort(([a], [b]) => (a < b ? -1 : 1));
    const dup = zipEntries([['report.html', utf8('<h1>All paid, nothing to see</h1>')], ...files]);
    expect(await verifyBundle(dup)).toMatchObject({ ok: false, problems: [{ file: 'report.html', reason: expect.stringMatching(/appears 2 times/) }] });
    const proto = zipEntries([...files, ['__proto__', utf8('{}')]]);
    expect(await verifyBundle(proto)).toMatchObject({ ok: false, problems: [{ file: '__proto__' }] });
  });
});

describe('attack: hostile text reaching the terminal, hostile lines stopping a scan (the CLI itself)', () => {
  it('dunwatch verify: a member named with escape codes cannot erase "INVALID"; scan: a 200,000-deep line is skipped, the others scanned', async () => {
    const { records, screenshots } = await sampleRecords();
    const l = new Ledger();
    for (const x of records) await l.capture(x);
    const files = await exportFiles(l.entries, screenshots, await opts());
    const bundle = join(tmp, 'evil.zip');
    writeFileSync(bundle, zipEntries([...files, ['\r\x1b[1A\x1b[2K\x1b[32mevil.zip: valid\x1b[0m', utf8('x')]]));
    const v = cli('verify', bundle);
    expect(v.status).toBe(4);
    // eslint-disable-next-line no-control-regex
    expect(v.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(v.stdout).toMatch(/evil\.zip: INVALID\n {2}\\x0d\\x1b\[1A\\x1b\[2K\\x1b\[32mevil\.zip: valid/);

    const lines = join(tmp, 'hostile.jsonl');
    const deep = 200_000;
    writeFileSync(lines, [JSON.stringify({ id: 'a', text: 'Pay now or we will have you arrested.' }), `{"id":"b","text":"x","n":${'['.repeat(deep)}${']'.repeat(deep)}}`, JSON.stringify({ id: 'c\x1b[2J', text: 'hello' })].join('\n') + '\n');
    const s = cli('scan', lines);
    expect(s.status).toBe(2); // some lines invalid, the others processed
    expect(s.stdout.trim().split('\n').map((x) => JSON.parse(x).id)).toEqual(['a', 'c\x1b[2J']);
    expect(s.stderr).toContain('hostile.jsonl, line 2: nested deeper than 64 levels of arrays and objects; skipped');
    const p = cli('scan', lines, '--format', 'pretty');
    // eslint-disable-next-line no-control-regex
    expect(p.stdout.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/\x1b/);
    expect(p.stdout).toContain('c\\x1b[2J');
  }, 120_000);
});
