/**
 * The export bundle (a zip) and its verification. Files:
 *   evidence.json  the whole hash chain (records, annotations, deletions) — authoritative
 *   evidence.csv   one row per finding, for spreadsheets
 *   report.html    printable report in the user's language
 *   screenshots/<id>.png
 *   VERIFY.txt     how to check all this with sha256sum and openssl
 *   SHA256SUMS     "<sha256>  <path>" for every file above, the format `sha256sum -c` reads
 *   signature.json ECDSA P-256 signature over the bytes of SHA256SUMS, with the public key
 * The same chain, screenshots, time, language, version and key give the same bytes for
 * every file except the signature (ECDSA signatures are randomised).
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { canonicalJson, fromBase64Strict, fromUtf8, sha256Hex, toBase64, utf8 } from './canonical';
import { evidenceCsv } from './csv';
import { liveAnnotations, liveRecords, Ledger, verifyChain, type ChainEntry } from './ledger';
import { reportHtml, type ReportLang } from './report';
import { exportPublicKey, importPublicKey, publicKeyPem, rawToDer, sign, verify, type PublicKeyInfo } from './signing';
import { recordSha256 } from './record';

export const BUNDLE_FORMAT = 'dunwatch-evidence';
export const BUNDLE_FORMAT_VERSION = 1;
/** Limits on what verify/import will inflate (a 1,000-record export with screenshots is ~50 MB). */
export const MAX_FILE_BYTES = 512 * 2 ** 20;
export const MAX_TOTAL_BYTES = 2 * 2 ** 30;
const REQUIRED = ['evidence.json', 'evidence.csv', 'report.html', 'VERIFY.txt', 'SHA256SUMS', 'signature.json'] as const;

export interface EvidenceJson {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  exportedAt: string;
  softwareVersion: string;
  language: ReportLang;
  headSha256: string;
  entries: ChainEntry[];
}

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

export interface ExportOptions {
  exportedAt: string;
  softwareVersion: string;
  language: ReportLang;
  keyPair: CryptoKeyPair;
}

/** "<hex>  <path>\n" per file, sorted by path: exactly what `sha256sum -c` accepts. */
export async function sha256sums(files: Record<string, Uint8Array>): Promise<string> {
  const names = Object.keys(files).sort();
  let out = '';
  for (const n of names) out += `${await sha256Hex(files[n]!)}  ${n}\n`;
  return out;
}

export function verifyTxt(): string {
  return `Dunwatch evidence bundle — how to check it yourself
===================================================

1. Every file is listed with its SHA-256 in SHA256SUMS. In the unzipped folder run:

     sha256sum -c SHA256SUMS          (Linux; macOS: shasum -a 256 -c SHA256SUMS)

   Every line must say OK. Windows PowerShell: Get-FileHash -Algorithm SHA256 FILE,
   and compare with the line for FILE (case does not matter).

2. SHA256SUMS is signed (ECDSA P-256, SHA-256) with a key this browser installation made.
   signature.json holds the signature and the public key. With openssl:

     sed -n 's/.*"signatureDer":"\\([^"]*\\)".*/\\1/p' signature.json | base64 -d > sig.der
     { echo '-----BEGIN PUBLIC KEY-----'
       sed -n 's/.*"spki":"\\([^"]*\\)".*/\\1/p' signature.json | fold -w 64
       echo '-----END PUBLIC KEY-----'; } > pub.pem
     openssl dgst -sha256 -verify pub.pem -signature sig.der SHA256SUMS

   It must print "Verified OK". The key fingerprint is the SHA-256 of the key:

     openssl pkey -pubin -in pub.pem -outform DER | sha256sum

   and must equal "fingerprint" in signature.json and the one the person who made the
   export gives you (anyone can make a key; the fingerprint says whose it is).

3. evidence.json holds a hash chain: each entry's sha256 covers the entry and the one
   before it; each message has its own hash. "dunwatch verify BUNDLE.zip" checks all of
   the above and the chain, and names any file or entry that fails.

What this proves: no file has changed since the export, and no saved message was edited,
removed or reordered since it was saved (deletions are entries in the chain).
What it does not prove: that the sender really sent the message, that the web page showed
it truthfully, or that the website's times are right. The findings are automatic flags,
not legal advice. evidence.csv prefixes cells that start with = + - @ with ' so that
spreadsheets do not run them; evidence.json has the exact text.

如何自行校验本证据包
1. 在解压后的文件夹中运行 sha256sum -c SHA256SUMS，每一行都应显示 OK。
2. 按上面第 2 步用 openssl 校验签名，应显示 "Verified OK"；请将密钥指纹与导出者提供的指纹核对。
3. "dunwatch verify BUNDLE.zip" 会检查以上全部内容及哈希链，并指出出错的文件或条目。
它能证明：导出后没有文件被改动，消息保存后没有被修改、删除或调换顺序（删除会作为条目记入哈希链）。
它不能证明：发送者确实发送了该消息、网页如实显示了消息、网站显示的时间准确。标记结果不构成法律意见。
`;
}

function prettyCanonical(value: unknown): string {
  // canonical key order, then indented for people; key order survives JSON.parse because
  // no key in this format is an array index.
  return JSON.stringify(JSON.parse(canonicalJson(value)), null, 2) + '\n';
}

/** Files of the bundle (name → bytes), signed. */
export async function exportFiles(entries: readonly ChainEntry[], screenshots: ReadonlyMap<string, Uint8Array>, opts: ExportOptions): Promise<Record<string, Uint8Array>> {
  const chain = await verifyChain(entries);
  if (!chain.ok) throw new Error(`the chain does not verify, refusing to export it: ${chain.problems.map((p) => `entry ${p.index}: ${p.reason}`).join('; ')}`);
  const records = await Promise.all(liveRecords(entries).map(async (record) => ({ record, sha256: await recordSha256(record) })));
  const files: Record<string, Uint8Array> = {};
  const shots = new Set<string>();
  for (const { record } of records) {
    const png = screenshots.get(record.id);
    if (!png || !record.screenshotSha256) continue;
    if ((await sha256Hex(png)) !== record.screenshotSha256) throw new Error(`screenshot of ${record.id} does not match the hash in its record`);
    files[`screenshots/${record.id}.png`] = png;
    shots.add(record.id);
  }
  const publicKey = await exportPublicKey(opts.keyPair.publicKey);
  const doc: EvidenceJson = { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, exportedAt: opts.exportedAt, softwareVersion: opts.softwareVersion, language: opts.language, headSha256: chain.headSha256, entries: [...entries] };
  files['evidence.json'] = utf8(prettyCanonical(doc));
  files['evidence.csv'] = utf8(evidenceCsv(records));
  files['report.html'] = utf8(reportHtml({ lang: opts.language, entries, records, annotations: liveAnnotations(entries), screenshots: shots, exportedAt: opts.exportedAt, softwareVersion: opts.softwareVersion, keyFingerprint: publicKey.fingerprint, headSha256: chain.headSha256 }));
  files['VERIFY.txt'] = utf8(verifyTxt());
  const sums = utf8(await sha256sums(files));
  files['SHA256SUMS'] = sums;
  const raw = await sign(opts.keyPair.privateKey, sums);
  const sig: SignatureJson = { algorithm: 'ECDSA-P256-SHA256', signedFile: 'SHA256SUMS', digest: await sha256Hex(sums), signature: toBase64(raw), signatureDer: toBase64(rawToDer(raw)), publicKey, createdAt: opts.exportedAt, softwareVersion: opts.softwareVersion };
  files['signature.json'] = utf8(canonicalJson(sig) + '\n');
  return files;
}

/** Deterministic zip: fixed order, the export time as every file's time, PNGs stored. */
export function zipFiles(files: Record<string, Uint8Array>, exportedAt: string): Uint8Array {
  const mtime = new Date(exportedAt);
  const z: Zippable = {};
  for (const name of Object.keys(files).sort()) z[name] = [files[name]!, { level: name.endsWith('.png') ? 0 : 6, mtime }];
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

/**
 * Check a bundle's files. Each problem names the file at fault. A file's hash is trusted
 * only when the signature over SHA256SUMS holds; when SHA256SUMS itself is at fault, that is
 * the one file named (the others cannot be checked against it).
 */
export async function verifyFiles(files: Record<string, Uint8Array>): Promise<BundleVerdict> {
  const problems: BundleProblem[] = [];
  const add = (file: string, reason: string) => problems.push({ file, reason });
  const verdict: BundleVerdict = { ok: false, problems, screenshots: new Map() };
  for (const f of REQUIRED) if (!files[f]) add(f, 'missing from the bundle');
  const sumsBytes = files['SHA256SUMS'];
  const sigBytes = files['signature.json'];

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
      if (!problems.some((p) => p.file === 'SHA256SUMS')) add('SHA256SUMS', 'not UTF-8');
    }
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : [text];
    let formatOk = text.endsWith('\n');
    for (const line of lines) {
      const m = SUM_LINE.exec(line);
      if (!m || listed.has(m[2]!)) formatOk = false;
      else listed.set(m[2]!, m[1]!);
    }
    const sorted = [...listed.keys()];
    if (sorted.join('\n') !== [...sorted].sort().join('\n')) formatOk = false;
    if (!formatOk && !problems.some((p) => p.file === 'SHA256SUMS')) add('SHA256SUMS', 'not in the format Dunwatch writes (one "<sha256>  <file>" line per file, sorted)');
    const sumsBlamed = problems.some((p) => p.file === 'SHA256SUMS');
    if (!sumsBlamed && (sumsTrusted || !sig)) {
      for (const [name, hex] of listed) {
        const bytes = files[name];
        if (!bytes) {
          if (!problems.some((p) => p.file === name)) add(name, 'listed in SHA256SUMS but missing from the bundle');
        } else if ((await sha256Hex(bytes)) !== hex) add(name, 'its SHA-256 differs from SHA256SUMS (the file was changed)');
      }
      for (const name of Object.keys(files)) {
        if (name !== 'SHA256SUMS' && name !== 'signature.json' && !listed.has(name) && !name.endsWith('/')) add(name, 'not listed in SHA256SUMS (added after the export)');
      }
      for (const f of REQUIRED) if (f !== 'SHA256SUMS' && f !== 'signature.json' && files[f] && !listed.has(f) && !problems.some((p) => p.file === f)) add(f, 'not listed in SHA256SUMS');
    }
  }

  // 3. evidence.json: its chain, and its screenshots.
  const ejBytes = files['evidence.json'];
  if (ejBytes) {
    try {
      const doc = parseStrictJson(ejBytes, 'pretty') as EvidenceJson;
      if (doc.format !== BUNDLE_FORMAT || doc.formatVersion !== BUNDLE_FORMAT_VERSION || !Array.isArray(doc.entries)) throw new Error(`not a ${BUNDLE_FORMAT} v${BUNDLE_FORMAT_VERSION} document`);
      const chain = await verifyChain(doc.entries);
      for (const p of chain.problems) add('evidence.json', `chain entry ${p.index}${p.recordId ? ` (record ${p.recordId})` : ''}: ${p.reason}`);
      if (chain.ok && chain.headSha256 !== doc.headSha256) add('evidence.json', 'headSha256 is not the sha256 of the last entry');
      // a changed evidence.json is already named; comparing its (changed) fields would blame the signature too
      if (sig && sumsTrusted && !problems.some((p) => p.file === 'evidence.json') && (sig.createdAt !== doc.exportedAt || sig.softwareVersion !== doc.softwareVersion)) add('signature.json', 'createdAt or softwareVersion differs from evidence.json');
      verdict.evidence = doc;
      for (const r of liveRecords(chain.ok ? doc.entries : [])) {
        if (!r.screenshotSha256) continue;
        const png = files[`screenshots/${r.id}.png`];
        if (!png) continue; // a screenshot the export could not include is not an error; SHA256SUMS says what is there
        if ((await sha256Hex(png)) !== r.screenshotSha256) {
          if (!problems.some((p) => p.file === `screenshots/${r.id}.png`)) add(`screenshots/${r.id}.png`, `does not match the screenshot hash in record ${r.id}`);
        } else verdict.screenshots.set(r.id, png);
      }
    } catch (e) {
      if (!problems.some((p) => p.file === 'evidence.json')) add('evidence.json', `unreadable: ${(e as Error).message}`);
    }
  }
  verdict.ok = problems.length === 0;
  return verdict;
}

async function checkSignatureJson(s: SignatureJson): Promise<string | undefined> {
  if (!s || typeof s !== 'object') return 'not an object';
  if (s.algorithm !== 'ECDSA-P256-SHA256' || s.signedFile !== 'SHA256SUMS') return 'unknown algorithm or signed file';
  for (const k of ['digest', 'signature', 'signatureDer', 'createdAt', 'softwareVersion'] as const) if (typeof s[k] !== 'string') return `${k} is missing`;
  if (!/^[0-9a-f]{64}$/.test(s.digest)) return 'digest is not a SHA-256 hex';
  const raw = fromBase64Strict(s.signature);
  if (!raw || raw.length !== 64) return 'signature is not 64 bytes of canonical base64';
  const der = fromBase64Strict(s.signatureDer);
  if (!der || toBase64(rawToDer(raw)) !== s.signatureDer) return 'signatureDer is not the DER form of signature';
  const pk = s.publicKey;
  if (!pk || typeof pk.spki !== 'string' || typeof pk.fingerprint !== 'string' || !pk.jwk) return 'publicKey is incomplete';
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

export async function verifyBundle(zip: Uint8Array, limits = { file: MAX_FILE_BYTES, total: MAX_TOTAL_BYTES }): Promise<BundleVerdict> {
  let files: Record<string, Uint8Array>;
  const tooBig: string[] = [];
  let total = 0;
  try {
    files = unzipSync(zip, {
      // a zip bomb must not exhaust memory: refuse oversized members before inflating them
      filter: (f) => {
        total += f.originalSize;
        if (f.originalSize > limits.file || total > limits.total) {
          tooBig.push(f.name);
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    return { ok: false, problems: [{ file: '(zip)', reason: `not a readable zip: ${(e as Error).message}` }], screenshots: new Map() };
  }
  if (tooBig.length) return { ok: false, problems: tooBig.map((file) => ({ file, reason: `larger than this tool reads (${limits.file} bytes per file, ${limits.total} per bundle); not inflated` })), screenshots: new Map() };
  for (const name of Object.keys(files)) if (name.endsWith('/')) delete files[name];
  return verifyFiles(files);
}

export { publicKeyPem };

/**
 * Import: verify everything first; on any problem nothing is changed and the problems are
 * returned. On success the bundle's entries are merged into the ledger (see Ledger.merge).
 */
export async function importBundle(ledger: Ledger, zip: Uint8Array): Promise<{ ok: true; added: number; skipped: number; screenshots: Map<string, Uint8Array>; fingerprint: string } | { ok: false; problems: BundleProblem[] }> {
  const v = await verifyBundle(zip);
  if (!v.ok || !v.evidence) return { ok: false, problems: v.problems.length ? v.problems : [{ file: 'evidence.json', reason: 'unreadable' }] };
  const trial = new Ledger([...ledger.entries]);
  try {
    const r = await trial.merge(v.evidence.entries);
    const check = await verifyChain(trial.entries);
    if (!check.ok) throw new Error(check.problems.map((p) => `entry ${p.index}: ${p.reason}`).join('; '));
    ledger.entries = trial.entries;
    return { ok: true, ...r, screenshots: v.screenshots, fingerprint: v.fingerprint! };
  } catch (e) {
    return { ok: false, problems: [{ file: 'evidence.json', reason: `cannot be merged: ${(e as Error).message}` }] };
  }
}
