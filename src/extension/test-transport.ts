/**
 * Test doubles for the extension's messaging (used by unit tests only):
 * - `portPair`: two connected ports as `runtime.connect` gives them: messages cross as JSON
 *   (what Chrome does), a tick later, and a message whose JSON is longer than
 *   `maxMessageBytes` is refused the way Chrome refuses one over 64 MiB; `disconnect()` fires
 *   onDisconnect on the other end only;
 * - `serviceTransport`: a locker client transport over an EvidenceService in this process,
 *   through the same port protocol the background serves (evidence-transfer.ts).
 */
import type { ClientTransport, Persistence } from '../ui/locker/client';
import { importCommands, type EvidenceService } from './evidence-service';
import { EXPORT_PORT, IMPORT_PORT, serveExport, serveUpload, type PortLike } from './evidence-transfer';

export const CHROME_MESSAGE_LIMIT = 64 * 2 ** 20;

export interface FakePort extends PortLike {
  name: string;
  /** JSON length of every message this end posted */
  sentSizes: number[];
}

interface End extends FakePort {
  messageListeners: ((m: unknown) => void)[];
  disconnectListeners: (() => void)[];
  closed: boolean;
  peer?: End;
}

export function portPair(name: string, maxMessageBytes = CHROME_MESSAGE_LIMIT): [FakePort, FakePort] {
  const make = (): End => {
    const end: End = {
      name,
      sentSizes: [],
      messageListeners: [],
      disconnectListeners: [],
      closed: false,
      postMessage(message: unknown) {
        if (end.closed) throw new Error('Attempting to use a disconnected port object');
        const json = JSON.stringify(message);
        if (json.length > maxMessageBytes) throw new Error('Message length exceeded maximum allowed length.');
        end.sentSizes.push(json.length);
        const peer = end.peer!;
        setTimeout(() => {
          if (!peer.closed) for (const l of peer.messageListeners) l(JSON.parse(json));
        }, 0);
      },
      disconnect() {
        if (end.closed) return;
        end.closed = true;
        const peer = end.peer!;
        setTimeout(() => {
          if (peer.closed) return;
          peer.closed = true;
          for (const l of peer.disconnectListeners) l();
        }, 0);
      },
      onMessage: { addListener: (l) => void end.messageListeners.push(l) },
      onDisconnect: { addListener: (l) => void end.disconnectListeners.push(l) },
    };
    return end;
  };
  const a = make();
  const b = make();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

export interface ServiceTransportOptions {
  subscribe?: ClientTransport['subscribe'];
  persistence?: () => Promise<Persistence>;
  maxImportBytes?: number;
  chunkBytes?: number;
  maxMessageBytes?: number;
  /** every port the client opened: [client end, background end] */
  ports?: [FakePort, FakePort][];
}

export function serviceTransport(svc: EvidenceService, opts: ServiceTransportOptions = {}): ClientTransport {
  return {
    send: (req) => svc.handle(req),
    connect(name) {
      const pair = portPair(name, opts.maxMessageBytes);
      opts.ports?.push(pair);
      const [client, background] = pair;
      if (name === EXPORT_PORT) serveExport(background, (language) => svc.exportZip(language), opts.chunkBytes);
      else if (name === IMPORT_PORT) serveUpload(background, importCommands(async () => svc), opts.maxImportBytes ?? 2 ** 31);
      else background.disconnect();
      return client;
    },
    ...(opts.subscribe ? { subscribe: opts.subscribe } : {}),
    ...(opts.chunkBytes ? { chunkBytes: opts.chunkBytes } : {}),
    persistence: opts.persistence ?? (async () => 'unsupported'),
  };
}
