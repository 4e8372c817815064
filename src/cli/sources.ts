/**
 * Input formats for `dunwatch scan` / `eval`: JSON Lines, CSV/TSV, .eml (a file or a folder),
 * mbox and plain text (one message per file, or a folder of them). Every reader streams: one
 * record at a time, so memory stays flat on a multi-gigabyte mbox or CSV. A bad record is
 * yielded as `{ error, where }` (file and line/record) and the reader goes on.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import PostalMime from 'postal-mime';
import { convert as htmlToText } from 'html-to-text';
import { MAX_LINE_LENGTH, parseLine, readLines, tooLongError, type InputRecord } from './input';

export type Rec = InputRecord['record'];
export type InputFormat = 'jsonl' | 'csv' | 'tsv' | 'eml' | 'mbox' | 'text';
export const INPUT_FORMATS: readonly InputFormat[] = ['jsonl', 'csv', 'tsv', 'eml', 'mbox', 'text'];

export type SourceItem = { record: Rec } | { error: string; where: string } | { skipped: string; where: string };

export interface SourceOptions {
  format?: InputFormat;
  textColumn?: string;
  idColumn?: string;
  preset?: 'cfpb';
  /** longest line (JSON Lines) or record (CSV) read, in characters; default MAX_LINE_LENGTH */
  maxLineLength?: number;
}

/** Bytes read so far and, for files and folders, the total (for progress and ETA). */
export interface Meter {
  done: number;
  total?: number;
}

/** The CFPB consumer complaint database CSV (consumerfinance.gov/data-research/consumer-complaints). */
export const PRESETS = {
  cfpb: {
    format: 'csv' as const,
    textColumn: 'Consumer complaint narrative',
    idColumn: 'Complaint ID',
    /** the columns the export has, for the help text and a check that the file is one */
    columns: ['Date received', 'Product', 'Sub-product', 'Issue', 'Sub-issue', 'Consumer complaint narrative', 'Company public response', 'Company', 'State', 'ZIP code', 'Tags', 'Consumer consent provided?', 'Submitted via', 'Date sent to company', 'Company response to consumer', 'Timely response?', 'Consumer disputed?', 'Complaint ID'],
  },
};

export class InputUsageError extends Error {}

/** The format of a path from its extension (a folder: eml or text files inside, by their extension). */
export function detectFormat(path: string | undefined): InputFormat | 'folder' {
  if (!path || path === '-') return 'jsonl';
  const ext = extname(path).toLowerCase();
  const name = basename(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.eml') return 'eml';
  if (ext === '.mbox' || ext === '.mbx' || name === 'mbox' || name === 'inbox') return 'mbox';
  if (ext === '.txt' || ext === '.text') return 'text';
  return 'jsonl';
}

function countingStream(file: string, meter: Meter | undefined, encoding?: BufferEncoding) {
  const stream = createReadStream(file, encoding ? { encoding, highWaterMark: 1 << 20 } : { highWaterMark: 1 << 20 });
  if (meter) stream.on('data', (chunk) => (meter.done += typeof chunk === 'string' ? (encoding === 'latin1' ? chunk.length : Buffer.byteLength(chunk)) : chunk.length));
  return stream;
}

export async function* readJsonlSource(stream: NodeJS.ReadableStream, name: string, textField = 'text', maxLineLength = MAX_LINE_LENGTH): AsyncGenerator<SourceItem> {
  for await (const item of readLines(stream, maxLineLength)) {
    const where = `${name}, line ${item.line}`;
    if ('tooLong' in item) {
      yield { error: tooLongError(item.tooLong, maxLineLength), where };
      continue;
    }
    const parsed = parseLine(item.text, item.line, textField);
    if (!parsed) continue;
    if ('error' in parsed) yield { error: parsed.error, where };
    else yield { record: parsed.record };
  }
}

/** CSV/TSV through csv-parse (quotes, embedded newlines, BOM); other columns are passed through. */
export async function* readCsvSource(stream: NodeJS.ReadableStream, name: string, opts: { delimiter?: string; textColumn?: string; idColumn?: string; preset?: 'cfpb'; maxLineLength?: number }): AsyncGenerator<SourceItem> {
  const textColumn = opts.textColumn ?? (opts.preset ? PRESETS[opts.preset].textColumn : 'text');
  const idColumn = opts.idColumn ?? (opts.preset ? PRESETS[opts.preset].idColumn : 'id');
  const skipped: (SourceItem & { line: number })[] = [];
  let lastSkipLine = -1;
  let header: string[] | undefined;
  const parser = parseCsv({
    columns: (h: string[]) => {
      header = h.map((c) => c.trim());
      if (!header.includes(textColumn)) throw new InputUsageError(`${name}: no column "${textColumn}" (columns: ${header.join(', ')}); choose one with --text-column`);
      return header;
    },
    bom: true,
    delimiter: opts.delimiter ?? ',',
    skip_records_with_error: true,
    skip_empty_lines: true,
    // a record past the limit is an error of that record (skipped), not unbounded memory
    max_record_size: opts.maxLineLength ?? MAX_LINE_LENGTH,
    info: true,
  });
  const maxRecord = opts.maxLineLength ?? MAX_LINE_LENGTH;
  let overflowed = false;
  parser.on('skip', (e: CsvError & { lines?: number }) => {
    if (overflowed || e.lines === lastSkipLine) return;
    lastSkipLine = e.lines ?? -1;
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      // csv-parse cannot find the next record after this one (a field may hold line breaks):
      // say so and stop, rather than guess at what follows
      overflowed = true;
      skipped.push({ line: e.lines ?? 0, error: `a record longer than the limit of ${maxRecord.toLocaleString('en')} characters (--max-line-length); the rest of the file is not read`, where: `${name}, line ${e.lines}` });
      stream.unpipe(parser);
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      parser.end();
      return;
    }
    skipped.push({ line: e.lines ?? 0, error: e.message.replace(/\s+/g, ' '), where: `${name}, line ${e.lines}` });
  });
  let headerError: Error | undefined;
  parser.on('error', (e) => (headerError = e));
  stream.on('error', (e) => parser.destroy(e));
  stream.pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; records: number } }>) {
      const { record, info } = row;
      // problems found before this record, in file order
      while (skipped.length && skipped[0]!.line <= info.lines) yield unline(skipped.shift()!);
      const text = record[textColumn] ?? '';
      const idRaw = record[idColumn];
      const id = idRaw !== undefined && idRaw !== '' ? idRaw : String(info.records);
      if (!text.trim()) {
        yield { skipped: `empty "${textColumn}"`, where: `${name}, record ${info.records} (line ${info.lines})` };
        continue;
      }
      const rest: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(record)) if (k !== textColumn && k !== idColumn) rest[k] = v;
      yield { record: { ...rest, id, text } };
    }
  } catch (e) {
    const err = (e as { cause?: unknown }).cause ?? headerError ?? e;
    if (err instanceof InputUsageError) throw err;
    if ((err as Error).message?.includes('no column')) throw new InputUsageError((err as Error).message);
    throw err;
  }
  while (skipped.length) yield unline(skipped.shift()!);
}

const unline = ({ line: _line, ...item }: SourceItem & { line: number }): SourceItem => item as SourceItem;

export interface EmailFields {
  id?: string;
  from?: string;
  date?: string;
  subject?: string;
  text: string;
}

/** One RFC 5322 message (bytes) -> sender, date, subject and text body (HTML converted to text). */
export async function parseEmail(raw: Uint8Array | string): Promise<EmailFields> {
  const mail = await PostalMime.parse(raw);
  let text = mail.text ?? '';
  if (!text.trim() && mail.html) text = htmlToText(mail.html, { wordwrap: false, selectors: [{ selector: 'a', options: { ignoreHref: true } }, { selector: 'img', format: 'skip' }] });
  const from = mail.from ? (mail.from.name ? `${mail.from.name} <${mail.from.address ?? ''}>` : (mail.from.address ?? '')) : undefined;
  return {
    ...(mail.messageId ? { id: mail.messageId.replace(/^<|>$/g, '') } : {}),
    ...(from ? { from } : {}),
    ...(mail.date ? { date: mail.date } : {}),
    ...(mail.subject ? { subject: mail.subject } : {}),
    text: text.replace(/\r\n/g, '\n').trim(),
  };
}

function emailRecord(fields: EmailFields, fallbackId: string, extra: Record<string, unknown>): Rec {
  const { id, text, ...rest } = fields;
  return { id: id ?? fallbackId, ...rest, ...extra, text };
}

const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * mbox (mboxo / mboxrd): a message starts at a line "From " at the top of the file or after an
 * empty line. Read line by line as latin1 (one char per byte) so the message's own charset is
 * decoded by the MIME parser; only one message is held at a time.
 */
export async function* readMboxSource(stream: NodeJS.ReadableStream, name: string): AsyncGenerator<SourceItem> {
  let lines: string[] = [];
  let size = 0;
  let tooBig = false;
  let count = 0;
  let startLine = 0;
  let line = 0;
  let prevBlank = true;
  async function* flush(): AsyncGenerator<SourceItem> {
    if (!count) return;
    const where = `${name}, message ${count} (line ${startLine})`;
    if (tooBig) {
      yield { error: `message larger than ${MAX_MESSAGE_BYTES >> 20} MB`, where };
      return;
    }
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    const raw = Buffer.from(lines.join('\n'), 'latin1');
    try {
      const fields = await parseEmail(raw);
      if (!fields.text) yield { skipped: 'no text body', where };
      else yield { record: emailRecord(fields, `${basename(name)}#${count}`, { mbox_index: count }) };
    } catch (e) {
      yield { error: `cannot parse message (${(e as Error).message})`, where };
    }
  }
  for await (const item of readLines(stream, MAX_MESSAGE_BYTES)) {
    line = item.line;
    if ('tooLong' in item) {
      // one line longer than a whole message may be: the message is too big
      if (count) {
        tooBig = true;
        lines = [];
      } else {
        yield { error: 'not an mbox: the file must start with a "From " line', where: `${name}, line ${line}` };
        return;
      }
      prevBlank = false;
      continue;
    }
    const l = item.text;
    if (prevBlank && l.startsWith('From ')) {
      yield* flush();
      count++;
      startLine = line;
      lines = [];
      size = 0;
      tooBig = false;
      prevBlank = false;
      continue;
    }
    prevBlank = l === '';
    if (!count) {
      if (l.trim()) {
        yield { error: 'not an mbox: the file must start with a "From " line', where: `${name}, line ${line}` };
        return;
      }
      continue;
    }
    if (tooBig) continue;
    size += l.length + 1;
    if (size > MAX_MESSAGE_BYTES) {
      tooBig = true;
      lines = [];
      continue;
    }
    lines.push(/^>+From /.test(l) ? l.slice(1) : l);
  }
  yield* flush();
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

async function* readFileMessage(file: string, id: string, format: 'eml' | 'text'): AsyncGenerator<SourceItem> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    yield { error: `cannot read (${(e as Error).message})`, where: file };
    return;
  }
  if (format === 'text') {
    const text = raw.toString('utf8').replace(/^\ufeff/, '');
    if (!text.trim()) yield { skipped: 'empty file', where: file };
    else yield { record: { id, file: id, text } };
    return;
  }
  try {
    const fields = await parseEmail(raw);
    if (!fields.text) yield { skipped: 'no text body', where: file };
    else yield { record: emailRecord(fields, id, { file: id }) };
  } catch (e) {
    yield { error: `cannot parse e-mail (${(e as Error).message})`, where: file };
  }
}

/** Open FILE (or stdin for undefined / '-') in the format given or detected; fill `meter` as it reads. */
export async function openSource(file: string | undefined, opts: SourceOptions, meter?: Meter): Promise<AsyncGenerator<SourceItem>> {
  const preset = opts.preset ? PRESETS[opts.preset] : undefined;
  const stdin = !file || file === '-';
  let info;
  if (!stdin) {
    try {
      info = await stat(file);
    } catch {
      throw new Error(`cannot read ${file}: no such file`);
    }
  }
  const detected = opts.format ?? preset?.format ?? (info?.isDirectory() ? 'folder' : detectFormat(file));
  if (info?.isDirectory()) {
    if (detected !== 'folder' && detected !== 'eml' && detected !== 'text') throw new Error(`${file} is a folder; give a file, or a folder of .eml or .txt files`);
    const files = await listFiles(file!);
    const chosen: { path: string; format: 'eml' | 'text' }[] = [];
    let ignored = 0;
    for (const f of files) {
      const d = detected === 'folder' ? detectFormat(f) : detected;
      if (d === 'eml' || d === 'text') chosen.push({ path: f, format: d });
      else ignored++;
    }
    if (meter) meter.total = 0;
    const sizes = await Promise.all(chosen.map((c) => stat(c.path).then((s) => s.size)));
    if (meter) meter.total = sizes.reduce((a, b) => a + b, 0);
    return (async function* () {
      if (ignored) yield { skipped: `${ignored} file${ignored === 1 ? '' : 's'} that are neither .eml nor .txt`, where: file! };
      for (const [i, c] of chosen.entries()) {
        yield* readFileMessage(c.path, relative(file!, c.path).split('\\').join('/'), c.format);
        if (meter) meter.done += sizes[i]!;
      }
    })();
  }
  if (meter && info) meter.total = info.size;
  const name = stdin ? '<stdin>' : file;
  const format = detected as InputFormat;
  const stream = (encoding?: BufferEncoding) => (stdin ? (encoding ? process.stdin.setEncoding(encoding) : process.stdin) : countingStream(file, meter, encoding));
  switch (format) {
    case 'jsonl':
      return readJsonlSource(stream(), name, opts.textColumn ?? 'text', opts.maxLineLength);
    case 'csv':
    case 'tsv':
      return readCsvSource(stream(), name, { delimiter: format === 'tsv' ? '\t' : ',', textColumn: opts.textColumn, idColumn: opts.idColumn, preset: opts.preset, maxLineLength: opts.maxLineLength });
    case 'mbox':
      return readMboxSource(stream('latin1'), name);
    case 'eml':
    case 'text': {
      if (stdin) {
        return (async function* () {
          const chunks: Buffer[] = [];
          for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
          const raw = Buffer.concat(chunks);
          if (format === 'text') yield { record: { id: 'stdin', text: raw.toString('utf8') } };
          else yield { record: emailRecord(await parseEmail(raw), 'stdin', {}) };
        })();
      }
      const gen = readFileMessage(file, basename(file), format);
      return (async function* () {
        yield* gen;
        if (meter) meter.done = meter.total ?? 0;
      })();
    }
  }
}
