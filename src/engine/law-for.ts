/** Which of a rule's citations apply where: small on purpose, so pages can use it without the NLP code. */
import type { CompiledRule } from './types';

/** The ids among `law` that belong to a jurisdiction: us also covers us-ca, us-ma …; us-ca gets California's and the federal ids. None → []. */
export function ownLawIds(law: readonly string[], jurisdiction: string): string[] {
  const j = jurisdiction.toLowerCase();
  const parent = j.includes('-') ? j.split('-')[0]! : undefined;
  return law.filter((id) => id.startsWith(`${j}.`) || id.startsWith(`${j}-`) || (parent !== undefined && id.startsWith(`${parent}.`)));
}

/** The citation ids of a rule that apply in a jurisdiction; all of them when none apply (or no jurisdiction is chosen). */
export function lawFor(rule: CompiledRule, jurisdiction?: string): string[] {
  if (!jurisdiction) return rule.law;
  const own = ownLawIds(rule.law, jurisdiction);
  return own.length ? own : rule.law;
}
