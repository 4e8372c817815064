/**
 * The per-install signing key: ECDSA P-256 with SHA-256 through WebCrypto. The private key
 * is generated non-extractable (it can sign, it can never be read out, not even by us); the
 * public key is exported as JWK and SPKI so anyone can check a signature with openssl.
 */
import { fromBase64Strict, sha256Hex, toBase64 } from './canonical';

const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface PublicKeyInfo {
  /** base64 DER SubjectPublicKeyInfo (what openssl reads, between PEM armour lines) */
  spki: string;
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  /** SHA-256 (hex) of the SPKI bytes: short enough to read out over the phone. */
  fingerprint: string;
}

export function generateInstallKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALG, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

export async function exportPublicKey(key: CryptoKey): Promise<PublicKeyInfo> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', key));
  const jwk = await crypto.subtle.exportKey('jwk', key);
  return { spki: toBase64(spki), jwk: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! }, fingerprint: await sha256Hex(spki) };
}

export function publicKeyPem(spkiBase64: string): string {
  return `-----BEGIN PUBLIC KEY-----\n${spkiBase64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

export async function importPublicKey(spkiBase64: string): Promise<CryptoKey> {
  const der = fromBase64Strict(spkiBase64);
  if (!der) throw new Error('public key is not canonical base64');
  return crypto.subtle.importKey('spki', der as Uint8Array<ArrayBuffer>, ALG, true, ['verify']);
}

/** Signature over `data` (ECDSA hashes it with SHA-256), in WebCrypto's raw r‖s form. */
export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(SIGN, privateKey, data as Uint8Array<ArrayBuffer>));
}

export async function verify(publicKey: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  return crypto.subtle.verify(SIGN, publicKey, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
}

/** raw r‖s (64 bytes) → ASN.1 DER ECDSA-Sig-Value, the form openssl dgst -verify reads. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== 64) throw new Error('a P-256 signature has 64 bytes');
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    let v = b.slice(i);
    if (v[0]! & 0x80) v = Uint8Array.of(0, ...v);
    return Uint8Array.of(0x02, v.length, ...v);
  };
  const r = int(raw.slice(0, 32));
  const s = int(raw.slice(32));
  return Uint8Array.of(0x30, r.length + s.length, ...r, ...s);
}
