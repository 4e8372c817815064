/**
 * The ReDoS check every rule's regular expressions pass: recheck (automaton analysis, then
 * fuzzing); only expressions it proves safe are accepted.
 *
 * Where it runs: at build time (Node: recheck's native or Java backend through synckit) and in
 * the options page when a user checks or saves a custom rule (the bundler picks recheck's
 * `browser` build: pure JavaScript compiled from Scala.js, synchronous, no Worker, no eval, so
 * it also passes the extension's content security policy). Not in the background: the pure
 * build is ~2.9 MB and takes seconds to load, and a service worker restarts often; the
 * background re-validates stored custom rules with the verdicts recorded at save instead.
 */
import { checkSync } from 'recheck';
import { regexKey } from './compile';

const safeCache = new Map<string, boolean>();

export function isSafeRegex(source: string, flags: string): boolean {
  const key = regexKey(source, flags);
  const cached = safeCache.get(key);
  if (cached !== undefined) return cached;
  // a generous time limit: on a loaded machine the default can run out and report "unknown"
  const result = checkSync(source, flags.replace(/[gy]/g, ''), { timeout: 60_000 });
  const safe = result.status === 'safe';
  safeCache.set(key, safe);
  return safe;
}
