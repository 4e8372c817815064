/**
 * Frame rules: a match is an act term and a target term from the rule's lexicons, close
 * together in one sentence (at most `within` words, or characters in Chinese), in a mood the
 * frame allows (threat: future, intent, imperative, condition, threatening question; done),
 * with an actor before the act and a condition in the sentence or the one before when the
 * frame asks for them. The span covers act and target. Negation, questions, law talk and
 * quoted mail are judged afterwards by the same context filters as patterns.
 *
 * A target owned by the writer ("my mother", 我妈) is not a target: a debtor's post about
 * being chased names their own family; a collector names the reader's.
 */
import { sentenceNear } from '../context';
import type { CompiledFrame, CompiledLexicon, CompiledRule, Lang } from '../types';
import type { RawMatch } from '../match/english';
import { hasCondition, moodsOf, type MoodContext } from './mood';

export interface Hit {
  from: number;
  to: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const lexiconRegex = new WeakMap<CompiledLexicon, RegExp>();
function regexOf(lex: CompiledLexicon): RegExp {
  let re = lexiconRegex.get(lex);
  if (!re) {
    const alts = lex.terms.map((t) => t.split(' ').map(escape).join('\\s+'));
    // English terms are whole words; Chinese terms are checked against word boundaries below
    re = lex.lang === 'en' ? new RegExp(`(?<![a-z0-9'])(?:${alts.join('|')})(?![a-z0-9])`, 'g') : new RegExp(`(?:${alts.join('|')})`, 'g');
    lexiconRegex.set(lex, re);
  }
  return re;
}

let segmenter: Intl.Segmenter | undefined;
/** Single Han characters (家, 妈) count only as words of their own: not 家 inside 大家. */
function zhWordAt(text: string, from: number, to: number): boolean {
  if (to - from > 1) return true;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const start = Math.max(0, from - 6);
  const piece = text.slice(start, Math.min(text.length, to + 6));
  for (const seg of segmenter.segment(piece)) {
    const a = start + seg.index;
    const b = a + seg.segment.length;
    if (a <= from && b >= to) return a === from || b === to || seg.segment.length <= 2;
  }
  return true;
}

// the writer's own people and things: "my mother", "our office", 我妈, 我的家人
const EN_FIRST_PERSON_BEFORE = /\b(my|our|mine|me|i|myself)\s+((own|dear|dearest|poor|old|elderly|little|big|older|younger|whole)\s+)?$/;
const ZH_FIRST_PERSON_BEFORE = /(我|我的|我们|我们的|咱|咱们|俺|本人|自己|我哋|我嘅)$/;

const EN_READER_BEFORE = /\b(your|ur|yr|ure|his|her|their)\s+((own|dear|poor|old|elderly|little|whole|entire)\s+)?$/;
const ZH_READER_BEFORE = /(你|您|妳|你的|您的|他的|她的|你们|他|她|佢|你嘅|佢嘅)$/;

function ownedByReader(text: string, lang: Lang, hit: Hit): boolean {
  const before = text.slice(Math.max(0, hit.from - 24), hit.from);
  return lang === 'en' ? EN_READER_BEFORE.test(before) : ZH_READER_BEFORE.test(before);
}

function ownedByWriter(text: string, lang: Lang, hit: Hit): boolean {
  const before = text.slice(Math.max(0, hit.from - 24), hit.from);
  return lang === 'en' ? EN_FIRST_PERSON_BEFORE.test(before) : ZH_FIRST_PERSON_BEFORE.test(before);
}

/** Hits of each lexicon in one text, found once per analyze() call. */
export class LexiconHits {
  private cache = new Map<string, Hit[]>();
  constructor(
    private readonly text: string,
    private readonly lexicons: Record<string, CompiledLexicon>,
  ) {}
  /** `act`: the hits fill an act slot, so a word used as a noun does not count */
  of(id: string, act = false): Hit[] {
    const key = act ? `act:${id}` : id;
    let hits = this.cache.get(key);
    if (hits) return hits;
    hits = [];
    const lex = this.lexicons[id];
    if (lex) {
      const re = regexOf(lex);
      re.lastIndex = 0;
      for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
        if (!m[0].length) {
          re.lastIndex++;
          continue;
        }
        const hit = { from: m.index, to: m.index + m[0].length };
        if (lex.lang === 'zh' && !zhWordAt(this.text, hit.from, hit.to)) continue;
        if (lex.lang === 'en' && act && EN_NOUN_BEFORE.test(this.text.slice(Math.max(0, hit.from - 12), hit.from))) continue;
        hits.push(hit);
      }
    }
    this.cache.set(key, hits);
    return hits;
  }
  /** hits of several lexicons; a hit inside a longer one (朋友 in 女朋友) is dropped */
  ofAll(ids: readonly string[], act = false): Hit[] {
    const all = ids.flatMap((id) => this.of(id, act)).sort((a, b) => a.from - b.from || b.to - a.to);
    const out: Hit[] = [];
    for (const h of all) if (!out.length || h.from >= out.at(-1)!.to) out.push(h);
    return out;
  }
}

/**
 * Can act and target be one act on one object? Not across clause punctuation ("arrested, you
 * deadbeat"); in English a target before the act needs a passive or copula between them
 * ("your family will be told", "you are a thief", not "help you with a payment break"), and
 * an act whose object is the reader ("call you at work") does not reach a later target.
 */
function linked(text: string, lang: Lang, act: Hit, target: Hit, order: CompiledFrame['order']): boolean {
  const between = act.to <= target.from ? text.slice(act.to, target.from) : text.slice(target.to, act.from);
  if (/[,;:()，；：（）]/.test(between)) return false;
  if (target.to <= act.from && order === 'target-first') return true;
  // Chinese target before the act: a co-verb (给父母打电话, 跟你家人说) or a passive/future between (你家人会被通知)
  if (lang !== 'en') return act.from >= target.to ? /[给跟和向对同]$/.test(text.slice(Math.max(0, target.from - 1), target.from)) || /[被会将要]/.test(between) : true;
  // a new clause starts between them ("hurt if u dont pay")
  if (/\b(if|unless|when|because|or|and|but|so|until|while|then|than)\b/.test(between)) return false;
  // "your family will be told", "he will get arrested": a passive participle after be/get
  if (target.to <= act.from) return /\b(be|been|being|get|gets|got|getting|is|are|was|were)\b/.test(between) && EN_PARTICIPLE.test(text.slice(act.from, act.to).split(' ')[0]!);
  return !/^\s*(you|u|ya|yourself|us|me)\b/.test(between);
}

const EN_PARTICIPLE = /(ed|en|told|sent|rung|shown|made|put|hit|cut|beat|shot|known|brought|taken|caught|held|thrown|burnt|locked)$/;

// an act word used as a noun ("get a call", "the post") is not the act
const EN_NOUN_BEFORE = /\b(a|an|the|this|that|another|any|no|every|each|my|our|his|her|their)\s+$/;

function gap(text: string, lang: Lang, a: Hit, b: Hit): number {
  const [first, second] = a.from <= b.from ? [a, b] : [b, a];
  if (second.from < first.to) return 0;
  const between = text.slice(first.to, second.from);
  if (lang === 'en') return (between.match(/[a-z0-9']+/g) ?? []).length;
  return between.replace(/\s/g, '').length;
}

function sentenceBefore(text: string, sentence: { start: number }): { start: number; end: number } {
  if (sentence.start <= 0) return { start: 0, end: 0 };
  const prev = sentenceNear(text, Math.max(0, sentence.start - 1), Math.max(0, sentence.start - 1));
  return { start: prev.start, end: Math.min(prev.end, sentence.start) };
}

/** Hits (sorted by start) that start in [from, to): a binary search, so many acts stay cheap. */
function hitsWithin(hits: Hit[], from: number, to: number): Hit[] {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.from < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Hit[] = [];
  for (let i = lo; i < hits.length && hits[i]!.from < to; i++) out.push(hits[i]!);
  return out;
}

export interface FrameMatch extends RawMatch {
  /** the act tied to a condition (for confidence) */
  conditional: boolean;
  /** where the act starts: negation is judged before the act ("your family will not get a call") */
  actFrom: number;
  /** the frame says its matches are a collector's act */
  collectorAct: boolean;
  /** the frame's own context requirement, when wider than its rule's */
  requires?: 'addressed' | 'none';
}

function matchFrame(text: string, lang: Lang, rule: CompiledRule, frame: CompiledFrame, hits: LexiconHits, into: FrameMatch[]): void {
  const acts = hits.ofAll(frame.act, true);
  if (!acts.length) return;
  const actors = frame.actor ? hits.ofAll(frame.actor) : undefined;
  // without a target slot, the actor fills it: the span runs from who acts to the act
  const targets = frame.target.length ? hits.ofAll(frame.target).filter((t) => !ownedByWriter(text, lang, t)) : (actors ?? []);
  // neither target nor actor: the act alone, tied to a condition (再不还钱就上门)
  const actAlone = !frame.target.length && !actors;
  if (!targets.length && !actAlone) return;
  for (const act of acts) {
    const sentence = sentenceNear(text, act.from, act.to);
    const near = hitsWithin(targets, sentence.start, sentence.end).filter(
      (t) =>
        t.from >= sentence.start &&
        t.to <= sentence.end &&
        // act and target are different words
        (t.to <= act.from || t.from >= act.to) &&
        (frame.target.length ? frame.order === 'any' || (frame.order === 'act-first' ? t.from >= act.to : t.to <= act.from) : t.to <= act.from) &&
        gap(text, lang, act, t) <= frame.within &&
        (!frame.target.length || linked(text, lang, act, t, frame.order)),
    );
    // another act between this act and a target: that one is the target's act (P图 / 发到朋友圈)
    const localActs = hitsWithin(acts, sentence.start, sentence.end);
    const nearest = near.filter((t) => !localActs.some((o) => o !== act && (t.from >= act.to ? o.from >= act.to && o.to <= t.from : o.from >= t.to && o.to <= act.from)));
    near.splice(0, near.length, ...nearest);
    if (!near.length && !actAlone) continue;
    if (actors && !hitsWithin(actors, sentence.start, act.from).some((a) => a.to <= act.from && gap(text, lang, a, act) <= 6)) continue;
    const ctx: MoodContext = { text, lang, sentence, previous: sentenceBefore(text, sentence), actFrom: act.from, actTo: act.to };
    const conditional = hasCondition(ctx);
    if (frame.condition === 'required' && !conditional) continue;
    // the closest target
    const target = actAlone ? act : near.reduce((best, t) => (gap(text, lang, act, t) < gap(text, lang, act, best) ? t : best));
    if (!frame.mood.includes('any')) {
      const moods = moodsOf(ctx);
      // something already done counts only when it names the reader's people ("we told your mother", not "i told uncle")
      if (moods.has('done') && (actAlone || !ownedByReader(text, lang, target))) moods.delete('done');
      if (!frame.mood.some((m) => m !== 'any' && moods.has(m))) continue;
    }
    into.push({ rule, from: Math.min(act.from, target.from), to: Math.max(act.to, target.to), conditional, actFrom: act.from, collectorAct: Boolean(frame.collectorAct), ...(frame.requires ? { requires: frame.requires } : {}) });
  }
}

export function matchFrames(text: string, rules: readonly CompiledRule[], hits: LexiconHits): FrameMatch[] {
  const out: FrameMatch[] = [];
  for (const rule of rules) for (const frame of rule.frames ?? []) matchFrame(text, rule.lang, rule, frame, hits, out);
  return out;
}
