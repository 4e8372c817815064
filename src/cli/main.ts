/**
 * dunwatch — scan and evaluate debt-collection messages from the command line.
 * Run: npm run -s dunwatch -- <command> [options]
 */
import { parseArgs } from 'node:util';
import { loadEngine } from './engine';
import { evaluate, formatReport, reportJson, type EvalItem, type Labelled } from './eval';
import { assertReadable, openInput, readJsonLines, type InputRecord } from './input';
import { prettyMessage, prettySummary, useColour } from './pretty';
import { toScanOutput, type OffsetUnit } from './scan';
import { scanThreads, toThreadMessage } from './threads';
import type { Finding } from '../engine';

export const EXIT = { ok: 0, usage: 1, badLines: 2, rules: 3 } as const;

const HELP = `dunwatch — flag what a debt collector may not lawfully say

Usage:
  dunwatch scan [FILE|-] [options]     findings for each message of a JSON Lines file (or stdin)
  dunwatch scan --text "…" [options]   findings for one message
  dunwatch eval FILE [--format text|json]
                                       precision / recall / F1 against labelled JSON Lines
  dunwatch help                        this text

Input: one JSON object per line, {"id": "…", "text": "…", …}. Other fields are passed
through to the output untouched (lang, collection and findings are replaced by ours).
Labels for eval: is_collection (bool), lawful (bool|null), categories ([…]),
context_dependent (bool), lang.

Options:
  --format jsonl|pretty        scan output (default jsonl; pretty is for people)
  --format text|json           eval output (default text)
  --jurisdiction us|cn|uk|eu|in|au|ca|ph|id|hk|tw
                               cite only that jurisdiction's law where a rule has it
  --offsets utf16|codepoint    how start/end count characters (default utf16, as in
                               JavaScript; codepoint matches Python string indices)
  --text "…"                   scan this one message (id "text")
  --threads                    also judge threads: lines grouped by "thread" (else "sender"),
                               using "direction" (incoming|outgoing), "sentAt" (ISO 8601),
                               "channel" (sms|email|call|chat|…) and "to"; adds
                               "thread_findings" (hours, frequency, contact after STOP or a
                               dispute, missing disclosures). Reads the whole input first.
  --time-zone ZONE             the reader's IANA time zone for --threads (default: this
                               machine's), e.g. America/New_York, Asia/Shanghai

Output (scan, jsonl): one object per input line, in input order:
  {"id", "lang", "collection": {"is", "score"}, "findings": [{"rule", "category",
   "severity", "start", "end", "excerpt", "law": […]}], …passed-through fields}

Exit codes:
  0  every line was processed
  1  usage error, or the input file cannot be read
  2  some input lines were invalid (named on stderr); the other lines were processed
  3  the rule files do not compile (every problem named on stderr)
`;

class UsageError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`dunwatch: ${message}\n`);
  process.exit(code);
}

async function* inputRecords(file: string | undefined, text: string | undefined, badLines: { count: number }): AsyncGenerator<InputRecord['record']> {
  if (text !== undefined) {
    yield { id: 'text', text };
    return;
  }
  if (!file && process.stdin.isTTY) throw new UsageError('give a FILE, - for stdin, or --text "…" (see dunwatch help)');
  await assertReadable(file);
  for await (const item of readJsonLines(openInput(file))) {
    if ('error' in item) {
      badLines.count++;
      process.stderr.write(`dunwatch: line ${item.line}: ${item.error}; skipped\n`);
      continue;
    }
    yield item.record;
  }
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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, file, ...extra] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(HELP);
    return command || values.help ? EXIT.ok : EXIT.usage;
  }
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  if (values.offsets !== 'utf16' && values.offsets !== 'codepoint') throw new UsageError('--offsets must be utf16 or codepoint');

  let engine;
  try {
    engine = await loadEngine();
  } catch (e) {
    process.stderr.write(`dunwatch: ${(e as Error).message}\n`);
    return EXIT.rules;
  }
  const badLines = { count: 0 };

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
      for await (const record of inputRecords(file, values.text, badLines)) records.push(record);
      const threads = scanThreads(engine, records, values.jurisdiction ?? 'us', timeZone);
      for (const w of threads.warnings) process.stderr.write(`dunwatch: ${w}\n`);
      for (const record of records) {
        const result = engine.analyze(record.text, { jurisdiction: values.jurisdiction, context: { direction: toThreadMessage(record).direction } });
        const thread = (threads.findingsById.get(record.id) ?? []).map((f) => ({ rule: f.rule, category: f.category, severity: f.severity, messages: f.messageIds, title: f.title, law: f.law }));
        if (format === 'jsonl') process.stdout.write(JSON.stringify({ ...toScanOutput(record, result, values.offsets as OffsetUnit), thread_findings: thread }) + '\n');
        else {
          messages++;
          if (result.findings.length || thread.length) flagged++;
          all.push(...result.findings);
          process.stdout.write(prettyMessage(record.id, record.text, result, colour));
          for (const f of thread) process.stdout.write(`  [thread] ${f.severity.padEnd(6)} ${f.category.padEnd(10)} ${f.rule}  ${f.title} (messages ${f.messages.join(', ')})\n`);
          process.stdout.write('\n');
        }
      }
      if (format === 'pretty') process.stdout.write(prettySummary(messages, flagged, all, colour));
      return badLines.count ? EXIT.badLines : EXIT.ok;
    }
    for await (const record of inputRecords(file, values.text, badLines)) {
      const result = engine.analyze(record.text, { jurisdiction: values.jurisdiction });
      messages++;
      if (format === 'jsonl') {
        process.stdout.write(JSON.stringify(toScanOutput(record, result, values.offsets as OffsetUnit)) + '\n');
      } else {
        if (result.findings.length) flagged++;
        all.push(...result.findings);
        process.stdout.write(prettyMessage(record.id, record.text, result, colour) + '\n');
      }
    }
    if (format === 'pretty') process.stdout.write(prettySummary(messages, flagged, all, colour));
  } else if (command === 'eval') {
    if (!file) throw new UsageError('eval needs a labelled JSON Lines FILE');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('--format for eval is text or json');
    const items: EvalItem[] = [];
    for await (const record of inputRecords(file, undefined, badLines)) {
      items.push({ label: record as unknown as Labelled, result: engine.analyze(record.text, { jurisdiction: values.jurisdiction }) });
    }
    const report = evaluate(items);
    process.stdout.write(format === 'json' ? JSON.stringify(reportJson(report), null, 2) + '\n' : formatReport(report) + '\n');
  } else {
    throw new UsageError(`unknown command '${command}' (scan, eval or help)`);
  }
  return badLines.count ? EXIT.badLines : EXIT.ok;
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
