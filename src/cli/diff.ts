/**
 * `dunwatch diff OLD.jsonl NEW.jsonl`: compare two scan outputs message by message (matched by
 * id) and list what changed per rule: spans added, removed, or moved (overlapping but with other
 * offsets). Rule changes are reviewed as changes of behaviour on real text.
 */
import { forTerminal } from './terminal';

export interface Span {
  rule: string;
  start: number;
  end: number;
  excerpt?: string;
}

export interface MessageDiff {
  id: string;
  added: Span[];
  removed: Span[];
  moved: { rule: string; from: Span; to: Span }[];
}

export interface DiffReport {
  compared: number;
  changed: MessageDiff[];
  onlyOld: string[];
  onlyNew: string[];
  /** per rule: added / removed / moved spans */
  byRule: Record<string, { added: number; removed: number; moved: number }>;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function diffFindings(id: string, oldF: Span[], newF: Span[]): MessageDiff {
  const d: MessageDiff = { id, added: [], removed: [], moved: [] };
  const usedNew = new Set<number>();
  for (const o of oldF) {
    const same = newF.findIndex((n, i) => !usedNew.has(i) && n.rule === o.rule && n.start === o.start && n.end === o.end);
    if (same >= 0) {
      usedNew.add(same);
      continue;
    }
    const near = newF.findIndex((n, i) => !usedNew.has(i) && n.rule === o.rule && overlaps(n, o));
    if (near >= 0) {
      usedNew.add(near);
      d.moved.push({ rule: o.rule, from: o, to: newF[near]! });
    } else d.removed.push(o);
  }
  newF.forEach((n, i) => {
    if (!usedNew.has(i)) d.added.push(n);
  });
  return d;
}

export type ScanLine = { id: string; findings?: Span[] };

export function diffScans(oldLines: Iterable<ScanLine>, newLines: Iterable<ScanLine>): DiffReport {
  const oldMap = new Map<string, Span[]>();
  for (const l of oldLines) oldMap.set(l.id, l.findings ?? []);
  const report: DiffReport = { compared: 0, changed: [], onlyOld: [], onlyNew: [], byRule: {} };
  const seen = new Set<string>();
  for (const l of newLines) {
    seen.add(l.id);
    const old = oldMap.get(l.id);
    if (!old) {
      report.onlyNew.push(l.id);
      continue;
    }
    report.compared++;
    const d = diffFindings(l.id, old, l.findings ?? []);
    if (d.added.length || d.removed.length || d.moved.length) report.changed.push(d);
    const bump = (rule: string, k: 'added' | 'removed' | 'moved') => ((report.byRule[rule] ??= { added: 0, removed: 0, moved: 0 })[k] += 1);
    d.added.forEach((s) => bump(s.rule, 'added'));
    d.removed.forEach((s) => bump(s.rule, 'removed'));
    d.moved.forEach((s) => bump(s.rule, 'moved'));
  }
  for (const id of oldMap.keys()) if (!seen.has(id)) report.onlyOld.push(id);
  return report;
}

const show = (s: Span) => `${s.start}:${s.end}${s.excerpt ? ` "${forTerminal(s.excerpt.replace(/\s+/g, ' '))}"` : ''}`;

export function formatDiff(r: DiffReport): string {
  const out = [`${r.compared} messages compared, ${r.changed.length} changed${r.onlyOld.length ? `, ${r.onlyOld.length} only in OLD` : ''}${r.onlyNew.length ? `, ${r.onlyNew.length} only in NEW` : ''}`];
  if (Object.keys(r.byRule).length) {
    out.push('', 'per rule (added / removed / moved):');
    for (const [rule, c] of Object.entries(r.byRule).sort()) out.push(`  ${forTerminal(rule).padEnd(40)} +${c.added} -${c.removed} ~${c.moved}`);
  }
  for (const d of r.changed) {
    out.push('', forTerminal(d.id));
    for (const s of d.added) out.push(`  + ${forTerminal(s.rule)} ${show(s)}`);
    for (const s of d.removed) out.push(`  - ${forTerminal(s.rule)} ${show(s)}`);
    for (const m of d.moved) out.push(`  ~ ${forTerminal(m.rule)} ${show(m.from)} -> ${show(m.to)}`);
  }
  if (r.onlyOld.length) out.push('', `only in OLD: ${r.onlyOld.map((x) => forTerminal(x)).join(', ')}`);
  if (r.onlyNew.length) out.push('', `only in NEW: ${r.onlyNew.map((x) => forTerminal(x)).join(', ')}`);
  return out.join('\n') + '\n';
}
