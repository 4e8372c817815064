/**
 * Custom rules: the user's own rules, in the same YAML format as rules/, compiled in the
 * extension (options page, background) by the same compileRule as the built-in rules: same
 * schema, same pattern checks, same ReDoS check (passed in, see ./redos.ts), same examples
 * check. Browser-safe: no fs, no recheck import.
 *
 * A paste may hold several rules separated by `---` lines. Each rule is compiled on its own,
 * so one bad rule never rejects the good ones. Line numbers count from the top of the paste.
 *
 * Ids: `custom.<lang>.<category>.<slug>`, so a custom rule can never take a built-in id
 * (`<lang>.<category>.<slug>`) and a finding or evidence record shows it came from the user.
 */
import { isMap, parseDocument } from 'yaml';
import type { CompiledRule } from '../engine/types';
import { compileRule, regexKey, type RegexCheck } from './compile';

export interface CustomRuleError {
  /** the rule's id when it could be read */
  ruleId?: string;
  /** 1-based line in the pasted text */
  line: number;
  message: string;
}

/** One rule of a paste: its own YAML text (for storage) and either the compiled rule or its errors. */
export interface CustomRuleResult {
  ruleId?: string;
  /** the rule's YAML, without the `---` separators */
  source: string;
  /** line of the paste where this rule starts */
  startLine: number;
  rule?: CompiledRule;
  errors: CustomRuleError[];
  /** regular expressions (as `flags/source`) the ReDoS check passed, for the background */
  safeRegexes: string[];
}

export interface CustomCompileOptions {
  /** ids of the built-in rules: a custom rule may not take one */
  builtinIds: Iterable<string>;
  /** law ids defined in rules/law: a custom rule's `law` must use these or be left out */
  lawIds: Iterable<string>;
  /** the ReDoS check: `isSafeRegex` of ./redos.ts, or verdicts recorded earlier */
  isSafeRegex: RegexCheck;
}

export interface CustomCompileResult {
  rules: CompiledRule[];
  errors: CustomRuleError[];
  /** per rule of the paste, in order */
  results: CustomRuleResult[];
}

/** Split a paste into YAML documents at `---` lines, keeping where each starts. */
export function splitDocuments(text: string): { source: string; startLine: number }[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const docs: { source: string; startLine: number }[] = [];
  let start = 0;
  const flush = (end: number) => {
    const body = lines.slice(start, end);
    // a document of only blank lines and comments is no rule
    if (body.some((l) => l.trim() && !l.trim().startsWith('#'))) docs.push({ source: body.join('\n').trimEnd(), startLine: start + 1 });
  };
  lines.forEach((l, i) => {
    if (/^(---|\.\.\.)\s*(#.*)?$/.test(l)) {
      flush(i);
      start = i + 1;
    }
  });
  flush(lines.length);
  return docs;
}

/** The id written in a rule, if it can be read at all (for naming a rule whose schema fails). */
function idOf(source: string): string | undefined {
  try {
    const doc = parseDocument(source);
    if (!isMap(doc.contents)) return undefined;
    const id = doc.get('id');
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function lawLine(source: string, index: number): number | undefined {
  const doc = parseDocument(source, { keepSourceTokens: false });
  const node = doc.getIn(['law', index], true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return undefined;
  return source.slice(0, node.range[0]).split('\n').length;
}

export function compileCustomRules(yamlText: string, options: CustomCompileOptions): CustomCompileResult {
  const builtin = new Set(options.builtinIds);
  const law = new Set(options.lawIds);
  const seen = new Set<string>();
  const results: CustomRuleResult[] = [];
  const docs = splitDocuments(yamlText);
  if (!docs.length) {
    const errors = [{ line: 1, message: 'no rule found: paste a rule in the YAML format of rules/ (several rules separated by --- lines)' }];
    return { rules: [], errors, results: [] };
  }
  for (const doc of docs) {
    const safeRegexes: string[] = [];
    const isSafeRegex: RegexCheck = (source, flags) => {
      const safe = options.isSafeRegex(source, flags);
      if (safe) safeRegexes.push(regexKey(source, flags));
      return safe;
    };
    const ruleId = idOf(doc.source);
    const at = (line: number | undefined) => doc.startLine + (line ?? 1) - 1;
    const compiled = compileRule({ path: '', source: doc.source }, { isSafeRegex });
    const errors: CustomRuleError[] = compiled.errors.map((e) => ({ ...(ruleId ? { ruleId } : {}), line: at(e.line), message: e.reason }));
    const rule = compiled.rule;
    if (rule) {
      if (builtin.has(rule.id)) errors.push({ ruleId, line: at(1), message: `id '${rule.id}' is a built-in rule's id` });
      if (seen.has(rule.id)) errors.push({ ruleId, line: at(1), message: `duplicate id '${rule.id}': an earlier rule in this text has it` });
      rule.law.forEach((ref, i) => {
        if (!law.has(ref)) errors.push({ ruleId, line: at(lawLine(doc.source, i)), message: `law reference '${ref}' is not defined (use an id from rules/law or leave law out)` });
      });
      // the extension runs compromise/one: a #Tag pattern would silently never match
      if (rule.needsTagger) errors.push({ ruleId, line: at(1), message: 'a pattern uses a #Tag, which needs the full tagger the extension does not load: write the words instead' });
      seen.add(rule.id);
    }
    const ok = rule && !errors.length;
    results.push({
      ...(ruleId ? { ruleId } : {}),
      source: doc.source,
      startLine: doc.startLine,
      ...(ok ? { rule: { ...rule, source: 'custom' } } : {}),
      errors,
      safeRegexes: ok ? [...new Set(safeRegexes)] : [],
    });
  }
  return {
    rules: results.flatMap((r) => (r.rule ? [r.rule] : [])),
    errors: results.flatMap((r) => r.errors),
    results,
  };
}
