import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectFormat, openSource, readCsvSource, readMboxSource, type Meter, type SourceItem } from './sources';

async function all(gen: AsyncGenerator<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const x of gen) out.push(x);
  return out;
}
const records = (items: SourceItem[]) => items.flatMap((i) => ('record' in i ? [i.record] : []));
const errors = (items: SourceItem[]) => items.flatMap((i) => ('error' in i ? [i] : []));
const dir = mkdtempSync(join(tmpdir(), 'dunwatch-src-'));

describe('detectFormat', () => {
  it.each([
    ['a.jsonl', 'jsonl'],
    ['a.CSV', 'csv'],
    ['a.tsv', 'tsv'],
    ['x/m.eml', 'eml'],
    ['box.mbox', 'mbox'],
    ['Inbox', 'mbox'],
    ['n.txt', 'text'],
    ['-', 'jsonl'],
  ])('%s -> %s', (p, f) => expect(detectFormat(p)).toBe(f));
});

describe('CSV', () => {
  const csv = '\ufeffid,text,channel\n1,"We will call your ""boss"" today\nand your family",sms\n2,plain,email\n3,too,many,sms\n4,"中文,逗号",chat\n';
  it('handles BOM, quotes, embedded newlines; passes other columns; names a bad record', async () => {
    const items = await all(readCsvSource(Readable.from([csv]), 'in.csv', {}));
    expect(records(items)).toEqual([
      { id: '1', text: 'We will call your "boss" today\nand your family', channel: 'sms' },
      { id: '2', text: 'plain', channel: 'email' },
      { id: '4', text: '中文,逗号', channel: 'chat' },
    ]);
    expect(errors(items)).toHaveLength(1);
    expect((errors(items)[0] as { where: string }).where).toBe('in.csv, line 5');
  });
  it('chooses columns; a missing text column is a usage error naming the columns', async () => {
    const items = await all(readCsvSource(Readable.from(['msg,key\nhello,k1\n']), 'x.csv', { textColumn: 'msg', idColumn: 'key' }));
    expect(records(items)).toEqual([{ id: 'k1', text: 'hello' }]);
    await expect(all(readCsvSource(Readable.from(['a,b\n1,2\n']), 'x.csv', {}))).rejects.toThrow(/no column "text" \(columns: a, b\)/);
  });
  it('--preset cfpb picks the complaint columns and skips rows without a narrative', async () => {
    const head = 'Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\n';
    const row1 = '2024-01-02,Debt collection,Medical debt,Threatened to contact someone or share information improperly,Talked to a third-party about your debt,"They called my employer XXXX and said I would be arrested.",,ACME,TX,75XXX,,Consent provided,Web,2024-01-02,Closed with explanation,Yes,N/A,8123456\n';
    const row2 = '2024-01-03,Debt collection,I do not know,Written notification about debt,,,,ACME,TX,75XXX,,,Phone,2024-01-03,Closed,Yes,N/A,8123457\n';
    const items = await all(readCsvSource(Readable.from([head + row1 + row2]), 'c.csv', { preset: 'cfpb' }));
    const recs = records(items);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ id: '8123456', text: 'They called my employer XXXX and said I would be arrested.', Product: 'Debt collection', Issue: 'Threatened to contact someone or share information improperly', 'Sub-issue': 'Talked to a third-party about your debt' });
    expect(items.filter((i) => 'skipped' in i)).toHaveLength(1);
  });
});

const eml = (id: string, body: string, type = 'text/plain') =>
  `From: "Acme Recovery" <desk@acme.example>\r\nTo: you@example.com\r\nDate: Tue, 1 Jul 2025 10:00:00 +0000\r\nSubject: =?UTF-8?B?5YKs5qy+6YCa55+l?=\r\nMessage-ID: <${id}@acme.example>\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;

describe('mbox', () => {
  it('splits on From_ lines, unescapes >From, decodes charsets and HTML, keeps sender/date/subject', async () => {
    const latin = Buffer.concat([
      Buffer.from('From desk@acme.example Tue Jul  1 10:00:00 2025\nFrom: a@b.c\nSubject: x\nContent-Type: text/plain; charset=iso-8859-1\n\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from('\n>From the desk\n\n'),
    ]);
    const mbox = Buffer.concat([latin, Buffer.from(`From x Tue Jul  1 10:00:00 2025\n${eml('m2', '<p>Pay <b>now</b> or we <i>sue</i></p>', 'text/html')}\n`)]);
    const items = await all(readMboxSource(Readable.from([mbox.toString('latin1')]), 'a.mbox'));
    const recs = records(items);
    expect(recs.map((r) => r.text)).toEqual(['Café\nFrom the desk', 'Pay now or we sue']);
    expect(recs[1]).toMatchObject({ id: 'm2@acme.example', from: 'Acme Recovery <desk@acme.example>', subject: '催款通知', date: '2025-07-01T10:00:00.000Z' });
    expect(recs[0]!.id).toBe('a.mbox#1');
  });
  it('rejects a file that is not an mbox, naming the line', async () => {
    const items = await all(readMboxSource(Readable.from(['hello\nworld\n']), 'x.mbox'));
    expect(errors(items)).toEqual([{ error: expect.stringMatching(/not an mbox/), where: 'x.mbox, line 1' }]);
  });
});

describe('files and folders', () => {
  const folder = join(dir, 'mail');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  writeFileSync(join(folder, 'b.eml'), eml('b', 'We know where you work.'));
  writeFileSync(join(folder, 'sub', 'a.txt'), '\ufeff我们会联系你的单位。');
  writeFileSync(join(folder, 'c.eml'), 'Content-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\nContent-Type: image/png\r\n\r\nxx\r\n--zz--\r\n');
  writeFileSync(join(folder, 'notes.pdf'), '%PDF');
  it('reads a folder of .eml and .txt in name order, reports files skipped, fills the meter', async () => {
    const meter: Meter = { done: 0 };
    const items = await all(await openSource(folder, {}, meter));
    expect(records(items).map((r) => [r.id, r.text])).toEqual([
      ['b@acme.example', 'We know where you work.'],
      ['sub/a.txt', '我们会联系你的单位。'],
    ]);
    expect(items.filter((i) => 'skipped' in i).map((i) => (i as { skipped: string }).skipped)).toEqual(['1 file that are neither .eml nor .txt', 'no text body']);
    expect(meter.total).toBeGreaterThan(0);
    expect(meter.done).toBe(meter.total);
  });
  it('reads one .txt or .eml file', async () => {
    expect(records(await all(await openSource(join(folder, 'sub', 'a.txt'), {})))).toEqual([{ id: 'a.txt', file: 'a.txt', text: '我们会联系你的单位。' }]);
    expect(records(await all(await openSource(join(folder, 'b.eml'), {})))[0]).toMatchObject({ id: 'b@acme.example', text: 'We know where you work.' });
  });
  it('JSON Lines: --text-column renames the field, bad lines are named', async () => {
    const f = join(dir, 'x.jsonl');
    writeFileSync(f, '{"id":"a","body":"hi"}\n{bad\n{"id":"c","body":3}\n');
    const items = await all(await openSource(f, { textColumn: 'body' }));
    expect(records(items)).toEqual([{ id: 'a', text: 'hi' }]);
    expect(errors(items).map((e) => (e as { where: string }).where)).toEqual([`${f}, line 2`, `${f}, line 3`]);
    expect((errors(items)[1] as { error: string }).error).toMatch(/"body" must be a string/);
  });
  it('a missing file is an error of the command', async () => {
    await expect(openSource(join(dir, 'nope.csv'), {})).rejects.toThrow(/cannot read/);
  });
});
