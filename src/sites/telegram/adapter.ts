/**
 * Telegram Web, both clients: K (web.telegram.org/k, morethanwords/tweb) and A (web.telegram.org/a,
 * Ajaxy/telegram-tt). One adapter; every selector lists the K hook first and the A hook as fallback.
 * DOM sources: the open-source clients themselves — tweb `src/components/chat/bubbles.ts`
 * (`.bubbles-group > .bubble[data-mid][data-peer-id][data-timestamp].is-in|.is-out >
 * .bubble-content-wrapper > .bubble-content > .message.spoilers-container`, `.time`, group sender
 * `.name .peer-title`) and telegram-tt `src/components/middle/message/Message.tsx`
 * (`div#message-<id>.Message.message-list-item[.own][data-message-id] > .message-content-wrapper >
 * .message-content > .text-content`, `.message-title .message-title-name`, `MessageMeta .message-time`);
 * also tytsxai/social-copilot adapters/telegram.ts (K: `.is-out`, A: `.Message`, `.own`).
 * K gives unix seconds in `data-timestamp`; A shows only the clock time in the bubble and the full date
 * in the `title` of `.message-time` (telegram-tt MessageMeta; unverified on the live site).
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'telegram',
  version: 2,
  name: 'Telegram Web (K and A)',
  kind: 'messaging',
  matches: ['https://web.telegram.org/k/*', 'https://web.telegram.org/a/*'],
  layouts: {
    thread: {
      messageRoot: ['.bubbles-group .bubble[data-mid]:not(.service)', '.Message.message-list-item[data-message-id]'],
      body: ['.message.spoilers-container', '.bubble-content .message', '.text-content'],
      sender: [
        { css: '.name .peer-title' },
        { css: '.message-title-name' },
        { css: '.chat-info .peer-title', scope: 'document' },
        { css: '.ChatInfo .fullName', scope: 'document' },
      ],
      sentTime: [
        { css: '.bubble[data-timestamp]', attr: 'data-timestamp' },
        // K also prints the full date in the time's tooltip
        { css: '.time .inner[title]', attr: 'title' },
        { css: '.message-time[title]', attr: 'title' },
        { css: '.message-time' },
      ],
      threadId: [{ url: '#(-?\\d+|@\\w+)' }],
      subject: [{ css: '.chat-info .peer-title', scope: 'document' }, { css: '.ChatInfo .fullName', scope: 'document' }],
      direction: { outgoing: ['.is-out', '.own'], incoming: ['.is-in'], otherwise: 'incoming' },
    },
  },
};

const expectBoth = { messageRoot: 4, body: 4, sender: 3, sentTime: 4, threadId: 4, subject: 4, outgoing: 1, incoming: 3 };

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread-k.html',
    layout: 'thread',
    url: 'https://web.telegram.org/k/#777000123',
    expect: expectBoth,
    records: [
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T02:02:00.000Z', sentAtShown: '1795831320', threadId: '777000123', subject: 'Quick Loan Service', bodyIncludes: 'your contacts will receive' },
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T02:03:00.000Z', bodyIncludes: '上门' },
      { direction: 'outgoing', sentAt: '2026-11-28T02:30:00.000Z', bodyIncludes: 'stop messaging my contacts' },
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T03:05:00.000Z', bodyIncludes: 'repayment schedule' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): no unix data-timestamp: the time's tooltip gives the date as the reader's wall time
    file: 'thread-k-drift.html',
    layout: 'thread',
    url: 'https://web.telegram.org/k/#777000123',
    expect: expectBoth,
    records: [
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T10:02:00', sentAtShown: '28 November 2026, 10:02:00', threadId: '777000123', subject: 'Quick Loan Service', bodyIncludes: 'your contacts will receive' },
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T10:03:00', bodyIncludes: '上门' },
      { direction: 'outgoing', sentAt: '2026-11-28T10:30:00', bodyIncludes: 'stop messaging my contacts' },
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T11:05:00', bodyIncludes: 'repayment schedule' },
    ],
  },
  {
    file: 'thread-a.html',
    layout: 'thread',
    url: 'https://web.telegram.org/a/#777000123',
    expect: expectBoth,
    records: [
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T10:02', sentAtShown: '28 November 2026, 10:02', threadId: '777000123', subject: 'Quick Loan Service', bodyIncludes: 'your contacts will receive' },
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T10:03', bodyIncludes: '上门' },
      { direction: 'outgoing', sentAt: '2026-11-28T10:30', bodyIncludes: 'stop messaging my contacts' },
      { direction: 'incoming', sender: 'Quick Loan Service', sentAt: '2026-11-28T11:05', bodyIncludes: 'repayment schedule' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): no full date in the time's title: only the clock time is read, so no sentAt
    file: 'thread-a-drift.html',
    layout: 'thread',
    url: 'https://web.telegram.org/a/#777000123',
    expect: expectBoth,
    records: [
      { direction: 'incoming', sender: 'Quick Loan Service', sentAtShown: '10:02', threadId: '777000123', subject: 'Quick Loan Service', bodyIncludes: 'your contacts will receive' },
      { direction: 'incoming', sender: 'Quick Loan Service', bodyIncludes: '上门' },
      { direction: 'outgoing', bodyIncludes: 'stop messaging my contacts' },
      { direction: 'incoming', sender: 'Quick Loan Service', bodyIncludes: 'repayment schedule' },
    ],
  },
];
