/**
 * JSON Lines input: one message object per line; a bad line is reported and skipped, never
 * fatal. Hostile lines included: a line longer than the limit is skipped without being held
 * in memory, and a value nested deeper than MAX_JSON_DEPTH is refused before anything
 * recursive (JSON.stringify of the output, the structured clone to a worker) can overflow
 * the stack on it.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface InputRecord {
  line: number;
  record: Record<string, unknown> & { id: string; text: string };
}
export interface InputError {
  line: number;
  error: string;
}

/** Longest line read (UTF-16 code units, about the bytes of ASCII text): 16 Mi, far above any message. */
export const MAX_LINE_LENGTH = 16 * 2 ** 20;
/** Deepest nesting of arrays and objects in one line (a scan output line is 4 deep). */
export const MAX_JSON_DEPTH = 64;

export function openInput(file: string | undefined): NodeJS.ReadableStream {
  if (!file || file === '-') return process.stdin;
  return createReadStream(file, { encoding: 'utf8' });
}

/** Check a stream is readable before we start (a missing file is an error of the command, not of a line). */
export async function assertReadable(file: string | undefined): Promise<void> {
  if (!file || file === '-') return;
  const { stat } = await import('node:fs/promises');
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new Error(`cannot read ${file}: no such file`);
  }
  if (info.isDirectory()) throw new Error(`${file} is a folder; give a .jsonl file`);
}

/** How deep a parsed JSON value nests, counted without recursion; stops once past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth]);
  }
  return max;
}

/**
 * One line → a record or an error. `textField`: the field that holds the text, renamed to
 * "text" (the order of the other fields is kept).
 */
export function parseLine(text: string, line: number, textField = 'text', maxDepth = MAX_JSON_DEPTH): InputRecord | InputError | undefined {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (!trimmed) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    // the message quotes the line; keep it short (it is printed, escaped, on stderr)
    const m = (e as Error).message;
    return { line, error: `invalid JSON (${m.length > 200 ? `${m.slice(0, 200)}…` : m})` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { line, error: 'expected a JSON object like {"id": "…", "text": "…"}' };
  if (jsonDepth(value, maxDepth) > maxDepth) return { line, error: `nested deeper than ${maxDepth} levels of arrays and objects` };
  let obj = value as Record<string, unknown>;
  if (textField !== 'text') {
    const { [textField]: t, ...rest } = obj;
    obj = { ...rest, text: t };
  }
  if (typeof obj.text !== 'string') return { line, error: `"${textField}" must be a string${'text' in obj && obj.text !== undefined ? `, got ${obj.text === null ? 'null' : typeof obj.text}` : ' and is missing'}` };
  const id = obj.id === undefined || obj.id === null ? String(line) : typeof obj.id === 'object' ? JSON.stringify(obj.id) : String(obj.id);
  return { line, record: { ...obj, id, text: obj.text } };
}

export type LineItem = { line: number; text: string } | { line: number; tooLong: number };

/**
 * Lines of a stream (\n, \r\n or \r ends a line, as readline splits them), without ever holding
 * more than `maxLength` characters of one line: a longer line is reported with its length
 * and its content dropped as it streams past.
 */
export async function* readLines(stream: NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>, maxLength = MAX_LINE_LENGTH): AsyncGenerator<LineItem> {
  const decoder = new StringDecoder('utf8');
  let parts: string[] = [];
  let held = 0;
  let dropped = 0; // characters of the current line beyond the limit (0: within it)
  let line = 0;
  let afterCR = false;
  const end = (): LineItem => {
    line++;
    const item: LineItem = dropped ? { line, tooLong: held + dropped } : { line, text: parts.join('') };
    parts = [];
    held = 0;
    dropped = 0;
    return item;
  };
  const add = (s: string) => {
    if (!s) return;
    if (dropped || held + s.length > maxLength) {
      dropped += s.length + (dropped ? 0 : held);
      if (parts.length) {
        parts = [];
        held = 0;
      }
      return;
    }
    parts.push(s);
    held += s.length;
  };
  for await (const chunk of stream as AsyncIterable<string | Uint8Array>) {
    const s = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let at = 0;
    if (afterCR && s.startsWith('\n')) at = 1; // the \n of a \r\n split across chunks
    afterCR = false;
    for (;;) {
      const nl = s.indexOf('\n', at);
      const cr = s.indexOf('\r', at);
      const cut = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
      if (cut < 0) {
        add(s.slice(at));
        break;
      }
      add(s.slice(at, cut));
      yield end();
      at = cut + 1;
      if (s[cut] === '\r') {
        if (at < s.length) {
          if (s[at] === '\n') at++;
        } else afterCR = true;
      }
    }
  }
  add(decoder.end());
  if (held || dropped) yield end();
}

export async function* readJsonLines(stream: NodeJS.ReadableStream, maxLength = MAX_LINE_LENGTH): AsyncGenerator<InputRecord | InputError> {
  for await (const item of readLines(stream, maxLength)) {
    if ('tooLong' in item) {
      yield { line: item.line, error: tooLongError(item.tooLong, maxLength) };
      continue;
    }
    const parsed = parseLine(item.text, item.line);
    if (parsed) yield parsed;
  }
}

export function tooLongError(length: number, maxLength: number): string {
  return `line of ${length.toLocaleString('en')} characters is longer than the limit of ${maxLength.toLocaleString('en')} (--max-line-length)`;
}
