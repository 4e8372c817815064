/**
 * Opt-in research samples (issue #6 item 5): one flagged (or missed) message, redacted on the
 * device, as one JSON Lines record that `dunwatch eval` reads with the corpus label schema
 * (labels.ts). What the record holds:
 *
 * - `text`: the message with personal data replaced by typed placeholders (redact.ts) and
 *   dates reduced to the month; nothing else of the original (no sender, address, subject,
 *   URL, time, or the findings' excerpts) is exported.
 * - the corpus label fields (`is_collection`, `lawful`, `categories`) ONLY from the user's own
 *   label (correct / false alarm / missed): Dunwatch's own output is never written as truth.
 * - what Dunwatch said: `findings` (rule, version, category, severity, offsets remapped onto
 *   the redacted text), `rules`, `engine_categories`, and the versions that produced them
 *   (`engine_version`, `rules_hash`), plus `lang`, `site`, `channel`.
 *
 * Pure TypeScript: no DOM, wxt or browser API (the research page, the background and the
 * tests share it).
 */
import { detectLanguages } from '../engine/language';
import { CHANNELS, LABEL_CATEGORIES, USER_LABELS, type UserLabel } from './labels';
import { redact, remapSpan, type PiiType, type RedactOptions } from './redact';

export const SAMPLE_SCHEMA = 'dunwatch.research-sample/1';
export { USER_LABELS, type UserLabel } from './labels';

/** What a sample needs of a finding (an engine Finding, a TabMessage's or a CaptureRecord's). */
export interface FindingLike {
  rule: string;
  ruleVersion: number;
  category: string;
  severity: string;
  start: number;
  end: number;
}

export interface SampleInput {
  /** the original text (never exported as is) */
  text: string;
  findings: readonly FindingLike[];
  /** site id ("gmail", "whatsapp" …) or "pasted" */
  site: string;
  /** one of CHANNELS; default: from the site */
  channel?: string;
  userLabel?: UserLabel | null;
  /** for "missed": the category the user thinks was missed */
  missedCategory?: string | null;
  /** the user's answer to "was this sent by a debt collector or creditor?"; null = not sure */
  isCollection?: boolean | null;
  engineVersion: string;
  rulesHash: string;
  /** "YYYY-MM" the sample was made (month only); default: now */
  month?: string;
}

export type SampleFinding = FindingLike;

export interface ResearchSample {
  schema: typeof SAMPLE_SCHEMA;
  id: string;
  text: string;
  lang: 'en' | 'zh';
  channel: string;
  site: string;
  source: 'dunwatch-extension';
  source_kind: 'other';
  /** corpus label fields: only when the user labelled the message */
  is_collection?: boolean;
  lawful?: boolean | null;
  categories?: string[];
  user_label: UserLabel | null;
  /** Dunwatch's findings, offsets into `text` (the redacted text) */
  findings: SampleFinding[];
  rules: string[];
  engine_categories: string[];
  engine_version: string;
  rules_hash: string;
  /** how many placeholders of each kind replaced personal data */
  redactions: Partial<Record<PiiType, number>>;
  month: string;
}

const SITE_CHANNEL: Record<string, (typeof CHANNELS)[number]> = {
  gmail: 'email', outlook: 'email', 'yahoo-mail': 'email', 'proton-mail': 'email', 'qq-mail': 'email', 'netease-mail': 'email',
  whatsapp: 'chat', telegram: 'chat', messenger: 'chat', 'google-messages': 'sms',
  instagram: 'social', x: 'social', linkedin: 'social', weibo: 'social',
};

export function channelForSite(site: string): string {
  return SITE_CHANNEL[site] ?? 'unknown';
}

/** 64-bit FNV-1a of the string as 16 hex digits (a stable id; not a security hash). */
function fnv64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 2) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function monthNow(): string {
  return new Date().toISOString().slice(0, 7);
}

/** Redaction used for every sample: typed placeholders, dates to the month, English names on. */
export const SAMPLE_REDACTION: RedactOptions = { style: 'typed', dates: true, englishNames: true };

/** The corpus label fields that follow from the user's own label (none without one). */
export function labelFields(input: Pick<SampleInput, 'userLabel' | 'missedCategory' | 'isCollection' | 'findings'>): Pick<ResearchSample, 'is_collection' | 'lawful' | 'categories'> {
  const cats = [...new Set(input.findings.map((f) => f.category))].filter((c) => (LABEL_CATEGORIES as readonly string[]).includes(c)).sort();
  const told = typeof input.isCollection === 'boolean' ? input.isCollection : undefined;
  switch (input.userLabel) {
    case 'correct':
      // the findings are right: an unlawful collection message; with no findings, a message rightly left alone
      if (input.findings.length) return { is_collection: true, lawful: false, categories: cats };
      return { ...(told !== undefined ? { is_collection: told } : {}), lawful: told ? true : null, categories: [] };
    case 'false-alarm':
      return { ...(told !== undefined ? { is_collection: told } : {}), lawful: told === false ? null : true, categories: [] };
    case 'missed': {
      const extra = input.missedCategory && (LABEL_CATEGORIES as readonly string[]).includes(input.missedCategory) ? [input.missedCategory] : [];
      return { is_collection: true, lawful: false, categories: [...new Set([...cats, ...extra])].sort() };
    }
    default:
      return {};
  }
}

/** One research sample from a message and what the engine found in it. */
export function makeSample(input: SampleInput): ResearchSample {
  const red = redact(input.text, SAMPLE_REDACTION);
  const findings: SampleFinding[] = [...input.findings]
    .filter((f) => f.start >= 0 && f.end <= input.text.length && f.start <= f.end)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => ({ rule: f.rule, ruleVersion: f.ruleVersion, category: f.category, severity: f.severity, ...remapSpan(red.replacements, f.start, f.end) }));
  const redactions: Partial<Record<PiiType, number>> = {};
  for (const r of red.replacements) redactions[r.type] = (redactions[r.type] ?? 0) + 1;
  const channel = input.channel && (CHANNELS as readonly string[]).includes(input.channel) ? input.channel : channelForSite(input.site);
  const sample: ResearchSample = {
    schema: SAMPLE_SCHEMA,
    id: '',
    text: red.text,
    lang: detectLanguages(red.text.toLowerCase()).lang,
    channel,
    site: input.site,
    source: 'dunwatch-extension',
    source_kind: 'other',
    ...labelFields(input),
    user_label: input.userLabel ?? null,
    findings,
    rules: [...new Set(findings.map((f) => f.rule))].sort(),
    engine_categories: [...new Set(findings.map((f) => f.category))].sort(),
    engine_version: input.engineVersion,
    rules_hash: input.rulesHash,
    redactions,
    month: input.month ?? monthNow(),
  };
  sample.id = `dw-${fnv64(`${sample.text}\u0000${sample.rules.join(',')}\u0000${sample.user_label ?? ''}`)}`;
  return sample;
}

/** JSON Lines: one sample per line, "\n" after each. */
export function toJsonLines(samples: readonly ResearchSample[]): string {
  return samples.map((s) => JSON.stringify(s) + '\n').join('');
}

/** Every problem with a stored or imported sample ("field: what is wrong"); [] when well formed. */
export function sampleProblems(x: unknown): string[] {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return ['not an object'];
  const o = x as Record<string, unknown>;
  const p: string[] = [];
  if (o.schema !== SAMPLE_SCHEMA) p.push(`schema: expected ${SAMPLE_SCHEMA}`);
  for (const k of ['id', 'text', 'channel', 'site', 'engine_version', 'rules_hash', 'month']) if (typeof o[k] !== 'string') p.push(`${k}: not a string`);
  if (o.user_label !== null && !(USER_LABELS as readonly unknown[]).includes(o.user_label)) p.push('user_label: correct, false-alarm, missed or null');
  if (!Array.isArray(o.findings)) p.push('findings: not an array');
  else {
    const len = typeof o.text === 'string' ? o.text.length : 0;
    o.findings.forEach((f: Record<string, unknown>, i: number) => {
      if (!f || typeof f !== 'object' || !Number.isInteger(f.start) || !Number.isInteger(f.end) || (f.start as number) < 0 || (f.end as number) > len || (f.start as number) > (f.end as number)) p.push(`findings[${i}]: start/end outside the text`);
    });
  }
  return p;
}
