/**
 * analyze(text, options) -> { lang, collection, findings }: normalise with an offset map,
 * detect languages, decide whether this is a collection message, try only the rules whose
 * keywords occur, drop matches that are negated, questions, talk about the law or quoted
 * mail, and report findings in ORIGINAL offsets.
 */
import { lawFor } from './law-for';
import nlpOne from 'compromise/one';
import { decideCollection, withCollectorAct } from './collection';
import { confidenceOf, DEFAULT_THRESHOLD } from './confidence';
import { isThreatQuestion } from './frames/mood';
import { LexiconHits, matchFrames, type FrameMatch } from './frames/match-frames';
import { quotedRanges, whySuppressed } from './context';
import { detectLanguages } from './language';
import { matchChinese } from './match/chinese';
import { matchEnglish, type Nlp, type RawMatch } from './match/english';
import { buildKeywordIndex, findKeywords } from './match/keywords';
import { normalize } from './normalize/normalize';
import { toOriginal } from './normalize/mapped-text';
import { analyzeThread, type ThreadMessage, type ThreadOptions, type ThreadResult } from './thread/analyze-thread';
import type { AnalyzeOptions, CollectionDecision, AnalyzeResult, CompiledRule, Finding, RulesBundle, Severity, UiLang } from './types';

export interface EngineOptions {
  /**
   * compromise with its part-of-speech tagger (the full `compromise` build), for rules
   * whose patterns use #Tags. Without it those rules are skipped: the page never pays
   * for the tagger unless a rule needs it.
   */
  tagger?: Nlp;
}

export interface Engine {
  readonly bundle: RulesBundle;
  /** rules skipped because they need the tagger and none was given */
  readonly skippedRules: readonly string[];
  analyze(text: string, options?: AnalyzeOptions): AnalyzeResult;
  /** Findings across messages: contact hours, frequency, after opt-out or dispute, missing disclosures. */
  analyzeThread(messages: readonly ThreadMessage[], options: ThreadOptions): ThreadResult;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** Disjoint intervals kept sorted, so an overlap test is a binary search (1 MB messages have thousands of matches). */
class IntervalSet {
  private items: { from: number; to: number }[] = [];
  private indexAfter(from: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.from < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  overlaps(x: { from: number; to: number }): boolean {
    const i = this.indexAfter(x.from);
    const prev = this.items[i - 1];
    const next = this.items[i];
    return Boolean((prev && overlaps(prev, x)) || (next && overlaps(next, x)));
  }
  add(x: { from: number; to: number }): void {
    this.items.splice(this.indexAfter(x.from), 0, x);
  }
}

/** Antipattern spans of each rule, searchable in O(log n). */
function blockedIndex(blocked: RawMatch[]): (m: RawMatch) => boolean {
  const byRule = new Map<CompiledRule, { from: number; to: number }[]>();
  for (const b of blocked) byRule.set(b.rule, [...(byRule.get(b.rule) ?? []), b]);
  for (const list of byRule.values()) list.sort((a, b) => a.from - b.from);
  return (m) => {
    const list = byRule.get(m.rule);
    if (!list) return false;
    // blocked spans may overlap each other: scan back from the first that starts at or after m.to
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.from < m.to) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) if (overlaps(list[i]!, m)) return true;
    return false;
  };
}

function publicDecision(d: CollectionDecision): CollectionDecision {
  return { is: d.is, score: d.score, cues: d.cues };
}

function overlaps(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  return a.from < b.to && b.from < a.to;
}

/**
 * Overlapping matches of one rule become one span (the union of what its patterns matched).
 * A frame match that overlaps a pattern match of the same rule is dropped: the fixed phrase
 * marks the words more exactly than act + target.
 */
function unionPerRule(all: RawMatch[]): RawMatch[] {
  const out: RawMatch[] = [];
  const last = new Map<CompiledRule, RawMatch>();
  const patternSpans = new Map<CompiledRule, IntervalSet>();
  for (const p of all) {
    if ('conditional' in p) continue;
    let set = patternSpans.get(p.rule);
    if (!set) patternSpans.set(p.rule, (set = new IntervalSet()));
    if (!set.overlaps(p)) set.add({ from: p.from, to: p.to });
  }
  const matches = all.filter((m) => !('conditional' in m) || !patternSpans.get(m.rule)?.overlaps(m));
  for (const m of [...matches].sort((a, b) => a.from - b.from || b.to - a.to)) {
    const prev = last.get(m.rule);
    if (prev && m.from < prev.to) prev.to = Math.max(prev.to, m.to);
    else {
      const copy = { ...m };
      out.push(copy);
      last.set(m.rule, copy);
    }
  }
  return out;
}

/** One finding per span and category: overlapping matches of the same category keep the most severe, then the longest. */
function dedupe(matches: RawMatch[]): RawMatch[] {
  const sorted = unionPerRule(matches).sort(
    (a, b) =>
      SEVERITY_RANK[b.rule.severity] - SEVERITY_RANK[a.rule.severity] || b.to - b.from - (a.to - a.from) || a.from - b.from,
  );
  const kept: RawMatch[] = [];
  const byCategory = new Map<string, IntervalSet>();
  for (const m of sorted) {
    let set = byCategory.get(m.rule.category);
    if (!set) byCategory.set(m.rule.category, (set = new IntervalSet()));
    if (set.overlaps(m)) continue;
    set.add(m);
    kept.push(m);
  }
  return kept.sort((a, b) => a.from - b.from || a.to - b.to);
}

export function createEngine(bundle: RulesBundle, engineOptions: EngineOptions = {}): Engine {
  const skippedRules = engineOptions.tagger ? [] : bundle.rules.filter((r) => r.needsTagger).map((r) => r.id);
  const usable = bundle.rules.filter((r) => engineOptions.tagger || !r.needsTagger);
  const index = buildKeywordIndex(usable);

  function analyze(text: string, options: AnalyzeOptions = {}): AnalyzeResult {
    if (typeof text !== 'string') throw new TypeError(`analyze() needs a string, got ${text === null ? 'null' : typeof text}`);
    const m = normalize(text);
    const detected = detectLanguages(m.text);
    const lang = options.lang ?? detected.lang;
    const base = decideCollection(m.text, options.context?.collection);
    const result: AnalyzeResult = { lang, langs: detected.langs, collection: publicDecision(base), findings: [], suppressed: [] };
    if (options.context?.direction === 'outgoing' || !text) return result;

    const disabled = new Set(options.disabledRules ?? []);
    const categories = options.categories ? new Set(options.categories) : undefined;
    const hits = findKeywords(index, m.text);
    // Collection-only rules are tried when the message is, or a collector's phrase could make it, a collection message.
    const candidates = [...hits.rules].filter(
      (r) =>
        !disabled.has(r.id) &&
        (!categories || categories.has(r.category)) &&
        (r.requires === 'none' || base.couldBe || (r.requires === 'addressed' && base.addressedPlain) || ((r.collectorAct || r.frames?.some((f) => f.collectorAct)) && !base.counter) ||
          r.frames?.some((f) => f.requires === 'none' || (f.requires === 'addressed' && base.addressedPlain))),
    );
    if (!candidates.length) return result;

    const en = candidates.filter((r) => r.lang === 'en');
    const plainEn = en.filter((r) => !r.needsTagger);
    const taggedEn = en.filter((r) => r.needsTagger);
    const zh = candidates.filter((r) => r.lang === 'zh');
    const runs = [
      matchEnglish(m.text, plainEn, hits.positions, nlpOne, hits.byRule),
      ...(taggedEn.length && engineOptions.tagger ? [matchEnglish(m.text, taggedEn, hits.positions, engineOptions.tagger, hits.byRule)] : []),
      matchChinese(m.text, zh),
    ];
    const lexiconHits = new LexiconHits(m.text, bundle.lexicons ?? {});
    const frameMatches = matchFrames(m.text, candidates.filter((r) => r.frames?.length), lexiconHits);
    const isFrame = (x: RawMatch): x is FrameMatch => 'conditional' in x;
    const isBlocked = blockedIndex(runs.flatMap((r) => r.blocked));
    const quoted = quotedRanges(m.text);
    const accepted: RawMatch[] = [];
    const suppress = (match: RawMatch, reason: string) => {
      const o = toOriginal(m, match.from, match.to);
      result.suppressed.push({ rule: match.rule.id, start: o.start, end: o.end, reason });
    };
    for (const match of [...runs.flatMap((r) => r.matches), ...frameMatches]) {
      let reason = isBlocked(match)
        ? 'unless'
        : whySuppressed(m.text, match.rule.lang, isFrame(match) ? match.actFrom : match.from, match.to, match.rule.filters, quoted);
      // a frame's mood already told a threatening question ("do you want your family to know?") from a real one
      if (reason === 'question' && isFrame(match) && isThreatQuestion(m.text, match.rule.lang, match.from, match.to)) reason = undefined;
      if (reason) suppress(match, reason);
      else accepted.push(match);
    }
    let collection = accepted.length && !base.is ? decideCollection(m.text, options.context?.collection, true) : base;
    const debtWords = collection.is;
    const act = accepted.find((a) => a.rule.collectorAct || (isFrame(a) && a.collectorAct));
    if (act) collection = withCollectorAct(collection, act.rule.id);
    result.collection = publicDecision(collection);
    const reported = accepted.filter((match) => {
      const requires = (isFrame(match) && match.requires) || match.rule.requires;
      if (requires === 'none' || collection.is || (requires === 'addressed' && base.addressedPlain)) return true;
      suppress(match, 'not-collection');
      return false;
    });

    const minConfidence = options.minConfidence ?? DEFAULT_THRESHOLD;
    for (const match of dedupe(reported)) {
      const { rule } = match;
      const confidence = confidenceOf({
        kind: isFrame(match) ? 'frame' : 'pattern',
        debtWords,
        conditional: isFrame(match) && match.conditional,
        severity: rule.severity,
      });
      if (confidence < minConfidence) {
        suppress(match, 'low-confidence');
        continue;
      }
      const o = toOriginal(m, match.from, match.to);
      const ui: UiLang = options.uiLang ?? (rule.lang === 'zh' ? 'zh-CN' : 'en');
      const law = lawFor(rule, options.jurisdiction);
      const finding: Finding = {
        rule: rule.id,
        ruleVersion: rule.version,
        category: rule.category,
        severity: rule.severity,
        start: o.start,
        end: o.end,
        excerpt: text.slice(o.start, o.end),
        title: rule.title[ui],
        explanation: rule.explain[ui],
        law,
        citations: law.flatMap((id) => {
          const c = bundle.law[id];
          return c ? [{ id, title: c.title[ui], url: c.url }] : [];
        }),
        confidence,
      };
      result.findings.push(finding);
    }
    return result;
  }

  return { bundle, skippedRules, analyze, analyzeThread: (messages, options) => analyzeThread(messages, options, { analyze, bundle }) };
}

export { lawFor };
