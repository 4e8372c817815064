/** Which of a rule's citations apply where: small on purpose, so pages can use it without the NLP code. */
import type { CompiledRule } from './types';

/**
 * The citation ids of a rule that apply in a jurisdiction: us also covers us-ca, us-ma …;
 * us-ca gets California's law and the federal law; all ids when none apply.
 */
export function lawFor(rule: CompiledRule, jurisdiction?: string): string[] {
  if (!jurisdiction) return rule.law;
  const j = jurisdiction.toLowerCase();
  const parent = j.includes('-') ? j.split('-')[0]! : undefined;
  const own = rule.law.filter((id) => id.startsWith(`${j}.`) || id.startsWith(`${j}-`) || (parent !== undefined && id.startsWith(`${parent}.`)));
  return own.length ? own : rule.law;
}
