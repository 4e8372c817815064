/**
 * WebExtension match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * `<all_urls>` or `scheme://host/path`, scheme `*|http|https|file|ftp|ws|wss|urn`, host `*`, `*.rest`
 * or an exact host (no port wildcards), path starting with `/` where `*` matches anything.
 * The URL fragment (#…) is not part of matching, as in browsers.
 */

const PATTERN = /^(\*|https?|wss?|file|ftp|urn):\/\/(\*|\*\.[^/*:]+|[^/*:]+)?(\/.*)$/;

export function isValidMatchPattern(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m;
  if (scheme !== 'file' && !host) return false;
  return true;
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

export function matchPatternToRegExp(pattern: string): RegExp {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp|urn):\/\//;
  const m = PATTERN.exec(pattern);
  if (!m) throw new Error(`invalid match pattern: ${pattern}`);
  const [, scheme, host = '', path = '/'] = m;
  const schemeRe = scheme === '*' ? 'https?' : escape(scheme!);
  let hostRe: string;
  if (host === '*') hostRe = '[^/:]+';
  else if (host.startsWith('*.')) hostRe = `(?:[^/:]+\\.)?${escape(host.slice(2))}`;
  else hostRe = escape(host);
  const pathRe = path.split('*').map(escape).join('.*');
  return new RegExp(`^${schemeRe}://${hostRe}(?::\\d+)?${pathRe}$`);
}

export function urlMatches(url: string, patterns: readonly string[]): boolean {
  const noHash = url.split('#')[0]!;
  return patterns.some((p) => matchPatternToRegExp(p).test(noHash));
}
