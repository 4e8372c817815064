/**
 * Sealing data kept where a content script can read and write it (`storage.local`), with the
 * extension's own keys (extension-keys.ts):
 * - `sealJson` / `openJson`: AES-256-GCM with a fresh 96-bit IV per seal. The ciphertext hides
 *   the content, and the tag makes any change, or a box sealed for another purpose (`purpose`
 *   is the additional authenticated data), fail to open.
 * - `macOf` / `macValid`: HMAC-SHA-256 over a string, base64.
 */
import { toBase64 } from '../evidence/canonical';
import { fromBase64, toBase64Fast } from './base64';

export interface SealedBox {
  /** format of the box */
  v: 1;
  iv: string;
  ct: string;
}

const enc = new TextEncoder();

export async function sealJson(key: CryptoKey, purpose: string, value: unknown): Promise<SealedBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(purpose) }, key, enc.encode(JSON.stringify(value))));
  return { v: 1, iv: toBase64(iv), ct: toBase64Fast(ct) };
}

export type Opened = { ok: true; value: unknown } | { ok: false; reason: string };

/** The sealed value, or why it cannot be trusted (not a box, changed, or sealed with another key or purpose). */
export async function openJson(key: CryptoKey, purpose: string, box: unknown): Promise<Opened> {
  const b = box as Partial<SealedBox> | null;
  if (!b || typeof b !== 'object' || b.v !== 1 || typeof b.iv !== 'string' || typeof b.ct !== 'string') return { ok: false, reason: 'not a sealed box' };
  const iv = fromBase64(b.iv);
  const ct = fromBase64(b.ct);
  if (!iv || iv.length !== 12 || !ct) return { ok: false, reason: 'not a sealed box (bad base64)' };
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: enc.encode(purpose) }, key, ct as Uint8Array<ArrayBuffer>);
  } catch {
    return { ok: false, reason: 'it does not open with this extension\'s key (changed, or not written by the extension)' };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(plain)) };
  } catch {
    return { ok: false, reason: 'sealed, but not JSON' };
  }
}

export async function macOf(key: CryptoKey, text: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(text))));
}

export async function macValid(key: CryptoKey, text: string, mac: unknown): Promise<boolean> {
  if (typeof mac !== 'string') return false;
  const bytes = fromBase64(mac);
  if (!bytes || bytes.length !== 32) return false;
  // crypto.subtle.verify compares in constant time
  return crypto.subtle.verify('HMAC', key, bytes as Uint8Array<ArrayBuffer>, enc.encode(text));
}
