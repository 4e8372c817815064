/** Small hand-made rules for the matcher and engine unit tests. */
import type { CompiledRule } from '../types';

export function rule(over: Partial<CompiledRule> & Pick<CompiledRule, 'id' | 'keywords' | 'patterns'>): CompiledRule {
  const title = { en: over.id, 'zh-CN': over.id, 'zh-TW': over.id };
  return {
    version: 1,
    lang: over.id.startsWith('zh.') ? 'zh' : 'en',
    category: 'threat',
    severity: 'high',
    requires: 'none',
    title,
    explain: title,
    law: [],
    unless: [],
    filters: { negation: true, question: true, lawTalk: true },
    wordBoundaries: true,
    needsTagger: false,
    source: `rules/${over.id}.yaml`,
    examples: { hit: [], miss: [], 'todo-hit': [], 'todo-miss': [] },
    ...over,
  };
}
