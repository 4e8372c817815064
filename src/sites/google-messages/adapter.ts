/**
 * Google Messages for web (messages.google.com/web).
 * DOM sources (public code, read 2026): MV10/clanker docs/page-structure.md ("valid as of FEB-2026":
 * `mws-message-wrapper[data-e2e-message-wrapper]` with `data-e2e-message-id`, `mws-text-message-part`
 * whose `aria-label` reads "NAME said: TEXT. Sent/Received on DATE at TIME.", `data-e2e-text-message-content`,
 * sidebar `mws-conversation-list-item` → `a[data-e2e-conversation]` (href /conversations/<id>),
 * `[data-e2e-conversation-name]`, `mws-conversation-snippet span`); the `is-outgoing` attribute on
 * `mws-message-wrapper` is the direction hook named in our brief and used by several userscripts; the
 * "You said:" aria-label is the fallback.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'google-messages',
  version: 1,
  name: 'Google Messages for web',
  kind: 'messaging',
  matches: ['https://messages.google.com/web/*'],
  layouts: {
    thread: {
      messageRoot: ['mws-message-wrapper[data-e2e-message-wrapper]:not([data-e2e-message-tombstone])', 'mws-message-wrapper'],
      body: ['[data-e2e-text-message-content]', 'mws-text-message-part .text-msg', 'mws-text-message-part'],
      sender: [{ css: 'mws-text-message-part[aria-label]', attr: 'aria-label', pattern: '^(.+?) said:' }],
      sentTime: [
        { css: 'mws-text-message-part[aria-label]', attr: 'aria-label', pattern: '(?:Sent|Received) on (.+? at \\d{1,2}:\\d{2}\\s*[AP]M)' },
        { css: 'mws-relative-timestamp', scope: 'preceding' },
      ],
      threadId: [{ url: '/conversations/([^/?#]+)' }],
      subject: [{ css: 'h2[data-e2e-conversation-name], [data-e2e-header-title]', scope: 'document' }],
      direction: {
        outgoing: ['mws-message-wrapper[is-outgoing="true"]', { css: 'mws-text-message-part[aria-label^="You said:"]' }],
        incoming: ['mws-message-wrapper[is-outgoing="false"]'],
        selfNames: ['You'],
      },
    },
    list: {
      messageRoot: ['mws-conversation-list-item a[data-e2e-conversation]', 'mws-conversation-list-item'],
      body: ['mws-conversation-snippet span', 'mws-conversation-snippet'],
      sender: [{ css: '[data-e2e-conversation-name]' }],
      sentTime: [{ css: 'mws-relative-timestamp' }],
      threadId: [{ css: 'a[data-e2e-conversation]', attr: 'href', pattern: '/conversations/([^/?#]+)' }],
      direction: { outgoing: [{ css: 'mws-conversation-snippet span', pattern: '^You:' }], otherwise: 'incoming' },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://messages.google.com/web/conversations/82',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: '(555) 014-2233', sentAt: '2026-11-28T21:47', sentAtShown: 'November 28, 2026 at 9:47 PM', threadId: '82', subject: '(555) 014-2233', bodyIncludes: 'tell everyone at your church' },
      { direction: 'outgoing', sender: 'You', sentAt: '2026-11-28T21:55', bodyIncludes: 'Stop texting me this late' },
      { direction: 'incoming', sender: '(555) 014-2233', sentAt: '2026-11-29T10:10', bodyIncludes: 'Your payment of $150 was received' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): the text part's data-e2e hook gone: the body from the text part itself
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://messages.google.com/web/conversations/82',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: '(555) 014-2233', sentAt: '2026-11-28T21:47', sentAtShown: 'November 28, 2026 at 9:47 PM', threadId: '82', subject: '(555) 014-2233', bodyIncludes: 'tell everyone at your church' },
      { direction: 'outgoing', sender: 'You', sentAt: '2026-11-28T21:55', bodyIncludes: 'Stop texting me this late' },
      { direction: 'incoming', sender: '(555) 014-2233', sentAt: '2026-11-29T10:10', bodyIncludes: 'Your payment of $150 was received' },
    ],
  },
  {
    file: 'list.html',
    layout: 'list',
    url: 'https://messages.google.com/web/conversations',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: '(555) 014-2233', sentAtShown: '10:10 AM', threadId: '82', bodyIncludes: 'Your payment of $150 was received' },
      { direction: 'outgoing', sender: 'Sam Rivera', threadId: '61', bodyIncludes: 'See you at 7' },
      { direction: 'incoming', sender: 'Pharmacy', sentAtShown: 'Nov 27', threadId: '17', bodyIncludes: 'prescription is ready' },
    ],
  },
];
