/**
 * Site adapters are data: where the messages are on a page, and how to read who sent them,
 * when, in which thread, and whether the reader sent them. See README.md in this folder.
 * No engine, page-loop or extension imports here.
 */

/** Where a CSS probe looks, relative to a message root. */
export type Scope =
  /** the root itself if it matches, else its first matching descendant (default) */
  | 'root'
  /** the root itself or its nearest matching ancestor */
  | 'closest'
  /** the first match anywhere in the document (thread subject, account address, …) */
  | 'document'
  /**
   * the root's own match, else the last match that starts before the root in document order
   * (a date separator or a message-group header shared by the messages that follow it)
   */
  | 'preceding';

/** Find an element with CSS and read a value from it. */
export interface CssProbe {
  css: string;
  scope?: Scope;
  /** read this attribute instead of the element's text */
  attr?: string;
  /** regular expression over the text/attribute; capture group 1 (else the whole match) is the value */
  pattern?: string;
  /**
   * try every element `css` finds (in scope order) and take the first whose value matches
   * `pattern`, instead of only the first element (a status line among many spans)
   */
  all?: boolean;
  /**
   * look inside this same-origin iframe (CSS from the probe's scope) and run `css` in its document
   * (Proton Mail renders the message body in a sandboxed same-origin iframe)
   */
  frame?: string;
}

/** Read a value from the page URL (e.g. a thread id in the path or hash). */
export interface UrlProbe {
  /** regular expression over the full URL; capture group 1 is the value */
  url: string;
}

export type Probe = string | CssProbe | UrlProbe;

/** One probe, or fallbacks tried in order until one yields an element (or a URL value). */
export type Field = Probe | readonly Probe[];

export type Direction = 'incoming' | 'outgoing' | 'unknown';

/**
 * How to tell a message the reader sent from one they received. Tried in this order.
 * A message is the reader's own only on POSITIVE evidence (a "you sent" marker, the reader's
 * own handle or address as its sender, a "You:" prefix). Nothing decides → 'unknown', which the
 * page loop scans as incoming: a layout that drops one marker must not silence a collector.
 */
export interface DirectionSpec {
  /** any of these found (scope as in `CssProbe`) → outgoing */
  outgoing?: readonly Probe[];
  /** any of these found → incoming */
  incoming?: readonly Probe[];
  /** the reader's own identity, read from the page; a record whose sender equals it is outgoing */
  self?: Field;
  /** sender values that mean the reader ("You", "我", "me"); compared case-insensitively */
  selfNames?: readonly string[];
  /** when nothing above decides (default 'unknown'); never 'outgoing': that needs evidence */
  otherwise?: Exclude<Direction, 'outgoing'>;
}

/** Selectors for one kind of view (an open conversation, or an inbox list with previews). */
export interface LayoutSelectors {
  /** one element per message (thread) or per conversation row (list); always searched in the document */
  messageRoot: Field;
  /** the message text (thread) or the preview snippet (list) */
  body: Field;
  sender?: Field;
  /** the sent time as shown or in an attribute (Gmail `title`, WhatsApp `data-pre-plain-text`, …) */
  sentTime?: Field;
  threadId?: Field;
  subject?: Field;
  direction?: DirectionSpec;
  /** order of numeric dates like 05/06/2026 when the page does not make it unambiguous */
  dateOrder?: 'dmy' | 'mdy';
}

export type LayoutName = 'thread' | 'list';

/** Counted per fixture: in how many message roots each selector resolved, and the directions found. */
export type FieldName = 'messageRoot' | 'body' | 'sender' | 'sentTime' | 'threadId' | 'subject';
export type ExpectCounts = Partial<Record<FieldName | 'outgoing' | 'incoming', number>>;

/** What `extract()` must return for one message of a fixture, in document order. */
export interface ExpectedRecord {
  direction: Direction;
  sender?: string;
  sentAt?: string;
  sentAtShown?: string;
  threadId?: string;
  subject?: string;
  /** a phrase the body (or preview) text must contain */
  bodyIncludes: string;
}

export interface FixtureSpec {
  /** file name in `<site>/fixtures/` */
  file: string;
  layout: LayoutName;
  /** the real URL the fixture stands for (must be covered by `matches`) */
  url: string;
  expect: ExpectCounts;
  records: readonly ExpectedRecord[];
}

export interface SiteAdapter {
  /** folder name, kebab-case */
  id: string;
  /** bumped whenever selectors change (diagnostics report it; a refreshed adapter is a new version) */
  version: number;
  name: string;
  kind: 'webmail' | 'messaging';
  /** WebExtension match patterns of the pages this adapter claims */
  matches: readonly string[];
  /** the messages are in frames of the page (classic QQ Mail's reader is an iframe): run in every frame */
  allFrames?: boolean;
  layouts: { thread?: LayoutSelectors; list?: LayoutSelectors };
}

/** One extracted message (or list row). */
export interface MessageRecord {
  root: Element;
  bodyEl: Element | null;
  /** body/preview text, whitespace collapsed */
  text: string;
  sender?: string;
  /** ISO 8601 when the shown time could be read (local wall time without zone if the page gives none) */
  sentAt?: string;
  /** the time exactly as the page shows it (text or attribute) */
  sentAtShown?: string;
  threadId?: string;
  subject?: string;
  direction: Direction;
}
