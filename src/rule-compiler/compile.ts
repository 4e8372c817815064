/**
 * Rule files -> RulesBundle. Pure (no fs): given file contents it returns the bundle or
 * every error found, each naming the file, the line and the reason.
 */
import nlp from 'compromise';
import * as OpenCC from 'opencc-js/cn2t';
import * as T2CN from 'opencc-js/t2cn';
import * as v from 'valibot';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import type { CompiledFrame, CompiledLexicon, CompiledRule, Jurisdiction, LawCitation, Lang, Localized, RulesBundle } from '../engine/types';
import { compileLexicon } from './lexicon';
import { CLAUSE_GAP, parseMarkedExample } from '../engine/rule-syntax';
import { LawFileSchema, RuleFileSchema, type RuleFile } from './schema';
import { inflections } from './inflect';

export { inflections };

export const SCHEMA_VERSION = 1;

export interface SourceFile {
  /** path relative to the repository root, e.g. rules/en/threat/arrest.yaml; '' for a custom rule */
  path: string;
  source: string;
}

export class RuleError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file || '(custom rule)'}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'RuleError';
  }
}

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = T2CN.Converter({ from: 't', to: 'cn' });

function localize(text: { en: string; zh: string }): Localized {
  return { en: text.en, 'zh-CN': text.zh, 'zh-TW': toTaiwan(text.zh) };
}

/** Parse YAML keeping line numbers so schema errors can point at the line. */
function parseYaml(file: SourceFile): { doc: Document; lines: LineCounter; errors: RuleError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(file.source, { lineCounter: lines, uniqueKeys: true });
  const errors = doc.errors.map((e) => new RuleError(file.path, e.linePos?.[0]?.line, `YAML: ${e.message.split('\n')[0]}`));
  if (!errors.length && !isMap(doc.contents)) errors.push(new RuleError(file.path, 1, 'the file must be a YAML mapping (key: value)'));
  return { doc, lines, errors };
}

function lineOf(doc: Document, lines: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function schemaErrors(file: SourceFile, doc: Document, lines: LineCounter, issues: v.BaseIssue<unknown>[]): RuleError[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => p.key as string | number);
    const where = path.length ? `${path.join('.')}: ` : '';
    let reason = issue.message;
    if (issue.kind === 'schema' && issue.type === 'strict_object' && path.length) reason = `unknown key '${String(path.at(-1))}'`;
    return new RuleError(file.path, lineOf(doc, lines, path), where + reason);
  });
}

/**
 * The ReDoS check, passed in: `isSafeRegex` of ./redos.ts (recheck) at build time and in the
 * options page; the extension's background passes the verdicts recorded when a custom rule was
 * saved (see src/extension/custom-rules.ts), so recheck never loads there.
 */
export type RegexCheck = (source: string, flags: string) => boolean;
export interface CompileOptions {
  isSafeRegex: RegexCheck;
  /** lexicons frames may name (the bundle's); a frame naming another is an error */
  lexicons?: Record<string, CompiledLexicon>;
}

/** The key a ReDoS verdict is cached and stored under: `flags/source` (g and y do not change it). */
export function regexKey(source: string, flags: string): string {
  return `${flags.replace(/[gy]/g, '')}/${source}`;
}

// ---------------------------------------------------------------- English patterns

/**
 * Expand {lemma} into an alternation of its forms so compromise/one (no tagger) can match it.
 * Inside a choice the forms join that choice ("({tell}|inform)" -> "(tell|told|…|inform)"):
 * compromise ignores nested groups.
 */
export function expandLemmas(pattern: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const m = ch === '{' ? /^\{([a-z][a-z'-]*)\}/.exec(pattern.slice(i)) : null;
    if (m) {
      const forms = inflections(m[1]!).join('|');
      out += depth > 0 ? forms : `(${forms})`;
      i += m[0].length - 1;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    out += ch;
  }
  return out;
}

interface ParsedTerm {
  regex?: RegExp;
  tag?: string;
  word?: string;
  fastOr?: Set<string>;
  choices?: ParsedTerm[][];
  optional?: boolean;
  anything?: boolean;
  min?: number;
}

// Words too common (or changed by contractions: we'll, won't) to make a useful or safe prefilter keyword.
const WEAK_WORDS = new Set(
  ('a an the to of in on at by for with from and or but if so as is are am was were be been being will would shall should can could may might must ' +
    'not no do does did have has had go going gonna get got i me my we us our you your ur u he she it its they them their this that these those ' +
    'there here what who how when all any every just now up out about into over than then too very ' +
    // everyday words: as prefilter keywords they would send most ordinary mail to the matcher
    'like people good back low dead con piece waste nothing know time day days make take come see want need work home ' +
    'money please today just only also still more one two new last first way thing things man life right let give keep ' +
    'find think said say tell call told got make made look well much many some other after before off down again never ' +
    'always someone everyone anyone everything something them him her his hers yours mine ours let us next week month year').split(' '),
);

function wordsOfTerm(t: ParsedTerm): string[] | undefined {
  if (t.optional || t.anything || t.regex || t.tag || t.min === 0) return undefined;
  if (t.word) return [t.word];
  if (t.fastOr) return [...t.fastOr];
  if (t.choices) {
    const firsts = t.choices.map((seq) => (seq[0] ? wordsOfTerm(seq[0]) : undefined));
    return firsts.every(Boolean) ? firsts.flat() as string[] : undefined;
  }
  return undefined;
}

/**
 * Keywords that every match of an English pattern must contain: the alternatives of its most
 * selective required term. Added to the author's keywords so a forgotten keyword can never
 * silently switch a pattern off.
 */
export function requiredKeywords(pattern: string): string[] {
  const terms = (nlp as unknown as { parseMatch(s: string): ParsedTerm[] }).parseMatch(pattern);
  let best: string[] | undefined;
  let bestScore = Infinity;
  for (const t of terms) {
    const words = wordsOfTerm(t)?.map((w) => w.toLowerCase().replace(/[^a-z0-9'$-]/g, ''));
    if (!words?.length || words.some((w) => !w || WEAK_WORDS.has(w) || w.length < 3)) continue;
    // fewer and longer words filter more text
    const score = words.reduce((n, w) => n + 10 / w.length, 0);
    if (score < bestScore) {
      bestScore = score;
      best = words;
    }
  }
  return best ?? [];
}

function checkEnglishPattern(pattern: string, isSafeRegex: RegexCheck): { needsTagger: boolean; problem?: string } {
  let depth = 0;
  // parentheses inside a /regex/ term belong to the regex, not to compromise
  const withoutRegexTerms = pattern.replace(/(^|[\s(|])\/(?:\\.|[^/\\])+\/(?=$|[\s)|?*+])/g, '$1R');
  for (const ch of withoutRegexTerms) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) return { needsTagger: false, problem: `unbalanced ')' in pattern "${pattern}"` };
    if (depth > 1) return { needsTagger: false, problem: `nested group in "${pattern}": compromise ignores groups inside groups; list the words flat or split the pattern` };
  }
  if (depth !== 0) return { needsTagger: false, problem: `unbalanced '(' in pattern "${pattern}"` };
  if (/\{(?![0-9]*,?[0-9]*\})[^}]*\}/.test(pattern)) return { needsTagger: false, problem: `bad lemma in "${pattern}": use {word} with a lower-case word` };
  const terms = (nlp as unknown as { parseMatch(s: string): ParsedTerm[] }).parseMatch(pattern);
  if (!terms.length) return { needsTagger: false, problem: `pattern "${pattern}" matches nothing` };
  let needsTagger = false;
  const visit = (list: ParsedTerm[]): string | undefined => {
    for (const t of list) {
      if (t.tag) needsTagger = true;
      if (t.regex && !isSafeRegex(t.regex.source, t.regex.flags)) return `regular expression ${t.regex} in "${pattern}" may backtrack catastrophically`;
      for (const choice of t.choices ?? []) {
        const p = visit(choice);
        if (p) return p;
      }
    }
    return undefined;
  };
  return { needsTagger, problem: visit(terms) };
}

// ---------------------------------------------------------------- Chinese patterns

/** Chinese patterns are regular expressions over normalised (simplified) text; '…' is a short gap inside one clause. */
export function expandChinesePattern(pattern: string): string {
  return toSimplified(pattern).split('…').join(CLAUSE_GAP);
}

function checkChinesePattern(source: string, isSafeRegex: RegexCheck): string | undefined {
  try {
    new RegExp(source, 'gu');
  } catch (e) {
    return `invalid regular expression "${source}": ${(e as Error).message}`;
  }
  if (!isSafeRegex(source, 'u')) return `regular expression "${source}" may backtrack catastrophically (nested or too many repetitions)`;
  if (new RegExp(source, 'u').test('')) return `regular expression "${source}" matches the empty string`;
  return undefined;
}

// ---------------------------------------------------------------- rules

function normaliseKeyword(lang: Lang, kw: string): string {
  const k = kw.normalize('NFKC').toLowerCase().trim();
  return lang === 'zh' ? toSimplified(k) : k;
}

/** A built-in rule's id and category follow its file path; a custom rule's id starts with `custom.`. */
function checkPath(file: SourceFile, rule: RuleFile): string | undefined {
  if (!file.path) {
    const m = /^custom\.(en|zh)\.([a-z]+)\./.exec(rule.id);
    if (!m) return `a custom rule's id starts with 'custom.' (custom.<lang>.<category>.<slug>), not '${rule.id}'`;
    if (rule.category !== m[2]) return `category '${rule.category}' does not match the id's '${m[2]}'`;
    return undefined;
  }
  const m = /(?:^|\/)rules\/(en|zh)\/([a-z]+)\/([a-z0-9-]+)\.ya?ml$/.exec(file.path);
  if (!m) return `rule files live at rules/<lang>/<category>/<slug>.yaml, not ${file.path}`;
  const expected = `${m[1]}.${m[2]}.${m[3]}`;
  if (rule.id !== expected) return `id '${rule.id}' does not match the file name (expected '${expected}')`;
  if (rule.category !== m[2]) return `category '${rule.category}' does not match the folder '${m[2]}'`;
  return undefined;
}

function checkExamples(file: SourceFile, rule: RuleFile, line: (p: (string | number)[]) => number | undefined): RuleError[] {
  const errors: RuleError[] = [];
  for (const kind of ['hit', 'todo-hit'] as const) {
    rule.examples[kind].forEach((ex, i) => {
      const parsed = parseMarkedExample(ex);
      if (kind === 'hit' && !parsed.spans.length) errors.push(new RuleError(file.path, line(['examples', kind, i]), `examples.${kind}[${i}] must mark the expected span with [[…]]`));
      if (parsed.problem) errors.push(new RuleError(file.path, line(['examples', kind, i]), `examples.${kind}[${i}]: ${parsed.problem}`));
    });
  }
  for (const kind of ['miss', 'todo-miss'] as const) {
    rule.examples[kind].forEach((ex, i) => {
      if (ex.includes('[[')) errors.push(new RuleError(file.path, line(['examples', kind, i]), `examples.${kind}[${i}] is a miss and must not mark a span`));
    });
  }
  return errors;
}

/** A frame can only match where an act term occurs: its act terms are the rule's prefilter keywords (English: their first words). */
function frameKeywords(lang: Lang, frames: CompiledFrame[], lexicons: Record<string, CompiledLexicon>): string[] {
  const out = new Set<string>();
  for (const f of frames) for (const id of f.act) for (const t of lexicons[id]?.terms ?? []) out.add(lang === 'en' ? t.split(' ')[0]! : t);
  return [...out];
}

export function compileRule(file: SourceFile, options: CompileOptions): { rule?: CompiledRule; errors: RuleError[] } {
  const { doc, lines, errors } = parseYaml(file);
  if (errors.length) return { errors };
  const parsed = v.safeParse(RuleFileSchema, doc.toJS());
  if (!parsed.success) return { errors: schemaErrors(file, doc, lines, parsed.issues) };
  const rule = parsed.output;
  const line = (p: (string | number)[]) => lineOf(doc, lines, p);
  const lang = rule.id.replace(/^custom\./, '').slice(0, 2) as Lang;
  const out: RuleError[] = [];
  const pathProblem = checkPath(file, rule);
  if (pathProblem) out.push(new RuleError(file.path, line(['id']), pathProblem));
  // only a custom rule may leave out `law` (the user may not know a citation)
  if (file.path && !rule.law.length) out.push(new RuleError(file.path, line(['law']), 'law: a rule needs at least one law reference'));

  let needsTagger = false;
  const compilePatterns = (key: 'patterns' | 'unless', list: string[]): string[] =>
    list.map((raw, i) => {
      const where = key === 'patterns' ? ['match', 'patterns', i] : ['unless', i];
      if (lang === 'en') {
        const expanded = expandLemmas(raw.trim());
        const check = checkEnglishPattern(expanded, options.isSafeRegex);
        if (check.problem) out.push(new RuleError(file.path, line(where), check.problem));
        needsTagger ||= check.needsTagger;
        return expanded;
      }
      const source = expandChinesePattern(raw);
      const problem = checkChinesePattern(source, options.isSafeRegex);
      if (problem) out.push(new RuleError(file.path, line(where), problem));
      return source;
    });
  const patterns = compilePatterns('patterns', rule.match.patterns);
  const unless = compilePatterns('unless', rule.unless);
  if (!patterns.length && !rule.match.frames.length) out.push(new RuleError(file.path, line(['match']), 'a rule needs at least one pattern or frame'));
  if (patterns.length && !rule.match.keywords.length) out.push(new RuleError(file.path, line(['match', 'keywords']), 'a rule with patterns needs at least one keyword'));
  const frames = rule.match.frames.map((f, i): CompiledFrame => {
    const ids = (names: string[] | undefined, slot: string): string[] =>
      (names ?? []).map((name) => {
        const id = `${lang}/${name}`;
        if (!options.lexicons?.[id]) out.push(new RuleError(file.path, line(['match', 'frames', i, slot]), `frames[${i}].${slot}: no lexicon '${id}' (rules/lexicon/${id}.yaml)`));
        return id;
      });
    if (!f.target && !f.actor && f.condition !== 'required')
      out.push(new RuleError(file.path, line(['match', 'frames', i]), `frames[${i}]: a frame needs a target or an actor, unless its condition is required (再不还就上门)`));
    return {
      act: ids(f.act, 'act'),
      target: ids(f.target, 'target'),
      ...(f.actor ? { actor: ids(f.actor, 'actor') } : {}),
      condition: f.condition,
      mood: f.mood,
      within: f.within,
      order: f.order,
      ...(f['collector-act'] ? { collectorAct: true } : {}),
      ...(f.requires ? { requires: f.requires } : {}),
    };
  });
  out.push(...checkExamples(file, rule, line));
  if (out.length) return { errors: out };

  return {
    errors: [],
    rule: {
      id: rule.id,
      version: rule.version,
      lang,
      category: rule.category as CompiledRule['category'],
      severity: rule.severity as CompiledRule['severity'],
      requires: rule.requires,
      title: localize(rule.title),
      explain: localize(rule.explain),
      law: rule.law,
      keywords: [
        ...new Set(
          [...rule.match.keywords, ...(lang === 'en' ? patterns.flatMap(requiredKeywords) : []), ...frameKeywords(lang, frames, options.lexicons ?? {})].map((k) =>
            normaliseKeyword(lang, k),
          ),
        ),
      ],
      patterns,
      ...(frames.length ? { frames } : {}),
      ...(rule['collector-act'] ? { collectorAct: true } : {}),
      unless,
      filters: { negation: rule.filters.negation ?? true, question: rule.filters.question ?? true, lawTalk: rule.filters.lawTalk ?? true },
      wordBoundaries: rule['word-boundaries'],
      needsTagger,
      source: file.path,
      examples: {
        hit: rule.examples.hit,
        miss: rule.examples.miss,
        'todo-hit': rule.examples['todo-hit'],
        'todo-miss': rule.examples['todo-miss'],
      },
    },
  };
}

export function compileLaw(file: SourceFile): { jurisdiction?: Jurisdiction; citations: LawCitation[]; errors: RuleError[] } {
  const { doc, lines, errors } = parseYaml(file);
  if (errors.length) return { citations: [], errors };
  const parsed = v.safeParse(LawFileSchema, doc.toJS());
  if (!parsed.success) return { citations: [], errors: schemaErrors(file, doc, lines, parsed.issues) };
  const law = parsed.output;
  const out: RuleError[] = [];
  const expectedName = file.path ? /([a-z-]+)\.ya?ml$/.exec(file.path)?.[1] : law.jurisdiction;
  if (expectedName !== law.jurisdiction) out.push(new RuleError(file.path, lineOf(doc, lines, ['jurisdiction']), `jurisdiction '${law.jurisdiction}' does not match the file name`));
  const citations: LawCitation[] = [];
  for (const [id, c] of Object.entries(law.citations)) {
    if (!id.startsWith(`${law.jurisdiction}.`)) out.push(new RuleError(file.path, lineOf(doc, lines, ['citations', id]), `citation '${id}' must start with '${law.jurisdiction}.'`));
    citations.push({ id, jurisdiction: law.jurisdiction, title: localize(c.title), url: c.url, text: localize(c.text) });
  }
  const jurisdiction: Jurisdiction = {
    id: law.jurisdiction,
    name: localize(law.name),
    rights: law.rights.map((r) => ({ title: localize(r.title), url: r.url, ...(r.phone ? { phone: r.phone } : {}) })),
  };
  return { jurisdiction, citations, errors: out };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compile all rule and law files; every error in every file is reported, not only the first. */
export async function buildBundle(files: SourceFile[], options: CompileOptions): Promise<{ bundle?: RulesBundle; errors: RuleError[] }> {
  const errors: RuleError[] = [];
  const rules: CompiledRule[] = [];
  const law: Record<string, LawCitation> = {};
  const jurisdictions: Record<string, Jurisdiction> = {};
  const lexicons: Record<string, CompiledLexicon> = {};
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const isLexicon = (f: SourceFile) => /(^|\/)rules\/lexicon\//.test(f.path);
  for (const file of sorted.filter(isLexicon)) {
    const { doc, lines, errors: yamlErrors } = parseYaml(file);
    if (yamlErrors.length) {
      errors.push(...yamlErrors);
      continue;
    }
    const r = compileLexicon(file.path, doc.toJS());
    for (const p of r.problems) errors.push(new RuleError(file.path, lineOf(doc, lines, p.path), `${p.path.length ? `${p.path.join('.')}: ` : ''}${p.message}`));
    if (r.lexicon) lexicons[r.lexicon.id] = r.lexicon;
  }
  const ruleOptions = { ...options, lexicons };
  for (const file of sorted.filter((f) => !isLexicon(f))) {
    if (/(^|\/)rules\/law\//.test(file.path)) {
      const r = compileLaw(file);
      errors.push(...r.errors);
      if (r.jurisdiction) jurisdictions[r.jurisdiction.id] = r.jurisdiction;
      for (const c of r.citations) law[c.id] = c;
    } else {
      const r = compileRule(file, ruleOptions);
      errors.push(...r.errors);
      if (r.rule) rules.push(r.rule);
    }
  }
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const other = seen.get(rule.id);
    if (other) errors.push(new RuleError(rule.source, undefined, `duplicate id '${rule.id}' (also in ${other})`));
    seen.set(rule.id, rule.source);
    for (const ref of rule.law) if (!law[ref]) errors.push(new RuleError(rule.source, undefined, `law reference '${ref}' is not defined in rules/law/`));
  }
  if (errors.length) return { errors };
  const content = JSON.stringify({ schemaVersion: SCHEMA_VERSION, rules, lexicons, law, jurisdictions });
  return { errors: [], bundle: { schemaVersion: SCHEMA_VERSION, hash: await sha256Hex(content), rules, lexicons, law, jurisdictions } };
}
