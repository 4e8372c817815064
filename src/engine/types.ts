/**
 * Shared types of the engine: the compiled rule bundle (the contract between
 * src/rule-compiler and src/engine) and what analyze() returns.
 */

export type Lang = 'en' | 'zh';
export type UiLang = 'en' | 'zh-CN' | 'zh-TW';
export type Category = 'threat' | 'privacy' | 'abuse' | 'deception' | 'harassment' | 'unfair';
export type Severity = 'high' | 'medium' | 'low';

export const CATEGORIES: readonly Category[] = ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'];
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/** Text in every interface language; zh-TW is derived from zh-CN at build time. */
export type Localized = Record<UiLang, string>;

/** Which context filters apply to a rule (all on unless the rule says otherwise). */
export interface RuleFilters {
  /** "we will not contact your employer", "不会上门" */
  negation: boolean;
  /** "Can you tell me if they will arrest me?" */
  question: boolean;
  /** law quoted or explained: "it is illegal for collectors to threaten arrest" */
  lawTalk: boolean;
}

export interface CompiledRule {
  id: string;
  version: number;
  lang: Lang;
  category: Category;
  severity: Severity;
  /**
   * 'collection': fires only when the message is judged a collection message.
   * 'addressed': also fires in a message that speaks to the reader ("you", 你) and shows no
   *   sign of being news, marketing or a scam — for phrases that betray a collector on their
   *   own ("we'll put you in jail", "involve your employer").
   * 'none': fires anywhere.
   */
  requires: 'collection' | 'addressed' | 'none';
  title: Localized;
  explain: Localized;
  law: string[];
  /** Lower-case literals in normalised text; the rule is tried only if one occurs. */
  keywords: string[];
  /** en: compromise match syntax (lemmas already expanded); zh: RegExp source (flags 'gu'). */
  patterns: string[];
  /** Antipatterns: a match overlapping one of these is dropped. Same syntax as patterns. */
  unless: string[];
  filters: RuleFilters;
  /** zh: matches must start and end on Intl.Segmenter word boundaries. */
  wordBoundaries: boolean;
  /** en: patterns use #Tags and need compromise's full tagger. */
  needsTagger: boolean;
  /**
   * Frames (act, target, optional actor and condition) over shared lexicons; a match needs an
   * act and a target close together in one sentence, in a threatening mood. Absent in rules
   * compiled before frames existed.
   */
  frames?: CompiledFrame[];
  /**
   * A surviving match of this rule is an act only a collector does (disclosure to third
   * parties, a debtor label, violence or a visit conditional on payment): the message is a
   * collection message even without a debt word, unless it reads as news, an ad or a scam.
   */
  collectorAct?: boolean;
  source: string;
  examples: RuleExamples;
}

/** In which moods a frame fires. */
export type FrameMood = 'threat' | 'imperative' | 'done' | 'any';

export interface CompiledFrame {
  /** lexicon ids (`en/harm-acts`): any term of any of them fills the slot */
  act: string[];
  target: string[];
  /** when given, an actor term must come before the act in the same clause */
  actor?: string[];
  /** 'required': the sentence or the one before it must hold a condition (if you don't pay, 再不还) */
  condition: 'required' | 'optional';
  mood: FrameMood[];
  /** the most words (en) or characters (zh) between act and target */
  within: number;
  order: 'any' | 'act-first' | 'target-first';
  /** a frame precise enough to fire in a wider context than its rule's patterns ('addressed': any message that speaks to the reader) */
  requires?: 'addressed' | 'none';
  /** this frame's matches are a collector's act (see CompiledRule.collectorAct), e.g. a visit tied to a condition */
  collectorAct?: boolean;
}

/** A shared word list, expanded at build time (inflections, traditional/Cantonese variants). */
export interface CompiledLexicon {
  id: string;
  lang: Lang;
  version: number;
  /** normalised terms (lower case, simplified), longest first */
  terms: string[];
  source: string;
}

export interface RuleExamples {
  hit: string[];
  miss: string[];
  'todo-hit': string[];
  'todo-miss': string[];
}

export interface LawCitation {
  id: string;
  jurisdiction: string;
  title: Localized;
  url: string;
  text: Localized;
}

export interface RightsLink {
  title: Localized;
  url: string;
  /** phone or short code where one exists (12378, 855-411-2372 …) */
  phone?: string;
}

export interface Jurisdiction {
  id: string;
  name: Localized;
  rights: RightsLink[];
}

export interface RulesBundle {
  schemaVersion: number;
  /** sha-256 of the canonical rule content, hex */
  hash: string;
  rules: CompiledRule[];
  /** the lexicons frames refer to, by id (`en/relatives`) */
  lexicons?: Record<string, CompiledLexicon>;
  law: Record<string, LawCitation>;
  jurisdictions: Record<string, Jurisdiction>;
}

export interface AnalyzeContext {
  /** Force the collection decision (a known collector, the user said so). */
  collection?: boolean;
  /** The reader's own message: never has findings. */
  direction?: 'incoming' | 'outgoing';
}

export interface AnalyzeOptions {
  lang?: Lang;
  jurisdiction?: string;
  uiLang?: UiLang;
  context?: AnalyzeContext;
  /** Only these categories / rule ids (default: all). */
  categories?: readonly Category[];
  disabledRules?: readonly string[];
  /** report findings whose confidence is at least this (default DEFAULT_THRESHOLD); 0 reports every candidate (eval --curve) */
  minConfidence?: number;
}

export interface Citation {
  id: string;
  title: string;
  url: string;
}

export interface Finding {
  rule: string;
  ruleVersion: number;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the ORIGINAL text, end exclusive. */
  start: number;
  end: number;
  excerpt: string;
  title: string;
  explanation: string;
  law: string[];
  citations: Citation[];
  /** how sure the engine is, 0–1 (see src/engine/confidence.ts); only findings at or above the threshold are reported */
  confidence: number;
}

export interface CollectionDecision {
  is: boolean;
  score: number;
  cues: string[];
}

export interface AnalyzeResult {
  lang: Lang;
  /** Share of each language's letters, for mixed text. */
  langs: Partial<Record<Lang, number>>;
  collection: CollectionDecision;
  findings: Finding[];
  /** Why a matched rule was not reported (negation, question …), for explaining and debugging. */
  suppressed: { rule: string; start: number; end: number; reason: string }[];
}
