import * as v from 'valibot';
import { CATEGORIES, SEVERITIES } from '../engine/types';

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const bilingual = v.strictObject({ en: nonEmpty, zh: nonEmpty });
const stringList = v.array(nonEmpty);

const lexiconNames = v.union([
  v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a lexicon name such as relatives (rules/lexicon/<lang>/relatives.yaml)'), v.transform((x) => [x])),
  v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a lexicon name such as relatives'))), v.minLength(1, 'name at least one lexicon')),
]);

/** act + target (+ actor, condition) over lexicons of the rule's language. */
export const FrameSchema = v.strictObject({
  act: lexiconNames,
  // a frame without a target needs an actor ("讨债公司 … 会过去": who comes is the threat)
  target: v.optional(lexiconNames),
  actor: v.optional(lexiconNames),
  condition: v.optional(v.picklist(['required', 'optional']), 'optional'),
  mood: v.optional(
    v.union([v.pipe(v.picklist(['threat', 'imperative', 'done', 'any']), v.transform((x) => [x])), v.array(v.picklist(['threat', 'imperative', 'done', 'any']))]),
    ['threat'],
  ),
  within: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(30)), 6),
  order: v.optional(v.picklist(['any', 'act-first', 'target-first']), 'any'),
  'collector-act': v.optional(v.boolean(), false),
  requires: v.optional(v.picklist(['addressed', 'none'])),
});

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
  // a rule has patterns (with keywords), frames, or both; compileRule checks that
  match: v.strictObject({
    keywords: v.optional(stringList, []),
    patterns: v.optional(stringList, []),
    frames: v.optional(v.array(FrameSchema), []),
  }),
  'collector-act': v.optional(v.boolean(), false),
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

// links open in the user's browser from the rights pages and reports: web addresses only (no javascript:, data:, file:)
const webUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'a law or rights URL must start with https:// or http://'));

export const LawFileSchema = v.strictObject({
  jurisdiction: v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]{2})?$/, 'jurisdiction must be a lower-case code such as us or us-ca')),
  name: bilingual,
  rights: v.array(
    v.strictObject({ title: bilingual, url: webUrl, phone: v.optional(v.string()) }),
  ),
  citations: v.record(
    v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]{2})?\.[a-z0-9.-]+$/, 'citation ids look like <jurisdiction>.<source>.<section>')),
    v.strictObject({ title: bilingual, url: webUrl, text: bilingual }),
  ),
});
export type LawFile = v.InferOutput<typeof LawFileSchema>;
