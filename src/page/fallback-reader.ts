/**
 * The fallback reader: a `MessageSource` for a page the site adapter claims but cannot read
 * (its layout drifted: no message roots, or roots with empty bodies). It looks in the page's
 * main region for what messages look like on any site — repeated sibling blocks (same tag and
 * role under one parent) with substantial text, most of them carrying something time-like
 * (a <time>, "10:02", "Nov 28", "昨天") and something name-like (a heading or bold name, an
 * address, an avatar's alt) — and skips navigation, banners, search, toolbars and the composer.
 * When no repeated message blocks are found but paragraphs repeat, their container is read as
 * one message (a single mail). Every message it gives is marked `fallback` and its direction is
 * unknown (scanned as incoming): it guesses where the messages are, and the UI says so.
 */
import { isOwnUi } from './layer';
import type { MessageInfo, MessageSource } from './types';

/** What is never a message: navigation, page chrome, menus, search, the composer. */
const NOT_MESSAGES = [
  'nav', '[role="navigation"]', '[role="banner"]', '[role="search"]', '[role="toolbar"]', '[role="menu"]', '[role="menubar"]',
  '[role="tablist"]', '[role="complementary"]', '[role="dialog"]', 'aside', 'footer', 'script', 'style', 'template', 'noscript',
  '[aria-hidden="true"]', '[hidden]',
].join(',');
const EDITABLE = '[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"], textarea, input';

const MIN_BLOCK = 2;
const SUBSTANTIAL = 30;
const MAX_BLOCK = 20_000;
/** how many descendants of a block are looked at for time / name hints */
const HINT_SCAN = 300;

const TIME_RE = new RegExp(
  [
    '\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\b',
    '\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b',
    '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b',
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b',
    '\\b\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b',
    '\\b(?:yesterday|today|just now|\\d+\\s*(?:s|sec|m|min|mins|minutes?|h|hr|hours?|d|days?|w|weeks?)\\s+ago)\\b',
    '\\d{1,4}\\s*年\\s*\\d{1,2}\\s*月|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|昨天|今天|前天|刚刚|剛剛|上午|下午|凌晨|晚上|星期[一二三四五六日天]|周[一二三四五六日]|\\d+\\s*分鐘?前|\\d+\\s*分钟前|\\d+\\s*小[时時]前',
  ].join('|'),
  'iu',
);
const EMAIL_RE = /[^\s<>@]+@[^\s<>@]+\.[a-z]{2,}/i;
const NAME_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'B', 'CITE']);

const clean = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

interface Hints {
  time: boolean;
  name: boolean;
}

/** Does the block carry a time and a name, as message headers do? (A bounded look at its descendants.) */
function hintsOf(block: Element): Hints {
  const h: Hints = { time: false, name: false };
  let seen = 0;
  const visit = (el: Element) => {
    if (el.tagName === 'TIME' || el.hasAttribute('datetime')) h.time = true;
    const title = el.getAttribute('title');
    if (title && TIME_RE.test(title)) h.time = true;
    if (title && EMAIL_RE.test(title)) h.name = true;
    if (el.tagName === 'IMG' && clean(el.getAttribute('alt')).length >= 2) h.name = true;
    if (el.hasAttribute('email') || el.hasAttribute('data-hovercard-id')) h.name = true;
    if (!el.children.length) {
      const t = clean(el.textContent);
      // a short line that is mostly a time ("10:02 AM", "时 间：2026年11月28日 下午3:15"), not a sentence mentioning one
      if (t && t.length <= 40 && TIME_RE.test(t) && lettersBesidesTime(t) <= 12) h.time = true;
      if (t.length >= 2 && t.length <= 60 && (EMAIL_RE.test(t) || (NAME_TAGS.has(el.tagName) && !/[.!?。！？]$/.test(t)))) h.name = true;
    } else if (NAME_TAGS.has(el.tagName)) {
      const t = clean(el.textContent);
      if (t.length >= 2 && t.length <= 60 && !/[.!?。！？]$/.test(t)) h.name = true;
    }
  };
  const walk = (el: Element) => {
    for (let c = el.firstElementChild; c && seen < HINT_SCAN && !(h.time && h.name); c = c.nextElementSibling) {
      seen++;
      visit(c);
      walk(c);
    }
  };
  walk(block);
  return h;
}

const TIME_ALL = new RegExp(TIME_RE.source, 'giu');
const lettersBesidesTime = (text: string) => text.replace(TIME_ALL, '').match(/\p{L}/gu)?.length ?? 0;
/** A date separator ("Today", "28/11/2026", "Nov 28, 2026, 10:02 AM"): nothing but time words, digits and punctuation. */
const onlyTime = (text: string) => lettersBesidesTime(text) < 2;

const signature = (el: Element) => `${el.tagName}|${el.getAttribute('role') ?? ''}`;

/** Not our own UI, and not inside navigation, menus and the like (within the main region). */
function inPage(el: Element, region: Element): boolean {
  if (isOwnUi(el)) return false;
  const outside = el.closest(NOT_MESSAGES);
  return !(outside && region.contains(outside));
}

/** A block can be a message: in the page, and neither the composer nor holding it. */
function usable(el: Element, region: Element): boolean {
  return inPage(el, region) && !el.matches(EDITABLE) && !el.querySelector(EDITABLE) && !el.closest(EDITABLE);
}

interface Group {
  blocks: Element[];
  score: number;
  /** paragraphs without headers: their parent is read as one message */
  paragraphs: boolean;
  /** how many blocks carry a time */
  timed: number;
}

/** The repeated sibling groups of the region, best first. */
export function groupsIn(region: Element): Group[] {
  const groups: Group[] = [];
  const parents = [region, ...Array.from(region.querySelectorAll('*'))];
  for (const parent of parents) {
    if (parent.children.length < 2 || !inPage(parent, region)) continue;
    const bySig = new Map<string, Element[]>();
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const sig = signature(c);
      const list = bySig.get(sig) ?? [];
      list.push(c);
      bySig.set(sig, list);
    }
    for (const siblings of bySig.values()) {
      if (siblings.length < 2) continue;
      const blocks = siblings.filter((b) => {
        const text = clean(b.textContent);
        return text.length >= MIN_BLOCK && text.length <= MAX_BLOCK && !onlyTime(text) && usable(b, region);
      });
      if (blocks.length < 2) continue;
      const lengths = blocks.map((b) => clean(b.textContent).length);
      if (!lengths.some((n) => n >= SUBSTANTIAL)) continue;
      const hints = blocks.map(hintsOf);
      const headed = hints.filter((x) => x.time || x.name).length;
      const score = hints.reduce((sum, x, i) => sum + (1 + (x.time ? 2 : 0) + (x.name ? 1 : 0)) * (lengths[i]! >= SUBSTANTIAL ? 1 : 0.5), 0);
      const timed = hints.filter((x) => x.time).length;
      if (headed >= 2 && headed * 2 >= blocks.length) groups.push({ blocks, score, paragraphs: false, timed });
      else if (usable(parent, region) && lengths.reduce((a, b) => a + b, 0) >= 80) groups.push({ blocks: [parent], score: 0.5, paragraphs: true, timed: 0 });
    }
  }
  return groups.sort((a, b) => b.score - a.score);
}

/** The message blocks of a document: the best repeated group and any others nearly as good, never nested. */
const mainRegion = (doc: Document): Element | null => doc.querySelector('[role="main"], main') ?? doc.body;

export function findFallbackBlocks(doc: Document): Element[] {
  const region = mainRegion(doc);
  if (!region) return [];
  const groups = groupsIn(region);
  const headed = groups.filter((g) => !g.paragraphs);
  const chosen: Element[] = [];
  const overlaps = (el: Element) => chosen.some((c) => c === el || c.contains(el) || el.contains(c));
  /**
   * A block that holds several timed blocks of its own is a group of messages (a sender's run of
   * chat bubbles, a column), not one message: read its inner blocks instead, as far down as that goes.
   */
  const refine = (block: Element, depth = 0): Element[] => {
    if (depth > 4) return [block];
    const inner = headed.find((g) => g.timed >= 2 && g.timed * 2 >= g.blocks.length && g.blocks.every((b) => b !== block && block.contains(b)));
    return inner ? inner.blocks.flatMap((b) => refine(b, depth + 1)) : [block];
  };
  if (headed.length) {
    const best = headed[0]!.score;
    for (const g of headed.slice(0, 6)) {
      if (g.score < best / 2) break;
      // siblings of which one holds messages already chosen are layout (columns, header + list), not messages
      if (chosen.length && g.blocks.some((b) => chosen.some((c) => b.contains(c)))) continue;
      for (const b of g.blocks.flatMap((x) => refine(x))) if (!overlaps(b)) chosen.push(b);
    }
  } else {
    // a single message: its repeated paragraphs' container, the largest one
    const single = groups.filter((g) => g.paragraphs).sort((a, b) => clean(b.blocks[0]!.textContent).length - clean(a.blocks[0]!.textContent).length)[0];
    if (single) chosen.push(single.blocks[0]!);
  }
  // nothing repeats (one short mail): the main region is read as one message
  if (!chosen.length && (clean(region.textContent).match(/\p{L}/gu)?.length ?? 0) >= 10) chosen.push(region);
  // a same-origin iframe with text outside the blocks chosen (a mail body rendered in a frame) is a message too
  for (const frame of region.querySelectorAll('iframe'))
    if (inPage(frame, region) && frameText(frame).length >= 10 && !chosen.some((c) => c !== region && c.contains(frame))) chosen.push(frame);
  const FOLLOWING = 4;
  return chosen.sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
}

/**
 * A message whose text is in one same-origin iframe (Proton renders bodies so): read the
 * iframe's body, where its highlights are registered too. Undefined otherwise.
 */
function frameText(frame: Element): string {
  try {
    return clean((frame as HTMLIFrameElement).contentDocument?.body?.textContent);
  } catch {
    return ''; // cross-origin
  }
}

function frameBody(block: Element): Element | undefined {
  if (block.tagName === 'IFRAME') return (block as HTMLIFrameElement).contentDocument?.body ?? undefined;
  const frames = block.querySelectorAll('iframe');
  if (frames.length !== 1) return undefined;
  try {
    const body = frames[0]!.contentDocument?.body;
    return body && clean(body.textContent).length >= SUBSTANTIAL ? body : undefined;
  } catch {
    return undefined; // cross-origin
  }
}

export interface FallbackReader extends MessageSource {
  /** the blocks found by the latest look at the page */
  blocks(): Element[];
}

/** A MessageSource over `findFallbackBlocks`, looked at again at most every `refreshMs`. */
export function fallbackReader(doc: Document, options: { refreshMs?: number } = {}): FallbackReader {
  const refreshMs = options.refreshMs ?? 500;
  let cache: { at: number; blocks: Element[]; set: WeakSet<Element>; region: Element | null } | undefined;
  const current = () => {
    const now = performance.now();
    if (!cache || now - cache.at > refreshMs) {
      const blocks = findFallbackBlocks(doc);
      cache = { at: now, blocks, set: new WeakSet(blocks), region: mainRegion(doc) };
    }
    return cache;
  };
  return {
    blocks: () => current().blocks,
    findMessages(scope) {
      const { blocks } = current();
      if ((scope as Node).nodeType === 9) return blocks;
      const s = scope as Node;
      return blocks.filter((b) => s === b || s.contains(b) || b.contains(s));
    },
    messageOf(node) {
      const { set } = current();
      for (let el: Node | null = node; el; el = el.parentNode) if (el.nodeType === 1 && set.has(el as Element)) return el as Element;
      return null;
    },
    info(message): MessageInfo | null {
      const { set, region } = current();
      if (!set.has(message)) return null;
      const body = message === region ? message : (frameBody(message) ?? message);
      return { body, direction: 'unknown', layout: 'thread', fallback: true };
    },
  };
}
