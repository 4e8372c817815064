/**
 * For tests: a zip with the members given, in that order, names as given (the same name twice,
 * `__proto__`, anything): what fflate's zipSync (an object of names) cannot write.
 */
import { Zip, ZipPassThrough } from 'fflate';

export function zipEntries(entries: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else chunks.push(data);
  });
  for (const [name, bytes] of entries) {
    const f = new ZipPassThrough(name);
    f.mtime = new Date('2026-11-28T12:00:00.000Z');
    zip.add(f);
    f.push(bytes, true);
  }
  zip.end();
  if (failed) throw failed;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
