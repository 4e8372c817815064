/**
 * Evidence bundles of any size between the locker page and the background (issue #12 item 6).
 * A runtime message is one JSON string, and Chrome refuses one over 64 MiB: a locker of ~48 MB
 * of screenshots could not be exported as one base64 message. So bundles move over a port
 * (`runtime.connect`), in chunks of CHUNK_BYTES (8 MiB, ~11 MB as base64), one at a time:
 *
 * export (EXPORT_PORT): page {t:'start', language} → background builds the zip and answers
 *   {t:'meta', filename, size}; then each page {t:'next'} gets {t:'chunk', offset, data}.
 *   The page asks for the next chunk only when it has the last, so neither side queues more
 *   than one.
 * import (IMPORT_PORT): page {t:'start', size} → {t:'ready'}; each {t:'chunk', offset, data}
 *   → {t:'ack', received}; after the last byte {t:'received', size}. The background keeps the
 *   bytes while the port is open, and each page {t:'call', command, args} (say `import`) gets
 *   {t:'result', command, result}; the page pings every 20 s so the worker stays up while the
 *   user reads a result before the next call.
 * Either side's {t:'error', error} ends the transfer; a port that closes early (the worker
 * stopped, the page closed) is reported to the other side's caller, never taken as done.
 * Both ports are for extension pages only (sender-policy.ts).
 */
import { fromBase64, toBase64Fast } from './base64';

export const EXPORT_PORT = 'dunwatch:evidence-export-port';
export const IMPORT_PORT = 'dunwatch:evidence-import-port';
/** bytes per chunk: far below Chrome's 64 MiB message limit once base64 (4/3) and JSON wrapped */
export const CHUNK_BYTES = 8 * 2 ** 20;
/** the background refuses a chunk larger than this, whatever the page chose */
export const MAX_CHUNK_BYTES = 16 * 2 ** 20;

/** What both browsers' `runtime.Port` has, and what tests fake. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

type Msg = Record<string, unknown> & { t?: unknown };
const asMsg = (m: unknown): Msg => (typeof m === 'object' && m !== null ? (m as Msg) : {});

export type ExportResult = { ok: true; zip: Uint8Array; filename: string } | { ok: false; error: string };

/** Background: answer one export over `port`. */
export function serveExport(port: PortLike, produce: (language: 'en' | 'zh-CN') => Promise<ExportResult>, chunkBytes = CHUNK_BYTES): void {
  let zip: Uint8Array | undefined;
  let offset = 0;
  let started = false;
  const fail = (error: string) => {
    port.postMessage({ t: 'error', error });
    port.disconnect();
  };
  port.onDisconnect.addListener(() => void (zip = undefined));
  port.onMessage.addListener((raw) => {
    const m = asMsg(raw);
    if (m.t === 'start' && !started) {
      started = true;
      if (m.language !== 'en' && m.language !== 'zh-CN') return fail('unknown export language');
      void produce(m.language).then(
        (r) => {
          if (!r.ok) return fail(r.error);
          zip = r.zip;
          port.postMessage({ t: 'meta', filename: r.filename, size: r.zip.length });
        },
        (e: Error) => fail(e.message),
      );
    } else if (m.t === 'next' && zip) {
      if (offset >= zip.length) return fail('no more chunks: the bundle was sent');
      const data = toBase64Fast(zip.subarray(offset, offset + chunkBytes));
      port.postMessage({ t: 'chunk', offset, data });
      offset = Math.min(zip.length, offset + chunkBytes);
    } else fail('unexpected message in an export');
  });
}

/** Page: fetch one export over `port`; the bundle comes back as its chunks (make a Blob of them). */
export function receiveExport(port: PortLike, language: 'en' | 'zh-CN'): Promise<{ ok: true; parts: Uint8Array[]; size: number; filename: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    let size = -1;
    let filename = '';
    let received = 0;
    let settled = false;
    const done = (r: Parameters<typeof resolve>[0]) => {
      if (settled) return;
      settled = true;
      resolve(r);
      port.disconnect();
    };
    port.onDisconnect.addListener(() => done({ ok: false, error: 'the background stopped before the export was complete; try again' }));
    port.onMessage.addListener((raw) => {
      const m = asMsg(raw);
      if (m.t === 'error') return done({ ok: false, error: String(m.error) });
      if (m.t === 'meta' && size < 0 && Number.isSafeInteger(m.size) && (m.size as number) >= 0 && typeof m.filename === 'string') {
        size = m.size as number;
        filename = m.filename;
        if (size === 0) return done({ ok: true, parts, size, filename });
        return port.postMessage({ t: 'next' });
      }
      if (m.t === 'chunk' && size >= 0 && m.offset === received && typeof m.data === 'string') {
        const bytes = fromBase64(m.data);
        if (!bytes || !bytes.length || received + bytes.length > size) return done({ ok: false, error: 'the export arrived damaged; try again' });
        parts.push(bytes);
        received += bytes.length;
        return received === size ? done({ ok: true, parts, size, filename }) : port.postMessage({ t: 'next' });
      }
      done({ ok: false, error: 'the export arrived out of order; try again' });
    });
    port.postMessage({ t: 'start', language });
  });
}

/** What the page can ask about an uploaded bundle (the background's handlers, by name). */
export type UploadCommands = Record<string, (zip: Uint8Array, args: unknown) => Promise<unknown>>;

/**
 * Background: take one bundle over `port`, keep it while the port is open, and answer the
 * page's calls on it (`import` now; a preview and a confirmed import can share the same bytes
 * without sending them twice). The bytes go when the port closes.
 */
export function serveUpload(port: PortLike, commands: UploadCommands, maxBytes: number): void {
  let buf: Uint8Array | undefined;
  let received = 0;
  let state: 'new' | 'receiving' | 'held' | 'calling' = 'new';
  const fail = (error: string) => {
    buf = undefined;
    port.postMessage({ t: 'error', error });
    port.disconnect();
  };
  port.onDisconnect.addListener(() => void (buf = undefined));
  port.onMessage.addListener((raw) => {
    const m = asMsg(raw);
    if (m.t === 'ping') return; // the page is still there (keeps the worker awake while the user reads)
    if (m.t === 'start' && state === 'new') {
      const size = m.size;
      if (!Number.isSafeInteger(size) || (size as number) <= 0) return fail('the file is empty');
      if ((size as number) > maxBytes) return fail(`the file is larger than an evidence bundle can be (${Math.round((size as number) / 2 ** 20)} MiB; at most ${Math.round(maxBytes / 2 ** 20)} MiB)`);
      try {
        buf = new Uint8Array(size as number);
      } catch {
        return fail('not enough memory to take this file');
      }
      state = 'receiving';
      return port.postMessage({ t: 'ready' });
    }
    if (m.t === 'chunk' && state === 'receiving' && buf) {
      if (m.offset !== received || typeof m.data !== 'string') return fail('a chunk arrived out of order');
      const bytes = fromBase64(m.data);
      if (!bytes || !bytes.length || bytes.length > MAX_CHUNK_BYTES || received + bytes.length > buf.length) return fail('a chunk arrived damaged');
      buf.set(bytes, received);
      received += bytes.length;
      if (received < buf.length) return port.postMessage({ t: 'ack', received });
      state = 'held';
      return port.postMessage({ t: 'received', size: received });
    }
    if (m.t === 'call' && state === 'held' && buf) {
      const name = m.command;
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(commands, name)) return fail('unknown command');
      state = 'calling';
      const zip = buf;
      void commands[name]!(zip, m.args).then(
        (result) => {
          state = 'held';
          port.postMessage({ t: 'result', command: name, result });
        },
        (e: Error) => fail(e.message),
      );
      return;
    }
    fail('unexpected message in an import');
  });
}

export interface Upload {
  /** run a command of the background's on the uploaded bundle (one at a time) */
  call(command: string, args?: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: string }>;
  /** done with it: the background lets the bytes go */
  close(): void;
}

const PING_MS = 20_000;

/** Page: send `file` over `port` in chunks; then call the background's commands on it until `close()`. */
export function upload(port: PortLike, file: Blob, chunkBytes = CHUNK_BYTES): Promise<{ ok: true; upload: Upload } | { ok: false; error: string }> {
  type Waiter = (r: { ok: true; result: unknown } | { ok: false; error: string }) => void;
  let closed = false;
  let sent = 0;
  let uploaded: ((r: { ok: true; upload: Upload } | { ok: false; error: string }) => void) | undefined;
  let waiting: Waiter | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    port.disconnect();
  };
  const failAll = (error: string) => {
    uploaded?.({ ok: false, error });
    uploaded = undefined;
    waiting?.({ ok: false, error });
    waiting = undefined;
    close();
  };
  const handle: Upload = {
    call(command, args) {
      if (closed) return Promise.resolve({ ok: false, error: 'the upload is closed' });
      if (waiting) return Promise.resolve({ ok: false, error: 'one call at a time' });
      return new Promise((resolve) => {
        waiting = resolve;
        port.postMessage({ t: 'call', command, args });
      });
    },
    close,
  };
  const sendNext = async () => {
    try {
      const bytes = new Uint8Array(await file.slice(sent, sent + chunkBytes).arrayBuffer());
      if (closed) return;
      port.postMessage({ t: 'chunk', offset: sent, data: toBase64Fast(bytes) });
      sent += bytes.length;
    } catch (e) {
      failAll(`could not read the file: ${(e as Error).message}`);
    }
  };
  return new Promise((resolve) => {
    uploaded = resolve;
    port.onDisconnect.addListener(() => {
      closed = true;
      clearInterval(ping);
      const error = 'the connection to the background closed before it answered; the locker list shows whether anything was added';
      uploaded?.({ ok: false, error });
      uploaded = undefined;
      waiting?.({ ok: false, error });
      waiting = undefined;
    });
    port.onMessage.addListener((raw) => {
      const m = asMsg(raw);
      if (m.t === 'error') return failAll(String(m.error));
      if ((m.t === 'ready' && sent === 0) || (m.t === 'ack' && m.received === sent)) return void sendNext();
      if (m.t === 'received' && m.size === file.size && uploaded) {
        uploaded({ ok: true, upload: handle });
        uploaded = undefined;
        ping = setInterval(() => !closed && port.postMessage({ t: 'ping' }), PING_MS);
        return;
      }
      if (m.t === 'result' && waiting) {
        const w = waiting;
        waiting = undefined;
        return w({ ok: true, result: m.result });
      }
      failAll('the background answered out of order');
    });
    if (!file.size) return failAll('the file is empty');
    port.postMessage({ t: 'start', size: file.size });
  });
}
