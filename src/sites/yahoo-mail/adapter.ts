/**
 * Yahoo Mail (mail.yahoo.com).
 * DOM sources (public code, read 2026): Yahoo's `data-test-id` hooks as used by will355/email-scam-detection-chrome-ext
 * providers/yahoo.js (`message-view`, `message-from`, `message-subject`), an email-extraction module
 * (`message-group-subject-text`, `with-contact-card-anchor`, `message-recipients`,
 * `message-view-body-content`), a Playwright mail bridge (`message-list-item`, `senders`,
 * `message-subject`, `snippet`, `message-date` with the full date in `title`, `email-pill` with the
 * address in `title`, URLs /d/folders/<n>/messages/<id>), Selenium page objects
 * (`message-view-body-content`, `email-pill`), and saved Yahoo message HTML (`message-view-body`).
 * UNCERTAIN: the signed-in address hook (`[data-test-id="account-email"]`) is not confirmed.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

const self = { css: '[data-test-id="account-email"]', scope: 'document' } as const;

export const adapter: SiteAdapter = {
  id: 'yahoo-mail',
  version: 2,
  name: 'Yahoo Mail',
  kind: 'webmail',
  matches: ['https://mail.yahoo.com/*'],
  layouts: {
    thread: {
      messageRoot: ['[data-test-id="message-view"]', 'article[role="article"]'],
      body: ['[data-test-id="message-view-body-content"]', '[data-test-id="message-view-body"]'],
      sender: [
        { css: '[data-test-id="message-from"] [data-test-id="email-pill"]', attr: 'title' },
        { css: '[data-test-id="message-from"]', pattern: '([^\\s<>]+@[^\\s<>]+)' },
        // the name only (no address: the reader's own message can then not be told apart)
        { css: '[data-test-id="message-from"] [data-test-id="email-pill"]' },
      ],
      sentTime: [{ css: '[data-test-id="message-date"]', attr: 'title' }, { css: 'time', attr: 'datetime' }],
      threadId: [{ url: '/messages/([^/?#]+)' }],
      subject: [{ css: '[data-test-id="message-group-subject-text"]', scope: 'document' }],
      direction: { self, otherwise: 'incoming' },
    },
    list: {
      messageRoot: ['[data-test-id="message-list-item"]'],
      body: ['[data-test-id="snippet"]'],
      sender: [{ css: '[data-test-id="senders"] span[title]', attr: 'title' }, { css: '[data-test-id="senders"]' }],
      sentTime: [{ css: '[data-test-id="message-date"] time', attr: 'title' }, { css: 'time', attr: 'datetime' }],
      threadId: [{ css: 'a[href*="/messages/"]', attr: 'href', pattern: '/messages/([^/?#]+)' }],
      subject: [{ css: '[data-test-id="message-subject"]' }],
      direction: { self, otherwise: 'incoming' },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://mail.yahoo.com/d/folders/1/messages/AKeS2xYbqDn7Z0Fw8gU3kLQpA1c',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'accounts@meridian-debt.example', sentAt: '2026-11-28T10:02', sentAtShown: 'Sat, Nov 28, 2026 at 10:02 AM', threadId: 'AKeS2xYbqDn7Z0Fw8gU3kLQpA1c', subject: 'Your account has been escalated', bodyIncludes: 'deport' },
      { direction: 'outgoing', sender: 'jordan_lee@yahoo.example', sentAt: '2026-11-28T12:11', bodyIncludes: 'send me the original agreement' },
      { direction: 'incoming', sender: 'sam.rivera@example.org', sentAt: '2026-11-28T16:45', bodyIncludes: 'photos from the weekend' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): no address in the sender pill's title: names only, so the reader's reply cannot be told apart and is scanned as incoming
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://mail.yahoo.com/d/folders/1/messages/AKeS2xYbqDn7Z0Fw8gU3kLQpA1c',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 0, incoming: 3 },
    records: [
      { direction: 'incoming', sender: 'Meridian Debt Services', sentAt: '2026-11-28T10:02', sentAtShown: 'Sat, Nov 28, 2026 at 10:02 AM', threadId: 'AKeS2xYbqDn7Z0Fw8gU3kLQpA1c', subject: 'Your account has been escalated', bodyIncludes: 'deport' },
      { direction: 'incoming', sender: 'Jordan Lee', sentAt: '2026-11-28T12:11', bodyIncludes: 'send me the original agreement' },
      { direction: 'incoming', sender: 'Sam Rivera', sentAt: '2026-11-28T16:45', bodyIncludes: 'photos from the weekend' },
    ],
  },
  {
    file: 'list.html',
    layout: 'list',
    url: 'https://mail.yahoo.com/d/folders/1',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'accounts@meridian-debt.example', sentAt: '2026-11-28T10:02', threadId: 'AKeS2xYbqDn7Z0Fw8gU3kLQpA1c', subject: 'Your account has been escalated', bodyIncludes: 'immigration' },
      { direction: 'incoming', sender: 'sam.rivera@example.org', sentAt: '2026-11-28T16:45', subject: 'Weekend photos', bodyIncludes: 'photos from the weekend' },
      { direction: 'outgoing', sender: 'jordan_lee@yahoo.example', sentAt: '2026-11-27T09:05', subject: 'Re: Rent', bodyIncludes: 'transfer tomorrow' },
    ],
  },
];
