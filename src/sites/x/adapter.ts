/**
 * X direct messages: the older x.com/messages conversation and the newer "XChat" layout at
 * x.com/i/chat (both are live side by side in 2026; one adapter, each selector lists both hooks).
 * DOM sources (public code, read 2026):
 * - x.com/messages: IsaiahDupree/Safari_Automations docs (PRD_TWITTER_DM_FULL_CONTROL.md, Jan–Feb 2026:
 *   `[data-testid="DM_timeline"]`, `[data-testid="messageEntry"]`, `[data-testid="tweetText"]`, `time`,
 *   `[data-testid="conversation"]`; inbox rows `[data-testid^="dm-conversation-item-<user>:<conversation>"]`),
 *   the Airminal X bridge (`messageEntry`, `tweetText`; its incoming/outgoing selectors are empty: X has
 *   no documented direction hook there), krissgardner/x-automation selectors.ts (`DmScrollerContainer`).
 * - x.com/i/chat: public reader scripts for the XChat DOM (one "verified 2026-03": `dm-conversation-panel`
 *   > `dm-conversation-header`, `dm-message-list` > `ul > li > [data-testid^="message-<uuid>"]` with the
 *   text in `[data-testid="message-text-<uuid>"]`; one exporting messages reads direction from the
 *   message root's `justify-end` (own) / `justify-start` (peer) class; a translation extension's
 *   selector table: `dm-conversation-content`, `dm-message-scroller[role=log]`, `[role=article]`,
 *   `message-text-… span[dir=auto]`, `dm-inbox-panel`).
 * Direction is outgoing only on positive evidence: XChat's `justify-end`, or on x.com/messages the
 * "Seen"/"Sent" receipt X prints under the reader's own message. Everything else (a message without the
 * sender's avatar included) is unknown and scanned as incoming. Version 1 took every message without
 * `DM_Conversation_Avatar` as the reader's own: a layout that dropped the avatar hid every collector.
 * UNCERTAIN: the receipt wording and where it sits; XChat's time element (read as the clock time
 * printed at the end of the message text).
 */
import type { FixtureSpec, SiteAdapter } from '../types';

const CHAT_ROOT = '[data-testid="dm-message-list"] li > [data-testid^="message-"]:not([data-testid^="message-text-"])';

export const adapter: SiteAdapter = {
  id: 'x',
  version: 2,
  name: 'X direct messages',
  kind: 'messaging',
  matches: ['https://x.com/messages*', 'https://x.com/i/chat*', 'https://twitter.com/messages*'],
  layouts: {
    thread: {
      messageRoot: ['[data-testid="DM_timeline"] [data-testid="messageEntry"]', CHAT_ROOT, '[data-testid="messageEntry"]', '[data-testid="dm-message-scroller"] [role="article"]'],
      body: ['[data-testid="tweetText"]', '[data-testid^="message-text-"] span[dir="auto"]', '[data-testid^="message-text-"]', '[data-testid="messageText"]', 'div[lang]'],
      sender: [
        { css: '[data-testid="DM_Conversation_Avatar"]', attr: 'href', pattern: '^/([^/?#]+)' },
        { css: '[data-testid="dm-conversation-header"] [dir="auto"]', scope: 'document' },
      ],
      sentTime: [
        { css: 'time[datetime]', attr: 'datetime' },
        { css: '[data-testid="timestamp"]' },
        { css: 'time' },
        { css: '[data-testid^="message-text-"] span', all: true, pattern: '^(\\d{1,2}:\\d{2}(?:\\s?[AP]M)?)$' },
      ],
      threadId: [{ url: '/messages/([^/?#]+)' }, { url: '/i/chat/([^/?#]+)' }],
      subject: [
        { css: '[data-testid="DMConversationHeader"] [dir="ltr"] span, [data-testid="DMConversationHeader"] span', scope: 'document' },
        { css: '[data-testid="dm-conversation-header"] [dir="auto"]', scope: 'document' },
      ],
      direction: {
        outgoing: [
          { css: `${CHAT_ROOT}.justify-end`, scope: 'closest' },
          { css: 'span', all: true, pattern: '^(?:·\\s*)?(?:Seen|Sent|已读|已发送)$' },
        ],
        incoming: ['[data-testid="DM_Conversation_Avatar"]', { css: `${CHAT_ROOT}.justify-start`, scope: 'closest' }],
      },
    },
    list: {
      messageRoot: ['[data-testid^="dm-conversation-item"]', '[data-testid="conversation"]'],
      body: ['[data-testid="tweetText"]', '[data-testid="last-message"]'],
      sender: [{ css: '[data-testid="User-Name"] div[dir="ltr"]:last-child span', pattern: '^@(.+)$' }],
      sentTime: [{ css: 'time[datetime]', attr: 'datetime' }],
      threadId: [{ css: '[data-testid^="dm-conversation-item-"]', attr: 'data-testid', pattern: '^dm-conversation-item-(.+)$' }],
      direction: { outgoing: [{ css: '[data-testid="tweetText"]', pattern: '^You:' }], otherwise: 'incoming' },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://x.com/messages/1387950383134281733-1790012233445566778',
    expect: { messageRoot: 3, body: 3, sender: 2, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'apexrecovery_ops', sentAt: '2026-11-28T15:02:00.000Z', sentAtShown: '2026-11-28T15:02:00.000Z', threadId: '1387950383134281733-1790012233445566778', subject: 'Apex Recovery Ops', bodyIncludes: 'post your debt on your timeline' },
      { direction: 'outgoing', sentAt: '2026-11-28T15:10:00.000Z', bodyIncludes: 'I have asked you in writing' },
      { direction: 'incoming', sender: 'apexrecovery_ops', sentAt: '2026-11-28T15:12:00.000Z', bodyIncludes: 'reference number' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): no datetime attribute: the clock time as shown, no sentAt
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://x.com/messages/1387950383134281733-1790012233445566778',
    expect: { messageRoot: 3, body: 3, sender: 2, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'apexrecovery_ops', sentAtShown: '3:02 PM', threadId: '1387950383134281733-1790012233445566778', subject: 'Apex Recovery Ops', bodyIncludes: 'post your debt on your timeline' },
      { direction: 'outgoing', bodyIncludes: 'I have asked you in writing' },
      { direction: 'incoming', sender: 'apexrecovery_ops', bodyIncludes: 'reference number' },
    ],
  },
  {
    file: 'chat.html',
    layout: 'thread',
    url: 'https://x.com/i/chat/1387950383134281733-1790012233445566778',
    expect: { messageRoot: 3, body: 3, sender: 2, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'Apex Recovery Ops', sentAtShown: '3:02 PM', threadId: '1387950383134281733-1790012233445566778', subject: 'Apex Recovery Ops', bodyIncludes: 'post your debt on your timeline' },
      { direction: 'outgoing', sentAtShown: '3:10 PM', bodyIncludes: 'I have asked you in writing' },
      { direction: 'incoming', sender: 'Apex Recovery Ops', sentAtShown: '3:12 PM', bodyIncludes: 'reference number' },
    ],
  },
  {
    file: 'list.html',
    layout: 'list',
    url: 'https://x.com/messages',
    expect: { messageRoot: 2, body: 2, sender: 2, sentTime: 2, threadId: 2, outgoing: 1, incoming: 1 },
    records: [
      { direction: 'incoming', sender: 'apexrecovery_ops', sentAt: '2026-11-28T15:12:00.000Z', threadId: '1387950383134281733:1790012233445566778', bodyIncludes: 'reference number' },
      { direction: 'outgoing', sender: 'samrivera', sentAt: '2026-11-27T20:41:00.000Z', threadId: '1387950383134281733:1790099887766554433', bodyIncludes: 'see you Saturday' },
    ],
  },
];
