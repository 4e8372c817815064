/**
 * Text of a message element with a map back to its DOM text nodes. Block boundaries
 * become "\n" so sentences in adjacent <div>s do not merge; hidden and script content is skipped.
 */

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
/** Our own UI never counts as message text. */
export const UI_ATTRIBUTE = 'data-dunwatch-ui';
/** A cap so a pathological page cannot stall the scan: longer text is cut (and said so). */
export const MAX_MESSAGE_CHARS = 200_000;

function skipped(el: Element): boolean {
  return SKIP.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden') || el.hasAttribute(UI_ATTRIBUTE) || el.getAttribute('aria-hidden') === 'true';
}

export function extractText(root: Element): ExtractedText {
  const pieces: TextPiece[] = [];
  let text = '';
  const newline = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node: Node) => {
    if (text.length >= MAX_MESSAGE_CHARS) return;
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (!value) return;
      const start = text.length;
      text += value;
      pieces.push({ node: node as Text, start, end: text.length });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skipped(el)) return;
    const block = BLOCK.has(el.tagName.toUpperCase());
    if (block) newline();
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) newline();
  };
  walk(root);
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
