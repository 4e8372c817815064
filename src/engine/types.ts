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
  source: string;
  examples: RuleExamples;
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
