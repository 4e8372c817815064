/**
 * dunwatch — scan and evaluate debt-collection messages from the command line.
 * Run: npm run -s dunwatch -- <command> [options]
 */
import { parseArgs } from 'node:util';
import { loadEngine } from './engine';
import { evaluate, formatMarkdown, formatReport, reportJson, type EvalItem, type Labelled } from './eval';
import { curve, formatCurve } from './curve';
import type { InputRecord } from './input';
import { inlineAnalyzer, ordered, workerAnalyzer } from './pool';
import { Progress } from './progress';
import { redactRecord } from './redact';
import { diffScans, formatDiff, type ScanLine } from './diff';
import { INPUT_FORMATS, InputUsageError, openSource, type InputFormat, type Meter, type SourceOptions } from './sources';
import { prettyMessage, prettySummary, useColour } from './pretty';
import { toScanOutput, type OffsetUnit } from './scan';
import { scanThreads, toThreadMessage } from './threads';
import type { Engine, Finding } from '../engine';
import { readLabel } from '../research/labels';
import { forTerminal, jsonForTerminal } from './terminal';
import { normaliseFingerprint, verifyCommand } from './verify';

export const EXIT = { ok: 0, usage: 1, badLines: 2, rules: 3, invalid: 4 } as const;

const HELP = `dunwatch — flag what a debt collector may not lawfully say

Usage:
  dunwatch scan [FILE|-] [options]     findings for each message of a JSON Lines file (or stdin)
  dunwatch scan --text "…" [options]   findings for one message
  dunwatch eval FILE [--format text|json|markdown] [--curve]
                                       precision / recall / F1 against labelled messages,
                                       per language and source_kind, F1 with a seeded 95 %
                                       bootstrap interval, category confusion, per-rule hits
  dunwatch diff OLD.jsonl NEW.jsonl [--format text|json]
                                       which messages' findings changed between two scan
                                       outputs: spans added, removed or moved, per rule
  dunwatch redact [FILE|-] [--style typed|cfpb] [--amounts] [--keep FIELD]…
                                       personal data -> placeholders in every field, one
                                       JSON line per record; findings of a scan output
                                       are remapped
  dunwatch verify BUNDLE.zip [--format text|json] [--expect-fingerprint HEX]
                                       check an evidence export: every file against
                                       SHA256SUMS, the signature over SHA256SUMS, the hash
                                       chain in evidence.json, report.html / evidence.csv /
                                       VERIFY.txt re-made from evidence.json; names each
                                       file that fails. With --expect-fingerprint, also
                                       fails unless the bundle was signed with that key. A
                                       valid signature proves the bundle is unchanged since
                                       that key signed it, not who holds the key
  dunwatch help                        this text

Input: one JSON object per line, {"id": "…", "text": "…", …}. Other fields are passed
through to the output untouched (lang, collection and findings are replaced by ours).
Other formats, chosen by the extension or --input-format:
  .csv / .tsv    one message per row; --text-column (default text), --id-column (default
                 id, else the record number); the other columns are passed through
  .eml           one e-mail; a folder of .eml (and .txt) files is read recursively, in
                 name order; fields id (Message-ID), from, date, subject, text (the body;
                 an HTML body is converted to text), file
  .mbox          a mailbox (mboxo/mboxrd), streamed one message at a time
  .txt           plain text, one message per file (id = the file name); or a folder of them
  --preset cfpb  the CFPB consumer complaint CSV: text "Consumer complaint narrative", id
                 "Complaint ID"; rows without a narrative are skipped and counted
Labels for eval: is_collection (bool), lawful (bool|null), categories ([…]),
context_dependent (bool), lang.

Options:
  --format jsonl|pretty        scan output (default jsonl; pretty is for people)
  --format text|json|markdown  eval output (default text)
  --jurisdiction us|cn|uk|eu|in|au|ca|ph|id|hk|tw
                               cite only that jurisdiction's law where a rule has it
  --offsets utf16|codepoint    how start/end count characters (default utf16, as in
                               JavaScript; codepoint matches Python string indices)
  --text "…"                   scan this one message (id "text")
  --input-format jsonl|csv|tsv|eml|mbox|text
                               the input's format when the extension does not tell
                               (stdin is read as jsonl unless this says otherwise)
  --text-column NAME           the column (CSV) or field (JSON Lines) holding the text
  --id-column NAME             the column holding the id (CSV)
  --preset cfpb                columns of the CFPB complaint database export
  --max-line-length N          longest input line (JSON Lines) or record (CSV) read, in
                               characters (default 16777216); a longer one is named on
                               stderr and skipped without being held in memory. A line
                               nested deeper than 64 arrays/objects is skipped the same way
  --jobs N                     run the engine in N worker threads (default 1); output
                               stays in input order
  --progress                   messages done, rate, % and ETA on stderr (on by default
                               when stderr is a terminal; never on stdout)
  --threads                    also judge threads: lines grouped by "thread" (else "sender"),
                               using "direction" (incoming|outgoing), "sentAt" (ISO 8601),
                               "channel" (sms|email|call|chat|…) and "to"; adds
                               "thread_findings" (hours, frequency, contact after STOP or a
                               dispute, missing disclosures). Reads the whole input first.
  --time-zone ZONE             the reader's IANA time zone for --threads (default: this
                               machine's), e.g. America/New_York, Asia/Shanghai
  --work-address ADDR          one of the reader's work addresses (repeatable): collection
                               e-mail "to" it is pointed out where the law forbids it

Output (scan, jsonl): one object per input line, in input order:
  {"id", "lang", "collection": {"is", "score"}, "findings": [{"rule", "category",
   "severity", "start", "end", "excerpt", "law": […]}], …passed-through fields}

Redaction (redact): names (en, zh in simplified and traditional script, lower-case names
after "my name is", "dear", "mr" …), phone numbers (incl. Taiwan), e-mails, card numbers
(Luhn, any separator), IBANs (mod 97), account numbers, identity numbers with their checks
(Chinese ID, US SSN, Aadhaar, PAN, Hong Kong and Taiwan ID; passport and driving-licence
numbers after a word that names them), street addresses (en, zh, Taiwan), @handles and
social-profile URLs become [NAME] [PHONE] [EMAIL] [ACCOUNT] [ID] [ADDRESS] [HANDLE]
(--style cfpb: XXXX); --amounts adds [AMOUNT]; dates keep month and year.
Every field is redacted except id and the fields named with --keep (names compared
case-insensitively, ignoring spaces, _ and -): a field whose name says it is personal (name,
sender, from, to, email, phone, address, zip, ssn, passport, account, handle, 姓名, 电话, 地址
…) is replaced as a whole where the detectors leave anything of it; every other string
field (any CSV column, e.g. the complaint narrative, "Issue", "Company") is redacted by its
content. "findings" start/end/excerpt (UTF-16 offsets) are moved to the redacted text;
"redacted" counts the replacements by type. Heuristic: check the output before sharing it.

Exit codes:
  0  every line was processed
  1  usage error, or the input file cannot be read
  2  some input lines or records were invalid (each named on stderr with its file and
     line or record); the others were processed. Records skipped for a reason that is
     not an error (an empty CFPB narrative, an e-mail without a text body) are counted on
     stderr and do not change the exit code
  3  the rule files do not compile (every problem named on stderr)
  4  verify: the bundle is not intact, or not signed with the --expect-fingerprint key
     (each failing file named on stdout, with why)
`;

class UsageError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`dunwatch: ${forTerminal(message, true)}\n`);
  process.exit(code);
}

interface InputStats {
  count: number;
  /** records skipped for a reason that is not an error (an empty CFPB narrative), by reason */
  skipped: Map<string, number>;
}

async function* inputRecords(file: string | undefined, text: string | undefined, badLines: InputStats, opts: SourceOptions = {}, meter?: Meter): AsyncGenerator<InputRecord['record']> {
  if (text !== undefined) {
    yield { id: 'text', text };
    return;
  }
  if (!file && process.stdin.isTTY) throw new UsageError('give a FILE, - for stdin, or --text "…" (see dunwatch help)');
  let source;
  try {
    source = await openSource(file, opts, meter);
  } catch (e) {
    if (e instanceof InputUsageError) throw new UsageError(e.message);
    throw e;
  }
  try {
    for await (const item of source) {
      if ('error' in item) {
        badLines.count++;
        process.stderr.write(`dunwatch: ${forTerminal(item.where)}: ${forTerminal(item.error)}; skipped\n`);
        continue;
      }
      if ('skipped' in item) {
        badLines.skipped.set(item.skipped, (badLines.skipped.get(item.skipped) ?? 0) + 1);
        continue;
      }
      yield item.record;
    }
  } catch (e) {
    if (e instanceof InputUsageError) throw new UsageError(e.message);
    throw e;
  }
}

function reportSkipped(stats: InputStats): void {
  for (const [reason, n] of stats.skipped) process.stderr.write(`dunwatch: ${n} record${n === 1 ? '' : 's'} skipped: ${forTerminal(reason)}\n`);
}

function sourceOptions(values: { 'input-format'?: string; 'text-column'?: string; 'id-column'?: string; preset?: string; 'max-line-length'?: string }): SourceOptions {
  const opts: SourceOptions = {};
  const max = values['max-line-length'];
  if (max !== undefined) {
    const n = Number(max);
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 29) throw new UsageError(`--max-line-length must be a whole number of characters from 1 to ${2 ** 29}`);
    opts.maxLineLength = n;
  }
  const f = values['input-format'];
  if (f !== undefined) {
    if (!(INPUT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--input-format must be one of ${INPUT_FORMATS.join(', ')}`);
    opts.format = f as InputFormat;
  }
  if (values.preset !== undefined) {
    if (values.preset !== 'cfpb') throw new UsageError('--preset must be cfpb');
    opts.preset = 'cfpb';
  }
  if (values['text-column'] !== undefined) opts.textColumn = values['text-column'];
  if (values['id-column'] !== undefined) opts.idColumn = values['id-column'];
  return opts;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      jurisdiction: { type: 'string' },
      offsets: { type: 'string', default: 'utf16' },
      text: { type: 'string' },
      threads: { type: 'boolean' },
      'time-zone': { type: 'string' },
      'work-address': { type: 'string', multiple: true },
      'input-format': { type: 'string' },
      'text-column': { type: 'string' },
      'id-column': { type: 'string' },
      preset: { type: 'string' },
      jobs: { type: 'string' },
      'max-line-length': { type: 'string' },
      progress: { type: 'boolean' },
      style: { type: 'string' },
      amounts: { type: 'boolean' },
      curve: { type: 'boolean' },
      'expect-fingerprint': { type: 'string' },
      keep: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, file, ...extra] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(HELP);
    return command || values.help ? EXIT.ok : EXIT.usage;
  }
  if (extra.length > (command === 'diff' ? 1 : 0)) throw new UsageError(`unexpected argument ${extra[command === 'diff' ? 1 : 0]}`);
  if (values.offsets !== 'utf16' && values.offsets !== 'codepoint') throw new UsageError('--offsets must be utf16 or codepoint');

  if (!['scan', 'eval', 'redact', 'diff', 'verify'].includes(command)) throw new UsageError(`unknown command '${command}' (scan, eval, redact, diff, verify or help)`);
  if (command === 'verify') {
    if (!file) throw new UsageError('verify needs BUNDLE.zip (an evidence export)');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('--format for verify is text or json');
    const given = values['expect-fingerprint'];
    const expectFingerprint = given === undefined ? undefined : normaliseFingerprint(given);
    if (given !== undefined && !expectFingerprint) throw new UsageError('--expect-fingerprint takes the 64 hex digits of a SHA-256 key fingerprint (spaces and colons are ignored)');
    return verifyCommand(file, { format, expectFingerprint });
  }
  const srcOpts = sourceOptions(values);
  if (command === 'diff') {
    const newer = extra[0];
    if (!file || !newer) throw new UsageError('diff needs OLD.jsonl and NEW.jsonl (two dunwatch scan outputs)');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('--format for diff is text or json');
    const stats: InputStats = { count: 0, skipped: new Map() };
    const read = async (f: string) => {
      const lines: ScanLine[] = [];
      for await (const r of inputRecords(f, undefined, stats, { format: 'jsonl' })) lines.push({ id: r.id, findings: Array.isArray(r.findings) ? (r.findings as ScanLine['findings']) : [] });
      return lines;
    };
    const report = diffScans(await read(file), await read(newer));
    process.stdout.write(format === 'json' ? jsonForTerminal(JSON.stringify(report, null, 2)) + '\n' : formatDiff(report));
    return stats.count ? EXIT.badLines : EXIT.ok;
  }
  if (command === 'redact') {
    const style = values.style ?? 'typed';
    if (style !== 'typed' && style !== 'cfpb') throw new UsageError('--style must be typed or cfpb');
    const stats: InputStats = { count: 0, skipped: new Map() };
    for await (const record of inputRecords(file, values.text, stats, srcOpts)) {
      process.stdout.write(jsonForTerminal(JSON.stringify(redactRecord(record, { style, amounts: Boolean(values.amounts), keep: values.keep ?? [] }))) + '\n');
    }
    reportSkipped(stats);
    return stats.count ? EXIT.badLines : EXIT.ok;
  }
  const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError('--jobs must be a whole number from 1 to 64');
  let engine: Engine;
  try {
    engine = await loadEngine();
  } catch (e) {
    process.stderr.write(`dunwatch: ${(e as Error).message}\n`);
    return EXIT.rules;
  }
  const badLines: InputStats = { count: 0, skipped: new Map() };
  const meter: Meter = { done: 0 };
  const progress = values.progress || (process.stderr.isTTY && values.text === undefined) ? new Progress(process.stderr, meter) : undefined;
  const analyzer = jobs > 1 ? workerAnalyzer(engine.bundle, jobs) : inlineAnalyzer(engine);
  const window = jobs > 1 ? jobs * 64 : 1;
  try {
    return await run();
  } finally {
    await analyzer.close();
  }

  async function run(): Promise<number> {

  if (command === 'scan') {
    const format = values.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'pretty') throw new UsageError('--format for scan is jsonl or pretty');
    const colour = useColour(process.stdout);
    let messages = 0;
    let flagged = 0;
    const all: Finding[] = [];
    if (values.threads) {
      const timeZone = values['time-zone'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      const records: InputRecord['record'][] = [];
      for await (const record of inputRecords(file, values.text, badLines, srcOpts)) records.push(record);
      const threads = scanThreads(engine, records, values.jurisdiction ?? 'us', timeZone, values['work-address'] ?? []);
      for (const w of threads.warnings) process.stderr.write(`dunwatch: ${forTerminal(w)}\n`);
      for (const record of records) {
        const result = engine.analyze(record.text, { jurisdiction: values.jurisdiction, context: { direction: toThreadMessage(record).direction } });
        const thread = (threads.findingsById.get(record.id) ?? []).map((f) => ({ rule: f.rule, category: f.category, severity: f.severity, messages: f.messageIds, title: f.title, law: f.law }));
        if (format === 'jsonl') process.stdout.write(jsonForTerminal(JSON.stringify({ ...toScanOutput(record, result, values.offsets as OffsetUnit), thread_findings: thread })) + '\n');
        else {
          messages++;
          if (result.findings.length || thread.length) flagged++;
          all.push(...result.findings);
          process.stdout.write(prettyMessage(record.id, record.text, result, colour));
          for (const f of thread) process.stdout.write(`  [thread] ${f.severity.padEnd(6)} ${f.category.padEnd(10)} ${f.rule}  ${forTerminal(f.title)} (messages ${f.messages.map((m) => forTerminal(m)).join(', ')})\n`);
          process.stdout.write('\n');
        }
      }
      if (format === 'pretty') process.stdout.write(prettySummary(messages, flagged, all, colour));
      reportSkipped(badLines);
      return badLines.count ? EXIT.badLines : EXIT.ok;
    }
    const input = inputRecords(file, values.text, badLines, srcOpts, meter);
    for await (const [record, result] of ordered(input, (r) => analyzer.analyze(r.text, { jurisdiction: values.jurisdiction }), window)) {
      messages++;
      progress?.tick();
      if (format === 'jsonl') {
        process.stdout.write(jsonForTerminal(JSON.stringify(toScanOutput(record, result, values.offsets as OffsetUnit))) + '\n');
      } else {
        if (result.findings.length) flagged++;
        all.push(...result.findings);
        process.stdout.write(prettyMessage(record.id, record.text, result, colour) + '\n');
      }
    }
    progress?.done();
    if (format === 'pretty') process.stdout.write(prettySummary(messages, flagged, all, colour));
  } else if (command === 'eval') {
    if (!file) throw new UsageError('eval needs a labelled JSON Lines FILE');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError('--format for eval is text, json or markdown');
    const items: EvalItem[] = [];
    const input = inputRecords(file, undefined, badLines, srcOpts, meter);
    // --curve: every candidate finding, with its confidence; the curve applies each threshold
    const minConfidence = values.curve ? 0 : undefined;
    for await (const [record, result] of ordered(input, (r) => analyzer.analyze(r.text, { jurisdiction: values.jurisdiction, ...(minConfidence === undefined ? {} : { minConfidence }) }), window)) {
      items.push({ label: readLabel(record) as Labelled, result });
      progress?.tick();
    }
    progress?.done();
    if (values.curve) {
      const points = curve(items);
      process.stdout.write(format === 'json' ? jsonForTerminal(JSON.stringify(points, null, 2)) + '\n' : formatCurve(points));
    } else {
      const report = evaluate(items);
      process.stdout.write(format === 'json' ? jsonForTerminal(JSON.stringify(reportJson(report), null, 2)) + '\n' : format === 'markdown' ? formatMarkdown(report) : formatReport(report) + '\n');
    }
  } else {
    throw new UsageError(`unknown command '${command}' (scan, eval or help)`);
  }
  reportSkipped(badLines);
  return badLines.count ? EXIT.badLines : EXIT.ok;
  }
}

// `dunwatch scan big.jsonl | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) fail(`${(e as Error).message}\nRun 'dunwatch help' for usage.`, EXIT.usage);
    if (e instanceof Error && /^cannot read|is a folder/.test(e.message)) fail(e.message, EXIT.usage);
    fail(`unexpected error: ${(e as Error).stack ?? String(e)}`, EXIT.usage);
  },
);
