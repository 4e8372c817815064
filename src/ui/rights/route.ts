/**
 * Rights pages' routes, in the hash (the pages are one bundled file, no network):
 *   #rule=<id>[&jurisdiction=<j>]  what the rule forbids, the law, what is lawful, what to do
 *   #jurisdiction=<j>              complaint channels and the rules with law there
 *   (empty)                        index of jurisdictions and rules
 */
import type { CompiledRule } from '../../engine/types';
import { lawFor } from '../../engine/law-for';

export interface Route {
  rule?: string;
  jurisdiction?: string;
}

export function parseRoute(hash: string): Route {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const route: Route = {};
  const rule = q.get('rule');
  const j = q.get('jurisdiction');
  if (rule) route.rule = rule;
  if (j) route.jurisdiction = j.toLowerCase();
  return route;
}

export function routeHash(r: Route): string {
  const q = new URLSearchParams();
  if (r.rule) q.set('rule', r.rule);
  if (r.jurisdiction) q.set('jurisdiction', r.jurisdiction);
  return `#${q.toString()}`;
}

/** Citation ids of a rule that belong to the jurisdiction itself (none: the rule has no law there). */
export function ownLaw(rule: CompiledRule, j: string): string[] {
  const ids = lawFor(rule, j);
  const hasOwn = ids.some((id) => id.startsWith(`${j}.`) || id.startsWith(`${j}-`));
  return hasOwn ? ids : [];
}
