/**
 * Dunwatch's own layer on a host page: one element appended to <html>, with a CLOSED shadow
 * root that holds every marker, card, notice and overlay box. The host page sees one empty,
 * zero-size element with no attributes; it cannot read what is inside or what its reader was
 * warned about. Which nodes are ours is kept here (a WeakSet), never as an attribute.
 *
 * Handlers on our controls accept only trusted events (`trusted()`): a script on the page can
 * dispatch a synthetic click, but cannot make one with `isTrusted`, so it cannot press
 * "ignore" or "save as evidence" for the reader.
 */

const own = new WeakSet<Node>();

/** Mark a node the loop adds to the host page (the layer host, a highlight style sheet). */
export function markOwn(node: Node): void {
  own.add(node);
}

/** True for our layer host and anything else we added to the page (never message text). */
export function isOwnUi(node: Node | null | undefined): boolean {
  return Boolean(node && own.has(node));
}

/** A listener that ignores events the page made up (element.click(), dispatchEvent). */
export function trusted<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e: E) => {
    if (e.isTrusted === true) handler(e);
  };
}

export class UiLayer {
  readonly host: HTMLElement;
  /** everything we draw goes in here: hidden at once for evidence screenshots */
  readonly layer: HTMLElement;
  private readonly root: ShadowRoot;

  constructor(
    readonly doc: Document,
    css: string,
  ) {
    this.host = doc.createElement('div');
    this.host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;';
    markOwn(this.host);
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = css;
    this.layer = doc.createElement('div');
    this.root.append(style, this.layer);
    doc.documentElement.append(this.host);
  }

  append(...nodes: Node[]): void {
    this.layer.append(...nodes);
  }

  /** The element that has focus inside the layer, if any. */
  get activeElement(): Element | null {
    return this.root.activeElement;
  }

  /** Whether `node` is inside our layer (events from the shadow root are retargeted to the host). */
  contains(node: EventTarget | null): boolean {
    return node instanceof Node && (node === this.host || this.root.contains(node));
  }

  setHidden(hidden: boolean): void {
    this.layer.style.visibility = hidden ? 'hidden' : '';
  }

  get hidden(): boolean {
    return this.layer.style.visibility === 'hidden';
  }

  /** Page coordinates of a viewport rectangle. */
  pagePosition(rect: { top: number; left: number }): { top: number; left: number } {
    const win = this.doc.defaultView!;
    return { top: rect.top + win.scrollY, left: rect.left + win.scrollX };
  }

  get connected(): boolean {
    return this.host.isConnected;
  }

  destroy(): void {
    this.host.remove();
  }
}
