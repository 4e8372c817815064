/**
 * What a browser test may read of Dunwatch on a host page, and how. The content script writes
 * nothing the page can read: no attributes, and its layer is a CLOSED shadow root. So tests
 * read what the extension reports (the background's tab report, in session storage) and reach
 * the layer the way assistive tech and devtools do, through the DevTools protocol (DOM.getDocument
 * with pierce: true sees closed roots). Clicks are real input events at the element's position
 * (our controls ignore synthetic ones).
 */
import type { CDPSession, Page, Worker } from 'playwright-core';
import type { TabStatus } from '../../src/extension/messages';

type ChromeSession = { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };

/** The latest report of the tab showing `page` (found by its URL; the worker cannot read tab URLs without "tabs"). */
export async function reportOf(worker: Worker, page: Page): Promise<TabStatus | undefined> {
  const url = page.url();
  return worker.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: ChromeSession }).chrome;
    const all = await c.storage.session.get(null);
    const hits = Object.entries(all).filter(([k, v]) => k.startsWith('tab-') && (v as { url?: string }).url === u);
    return hits.length === 1 ? (hits[0]![1] as TabStatus) : undefined;
  }, url);
}

/** The id of the tab showing `page` (from the key of its report). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number | undefined> {
  const url = page.url();
  return worker.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: ChromeSession }).chrome;
    const all = await c.storage.session.get(null);
    const hits = Object.entries(all).filter(([k, v]) => k.startsWith('tab-') && (v as { url?: string }).url === u);
    return hits.length === 1 ? Number(hits[0]![0].slice(4)) : undefined;
  }, url);
}

/**
 * A copy of a page in which no site adapter selector can match: every class renamed, every
 * attribute other than role, aria-*, dir, lang, href, src, alt, title, datetime and style
 * renamed. What a redesign that keeps only the accessible structure would look like.
 */
export function allHooksRenamed(html: string): string {
  const KEEP = /^(role|aria-[\w-]+|dir|lang|href|src|alt|title|datetime|style|charset|content|http-equiv|type|contenteditable|tabindex|sandbox|srcdoc)$/i;
  return html.replace(/<([a-zA-Z][\w-]*)(\s[^<>]*?)?(\/?)>/g, (whole, tag: string, attrs: string | undefined, close: string) => {
    if (!attrs) return whole;
    const renamed = attrs.replace(/([^\s=]+)(\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g, (a, name: string, eq: string | undefined, value: string | undefined) => {
      if (KEEP.test(name)) return a;
      if (name.toLowerCase() === 'class' && value) return `class=${value.replace(/([^\s"']+)/g, 'z$1')}`;
      return `zz-${name}${eq ?? ''}`;
    });
    return `<${tag}${renamed}${close}>`;
  });
}

/** Wait until the tab's report satisfies `ok` (the content script reports 300 ms after each change). */
export async function waitForReport(worker: Worker, page: Page, ok: (r: TabStatus) => boolean, timeout = 20_000): Promise<TabStatus> {
  const until = Date.now() + timeout;
  let last: TabStatus | undefined;
  while (Date.now() < until) {
    last = await reportOf(worker, page);
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  const brief = last && { ...last, messages: last.messages?.map((m) => ({ id: m.id, direction: m.direction, fallback: m.fallback, findings: m.findings.length, text: m.text.slice(0, 60) })) };
  throw new Error(`the tab report never became what the test waits for; last: ${JSON.stringify(brief)?.slice(0, 1200)}`);
}

/** Wait until at least `n` messages are scanned and return the report. */
export const waitForScanned = (worker: Worker, page: Page, n: number, timeout?: number) => waitForReport(worker, page, (r) => (r.stats?.messages ?? 0) >= n, timeout);

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

/** Dunwatch's closed layer on one page, read and pressed through the DevTools protocol. */
export class Layer {
  private cdp?: CDPSession;

  constructor(private readonly page: Page) {}

  private async session(): Promise<CDPSession> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    return this.cdp;
  }

  /** The closed shadow root of the element the content script appended to <html>. */
  private async root(): Promise<string | undefined> {
    const cdp = await this.session();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const html = root.children?.find((n) => n.nodeName === 'HTML');
    const shadow = html?.children?.flatMap((n) => n.shadowRoots ?? []).find((s) => s.shadowRootType === 'closed');
    if (!shadow) return undefined;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId?: string } };
    return object.objectId;
  }

  /** Run `fn(shadowRoot, arg)` in the page; undefined when there is no layer (yet). */
  async eval<T, A = undefined>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | undefined> {
    const objectId = await this.root();
    if (!objectId) return undefined;
    const cdp = await this.session();
    const res = (await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    await cdp.send('Runtime.releaseObject', { objectId }).catch(() => undefined);
    if (res.exceptionDetails) throw new Error(`in the layer: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value;
  }

  async count(selector: string): Promise<number> {
    return (await this.eval((r, sel) => r.querySelectorAll(sel).length, selector)) ?? 0;
  }

  async text(selector: string, index = 0): Promise<string | undefined> {
    return this.eval((r, [sel, i]) => (r.querySelectorAll(sel)[i] as HTMLElement | undefined)?.innerText, [selector, index] as [string, number]);
  }

  async attr(selector: string, name: string, index = 0): Promise<string | null | undefined> {
    return this.eval((r, [sel, n, i]) => r.querySelectorAll(sel)[i]?.getAttribute(n) ?? null, [selector, name, index] as [string, string, number]);
  }

  /** The element's box in viewport coordinates. */
  async box(selector: string, index = 0): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
    return (
      (await this.eval((r, [sel, i]) => {
        const el = r.querySelectorAll(sel)[i];
        if (!el) return undefined;
        const b = el.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }, [selector, index] as [string, number])) ?? undefined
    );
  }

  async focus(selector: string, index = 0): Promise<void> {
    const ok = await this.eval((r, [sel, i]) => {
      const el = r.querySelectorAll(sel)[i] as HTMLElement | undefined;
      el?.focus();
      return Boolean(el);
    }, [selector, index] as [string, number]);
    if (!ok) throw new Error(`no ${selector} in the layer`);
  }

  /** A real mouse click at the middle of the element (scrolled into view first). */
  async click(selector: string, index = 0): Promise<void> {
    await this.eval((r, [sel, i]) => (r.querySelectorAll(sel)[i] as HTMLElement | undefined)?.scrollIntoView({ block: 'center' }), [selector, index] as [string, number]);
    const b = await this.box(selector, index);
    if (!b) throw new Error(`no ${selector} in the layer`);
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }

  /** The class of the focused element inside the layer. */
  async activeClass(): Promise<string | undefined> {
    return (await this.eval((r) => (r.activeElement as HTMLElement | null)?.className)) ?? undefined;
  }

  /** Wait for `selector` to be there (or gone). */
  async waitFor(selector: string, state: 'attached' | 'detached' = 'attached', timeout = 20_000): Promise<void> {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      const n = await this.count(selector);
      if (state === 'attached' ? n > 0 : n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${selector} never became ${state} in the layer`);
  }

  async detach(): Promise<void> {
    await this.cdp?.detach().catch(() => undefined);
    this.cdp = undefined;
  }
}

/** Ranges in the page's highlight registries (its own and those of same-origin iframes). */
export const highlightCount = (page: Page, topOnly = false) =>
  page.evaluate((top) => {
    const wins: { CSS: typeof CSS }[] = [window];
    if (!top)
      for (const f of document.querySelectorAll('iframe')) {
        try {
          const w = f.contentWindow as unknown as { CSS?: typeof CSS } | null;
          if (w?.CSS) wins.push(w as { CSS: typeof CSS });
        } catch {
          // cross-origin
        }
      }
    return wins.reduce((n, w) => n + ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'].reduce((m, c) => m + (w.CSS.highlights.get(`dunwatch-${c}`)?.size ?? 0), 0), 0);
  }, topOnly);
