/**
 * "Copy diagnostics": what a contributor needs to see why a site is not read — which adapter and
 * version, which layout matched (or that the fallback reader is in use), how many elements each
 * selector finds, how long scanning took, the extension's version — and nothing from the page's
 * content: no message text, no names, no addresses, no URL beyond the host name. Every value is
 * a number, a boolean, or a string from the extension itself (ids, enums, versions); `isContentFree`
 * checks exactly that, and the tests run it on every fixture.
 */
import { countSelectors, rootSelectors, findRoots } from '../sites/extract';
import type { FieldName, LayoutName, SiteAdapter } from '../sites/types';
import type { LoopMetrics, PageLoop } from '../page/types';
import type { ReaderDecision, ReaderLoop } from '../page/reader-switch';

export const DIAGNOSTICS_SCHEMA = 1;

export interface LayoutDiagnostics {
  layout: LayoutName;
  /** which of the layout's message-root selectors matched (0 = the first), or null for none */
  rootSelector: number | null;
  /** roots found, and in how many each field resolved; directions found */
  counts: Record<FieldName | 'outgoing' | 'incoming', number>;
}

export interface Diagnostics {
  schema: number;
  extensionVersion: string;
  browser: string;
  /** the page's host name only (the path and hash can name a thread or a person) */
  host: string;
  site: string;
  adapterVersion: number | null;
  /** how the page is read */
  reader: 'adapter' | 'fallback' | 'none' | 'on-request';
  /** the layout whose selectors matched first, if any */
  layoutMatched: LayoutName | null;
  layouts: LayoutDiagnostics[];
  decision: ReaderDecision | null;
  scanned: { messages: number; flagged: number; findings: number; fallbackMessages: number };
  timing: { sinceStartMs: number } & Omit<LoopMetrics, 'batches' | 'analysed' | 'failures'>;
  batches: { sent: number; messages: number; failures: number };
}

export interface DiagnosticsInput {
  doc: Document;
  site: string;
  adapter?: SiteAdapter;
  loop: PageLoop | ReaderLoop;
  extensionVersion: string;
  browser: string;
  /** performance.now() when the content script started */
  startedAt: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function pageDiagnostics(input: DiagnosticsInput): Diagnostics {
  const { doc, adapter, loop } = input;
  const layouts: LayoutDiagnostics[] = [];
  if (adapter) {
    for (const name of ['thread', 'list'] as const) {
      const layout = adapter.layouts[name];
      if (!layout) continue;
      const css = rootSelectors(layout);
      const hit = css.findIndex((c) => {
        try {
          return doc.querySelector(c) !== null;
        } catch {
          return false;
        }
      });
      layouts.push({ layout: name, rootSelector: hit >= 0 ? hit : null, counts: countSelectors(doc, layout, { url: doc.URL }) });
    }
  }
  const readerLoop = 'reader' in loop ? (loop as ReaderLoop) : undefined;
  const records = loop.records().filter((r) => r.element.isConnected);
  const m = loop.metrics();
  const matched = adapter ? (['thread', 'list'] as const).find((n) => adapter.layouts[n] && findRoots(doc, adapter.layouts[n]!).length) : undefined;
  return {
    schema: DIAGNOSTICS_SCHEMA,
    extensionVersion: input.extensionVersion,
    browser: input.browser,
    host: safeHost(doc),
    site: input.site,
    adapterVersion: adapter?.version ?? null,
    reader: readerLoop ? readerLoop.reader() : adapter ? 'adapter' : 'on-request',
    layoutMatched: matched ?? null,
    layouts,
    decision: readerLoop?.decision() ?? null,
    scanned: {
      messages: records.length,
      flagged: records.filter((r) => r.findings.length).length,
      findings: records.reduce((n, r) => n + r.findings.length, 0),
      fallbackMessages: records.filter((r) => r.info.fallback).length,
    },
    timing: {
      sinceStartMs: Math.round(performance.now() - input.startedAt),
      readMs: round(m.readMs),
      analyzeMs: round(m.analyzeMs),
      applyMs: round(m.applyMs),
      ...(m.firstAnswerMs !== undefined ? { firstAnswerMs: m.firstAnswerMs } : {}),
    },
    batches: { sent: m.batches, messages: m.analysed, failures: m.failures },
  };
}

function safeHost(doc: Document): string {
  try {
    return new URL(doc.URL).hostname;
  } catch {
    return '';
  }
}

/** The strings diagnostics may hold: our own ids and words, versions, host names. Anything else is a bug. */
const ALLOWED_STRING = /^[a-z0-9.:_-]*$/i;

/**
 * True when every string in `value` is an id-like token (letters, digits, . : _ -) no longer than
 * 64 characters and every other leaf a number, boolean or null: no sentence, name with spaces,
 * address (no @), or path (no /) can pass.
 */
export function isContentFree(value: unknown): boolean {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return true;
  if (typeof value === 'string') return value.length <= 64 && ALLOWED_STRING.test(value);
  if (Array.isArray(value)) return value.every(isContentFree);
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).every(([k, v]) => ALLOWED_STRING.test(k) && isContentFree(v));
  return false;
}

export interface DiagnosticsRequest {
  type: 'dunwatch:diagnostics';
}

export function isDiagnosticsRequest(m: unknown): m is DiagnosticsRequest {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'dunwatch:diagnostics';
}

/** The text that is copied: the diagnostics as JSON, after the content check. */
export function diagnosticsText(d: unknown): string {
  if (!isContentFree(d)) throw new Error('the diagnostics held something that is not an id or a number; nothing was copied');
  return JSON.stringify(d, null, 2);
}
