/**
 * Pure DOM helpers: adapter selectors + a Document → message records. No extension API.
 */
import { parseShownTime } from './time';
import type {
  CssProbe,
  Direction,
  DirectionSpec,
  ExpectCounts,
  Field,
  FieldName,
  LayoutSelectors,
  MessageRecord,
  Probe,
  SiteAdapter,
} from './types';

export interface ExtractOptions {
  /** the page URL, for `{ url }` probes (defaults to the document's URL) */
  url?: string;
}

const probesOf = (field: Field | undefined): readonly Probe[] =>
  field === undefined ? [] : Array.isArray(field) ? (field as readonly Probe[]) : [field as Probe];

const isUrlProbe = (p: Probe): p is { url: string } => typeof p === 'object' && 'url' in p;
const asCss = (p: Probe): CssProbe => (typeof p === 'string' ? { css: p } : (p as CssProbe));

/** Collapse whitespace the way a reader sees it. */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

function safeQuery(scope: ParentNode, css: string): Element | null {
  try {
    return scope.querySelector(css);
  } catch {
    return null;
  }
}

/** Every element a probe can find from `root`, in scope order (for `all` probes). */
function findAllInScope(root: Element, probe: CssProbe): Element[] {
  const scope = probe.scope ?? 'root';
  const all = (from: ParentNode): Element[] => {
    try {
      return Array.from(from.querySelectorAll(probe.css));
    } catch {
      return [];
    }
  };
  if (probe.frame || scope === 'preceding' || scope === 'closest') {
    const one = findInScope(root, { ...probe, all: false });
    return one ? [one] : [];
  }
  if (scope === 'document') return all(root.ownerDocument);
  return [...(root.matches(probe.css) ? [root] : []), ...all(root)];
}

function findInScope(root: Element, probe: CssProbe): Element | null {
  const scope = probe.scope ?? 'root';
  if (probe.frame) {
    const frame =
      scope === 'document' ? safeQuery(root.ownerDocument, probe.frame) : root.matches(probe.frame) ? root : safeQuery(root, probe.frame);
    let doc: Document | null | undefined;
    try {
      doc = (frame as HTMLIFrameElement | null)?.contentDocument;
    } catch {
      doc = null; // cross-origin frame
    }
    return doc ? safeQuery(doc, probe.css) : null;
  }
  if (scope === 'document') return safeQuery(root.ownerDocument, probe.css);
  if (scope === 'preceding') return preceding(root, probe.css);
  try {
    if (scope === 'closest') return root.closest(probe.css);
    return root.matches(probe.css) ? root : root.querySelector(probe.css);
  } catch {
    return null; // a selector this browser does not support
  }
}

/** The last element matching `css` that starts before `root` in document order (or root's own match). */
function preceding(root: Element, css: string): Element | null {
  const own = (() => {
    try {
      return root.matches(css) ? root : root.querySelector(css);
    } catch {
      return null;
    }
  })();
  if (own) return own;
  let all: Element[];
  try {
    all = Array.from(root.ownerDocument.querySelectorAll(css));
  } catch {
    return null;
  }
  let best: Element | null = null;
  for (const el of all) {
    if (el.compareDocumentPosition(root) & 4 /* root FOLLOWING el */) best = el;
    else break;
  }
  return best;
}

function readProbe(el: Element, probe: CssProbe): string | undefined {
  const raw = probe.attr ? el.getAttribute(probe.attr) : el.textContent;
  let value = cleanText(raw);
  if (probe.pattern) {
    const m = new RegExp(probe.pattern, 'u').exec(value);
    if (!m) return undefined;
    value = cleanText(m[1] ?? m[0]);
  }
  return value || undefined;
}

export interface Resolved {
  el: Element | null;
  value: string | undefined;
  /** the probe that matched */
  probe: Probe;
}

/** Try a field's probes in order; the first that finds an element (or a URL value) wins. */
export function resolveField(root: Element, field: Field | undefined, url?: string): Resolved | undefined {
  for (const probe of probesOf(field)) {
    if (isUrlProbe(probe)) {
      const href = url ?? root.ownerDocument.URL;
      const m = new RegExp(probe.url, 'u').exec(href);
      if (m) return { el: null, value: m[1] ?? m[0], probe };
      continue;
    }
    const css = asCss(probe);
    if (css.all && css.pattern) {
      for (const el of findAllInScope(root, css)) {
        const value = readProbe(el, css);
        if (value !== undefined) return { el, value, probe };
      }
      continue;
    }
    const el = findInScope(root, css);
    if (!el) continue;
    const value = readProbe(el, css);
    // a pattern that does not match, or an attribute the element does not have, means "not this probe"
    if ((css.pattern || css.attr) && value === undefined) continue;
    return { el, value, probe };
  }
  return undefined;
}

/** Message roots in document order: the first probe that finds anything decides. */
export function findRoots(doc: Document, layout: LayoutSelectors): Element[] {
  for (const probe of probesOf(layout.messageRoot)) {
    if (isUrlProbe(probe)) continue;
    let found: Element[] = [];
    try {
      found = Array.from(doc.querySelectorAll(asCss(probe).css));
    } catch {
      found = [];
    }
    if (found.length) return found;
  }
  return [];
}

function decideDirection(root: Element, spec: DirectionSpec | undefined, sender: string | undefined, url?: string): Direction {
  if (!spec) return 'unknown';
  for (const p of spec.outgoing ?? []) if (resolveField(root, p, url)) return 'outgoing';
  for (const p of spec.incoming ?? []) if (resolveField(root, p, url)) return 'incoming';
  if (sender) {
    const s = sender.toLowerCase();
    if (spec.selfNames?.some((n) => n.toLowerCase() === s)) return 'outgoing';
    const self = resolveField(root, spec.self, url)?.value?.toLowerCase();
    if (self) return self === s ? 'outgoing' : 'incoming';
  }
  return spec.otherwise ?? 'unknown';
}

/** The record of one message root (the page loop reads messages one at a time as they appear). */
export function extractRecord(root: Element, layout: LayoutSelectors, opts: ExtractOptions = {}): MessageRecord {
  const body = resolveField(root, layout.body, opts.url);
  const senderHit = resolveField(root, layout.sender, opts.url);
  let sender = senderHit?.value;
  const direction = decideDirection(root, layout.direction, sender, opts.url);
  // A page-wide sender (the chat's title) names the other party: only for messages known to be
  // theirs, never for the reader's own, nor for one whose direction is unknown (evidence must
  // not put the collector's name on what may be the reader's reply).
  if (direction !== 'incoming' && senderHit && typeof senderHit.probe === 'object' && 'scope' in senderHit.probe && senderHit.probe.scope === 'document') {
    sender = undefined;
  }
  const sentAtShown = resolveField(root, layout.sentTime, opts.url)?.value;
  const record: MessageRecord = {
    root,
    bodyEl: body?.el ?? null,
    text: cleanText(body?.el?.textContent),
    direction,
  };
  if (sender) record.sender = sender;
  if (sentAtShown) {
    record.sentAtShown = sentAtShown;
    const iso = parseShownTime(sentAtShown, { dateOrder: layout.dateOrder });
    if (iso) record.sentAt = iso;
  }
  const threadId = resolveField(root, layout.threadId, opts.url)?.value;
  if (threadId) record.threadId = threadId;
  const subject = resolveField(root, layout.subject, opts.url)?.value;
  if (subject) record.subject = subject;
  return record;
}

/** Records for one layout, in document order. */
export function extractLayout(doc: Document, layout: LayoutSelectors, opts: ExtractOptions = {}): MessageRecord[] {
  return findRoots(doc, layout).map((root) => extractRecord(root, layout, opts));
}

/** The CSS of a layout's message-root probes (URL probes cannot find elements). */
export function rootSelectors(layout: LayoutSelectors): string[] {
  return probesOf(layout.messageRoot).filter((p) => !isUrlProbe(p)).map((p) => asCss(p).css);
}

/** Records from the adapter's thread layout, else its list layout (the first that finds roots). */
export function extract(doc: Document, adapter: SiteAdapter, opts: ExtractOptions = {}): MessageRecord[] {
  for (const layout of [adapter.layouts.thread, adapter.layouts.list]) {
    if (!layout) continue;
    const records = extractLayout(doc, layout, opts);
    if (records.length) return records;
  }
  return [];
}

const FIELDS: readonly Exclude<FieldName, 'messageRoot' | 'sender'>[] = ['body', 'sentTime', 'threadId', 'subject'];

/**
 * What each selector finds: the number of message roots, and for every other field the number of
 * roots in which it resolved to an element (or a URL value); for `sender`, the records that got one
 * (a page-wide chat title is not the sender of the reader's own messages). Also counts directions.
 */
export function countSelectors(doc: Document, layout: LayoutSelectors, opts: ExtractOptions = {}): Required<ExpectCounts> {
  const roots = findRoots(doc, layout);
  const counts = { messageRoot: roots.length, body: 0, sender: 0, sentTime: 0, threadId: 0, subject: 0, outgoing: 0, incoming: 0 };
  for (const root of roots) {
    for (const f of FIELDS) if (layout[f] !== undefined && resolveField(root, layout[f], opts.url)) counts[f]++;
  }
  for (const r of extractLayout(doc, layout, opts)) {
    if (r.sender) counts.sender++;
    if (r.direction === 'outgoing') counts.outgoing++;
    if (r.direction === 'incoming') counts.incoming++;
  }
  return counts;
}
