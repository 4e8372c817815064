/** Human-readable scan report, in the manner of ESLint's default formatter. */
import type { AnalyzeResult, Category } from '../engine';
import { forTerminal } from './terminal';

const COLOURS: Record<Category, string> = {
  threat: '\x1b[1;31m',
  privacy: '\x1b[1;35m',
  abuse: '\x1b[1;33m',
  deception: '\x1b[1;36m',
  harassment: '\x1b[1;34m',
  unfair: '\x1b[1;32m',
};
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

export function useColour(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined) return false;
  if (process.env.FORCE_COLOR !== undefined) return true;
  return Boolean(stream.isTTY);
}

/** The text with each flagged span marked: colour on a terminal, «…»[n] otherwise. Control characters are made visible. */
export function markText(text: string, result: AnalyzeResult, colour: boolean): string {
  let out = '';
  let last = 0;
  // terminal control characters in a message must not reach the terminal (line breaks stay)
  const safe = (s: string) => forTerminal(s, true);
  result.findings
    .filter((f, i, all) => i === 0 || f.start >= all[i - 1]!.end)
    .forEach((f) => {
      const n = result.findings.indexOf(f) + 1;
      out += safe(text.slice(last, f.start));
      const span = safe(text.slice(f.start, f.end));
      out += colour ? `${COLOURS[f.category]}${span}${RESET}${DIM}[${n}]${RESET}` : `«${span}»[${n}]`;
      last = f.end;
    });
  return out + safe(text.slice(last));
}

export function prettyMessage(id: string, text: string, result: AnalyzeResult, colour: boolean): string {
  const head = `${colour ? '\x1b[4m' : ''}${forTerminal(id)}${colour ? RESET : ''}  ${result.lang}  ${result.collection.is ? 'collection' : 'not collection'} (score ${result.collection.score})`;
  if (!result.findings.length) return `${head}\n  ${colour ? DIM : ''}no findings${colour ? RESET : ''}\n`;
  const lines = [head, '', indent(markText(text, result, colour)), ''];
  result.findings.forEach((f, i) => {
    const cat = colour ? `${COLOURS[f.category]}${f.category}${RESET}` : f.category;
    lines.push(`  [${i + 1}] ${String(f.start).padStart(5)}:${String(f.end).padEnd(5)} ${f.severity.padEnd(6)} ${cat.padEnd(colour ? 21 : 10)} ${forTerminal(f.rule)}`);
    lines.push(`      ${forTerminal(f.title)}: "${forTerminal(f.excerpt.replace(/\s+/g, ' '))}"`);
    lines.push(`      ${colour ? DIM : ''}${forTerminal(f.law.join(', '))}${colour ? RESET : ''}`);
  });
  return lines.join('\n') + '\n';
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

export function prettySummary(messages: number, flagged: number, findings: AnalyzeResult['findings'], colour: boolean): string {
  const bySeverity = { high: 0, medium: 0, low: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  const mark = findings.length ? (colour ? '\x1b[1;31m✖\x1b[0m' : '✖') : colour ? '\x1b[1;32m✔\x1b[0m' : '✔';
  return `${mark} ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${flagged} of ${messages} message${messages === 1 ? '' : 's'} (${bySeverity.high} high, ${bySeverity.medium} medium, ${bySeverity.low} low)\n`;
}
