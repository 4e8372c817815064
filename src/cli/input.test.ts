import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonDepth, parseLine, readJsonLines, readLines, type LineItem } from './input';
import { readCsvSource, readJsonlSource, type SourceItem } from './sources';

async function all<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}
const chunks = (...c: (string | Buffer)[]) => Readable.from(c, { objectMode: true });

describe('readLines', () => {
  it('splits on \\n, \\r\\n (also across chunks) and \\r, and decodes UTF-8 split across chunks', async () => {
    const zh = Buffer.from('欠款\n');
    const items = await all(readLines(chunks('a\r', '\nb\r\n', 'c\rd', '\n', zh.subarray(0, 2), zh.subarray(2), 'last')));
    expect(items).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: 'c' },
      { line: 4, text: 'd' },
      { line: 5, text: '欠款' },
      { line: 6, text: 'last' },
    ]);
  });
  it('an over-long line is reported with its length and dropped as it streams; the next lines are read', async () => {
    const items: LineItem[] = await all(readLines(chunks('short\n', 'x'.repeat(30), 'y'.repeat(30), '\nok\n'), 50));
    expect(items).toEqual([{ line: 1, text: 'short' }, { line: 2, tooLong: 60 }, { line: 3, text: 'ok' }]);
  });
});

describe('hostile JSON Lines', () => {
  const deep = (n: number) => `{"id":"b","text":"x","n":${'['.repeat(n)}${']'.repeat(n)}}`;
  it('depth is counted without recursion', () => {
    expect(jsonDepth({ a: [1, { b: [] }] })).toBe(4);
    expect(jsonDepth(JSON.parse('['.repeat(100000) + ']'.repeat(100000)), 64)).toBe(65);
  });
  it('attack: a line nested 200,000 deep is named and skipped; the lines around it are read', async () => {
    const input = chunks(`{"id":"a","text":"one"}\n${deep(200_000)}\n{"id":"c","text":"three"}\n`);
    const items = await all(readJsonlSource(input, 'in.jsonl'));
    expect(items).toEqual([
      { record: { id: 'a', text: 'one' } },
      { error: 'nested deeper than 64 levels of arrays and objects', where: 'in.jsonl, line 2' },
      { record: { id: 'c', text: 'three' } },
    ]);
    // what would have crashed the scan: serialising the output
    expect(() => JSON.stringify(JSON.parse(deep(200_000)))).toThrow(RangeError);
  });
  it('a line at the depth limit is read', () => {
    expect(parseLine(deep(62), 1)).toMatchObject({ record: { id: 'b' } });
  });
  it('an over-long line gets a clear error naming the limit', async () => {
    const items = await all(readJsonlSource(chunks(`{"id":"a","text":"${'x'.repeat(100)}"}\n{"id":"b","text":"ok"}\n`), 'in.jsonl', 'text', 64));
    expect(items).toEqual([
      { error: 'line of 120 characters is longer than the limit of 64 (--max-line-length)', where: 'in.jsonl, line 1' },
      { record: { id: 'b', text: 'ok' } },
    ]);
    expect(await all(readJsonLines(chunks('{"text":"' + 'y'.repeat(70) + '"}\n'), 64))).toEqual([{ line: 1, error: expect.stringMatching(/longer than the limit of 64/) }]);
  });
  it('another text field is renamed to text, and errors name it', () => {
    expect(parseLine('{"id":1,"body":"hi","x":2}', 1, 'body')).toEqual({ line: 1, record: { id: '1', x: 2, text: 'hi' } });
    expect(parseLine('{"id":1}', 1, 'body')).toEqual({ line: 1, error: '"body" must be a string and is missing' });
  });
  it('a CSV record over the limit: the records before it are read, then a clear error says the rest is not', async () => {
    // csv-parse cannot find where the next record starts after an oversized one (fields may hold
    // line breaks), so reading stops there, and says so, instead of guessing
    const csv = `id,text\n1,hello\n2,${'z'.repeat(200)}\n3,bye\n`;
    const items: SourceItem[] = await all(readCsvSource(chunks(csv), 'in.csv', { maxLineLength: 100 }));
    expect(items).toEqual([
      { record: { id: '1', text: 'hello' } },
      { error: 'a record longer than the limit of 100 characters (--max-line-length); the rest of the file is not read', where: 'in.csv, line 3' },
    ]);
  });
});
