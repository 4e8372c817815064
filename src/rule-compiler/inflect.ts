/** English inflections from compromise, for {lemma} in patterns and for lexicon entries. */
import nlp from 'compromise';

const lemmaCache = new Map<string, string[]>();

/** Every inflection of a word, as verb and as noun: {arrest} -> arrest|arrests|arrested|arresting. */
export function inflections(word: string): string[] {
  const cached = lemmaCache.get(word);
  if (cached) return cached;
  const forms = new Set<string>([word]);
  const asVerb = nlp(word);
  asVerb.tag('Verb');
  const conj = asVerb.verbs().conjugate()[0] as Record<string, string> | undefined;
  for (const form of Object.values(conj ?? {})) if (!form.includes(' ')) forms.add(form.toLowerCase());
  const asNoun = nlp(word);
  asNoun.tag('Noun');
  const plural = asNoun.nouns().toPlural().text().toLowerCase();
  if (plural && !plural.includes(' ')) forms.add(plural);
  const out = [...forms].sort();
  lemmaCache.set(word, out);
  return out;
}

