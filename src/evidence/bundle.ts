/**
 * The export bundle (a zip) and its verification. Files (exactly these, nothing else):
 *   evidence.json  the whole hash chain (records, annotations, deletions, imports) — authoritative
 *   evidence.csv   one row per finding, for spreadsheets          } made from evidence.json:
 *   report.html    printable report in the user's language        } verify makes them again
 *   VERIFY.txt     how to check all this with sha256sum and openssl} and requires the same bytes
 *   screenshots/<id>.png   one per live record that has one
 *   SHA256SUMS     "<sha256>  <path>" for every file above, the format `sha256sum -c` reads
 *   signature.json ECDSA P-256 signature over the bytes of SHA256SUMS, with the public key
 * The same chain, screenshots, time, language, version and key give the same bytes for
 * every file except the signature (ECDSA signatures are randomised).
 *
 * Verification refuses a zip with a member outside that set (`__proto__`, `../x`, an extra
 * file), the same name twice (a tampered copy ahead of the genuine one), or a member over its
 * size limit (before inflating it). Files are kept in a Map, never in a plain object.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import * as v from 'valibot';
import { canonicalJson, fromBase64Strict, fromUtf8, sha256Hex, toBase64, utf8 } from './canonical';
import { evidenceCsv } from './csv';
import { liveAnnotations, liveRecords, Ledger, provenance, verifyChain, type ChainEntry, type ImportSource, type PendingChange } from './ledger';
import { reportHtml, type ReportLang } from './report';
import { exportPublicKey, importPublicKey, publicKeyPem, rawToDer, sign, verify, type PublicKeyInfo } from './signing';
import { HEX64, ISO_UTC, problemsOf } from './schema';

export const BUNDLE_FORMAT = 'dunwatch-evidence';
/** 2: import entries, derived files re-made at verify time, exact member set. */
export const BUNDLE_FORMAT_VERSION = 2;

const MiB = 2 ** 20;
/**
 * What verify and import will inflate. A 1,000-record export with screenshots is ~50 MB; a
 * full-page screenshot is a few MB. Every member is checked against its limit before it is
 * inflated (zip bombs), and the whole against `total`.
 */
export const LIMITS = {
  total: 1024 * MiB,
  members: 100_010,
  file: { 'evidence.json': 256 * MiB, 'evidence.csv': 256 * MiB, 'report.html': 256 * MiB, SHA256SUMS: 16 * MiB, 'signature.json': MiB, 'VERIFY.txt': MiB, screenshot: 32 * MiB },
} as const;

export type BundleFiles = Map<string, Uint8Array>;

const DERIVED = ['evidence.csv', 'report.html', 'VERIFY.txt'] as const;
const REQUIRED = ['evidence.json', ...DERIVED, 'SHA256SUMS', 'signature.json'] as const;
const SCREENSHOT = /^screenshots\/([A-Za-z0-9_-]{1,64})\.png$/;
/** re-zipping the unzipped folder with another tool adds this directory entry; nothing else is allowed */
const SCREENSHOT_DIR = 'screenshots/';

/** Is `name` a member a Dunwatch bundle may hold? */
export function allowedMember(name: string): boolean {
  return (REQUIRED as readonly string[]).includes(name) || SCREENSHOT.test(name);
}

function memberLimit(name: string, override?: number): number {
  const own = SCREENSHOT.test(name) ? LIMITS.file.screenshot : (LIMITS.file[name as keyof typeof LIMITS.file] ?? 0);
  return override === undefined ? own : Math.min(own, override);
}

export interface EvidenceJson {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  exportedAt: string;
  softwareVersion: string;
  language: ReportLang;
  headSha256: string;
  entries: ChainEntry[];
}

const EvidenceJsonSchema = v.strictObject({
  format: v.literal(BUNDLE_FORMAT, `must be ${BUNDLE_FORMAT}`),
  formatVersion: v.literal(BUNDLE_FORMAT_VERSION, `must be ${BUNDLE_FORMAT_VERSION} (a bundle from an older development build: export it again from the locker)`),
  exportedAt: v.pipe(v.string('must be a string'), v.regex(ISO_UTC, 'not ISO 8601 UTC')),
  softwareVersion: v.string('must be a string'),
  language: v.picklist(['en', 'zh-CN'], 'en or zh-CN'),
  headSha256: v.pipe(v.string('must be a string'), v.regex(HEX64, 'not a SHA-256 hex')),
  entries: v.array(v.unknown(), 'must be a list'),
});

export interface SignatureJson {
  algorithm: 'ECDSA-P256-SHA256';
  signedFile: 'SHA256SUMS';
  /** SHA-256 (hex) of the bytes of SHA256SUMS */
  digest: string;
  /** base64, raw r‖s as WebCrypto makes it */
  signature: string;
  /** base64, the same signature as ASN.1 DER for openssl */
  signatureDer: string;
  publicKey: PublicKeyInfo;
  createdAt: string;
  softwareVersion: string;
}

const SignatureJsonSchema = v.strictObject({
  algorithm: v.literal('ECDSA-P256-SHA256', 'unknown algorithm'),
  signedFile: v.literal('SHA256SUMS', 'must be SHA256SUMS'),
  digest: v.pipe(v.string(), v.regex(HEX64, 'not a SHA-256 hex')),
  signature: v.string('must be a string'),
  signatureDer: v.string('must be a string'),
  publicKey: v.strictObject({ spki: v.string(), jwk: v.strictObject({ kty: v.literal('EC'), crv: v.literal('P-256'), x: v.string(), y: v.string() }), fingerprint: v.pipe(v.string(), v.regex(HEX64, 'not a SHA-256 hex')) }, 'is incomplete'),
  createdAt: v.string('must be a string'),
  softwareVersion: v.string('must be a string'),
});

export interface ExportOptions {
  exportedAt: string;
  softwareVersion: string;
  language: ReportLang;
  keyPair: CryptoKeyPair;
}

/** "<hex>  <path>\n" per file, sorted by path: exactly what `sha256sum -c` accepts. */
export async function sha256sums(files: ReadonlyMap<string, Uint8Array>): Promise<string> {
  const names = [...files.keys()].sort();
  let out = '';
  for (const n of names) out += `${await sha256Hex(files.get(n)!)}  ${n}\n`;
  return out;
}

export function verifyTxt(): string {
  return `Dunwatch evidence bundle — how to check it yourself
===================================================

1. Every file is listed with its SHA-256 in SHA256SUMS. In the unzipped folder run:

     sha256sum -c SHA256SUMS          (Linux; macOS: shasum -a 256 -c SHA256SUMS)

   Every line must say OK. Windows PowerShell: Get-FileHash -Algorithm SHA256 FILE,
   and compare with the line for FILE (case does not matter).

2. SHA256SUMS is signed (ECDSA P-256, SHA-256) with a key a browser installation made.
   signature.json holds the signature and the public key. With openssl:

     sed -n 's/.*"signatureDer":"\\([^"]*\\)".*/\\1/p' signature.json | base64 -d > sig.der
     { echo '-----BEGIN PUBLIC KEY-----'
       sed -n 's/.*"spki":"\\([^"]*\\)".*/\\1/p' signature.json | fold -w 64
       echo '-----END PUBLIC KEY-----'; } > pub.pem
     openssl dgst -sha256 -verify pub.pem -signature sig.der SHA256SUMS

   It must print "Verified OK". The key fingerprint is the SHA-256 of the key:

     openssl pkey -pubin -in pub.pem -outform DER | sha256sum

   and must equal "fingerprint" in signature.json. Compare it with the fingerprint the
   person who made the export gives you (by phone, in person): anyone can make a key, and
   a bundle signed with a key you cannot tie to a person says nothing about who made it.
   "dunwatch verify --expect-fingerprint HEX BUNDLE.zip" does this comparison.

3. evidence.json holds a hash chain: each entry's sha256 covers the entry and the one
   before it; each message has its own hash. evidence.csv, report.html and this file are
   made from evidence.json. "dunwatch verify BUNDLE.zip" checks all of the above and the
   chain, makes those three files again and requires the same bytes, and names any file or
   entry that fails.

4. Records marked "imported" came from another bundle: the import entry in the chain names
   the key that signed that bundle and its head hash. Their saved times are the times that
   bundle claims; this locker only vouches for when they were imported.

What a valid signature proves: no file has changed since the holder of that key signed
it, and no saved message was edited, removed or reordered since it was saved (deletions
are entries in the chain).
What it does not prove: who holds the key, that the sender really sent the message, that
the web page showed it truthfully, that the website's times are right, or that imported
records were first saved when they claim. The findings are automatic flags, not legal
advice. evidence.csv prefixes cells that start with = + - @ (also after a ; or , inside a
cell) with ' so that spreadsheets do not run them; evidence.json has the exact text.

如何自行校验本证据包
1. 在解压后的文件夹中运行 sha256sum -c SHA256SUMS，每一行都应显示 OK。
2. 按上面第 2 步用 openssl 校验签名，应显示 "Verified OK"；请当面或通过电话与导出者核对密钥指纹：任何人都可以生成密钥。
3. "dunwatch verify BUNDLE.zip" 会检查以上全部内容及哈希链，重新生成 evidence.csv、report.html 和本文件并要求逐字节一致，并指出出错的文件或条目。
4. 标为"导入"的记录来自另一个证据包：哈希链中的导入条目记录了签名密钥和该包的末端哈希；其保存时间是该包自称的时间。
有效签名能证明：自持有该密钥者签名以来没有文件被改动，消息保存后没有被修改、删除或调换顺序（删除会作为条目记入哈希链）。
它不能证明：密钥由谁持有、发送者确实发送了该消息、网页如实显示了消息、网站显示的时间准确，或导入的记录确实在其自称的时间保存。标记结果不构成法律意见。
`;
}

function prettyCanonical(value: unknown): string {
  // canonical key order, then indented for people; key order survives JSON.parse because
  // no key in this format is an array index.
  return JSON.stringify(JSON.parse(canonicalJson(value)), null, 2) + '\n';
}

/**
 * evidence.csv, report.html and VERIFY.txt: a pure function of evidence.json, the signing key's
 * fingerprint and which screenshots the bundle holds, so verify can make them again.
 */
export function derivedFiles(doc: EvidenceJson, keyFingerprint: string, screenshots: ReadonlySet<string>): BundleFiles {
  const live = new Set(liveRecords(doc.entries).map((r) => r.id));
  const records = doc.entries.flatMap((e) => (e.kind === 'capture' && e.payload && live.has(e.recordId) ? [{ record: e.payload, sha256: e.payloadSha256 }] : []));
  const prov = provenance(doc.entries);
  const shots = new Set([...screenshots].filter((id) => live.has(id)));
  const files: BundleFiles = new Map();
  files.set('evidence.csv', utf8(evidenceCsv(records, prov)));
  files.set('report.html', utf8(reportHtml({ lang: doc.language, entries: doc.entries, records, annotations: liveAnnotations(doc.entries), screenshots: shots, exportedAt: doc.exportedAt, softwareVersion: doc.softwareVersion, keyFingerprint, headSha256: doc.headSha256, provenance: prov })));
  files.set('VERIFY.txt', utf8(verifyTxt()));
  return files;
}

/** Files of the bundle (name → bytes), signed. */
export async function exportFiles(entries: readonly ChainEntry[], screenshots: ReadonlyMap<string, Uint8Array>, opts: ExportOptions): Promise<BundleFiles> {
  const chain = await verifyChain(entries);
  if (!chain.ok) {
    const named = chain.problems.slice(0, 5).map((p) => `entry ${p.index}${p.recordId ? ` (record ${p.recordId})` : ''}: ${p.reason}`);
    throw new Error(`cannot export: the locker's chain does not verify (${named.join('; ')}${chain.problems.length > 5 ? `; and ${chain.problems.length - 5} more` : ''}). Delete the record named (the deletion is recorded) or restore the locker, then export again.`);
  }
  const files: BundleFiles = new Map();
  const shots = new Set<string>();
  for (const record of liveRecords(entries)) {
    const png = screenshots.get(record.id);
    if (!png || !record.screenshotSha256) continue;
    if ((await sha256Hex(png)) !== record.screenshotSha256) throw new Error(`cannot export: the screenshot of record ${record.id} does not match the hash in its record`);
    files.set(`screenshots/${record.id}.png`, png);
    shots.add(record.id);
  }
  const publicKey = await exportPublicKey(opts.keyPair.publicKey);
  const doc: EvidenceJson = { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, exportedAt: opts.exportedAt, softwareVersion: opts.softwareVersion, language: opts.language, headSha256: chain.headSha256, entries: [...entries] };
  files.set('evidence.json', evidenceJsonBytes(doc));
  for (const [name, bytes] of derivedFiles(doc, publicKey.fingerprint, shots)) files.set(name, bytes);
  return signFiles(files, opts.keyPair, opts.exportedAt, opts.softwareVersion);
}

/** Add SHA256SUMS over `files` and signature.json signing it (a new Map; `files` is not changed). */
export async function signFiles(files: ReadonlyMap<string, Uint8Array>, keyPair: CryptoKeyPair, createdAt: string, softwareVersion: string): Promise<BundleFiles> {
  const out: BundleFiles = new Map(files);
  const sums = utf8(await sha256sums(out));
  out.set('SHA256SUMS', sums);
  const raw = await sign(keyPair.privateKey, sums);
  const publicKey = await exportPublicKey(keyPair.publicKey);
  const sig: SignatureJson = { algorithm: 'ECDSA-P256-SHA256', signedFile: 'SHA256SUMS', digest: await sha256Hex(sums), signature: toBase64(raw), signatureDer: toBase64(rawToDer(raw)), publicKey, createdAt, softwareVersion };
  out.set('signature.json', utf8(canonicalJson(sig) + '\n'));
  return out;
}

/** evidence.json's bytes for a document (canonical key order, indented). */
export function evidenceJsonBytes(doc: EvidenceJson): Uint8Array {
  return utf8(prettyCanonical(doc));
}

/** Deterministic zip: fixed order, the export time as every file's time, PNGs stored. */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>, exportedAt: string): Uint8Array {
  const mtime = new Date(exportedAt);
  const z: Zippable = Object.create(null) as Zippable;
  for (const name of [...files.keys()].sort()) z[name] = [files.get(name)!, { level: name.endsWith('.png') ? 0 : 6, mtime }];
  return zipSync(z);
}

export async function exportBundle(entries: readonly ChainEntry[], screenshots: ReadonlyMap<string, Uint8Array>, opts: ExportOptions): Promise<Uint8Array> {
  return zipFiles(await exportFiles(entries, screenshots, opts), opts.exportedAt);
}

export interface BundleProblem {
  file: string;
  reason: string;
}

export interface BundleVerdict {
  ok: boolean;
  problems: BundleProblem[];
  /** Present when evidence.json could be read. */
  evidence?: EvidenceJson;
  screenshots: Map<string, Uint8Array>;
  fingerprint?: string;
  createdAt?: string;
}

function parseStrictJson(bytes: Uint8Array, canonical: 'canonical' | 'pretty'): unknown {
  const text = fromUtf8(bytes);
  const value = JSON.parse(text) as unknown;
  const again = canonical === 'canonical' ? canonicalJson(value) + '\n' : prettyCanonical(value);
  if (again !== text) throw new Error('not in the exact form Dunwatch writes (bytes were changed)');
  return value;
}

const SUM_LINE = /^([0-9a-f]{64}) {2}([^\n]+)$/;
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Check a bundle's files. Each problem names the file at fault. A file's hash is trusted
 * only when the signature over SHA256SUMS holds; when SHA256SUMS itself is at fault, that is
 * the one file named (the others cannot be checked against it).
 */
export async function verifyFiles(input: ReadonlyMap<string, Uint8Array>): Promise<BundleVerdict> {
  const problems: BundleProblem[] = [];
  const add = (file: string, reason: string) => problems.push({ file, reason });
  const blamed = (file: string) => problems.some((p) => p.file === file);
  const verdict: BundleVerdict = { ok: false, problems, screenshots: new Map() };
  const files: BundleFiles = new Map();
  for (const [name, bytes] of input) {
    if (allowedMember(name)) files.set(name, bytes);
    else add(name, 'not a file a Dunwatch bundle holds (only evidence.json, evidence.csv, report.html, VERIFY.txt, SHA256SUMS, signature.json and screenshots/<id>.png)');
  }
  for (const f of REQUIRED) if (!files.has(f)) add(f, 'missing from the bundle');
  const sumsBytes = files.get('SHA256SUMS');
  const sigBytes = files.get('signature.json');

  // 1. The signature, and who is to blame if it fails.
  let sumsTrusted = false;
  let sig: SignatureJson | undefined;
  if (sigBytes && sumsBytes) {
    const actualDigest = await sha256Hex(sumsBytes);
    try {
      sig = parseStrictJson(sigBytes, 'canonical') as SignatureJson;
      const sigProblem = await checkSignatureJson(sig);
      if (sigProblem) throw new Error(sigProblem);
      const key = await importPublicKey(sig.publicKey.spki);
      const good = await verify(key, fromBase64Strict(sig.signature)!, sumsBytes);
      if (good && sig.digest !== actualDigest) add('signature.json', 'its digest is not the SHA-256 of SHA256SUMS (the signature itself holds)');
      else if (good) sumsTrusted = true;
      else if (sig.digest === actualDigest) add('signature.json', 'the signature does not verify against the public key it names');
      else add('SHA256SUMS', 'does not match the signed digest in signature.json (SHA256SUMS was changed)');
      verdict.fingerprint = sig.publicKey.fingerprint;
      verdict.createdAt = sig.createdAt;
    } catch (e) {
      add('signature.json', `unreadable: ${(e as Error).message}`);
      sig = undefined;
    }
  }

  // 2. SHA256SUMS: format, then every file against it (only if it is trusted or no
  //    signature could be read at all, in which case the signature problem is already named).
  const listed = new Map<string, string>();
  if (sumsBytes) {
    let text = '';
    try {
      text = fromUtf8(sumsBytes);
    } catch {
      if (!blamed('SHA256SUMS')) add('SHA256SUMS', 'not UTF-8');
    }
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : [text];
    let formatOk = text.endsWith('\n');
    for (const line of lines) {
      const m = SUM_LINE.exec(line);
      if (!m || listed.has(m[2]!) || !allowedMember(m[2]!) || m[2] === 'SHA256SUMS' || m[2] === 'signature.json') formatOk = false;
      else listed.set(m[2]!, m[1]!);
    }
    const sorted = [...listed.keys()];
    if (sorted.join('\n') !== [...sorted].sort().join('\n')) formatOk = false;
    if (!formatOk && !blamed('SHA256SUMS')) add('SHA256SUMS', 'not in the format Dunwatch writes (one "<sha256>  <file>" line per file of the bundle, sorted)');
    if (!blamed('SHA256SUMS') && (sumsTrusted || !sig)) {
      for (const [name, hex] of listed) {
        const bytes = files.get(name);
        if (!bytes) {
          if (!blamed(name)) add(name, 'listed in SHA256SUMS but missing from the bundle');
        } else if ((await sha256Hex(bytes)) !== hex) add(name, 'its SHA-256 differs from SHA256SUMS (the file was changed)');
      }
      for (const name of files.keys()) if (name !== 'SHA256SUMS' && name !== 'signature.json' && !listed.has(name) && !blamed(name)) add(name, 'not listed in SHA256SUMS (added after the export)');
    }
  }

  // 3. evidence.json: its chain, its screenshots, and the files made from it.
  const ejBytes = files.get('evidence.json');
  if (ejBytes) {
    try {
      const value = parseStrictJson(ejBytes, 'pretty');
      const shape = problemsOf(v.safeParse(EvidenceJsonSchema, value, { abortEarly: false, abortPipeEarly: true }));
      if (shape.length) throw new Error(`not a ${BUNDLE_FORMAT} v${BUNDLE_FORMAT_VERSION} document: ${shape.join('; ')}`);
      const doc = value as EvidenceJson;
      const chain = await verifyChain(doc.entries);
      for (const p of chain.problems) add('evidence.json', `chain entry ${p.index}${p.recordId ? ` (record ${p.recordId})` : ''}: ${p.reason}`);
      if (chain.ok && chain.headSha256 !== doc.headSha256) add('evidence.json', 'headSha256 is not the sha256 of the last entry');
      // a changed evidence.json is already named; comparing its (changed) fields would blame the signature too
      if (sig && sumsTrusted && !blamed('evidence.json') && (sig.createdAt !== doc.exportedAt || sig.softwareVersion !== doc.softwareVersion)) add('signature.json', 'createdAt or softwareVersion differs from evidence.json');
      verdict.evidence = doc;
      if (chain.ok) {
        const live = new Map(liveRecords(doc.entries).map((r) => [r.id, r]));
        const present = new Set<string>();
        for (const [name, png] of files) {
          const id = SCREENSHOT.exec(name)?.[1];
          if (id === undefined) continue;
          present.add(id);
          const r = live.get(id);
          if (!r?.screenshotSha256) {
            if (!blamed(name)) add(name, `no live record ${id} with a screenshot in evidence.json`);
          } else if ((await sha256Hex(png)) !== r.screenshotSha256) {
            if (!blamed(name)) add(name, `does not match the screenshot hash in record ${id}`);
          } else verdict.screenshots.set(id, png);
        }
        // 4. evidence.csv, report.html, VERIFY.txt must be exactly what evidence.json gives: a
        //    signer cannot show people one thing and the chain another. Only once evidence.json
        //    and the key are sound, so a changed evidence.json is the one file named.
        if (!blamed('evidence.json') && !blamed('signature.json') && sig) {
          for (const [name, bytes] of derivedFiles(doc, sig.publicKey.fingerprint, present)) {
            const have = files.get(name);
            if (have && !blamed(name) && !sameBytes(have, bytes)) add(name, 'differs from the one made from evidence.json (it was changed before it was signed, or made by other software)');
          }
        }
      }
    } catch (e) {
      if (!blamed('evidence.json')) add('evidence.json', `unreadable: ${(e as Error).message}`);
    }
  }
  verdict.ok = problems.length === 0;
  return verdict;
}

async function checkSignatureJson(s: SignatureJson): Promise<string | undefined> {
  const shape = problemsOf(v.safeParse(SignatureJsonSchema, s, { abortEarly: false, abortPipeEarly: true }));
  if (shape.length) return shape.join('; ');
  const raw = fromBase64Strict(s.signature);
  if (!raw || raw.length !== 64) return 'signature is not 64 bytes of canonical base64';
  const der = fromBase64Strict(s.signatureDer);
  if (!der || toBase64(rawToDer(raw)) !== s.signatureDer) return 'signatureDer is not the DER form of signature';
  const pk = s.publicKey;
  const spki = fromBase64Strict(pk.spki);
  if (!spki) return 'publicKey.spki is not canonical base64';
  if ((await sha256Hex(spki)) !== pk.fingerprint) return 'publicKey.fingerprint is not the SHA-256 of the key';
  let key: CryptoKey;
  try {
    key = await importPublicKey(pk.spki);
  } catch {
    return 'publicKey.spki is not a P-256 public key';
  }
  const again = await exportPublicKey(key);
  if (canonicalJson(again) !== canonicalJson(pk)) return 'publicKey.jwk does not match publicKey.spki';
  return undefined;
}

export interface UnzipLimits {
  /** cap on every member (on top of its own limit in LIMITS.file) */
  file?: number;
  total?: number;
  members?: number;
}

const fmtBytes = (n: number) => (n >= MiB ? `${(n / MiB).toFixed(n >= 10 * MiB ? 0 : 1)} MB` : `${n} bytes`);

/**
 * The zip's members, checked before anything is inflated: only allowed names, each once,
 * each under its limit, at most `members` of them and `total` bytes in all.
 */
export function unzipBundle(zip: Uint8Array, limits: UnzipLimits = {}): { files: BundleFiles; problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const total = limits.total ?? LIMITS.total;
  const maxMembers = limits.members ?? LIMITS.members;
  const seen = new Map<string, number>();
  let count = 0;
  let sum = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(zip, {
      filter: (f) => {
        count++;
        seen.set(f.name, (seen.get(f.name) ?? 0) + 1);
        if (problems.length) return false; // refused already: inflate nothing more
        if (count > maxMembers) {
          problems.push({ file: '(zip)', reason: `more than ${maxMembers} members` });
          return false;
        }
        if (f.name === SCREENSHOT_DIR) return false;
        if (!allowedMember(f.name)) {
          problems.push({ file: f.name, reason: 'not a file a Dunwatch bundle holds (only evidence.json, evidence.csv, report.html, VERIFY.txt, SHA256SUMS, signature.json and screenshots/<id>.png)' });
          return false;
        }
        if (seen.get(f.name)! > 1) return false; // named below, once all members are counted
        const limit = memberLimit(f.name, limits.file);
        sum += f.originalSize;
        if (f.originalSize > limit) {
          problems.push({ file: f.name, reason: `${fmtBytes(f.originalSize)} is larger than this tool reads for it (${fmtBytes(limit)}); not inflated` });
          return false;
        }
        if (sum > total) {
          problems.push({ file: f.name, reason: `the bundle is larger than this tool reads (${fmtBytes(total)} in all); not inflated` });
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    return { files: new Map(), problems: [{ file: '(zip)', reason: `not a readable zip: ${(e as Error).message}` }] };
  }
  for (const [name, n] of seen) if (n > 1) problems.push({ file: name, reason: `appears ${n} times in the zip (a second copy could be what other tools show)` });
  const files: BundleFiles = new Map();
  // own keys only: unzipSync's result is a plain object
  for (const name of Object.keys(raw)) if (allowedMember(name) && seen.get(name) === 1) files.set(name, raw[name]!);
  return { files, problems };
}

export async function verifyBundle(zip: Uint8Array, limits: UnzipLimits = {}): Promise<BundleVerdict> {
  const { files, problems } = unzipBundle(zip, limits);
  if (problems.length) return { ok: false, problems, screenshots: new Map() };
  return verifyFiles(files);
}

export { publicKeyPem };

/** What an import of a verified bundle would do (nothing is changed by looking). */
export interface ImportPreview {
  ok: true;
  /** SHA-256 of the key that signed the bundle */
  fingerprint: string;
  headSha256: string;
  exportedAt: string;
  softwareVersion: string;
  /** records the bundle would add */
  records: number;
  /** entries it would add (records, their notes and deletions, the bundle's own import entries) */
  entries: number;
  skipped: number;
  /** notes and deletions about records already in this locker: listed, never applied by the import */
  pending: PendingChange[];
}

export type ImportRefusal = { ok: false; problems: BundleProblem[] };

async function verified(zip: Uint8Array, limits?: UnzipLimits): Promise<{ ok: true; v: BundleVerdict & { evidence: EvidenceJson; fingerprint: string } } | ImportRefusal> {
  const v = await verifyBundle(zip, limits);
  if (!v.ok || !v.evidence || !v.fingerprint) return { ok: false, problems: v.problems.length ? v.problems : [{ file: 'evidence.json', reason: 'unreadable' }] };
  return { ok: true, v: v as BundleVerdict & { evidence: EvidenceJson; fingerprint: string } };
}

export async function previewImport(ledger: Ledger, zip: Uint8Array, limits?: UnzipLimits): Promise<ImportPreview | ImportRefusal> {
  const r = await verified(zip, limits);
  if (!r.ok) return r;
  const doc = r.v.evidence;
  try {
    const plan = await ledger.planMerge(doc.entries);
    return { ok: true, fingerprint: r.v.fingerprint, headSha256: doc.headSha256, exportedAt: doc.exportedAt, softwareVersion: doc.softwareVersion, records: plan.records.length, entries: plan.add.length, skipped: plan.skipped, pending: plan.pending };
  } catch (e) {
    return { ok: false, problems: [{ file: 'evidence.json', reason: `cannot be merged: ${(e as Error).message}` }] };
  }
}

export interface ImportOptions {
  importedAt?: string;
  importId?: string;
  /** refuse unless the bundle's head hash is this one (the bundle the user previewed) */
  expectHeadSha256?: string;
  limits?: UnzipLimits;
}

export interface ImportDone {
  ok: true;
  added: number;
  records: number;
  recordIds: string[];
  skipped: number;
  pending: PendingChange[];
  importId?: string;
  /** screenshots of the records this import added */
  screenshots: Map<string, Uint8Array>;
  fingerprint: string;
  headSha256: string;
}

/**
 * Import: verify everything first; on any problem nothing is changed and the problems are
 * returned. On success the bundle's new records are merged into the ledger with an import
 * entry (see Ledger.merge); notes and deletions about records already here are only listed.
 */
export async function importBundle(ledger: Ledger, zip: Uint8Array, opts: ImportOptions = {}): Promise<ImportDone | ImportRefusal> {
  const r = await verified(zip, opts.limits);
  if (!r.ok) return r;
  const doc = r.v.evidence;
  if (opts.expectHeadSha256 !== undefined && doc.headSha256 !== opts.expectHeadSha256) return { ok: false, problems: [{ file: 'evidence.json', reason: 'this is not the bundle that was previewed (its head hash differs); nothing was changed' }] };
  const trial = new Ledger([...ledger.entries]);
  const source: ImportSource = { keyFingerprint: r.v.fingerprint, bundleHeadSha256: doc.headSha256, bundleExportedAt: doc.exportedAt, softwareVersion: doc.softwareVersion };
  try {
    const m = await trial.merge(doc.entries, source, { importId: opts.importId, importedAt: opts.importedAt });
    const check = await verifyChain(trial.entries);
    if (!check.ok) throw new Error(check.problems.map((p) => `entry ${p.index}: ${p.reason}`).join('; '));
    ledger.entries = trial.entries;
    const fresh = new Set(m.recordIds);
    const screenshots = new Map([...r.v.screenshots].filter(([id]) => fresh.has(id) && !ledger.isDeleted(id)));
    return { ok: true, ...m, screenshots, fingerprint: r.v.fingerprint, headSha256: doc.headSha256 };
  } catch (e) {
    return { ok: false, problems: [{ file: 'evidence.json', reason: `cannot be merged: ${(e as Error).message}` }] };
  }
}
