/**
 * Proton Mail (mail.proton.me).
 * DOM sources: ProtonMail/WebClients (open source; MessageBodyIframe.tsx renders the body in
 * `iframe[data-testid="content-iframe"]` with sandbox allow-same-origin, ItemDate.tsx renders
 * `span[data-testid="item-date-<mode>"]` with the full date in `title`) and public extensions/scrapers
 * reading it: `[data-testid^="message-view-"]` message containers (`.is-opened`),
 * `[data-testid="recipients:sender"]` with `[data-testid="recipient-address"]` and
 * `[data-testid="recipient-label"]`, `[data-testid="conversation-header:subject"]`,
 * `[data-testid="message-content:body"]` inside the iframe, `message-header-expanded`.
 * The body is read through the same-origin iframe; if a build drops allow-same-origin the body
 * probe finds nothing and the page loop must fall back to the iframe element.
 * UNCERTAIN: the reader's address hook (`[data-testid="heading:userdropdown"]` text).
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'proton-mail',
  version: 1,
  name: 'Proton Mail',
  kind: 'webmail',
  matches: ['https://mail.proton.me/*'],
  layouts: {
    thread: {
      messageRoot: ['article[data-testid^="message-view-"]', '[data-testid^="message-view-"].message-container'],
      body: [{ css: '[data-testid="message-content:body"]', frame: 'iframe[data-testid="content-iframe"]' }, { css: 'iframe[data-testid="content-iframe"]' }],
      sender: [
        { css: '[data-testid="recipients:sender"] [data-testid="recipient-address"]', pattern: '<?([^<>\\s]+@[^<>\\s]+)>?' },
        { css: '[data-testid="recipients:sender"] [title*="@"]', attr: 'title' },
      ],
      sentTime: [{ css: '[data-testid^="item-date-"][title]', attr: 'title' }, { css: '[data-testid^="item-date-"] + .sr-only' }],
      threadId: [{ url: '/(?:inbox|all-mail|archive|spam|sent|[a-z-]+)/([A-Za-z0-9_=-]{20,})' }],
      subject: [{ css: '[data-testid="conversation-header:subject"]', scope: 'document' }],
      direction: { self: { css: '[data-testid="heading:userdropdown"] [data-testid="heading:userdropdown-email"], [data-testid="heading:userdropdown"] .user-dropdown-email', scope: 'document' }, otherwise: 'incoming' },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://mail.proton.me/u/0/inbox/kT3qVbN9wXz1LmPaR7sYcD2fGhJ4uE6iOpQ8rS0tUvW-AbCdEfGhIjKlMnOpQrStUvWx==',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'recovery@harbor-credit.example', sentAt: '2026-11-28T10:02', sentAtShown: 'Saturday, November 28, 2026 at 10:02 AM', threadId: 'kT3qVbN9wXz1LmPaR7sYcD2fGhJ4uE6iOpQ8rS0tUvW-AbCdEfGhIjKlMnOpQrStUvWx==', subject: 'Outstanding balance – action required', bodyIncludes: 'visit your parents' },
      { direction: 'outgoing', sender: 'jordan.lee@proton.example', sentAt: '2026-11-28T11:20', bodyIncludes: 'communicate with me in writing only' },
      { direction: 'incoming', sender: 'recovery@harbor-credit.example', sentAt: '2026-11-30T09:00', bodyIncludes: 'settlement of 60%' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): the address's testid gone: the sender from the element's title
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://mail.proton.me/u/0/inbox/kT3qVbN9wXz1LmPaR7sYcD2fGhJ4uE6iOpQ8rS0tUvW-AbCdEfGhIjKlMnOpQrStUvWx==',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'recovery@harbor-credit.example', sentAt: '2026-11-28T10:02', sentAtShown: 'Saturday, November 28, 2026 at 10:02 AM', threadId: 'kT3qVbN9wXz1LmPaR7sYcD2fGhJ4uE6iOpQ8rS0tUvW-AbCdEfGhIjKlMnOpQrStUvWx==', subject: 'Outstanding balance – action required', bodyIncludes: 'visit your parents' },
      { direction: 'outgoing', sender: 'jordan.lee@proton.example', sentAt: '2026-11-28T11:20', bodyIncludes: 'communicate with me in writing only' },
      { direction: 'incoming', sender: 'recovery@harbor-credit.example', sentAt: '2026-11-30T09:00', bodyIncludes: 'settlement of 60%' },
    ],
  },
];
