/**
 * Keys only this extension's own contexts (the background and our pages) can use: WebCrypto
 * keys made non-extractable, kept in the extension's IndexedDB. Content scripts share
 * `storage.local` with us but run in the page's origin, so they can open neither this
 * database nor the keys, and nobody can read a key's bytes out of it.
 *
 * - `stash`: AES-GCM, seals the pending-write stash (pending-stash.ts);
 * - `custom-rules`: HMAC-SHA-256, the options page's seal on the custom rules it checked
 *   (custom-rules-seal.ts).
 *
 * A key is made the first time someone asks for it. Two contexts asking at once may both make
 * one; the first written wins and both use it (the write happens in one IndexedDB transaction
 * that reads first).
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';

export const KEYS_DB_NAME = 'dunwatch-keys';

export type KeyName = 'stash' | 'custom-rules';

const SPECS: Record<KeyName, { algorithm: AesKeyGenParams | HmacKeyGenParams; usages: KeyUsage[] }> = {
  stash: { algorithm: { name: 'AES-GCM', length: 256 }, usages: ['encrypt', 'decrypt'] },
  'custom-rules': { algorithm: { name: 'HMAC', hash: 'SHA-256' }, usages: ['sign', 'verify'] },
};

interface KeyRow {
  name: KeyName;
  key: CryptoKey;
}

class KeysDb extends Dexie {
  keys!: Table<KeyRow, KeyName>;
  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    // version 1: keys (name). Never edit a released version; add one.
    this.version(1).stores({ keys: 'name' });
  }
}

export interface ExtensionKeys {
  get(name: KeyName): Promise<CryptoKey>;
  close(): void;
}

/** The extension's key store; `dexie` passes fake-indexeddb in tests. */
export function openExtensionKeys(opts: { name?: string; dexie?: DexieOptions } = {}): ExtensionKeys {
  const db = new KeysDb(opts.name ?? KEYS_DB_NAME, opts.dexie);
  const cache = new Map<KeyName, Promise<CryptoKey>>();
  const load = async (name: KeyName): Promise<CryptoKey> => {
    const row = await db.keys.get(name);
    if (row) return row.key;
    const spec = SPECS[name];
    const made = (await crypto.subtle.generateKey(spec.algorithm, false, spec.usages)) as CryptoKey;
    return db.transaction('rw', db.keys, async () => {
      const again = await db.keys.get(name);
      if (again) return again.key;
      await db.keys.put({ name, key: made });
      return made;
    });
  };
  return {
    get(name) {
      let p = cache.get(name);
      if (!p) {
        p = load(name);
        cache.set(name, p);
        p.catch(() => cache.delete(name)); // the next call tries again
      }
      return p;
    },
    close: () => db.close(),
  };
}

let shared: ExtensionKeys | undefined;
/** The one key store of this context (background or page). */
export function extensionKeys(): ExtensionKeys {
  shared ??= openExtensionKeys();
  return shared;
}

/** Tests: the key store `extensionKeys()` gives (a fake-indexeddb one); undefined to forget it. */
export function useExtensionKeys(keys: ExtensionKeys | undefined): void {
  shared = keys;
}
