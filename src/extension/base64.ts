/**
 * Base64 for large byte arrays (bundle chunks of megabytes, sealed stashes with screenshots),
 * through the platform's btoa/atob: canonical/`toBase64` builds its string three bytes at a
 * time, which is fine for a hash or a key but slow for 100 MB. Decoding is strict about the
 * alphabet and padding (no whitespace), so a chunk is either exactly what was sent or refused.
 */
const SLICE = 0x8000;

export function toBase64Fast(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

const SHAPE = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes, or undefined when the text is not base64 (alphabet, length or padding). */
export function fromBase64(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !SHAPE.test(text)) return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
