/**
 * The label schema of a labelled message (the ../shared/corpus format) and a lenient reader
 * for labels that arrive as strings (CSV columns: "true", "yes", "1", "threat;privacy").
 * Pure TypeScript: no Node or DOM APIs, so the extension can reuse it.
 */
export const LABEL_CATEGORIES = ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair', 'scam'] as const;
export const SOURCE_KINDS = ['court', 'regulator', 'news', 'forum', 'model-form', 'other'] as const;
export const CHANNELS = ['sms', 'email', 'voicemail', 'social', 'letter', 'chat', 'unknown'] as const;

export interface Label {
  id: string;
  lang?: string;
  /** the text is a creditor's or collector's attempt to collect a debt */
  is_collection?: boolean;
  /** collection messages: true lawful, false unlawful; null / absent otherwise */
  lawful?: boolean | null;
  /** subset of LABEL_CATEGORIES */
  categories?: string[];
  /** unlawful only by facts outside the text (time-barred or discharged debt, a missing notice) */
  context_dependent?: boolean;
  channel?: string;
  source?: string;
  source_kind?: string;
  note?: string;
}

/** "true"/"yes"/"1"/true -> true, "false"/"no"/"0"/false -> false, ""/"null"/null -> null, else undefined. */
export function toBool(v: unknown): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  if (v === null) return null;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 't'].includes(s)) return true;
  if (['false', 'no', 'n', '0', 'f'].includes(s)) return false;
  if (['', 'null', 'none', 'na', 'n/a'].includes(s)) return null;
  return undefined;
}

/** An array, a JSON array string, or "a;b", "a,b", "a|b", "a b". */
export function toList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!s) return [];
  if (s.startsWith('[')) {
    try {
      const parsed = JSON.parse(s) as unknown;
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      /* fall through to splitting */
    }
  }
  return s
    .split(/[;,|\s]+/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
}

/** Read the label fields of a record, whatever their types; unknown fields are ignored. */
export function readLabel(record: Record<string, unknown> & { id: string }): Label {
  const label: Label = { id: record.id };
  const str = (k: string) => (typeof record[k] === 'string' && record[k] !== '' ? (record[k] as string) : undefined);
  const lang = str('lang');
  if (lang) label.lang = lang;
  const isColl = toBool(record.is_collection);
  if (typeof isColl === 'boolean') label.is_collection = isColl;
  const lawful = toBool(record.lawful);
  if (lawful !== undefined) label.lawful = lawful;
  const cats = toList(record.categories);
  if (cats) label.categories = cats;
  const cd = toBool(record.context_dependent);
  if (typeof cd === 'boolean') label.context_dependent = cd;
  for (const k of ['channel', 'source', 'source_kind', 'note'] as const) {
    const v = str(k);
    if (v) label[k] = v;
  }
  return label;
}

/** The reader's own verdict on a contributed sample (research page, "report a false alarm"). */
export const USER_LABELS = ['correct', 'false-alarm', 'missed'] as const;
export type UserLabel = (typeof USER_LABELS)[number];
