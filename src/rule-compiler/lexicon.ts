/**
 * Lexicons: the shared, versioned word lists that frame rules are built from
 * (`rules/lexicon/<lang>/<name>.yaml`, id `<lang>/<name>`). A lexicon holds words and short
 * phrases many messages would use, never a sentence copied from a corpus.
 *
 * Expansion at build time, so nothing is parsed at run time:
 * - English: the head word of each entry gets every inflection compromise knows
 *   ("arrest" -> arrests, arrested, arresting; "neighbour" -> neighbours), with `inflect`
 *   naming the head (`first` word for verb phrases, `last` for noun phrases, `none`);
 *   British/American spellings are listed by the author.
 * - Chinese: entries are stored simplified (the engine matches normalised, simplified text);
 *   each also gets its Cantonese forms (你嘅 for 你的, 屋企人 for 家人, 唔 for 不 …).
 */
import * as T2CN from 'opencc-js/t2cn';
import * as v from 'valibot';
import type { CompiledLexicon, Lang } from '../engine/types';
import { inflections } from './inflect';

const toSimplified = T2CN.Converter({ from: 't', to: 'cn' });

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const LexiconFileSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^(en|zh)\/[a-z0-9-]+$/, 'a lexicon id looks like <lang>/<name>')),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  description: nonEmpty,
  /** English only: which word of an entry is inflected */
  inflect: v.optional(v.picklist(['first', 'last', 'none']), 'none'),
  entries: v.pipe(v.array(nonEmpty), v.minLength(1, 'a lexicon needs at least one entry')),
  note: v.optional(v.string()),
});
export type LexiconFile = v.InferOutput<typeof LexiconFileSchema>;

// Cantonese (and common colloquial) forms of Mandarin pieces, applied to every Chinese entry.
const CANTONESE: [string, string][] = [
  ['的', '嘅'],
  ['家人', '屋企人'],
  ['家里', '屋企'],
  ['家', '屋企'],
  ['他们', '佢哋'],
  ['他', '佢'],
  ['她', '佢'],
  ['我们', '我哋'],
  ['们', '哋'],
  ['不', '唔'],
  ['没有', '冇'],
  ['是', '系'],
  ['给', '畀'],
  ['看', '睇'],
  ['说', '讲'],
  ['这', '呢'],
  ['那', '嗰'],
];

/** Every Cantonese variant of an entry: each mapped piece replaced (one piece at a time, then all). */
function cantoneseForms(entry: string): string[] {
  const out = new Set<string>([entry]);
  let all = entry;
  for (const [mandarin, canto] of CANTONESE) {
    if (entry.includes(mandarin)) out.add(entry.split(mandarin).join(canto));
    all = all.split(mandarin).join(canto);
  }
  out.add(all);
  return [...out];
}

function inflectedForms(entry: string, head: 'first' | 'last' | 'none'): string[] {
  const words = entry.split(/\s+/);
  if (head === 'none' || !/^[a-z][a-z'-]*$/.test(head === 'first' ? words[0]! : words.at(-1)!)) return [words.join(' ')];
  const at = head === 'first' ? 0 : words.length - 1;
  return inflections(words[at]!).map((form) => words.map((w, i) => (i === at ? form : w)).join(' '));
}

export function expandLexicon(lang: Lang, file: LexiconFile): string[] {
  const terms = new Set<string>();
  for (const raw of file.entries) {
    const entry = raw.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
    const forms = lang === 'en' ? inflectedForms(entry, file.inflect) : cantoneseForms(toSimplified(entry));
    for (const f of forms) terms.add(f);
  }
  // longest first: a regex alternation then prefers "your mother-in-law" to "your mother"
  return [...terms].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The problems of a lexicon file (its id must match its path), or the compiled lexicon. */
export function compileLexicon(path: string, data: unknown): { lexicon?: CompiledLexicon; problems: { path: (string | number)[]; message: string }[] } {
  const parsed = v.safeParse(LexiconFileSchema, data);
  if (!parsed.success) {
    return { problems: parsed.issues.map((i) => ({ path: (i.path ?? []).map((p) => p.key as string | number), message: i.message })) };
  }
  const file = parsed.output;
  const m = /(?:^|\/)rules\/lexicon\/(en|zh)\/([a-z0-9-]+)\.ya?ml$/.exec(path);
  if (!m) return { problems: [{ path: [], message: `lexicon files live at rules/lexicon/<lang>/<name>.yaml, not ${path}` }] };
  if (file.id !== `${m[1]}/${m[2]}`) return { problems: [{ path: ['id'], message: `id '${file.id}' does not match the file name (expected '${m[1]}/${m[2]}')` }] };
  const lang = m[1] as Lang;
  if (lang === 'zh' && file.inflect !== 'none') return { problems: [{ path: ['inflect'], message: 'inflect is for English lexicons only' }] };
  return { problems: [], lexicon: { id: file.id, lang, version: file.version, terms: expandLexicon(lang, file), source: path } };
}
