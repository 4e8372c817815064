/**
 * Gmail (mail.google.com).
 * DOM sources (public code, read 2026): content scripts selecting `div[data-message-id]` / `.adn.ads`
 * message containers, `span.gD[email]` / `span[email][name][data-hovercard-id]` senders,
 * `span.g3[title]` dates, `h2.hP[data-thread-perm-id]` subjects and `.a3s.aiL` bodies
 * (e.g. neelchau/Spam-mail-extension content.js, Xre0uS/PhishingDetectorWithML101LetsGo,
 * Bharathkumar-2006/Email-safety-checker, the "EmailExtractor" subject list with
 * `h2[data-thread-perm-id]`, `[data-legacy-thread-id]`); inbox rows `tr.zA` with `span[email]`,
 * `.bog span[data-thread-id]`, `.y2` snippets and `td.xW span[title]` dates.
 * Class names (adn, gD, g3, a3s, zA, y2, bog) are long-lived Gmail classes; attributes come first.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

const self = { css: 'a[aria-label^="Google Account"]', scope: 'document', attr: 'aria-label', pattern: '\\(([^()\\s]+@[^()\\s]+)\\)' } as const;

export const adapter: SiteAdapter = {
  id: 'gmail',
  version: 2,
  name: 'Gmail',
  kind: 'webmail',
  matches: ['https://mail.google.com/*'],
  layouts: {
    thread: {
      messageRoot: ['div[data-message-id]', 'div.adn.ads'],
      // the classes are minified names; the body's own `dir` wrapper is the fallback when they are renamed
      body: ['div.a3s', 'div.ii.gt', 'div[dir="ltr"]', 'div[dir="auto"]'],
      sender: [
        { css: 'h3 span[email]', attr: 'email' },
        { css: 'span[data-hovercard-id][name]', attr: 'data-hovercard-id' },
      ],
      sentTime: [
        { css: 'span.g3[title]', attr: 'title' },
        { css: 'span[title][alt][role="gridcell"]', attr: 'title' },
      ],
      threadId: [
        { css: 'h2[data-thread-perm-id]', scope: 'document', attr: 'data-thread-perm-id' },
        { css: '[data-legacy-thread-id]', scope: 'document', attr: 'data-legacy-thread-id' },
        { url: '#[^/]+/([A-Za-z0-9]+)$' },
      ],
      subject: [
        { css: 'h2[data-thread-perm-id]', scope: 'document' },
        { css: 'h2.hP', scope: 'document' },
      ],
      direction: { self, otherwise: 'incoming' },
    },
    list: {
      messageRoot: ['tr.zA', 'table[role="grid"] tr[role="row"]'],
      body: ['span.y2'],
      sender: [
        { css: 'div.yW span[email]', attr: 'email' },
        { css: 'span[email]', attr: 'email' },
      ],
      sentTime: [
        { css: 'td.xW span[title]', attr: 'title' },
        { css: 'span[title][aria-label]', attr: 'title' },
      ],
      threadId: [{ css: 'span[data-thread-id]', attr: 'data-thread-id' }],
      subject: [{ css: 'span[data-thread-id]' }, { css: 'span.bog' }],
      direction: { self, otherwise: 'incoming' },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzXkLqmBvRwJkPcNdHsVbWtr',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'notices@apex-recovery.example', sentAt: '2026-11-28T10:02', sentAtShown: 'Sat, Nov 28, 2026, 10:02 AM', threadId: 'thread-f:1851234567890123456', subject: 'Final notice - account 4471', bodyIncludes: 'warrant will be issued for your arrest' },
      { direction: 'outgoing', sender: 'jordan.lee@example.com', sentAt: '2026-11-28T13:40', bodyIncludes: 'I dispute this debt' },
      { direction: 'incoming', sender: 'sam.rivera@example.org', sentAt: '2026-11-29T09:15', bodyIncludes: 'still on for lunch' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): all minified classes renamed: the body is found by its dir wrapper, the sender by its hovercard id
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzXkLqmBvRwJkPcNdHsVbWtr',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'notices@apex-recovery.example', sentAt: '2026-11-28T10:02', sentAtShown: 'Sat, Nov 28, 2026, 10:02 AM', threadId: 'thread-f:1851234567890123456', subject: 'Final notice - account 4471', bodyIncludes: 'warrant will be issued for your arrest' },
      { direction: 'outgoing', sender: 'jordan.lee@example.com', sentAt: '2026-11-28T13:40', bodyIncludes: 'I dispute this debt' },
      { direction: 'incoming', sender: 'sam.rivera@example.org', sentAt: '2026-11-29T09:15', bodyIncludes: 'still on for lunch' },
    ],
  },
  {
    file: 'list.html',
    layout: 'list',
    url: 'https://mail.google.com/mail/u/0/#inbox',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'notices@apex-recovery.example', sentAt: '2026-11-28T10:02', threadId: '#thread-f:1851234567890123456', subject: 'Final notice - account 4471', bodyIncludes: 'warrant will be issued' },
      { direction: 'incoming', sender: 'sam.rivera@example.org', sentAt: '2026-11-29T09:15', bodyIncludes: 'lunch on Friday' },
      { direction: 'outgoing', sender: 'jordan.lee@example.com', sentAt: '2026-11-27T18:20', bodyIncludes: 'Here is the lease' },
    ],
  },
];
