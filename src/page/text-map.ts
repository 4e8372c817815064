/**
 * The text map: the text of a message element with a map back to its DOM text nodes, and
 * Ranges over parts of that text. Block boundaries become "\n" so sentences in adjacent
 * <div>s do not merge. What the reader cannot see is not text: script and form content, our
 * own UI, `hidden` / `aria-hidden` subtrees, and text hidden by CSS (display:none,
 * visibility:hidden, opacity 0, transparent or 1px text, zero-size or fully clipped boxes), so
 * an e-mail's invisible preheader or a page's hidden copy can never raise a finding the reader
 * cannot find on screen.
 */
import { isOwnUi } from './layer';

export interface TextPiece {
  node: Text;
  /** [start, end) in `text` */
  start: number;
  end: number;
}

export interface ExtractedText {
  text: string;
  pieces: TextPiece[];
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'IMG', 'VIDEO', 'AUDIO', 'CANVAS', 'IFRAME']);
/** A cap so a pathological page cannot stall the scan: longer text is cut (and said so). */
export const MAX_MESSAGE_CHARS = 200_000;

function skipped(el: Element): boolean {
  return SKIP.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden') || isOwnUi(el) || el.getAttribute('aria-hidden') === 'true';
}

/** A length in px ('0' counts as 0); NaN for auto, none, percentages and the like. */
const px = (v: string | undefined): number => (v && /^-?[\d.]+(px)?$/.test(v.trim()) ? parseFloat(v) : NaN);

/** Fully transparent: `transparent`, rgba(…, 0), #xxxx00 / #xxxxxx00. */
export function isTransparent(colour: string | undefined): boolean {
  if (!colour) return false;
  const c = colour.trim().toLowerCase();
  if (c === 'transparent') return true;
  const fn = /^rgba?\(([^)]*)\)$/.exec(c);
  if (fn) {
    const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean);
    return parts.length === 4 && parseFloat(parts[3]!) === 0;
  }
  return /^#(?:[0-9a-f]{3}0|[0-9a-f]{6}00)$/.test(c);
}

/** A box (and so everything in it) the reader cannot see. */
export function hidesSubtree(style: CSSStyleDeclaration): boolean {
  if (style.display === 'none' || style.contentVisibility === 'hidden') return true;
  if (style.opacity !== '' && parseFloat(style.opacity) === 0) return true;
  const clipsOverflow = /hidden|clip/.test(`${style.overflow} ${style.overflowX} ${style.overflowY}`);
  if (clipsOverflow) {
    // zero or 1px boxes that clip their content (the "visually hidden" and preheader tricks)
    if (px(style.width) <= 1 || px(style.height) <= 1 || px(style.maxHeight) <= 1 || px(style.maxWidth) <= 1) return true;
  }
  if (/^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/.test(style.clip ?? '')) return true;
  if (/^inset\(\s*50%/.test(style.clipPath ?? '')) return true;
  return false;
}

/** Text styles are inherited and can be overridden below: judged at each text node's parent. */
export function hidesText(style: CSSStyleDeclaration): boolean {
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  if (px(style.fontSize) <= 1) return true;
  return isTransparent(style.color) && !(style.textShadow && style.textShadow !== 'none');
}

function styleOf(el: Element): CSSStyleDeclaration | undefined {
  const win = el.ownerDocument.defaultView;
  try {
    return win?.getComputedStyle(el);
  } catch {
    return undefined; // a detached frame
  }
}

export function extractText(root: Element): ExtractedText {
  const pieces: TextPiece[] = [];
  let text = '';
  const newline = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  // each element's computed style is read once; layout is not forced between reads (we write nothing)
  const walk = (node: Node, textHidden: boolean) => {
    if (text.length >= MAX_MESSAGE_CHARS) return;
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (!value || textHidden) return;
      const start = text.length;
      text += value;
      pieces.push({ node: node as Text, start, end: text.length });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skipped(el)) return;
    const style = styleOf(el);
    if (style && hidesSubtree(style)) return;
    const hidden = style ? hidesText(style) : textHidden;
    const block = BLOCK.has(el.tagName.toUpperCase());
    if (block) newline();
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, hidden);
    if (block) newline();
  };
  walk(root, false);
  return { text, pieces };
}

function locate(pieces: readonly TextPiece[], offset: number, preferEnd: boolean): { node: Text; offset: number } | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (offset < p.start || (preferEnd && offset === p.start && mid > 0 && pieces[mid - 1]!.end === offset)) hi = mid - 1;
    else if (offset > p.end || (!preferEnd && offset === p.end && mid < pieces.length - 1)) lo = mid + 1;
    else return { node: p.node, offset: Math.min(Math.max(offset - p.start, 0), p.node.data.length) };
  }
  // inside an inserted line break: snap to the nearest piece
  const next = pieces.find((p) => p.start >= offset);
  if (next && !preferEnd) return { node: next.node, offset: 0 };
  const prev = [...pieces].reverse().find((p) => p.end <= offset);
  return prev ? { node: prev.node, offset: prev.node.data.length } : undefined;
}

/** A DOM Range over [start, end) of the extracted text, or undefined if the DOM changed under us. */
export function rangeFor(doc: Document, extracted: ExtractedText, start: number, end: number): Range | undefined {
  const a = locate(extracted.pieces, start, false);
  const b = locate(extracted.pieces, end, true);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return undefined;
  const range = (a.node.ownerDocument ?? doc).createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return undefined;
  }
  return range.collapsed ? undefined : range;
}
