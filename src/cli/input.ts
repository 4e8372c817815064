/** JSON Lines input: one message object per line; a bad line is reported and skipped, never fatal. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface InputRecord {
  line: number;
  record: Record<string, unknown> & { id: string; text: string };
}
export interface InputError {
  line: number;
  error: string;
}

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

export function parseLine(text: string, line: number): InputRecord | InputError | undefined {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (!trimmed) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    return { line, error: `invalid JSON (${(e as Error).message})` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { line, error: 'expected a JSON object like {"id": "…", "text": "…"}' };
  const obj = value as Record<string, unknown>;
  if (typeof obj.text !== 'string') return { line, error: `"text" must be a string${'text' in obj ? `, got ${obj.text === null ? 'null' : typeof obj.text}` : ' and is missing'}` };
  const id = obj.id === undefined || obj.id === null ? String(line) : String(obj.id);
  return { line, record: { ...obj, id, text: obj.text } };
}

export async function* readJsonLines(stream: NodeJS.ReadableStream): AsyncGenerator<InputRecord | InputError> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    const parsed = parseLine(text, line);
    if (parsed) yield parsed;
  }
}
