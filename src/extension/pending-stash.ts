/**
 * Where writes that IndexedDB refused wait for a stopped worker to replay them (issue #12
 * item 2). They hold unredacted message text and screenshots, and replaying them writes the
 * locker, so nobody but the extension may read or write them:
 *
 * - the list is sealed with AES-GCM under the extension's non-extractable `stash` key
 *   (extension-keys.ts, in the extension's IndexedDB, which content scripts cannot open):
 *   a content script that reads `storage.local` sees ciphertext, and one that writes there
 *   cannot make a box that opens (the tag fails, and the purpose string is authenticated);
 * - the same box goes to two places: `storage.local` (survives a browser restart; its own
 *   quota apart from IndexedDB's, unlimited with `unlimitedStorage`) and `storage.session`
 *   (memory, trusted contexts only — `setAccessLevel('TRUSTED_CONTEXTS')` where the browser
 *   has it — so a content script that deletes the local copy does not lose a pending write
 *   while the browser runs). Either copy that opens is replayed; replays are idempotent.
 * - a replayed box that does not open is left out and named in the console; the plaintext
 *   stash earlier versions kept in `storage.local` (`evidencePending`) is not replayed,
 *   because anyone could have written it, and is removed.
 */
import type { PendingStash, StashedOp } from './evidence-service';
import { openJson, sealJson } from './sealed';

export const STASH_KEY = 'evidencePendingSealed';
export const LEGACY_STASH_KEY = 'evidencePending';
const PURPOSE = 'dunwatch:evidence-pending:v1';

/** One place a box is kept (storage.local, storage.session, or a Map in tests). */
export interface StashArea {
  name: string;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface SealedStashOptions {
  key: () => Promise<CryptoKey>;
  /** in order of preference: the first is the durable one */
  areas: StashArea[];
  warn?: (message: string) => void;
}

const opKey = (o: StashedOp) => (o.op === 'capture' ? `capture:${o.record?.id}` : o.op === 'annotate' ? `annotate:${o.annotation?.id}` : `delete:${o.recordId}`);

export function sealedStash(opts: SealedStashOptions): PendingStash {
  const warn = opts.warn ?? ((m: string) => console.warn(`[dunwatch] ${m}`));
  return {
    async load() {
      const key = await opts.key();
      const lists: unknown[][] = [];
      for (const area of opts.areas) {
        try {
          if ((await area.get(LEGACY_STASH_KEY)) !== undefined) {
            warn(`an unsealed pending-write stash in ${area.name} was not replayed (anyone could have written it) and is removed`);
            await area.remove(LEGACY_STASH_KEY);
          }
          const box = await area.get(STASH_KEY);
          if (box === undefined) continue;
          const opened = await openJson(key, PURPOSE, box);
          if (!opened.ok) warn(`the pending-write stash in ${area.name} was left out: ${opened.reason}`);
          else if (!Array.isArray(opened.value)) warn(`the pending-write stash in ${area.name} was left out: not a list`);
          else lists.push(opened.value);
        } catch (e) {
          warn(`could not read the pending-write stash in ${area.name}: ${(e as Error).message}`);
        }
      }
      // the longest first (the copies are written together; one may have missed a write), then anything only the other has
      lists.sort((a, b) => b.length - a.length);
      const keyOf = (o: unknown) => (o && typeof o === 'object' ? opKey(o as StashedOp) : String(o));
      const out: unknown[] = [];
      for (const list of lists) {
        const earlier = new Set(out.map(keyOf));
        out.push(...list.filter((o) => !earlier.has(keyOf(o))));
      }
      // checked by the service (stash-schema.ts) before anything is replayed
      return out as StashedOp[];
    },
    async save(ops) {
      const box = ops.length ? await sealJson(await opts.key(), PURPOSE, ops) : undefined;
      const failures: string[] = [];
      for (const area of opts.areas) {
        try {
          if (box) await area.set(STASH_KEY, box);
          else await area.remove(STASH_KEY);
        } catch (e) {
          failures.push(`${area.name}: ${(e as Error).message}`);
        }
      }
      if (failures.length === opts.areas.length) throw new Error(`no place to keep pending writes (${failures.join('; ')})`);
      if (failures.length) warn(`pending writes kept in fewer places: ${failures.join('; ')}`);
    },
  };
}

interface BrowserStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  setAccessLevel?(o: { accessLevel: string }): Promise<void>;
}

/** A `browser.storage` area as a StashArea. */
export function storageArea(name: string, area: BrowserStorageArea): StashArea {
  return {
    name,
    get: async (key) => (await area.get(key))[key],
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

/**
 * storage.session for trusted contexts only: the default in Chrome and Firefox, made explicit
 * where the browser has setAccessLevel (so a later change elsewhere cannot open it to content
 * scripts unnoticed). Undefined where the browser has no storage.session.
 */
export async function trustedSessionArea(storage: { session?: BrowserStorageArea }): Promise<StashArea | undefined> {
  const session = storage.session;
  if (!session) return undefined;
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  return storageArea('storage.session', session);
}
