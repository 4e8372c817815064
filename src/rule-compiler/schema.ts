import * as v from 'valibot';
import { CATEGORIES, SEVERITIES } from '../engine/types';

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const bilingual = v.strictObject({ en: nonEmpty, zh: nonEmpty });
const stringList = v.array(nonEmpty);

export const RuleFileSchema = v.strictObject({
  // built-in: <lang>.<category>.<slug> (= the file path); custom rules: custom.<lang>.<category>.<slug>
  id: v.pipe(
    v.string(),
    v.regex(/^(custom\.)?(en|zh)\.(threat|privacy|abuse|deception|harassment|unfair)\.[a-z0-9-]+$/, 'id must look like <lang>.<category>.<slug> (a custom rule: custom.<lang>.<category>.<slug>)'),
  ),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  category: v.picklist(CATEGORIES as unknown as string[] as [string, ...string[]]),
  severity: v.picklist(SEVERITIES as unknown as string[] as [string, ...string[]]),
  requires: v.optional(v.picklist(['collection', 'addressed', 'none']), 'collection'),
  title: bilingual,
  explain: bilingual,
  // at least one for every rule file (compileRule checks it); a custom rule may leave it out
  law: v.optional(v.array(nonEmpty), []),
  match: v.strictObject({
    keywords: v.pipe(stringList, v.minLength(1, 'a rule needs at least one keyword')),
    patterns: v.pipe(stringList, v.minLength(1, 'a rule needs at least one pattern')),
  }),
  unless: v.optional(stringList, []),
  filters: v.optional(
    v.strictObject({
      negation: v.optional(v.boolean(), true),
      question: v.optional(v.boolean(), true),
      lawTalk: v.optional(v.boolean(), true),
    }),
    {},
  ),
  'word-boundaries': v.optional(v.boolean(), true),
  examples: v.strictObject({
    hit: v.optional(stringList, []),
    miss: v.optional(stringList, []),
    'todo-hit': v.optional(stringList, []),
    'todo-miss': v.optional(stringList, []),
  }),
  note: v.optional(v.string()),
});
export type RuleFile = v.InferOutput<typeof RuleFileSchema>;

export const LawFileSchema = v.strictObject({
  jurisdiction: v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]{2})?$/, 'jurisdiction must be a lower-case code such as us or us-ca')),
  name: bilingual,
  rights: v.array(
    v.strictObject({ title: bilingual, url: v.pipe(v.string(), v.url()), phone: v.optional(v.string()) }),
  ),
  citations: v.record(
    v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]{2})?\.[a-z0-9.-]+$/, 'citation ids look like <jurisdiction>.<source>.<section>')),
    v.strictObject({ title: bilingual, url: v.pipe(v.string(), v.url()), text: bilingual }),
  ),
});
export type LawFile = v.InferOutput<typeof LawFileSchema>;
