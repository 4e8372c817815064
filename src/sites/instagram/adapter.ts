/**
 * Instagram direct messages (www.instagram.com/direct).
 * DOM sources (public code, read 2026): IsaiahDupree/Safari_Automations notes comparing X and
 * Instagram DMs (Instagram: `aria-label` / `role` hooks, `[role="textbox"]` composer, URL /direct/t/<id>),
 * scrapers of the shared Meta chat UI (`div[aria-label^="Messages in conversation with"]`,
 * `div[role="row"]`, `div[role="gridcell"][data-release-focus-from]`, message bubbles labelled
 * "Double tap to like"), and the same visually hidden author heading as Messenger ("You sent").
 * Uncertain: Instagram shows no per-message time, only day/time separators (read as the preceding
 * separator); which heading level carries the author varies, so h4–h6 are probed.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'instagram',
  version: 1,
  name: 'Instagram direct messages',
  kind: 'messaging',
  matches: ['https://www.instagram.com/direct/*'],
  layouts: {
    thread: {
      messageRoot: ['div[aria-label^="Messages in conversation"] div[role="gridcell"][data-release-focus-from]', 'div[aria-label^="Messages in conversation"] div[role="row"]'],
      body: ['div[aria-label="Double tap to like"] div[dir="auto"]', 'div[dir="auto"]'],
      sender: [{ css: 'h4, h5, h6', pattern: '^(?!(?:You sent|你已发送|你发送了)$)(.+)$' }],
      sentTime: [{ css: 'div[data-scope="date_break"], div[role="row"] > div > div > span[dir="auto"][class~="x1lliihq"]', scope: 'preceding' }],
      threadId: [{ url: '/direct/t/([^/?#]+)' }],
      subject: [{ css: 'div[aria-label^="Messages in conversation with"]', scope: 'document', attr: 'aria-label', pattern: '^Messages in conversation with (.+)$' }],
      direction: { outgoing: [{ css: 'h4, h5, h6', pattern: '^(You sent|你已发送|你发送了)$' }], otherwise: 'incoming' },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://www.instagram.com/direct/t/17843512345678901/',
    expect: { messageRoot: 3, body: 3, sender: 2, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'quickcash.collect', sentAt: '2026-11-28T22:14', sentAtShown: 'Nov 28, 2026, 10:14 PM', threadId: '17843512345678901', subject: 'quickcash.collect', bodyIncludes: 'tag you in a post' },
      { direction: 'outgoing', sentAt: '2026-11-28T22:14', bodyIncludes: 'Who is this?' },
      { direction: 'incoming', sender: 'quickcash.collect', sentAt: '2026-11-28T22:14', bodyIncludes: 'account number 7781' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): no "Double tap to like" label: the bubble text from its dir=auto block
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://www.instagram.com/direct/t/17843512345678901/',
    expect: { messageRoot: 3, body: 3, sender: 2, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'quickcash.collect', sentAt: '2026-11-28T22:14', sentAtShown: 'Nov 28, 2026, 10:14 PM', threadId: '17843512345678901', subject: 'quickcash.collect', bodyIncludes: 'tag you in a post' },
      { direction: 'outgoing', sentAt: '2026-11-28T22:14', bodyIncludes: 'Who is this?' },
      { direction: 'incoming', sender: 'quickcash.collect', sentAt: '2026-11-28T22:14', bodyIncludes: 'account number 7781' },
    ],
  },
];
