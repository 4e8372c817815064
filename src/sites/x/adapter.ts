/**
 * X direct messages (x.com/messages, x.com/i/chat).
 * DOM sources (public code, read 2026): IsaiahDupree/Safari_Automations docs (PRD_TWITTER_DM_FULL_CONTROL.md,
 * Jan–Feb 2026: `[data-testid="DM_timeline"]`, `[data-testid="messageEntry"]`, `[data-testid="tweetText"]`,
 * `time`, `[data-testid="conversation"]`; "Twitter/X DM Selectors & Patterns": new inbox rows
 * `[data-testid^="dm-conversation-item-<user>:<conversation>"]`, `dm-conversation-panel`, URL
 * /messages/<id>), the Airminal X bridge (`messageEntry`, `tweetText`, no incoming/outgoing hook).
 * UNCERTAIN: X has no documented per-message direction attribute; incoming entries carry the sender's
 * avatar link (`[data-testid="DM_Conversation_Avatar"]`), everything else is taken as outgoing.
 * The 2025 "XChat" redesign may not keep `messageEntry`; re-check against the live page.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'x',
  name: 'X direct messages',
  kind: 'messaging',
  matches: ['https://x.com/messages*', 'https://x.com/i/chat*', 'https://twitter.com/messages*'],
  layouts: {
    thread: {
      messageRoot: ['[data-testid="DM_timeline"] [data-testid="messageEntry"]', '[data-testid="messageEntry"]'],
      body: ['[data-testid="tweetText"]', '[data-testid="messageText"]', 'div[lang]'],
      sender: [{ css: '[data-testid="DM_Conversation_Avatar"]', attr: 'href', pattern: '^/([^/?#]+)' }],
      sentTime: [{ css: 'time[datetime]', attr: 'datetime' }, { css: '[data-testid="timestamp"]' }],
      threadId: [{ url: '/messages/([^/?#]+)' }, { url: '/i/chat/([^/?#]+)' }],
      subject: [{ css: '[data-testid="DMConversationHeader"] [dir="ltr"] span, [data-testid="DMConversationHeader"] span', scope: 'document' }],
      direction: { incoming: ['[data-testid="DM_Conversation_Avatar"]'], otherwise: 'outgoing' },
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
