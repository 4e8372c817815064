/**
 * src/engine — the rule engine. Pure TypeScript: runs in Node (CLI, tests) and in every
 * extension context. Owns normalisation, language and collection-context decisions, rule
 * matching and context filters.
 * Must NOT import: src/page, src/sites, src/rule-compiler, wxt/*, the browser API or the DOM.
 * The rules arrive as a compiled RulesBundle (see src/rule-compiler).
 */
export { createEngine, lawFor, type Engine, type EngineOptions } from './engine';
export { normalize } from './normalize/normalize';
export { toOriginal, type MappedText } from './normalize/mapped-text';
export { decideCollection } from './collection';
export { parseMarkedExample } from './rule-syntax';
export * from './types';
export type { ThreadMessage, ThreadOptions, ThreadResult, ThreadFinding } from './thread/analyze-thread';
export type { ContactChannel } from './thread/reader-requests';
export type { SenderType } from './thread/disclosures';
