/**
 * The committed sample export (docs/examples/evidence-sample{,.zip}): standard tools accept
 * it, `dunwatch verify` accepts it and names the file in a tampered copy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { REPO_ROOT } from '../rule-compiler/load';
import { verifyBundle, zipFiles } from './bundle';

const DIR = join(REPO_ROOT, 'docs/examples/evidence-sample');
const ZIP = join(REPO_ROOT, 'docs/examples/evidence-sample.zip');
const has = (cmd: string, ...args: string[]) => spawnSync(cmd, args.length ? args : ['--version'], { stdio: 'ignore' }).status === 0;
const tmp = mkdtempSync(join(tmpdir(), 'dunwatch-evidence-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
}

describe('docs/examples sample export', () => {
  it.skipIf(!has('sha256sum'))('sha256sum -c SHA256SUMS passes in the unzipped folder', () => {
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: DIR, encoding: 'utf8' });
    expect(out.trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);
    expect(out).toContain('evidence.json: OK');
  });

  it.skipIf(!has('sha256sum'))('sha256sum -c fails on a changed file (the test can fail)', () => {
    const copy = join(tmp, 'changed');
    cpSync(DIR, copy, { recursive: true });
    writeFileSync(join(copy, 'evidence.csv'), readFileSync(join(copy, 'evidence.csv'), 'utf8') + ' ');
    const r = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: copy, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain('evidence.csv: FAILED');
  });

  it.skipIf(!has('openssl', 'version'))('the openssl steps of VERIFY.txt verify the signature', () => {
    const copy = join(tmp, 'openssl');
    cpSync(DIR, copy, { recursive: true });
    const steps = readFileSync(join(DIR, 'VERIFY.txt'), 'utf8').split('\n').filter((l) => /^ {5}(sed|\{ echo| {2}sed| {2}echo|openssl dgst)/.test(l)).map((l) => l.trim()).join('\n');
    const out = execFileSync('bash', ['-c', steps], { cwd: copy, encoding: 'utf8' });
    expect(out).toContain('Verified OK');
  });

  it('the zip holds exactly the files of the folder, byte for byte', () => {
    const files = unzipSync(new Uint8Array(readFileSync(ZIP)));
    const list = (d: string, p = ''): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(d, e.name), `${p}${e.name}/`) : [`${p}${e.name}`]));
    expect(Object.keys(files).sort()).toEqual(list(DIR).sort());
    for (const [name, bytes] of Object.entries(files)) expect(Buffer.from(bytes).equals(readFileSync(join(DIR, name))), name).toBe(true);
  });

  it('dunwatch verify: exit 0 for the sample; exit 4 naming the file for a tampered copy', async () => {
    const ok = cli('verify', ZIP);
    expect(ok.stdout).toContain(': valid');
    expect(ok.status).toBe(0);
    const files = new Map(Object.entries(unzipSync(new Uint8Array(readFileSync(ZIP)))));
    const png = files.get('screenshots/wa-0001.png')!;
    png[40]! ^= 0xff;
    const bad = join(tmp, 'bad.zip');
    writeFileSync(bad, zipFiles(files, '2026-11-28T12:00:00.000Z'));
    expect((await verifyBundle(new Uint8Array(readFileSync(bad)))).ok).toBe(false);
    const r = cli('verify', bad);
    expect(r.status).toBe(4);
    expect(r.stdout).toMatch(/INVALID\n {2}screenshots\/wa-0001\.png: its SHA-256 differs from SHA256SUMS/);
    // (two CLI runs only: each one loads the whole CLI under tsx, which is slow on a busy machine)
  }, 120_000);
});
