/**
 * WhatsApp Web (web.whatsapp.com).
 * DOM sources (public code, read 2026): the "WhatsApp Web DOM Reference Guide" (Dec 2024/2025 markup:
 * `div[data-id="false_<jid>_<id>"]` rows, `.message-in` / `.message-out`, `.copyable-text[data-pre-plain-text="[10:54 PM, 12/9/2025] Name: "]`,
 * `span.selectable-text.copyable-text` bodies, `span[aria-label="Name:"]`), tytsxai/social-copilot
 * adapters/whatsapp.ts (`[data-id]`, `.message-out`, `.copyable-text [class*="selectable-text"]`,
 * `#main header span[title]`), marioyunis/ZimpliSender selectors (`.message-in`, `.message-out`).
 * `data-pre-plain-text` is the stable hook: "[time, date] sender: ". Its date order follows the
 * reader's locale; numeric dates are read only when unambiguous (or with `dateOrder`).
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'whatsapp',
  version: 2,
  name: 'WhatsApp Web',
  kind: 'messaging',
  matches: ['https://web.whatsapp.com/*'],
  layouts: {
    thread: {
      messageRoot: ['#main div[data-id]', 'div.message-in, div.message-out'],
      body: ['[data-pre-plain-text] span.selectable-text', 'span.selectable-text.copyable-text', '[data-testid="msg-text"]'],
      sender: [
        { css: '[data-pre-plain-text]', attr: 'data-pre-plain-text', pattern: '\\]\\s*(.+?):\\s*$' },
        { css: 'span[aria-label$=":"]', attr: 'aria-label', pattern: '^(.+?):$' },
      ],
      sentTime: [{ css: '[data-pre-plain-text]', attr: 'data-pre-plain-text', pattern: '^\\[([^\\]]+)\\]' }],
      threadId: [{ css: '[data-id]', attr: 'data-id', pattern: '^(?:true|false)_([^_]+)_' }],
      subject: [{ css: '#main header span[title]', scope: 'document', attr: 'title' }, { css: '#main header span[dir="auto"]', scope: 'document' }],
      direction: { outgoing: ['.message-out'], incoming: ['.message-in'], selfNames: ['You', '你'] },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://web.whatsapp.com/',
    expect: { messageRoot: 4, body: 4, sender: 4, sentTime: 4, threadId: 4, subject: 4, outgoing: 1, incoming: 3 },
    records: [
      { direction: 'incoming', sender: 'Apex Recovery', sentAt: '2026-11-28T10:02', sentAtShown: '10:02, 28/11/2026', threadId: '15550142233@c.us', subject: 'Apex Recovery', bodyIncludes: 'we will post your photo' },
      { direction: 'incoming', sender: 'Apex Recovery', sentAt: '2026-11-28T10:03', bodyIncludes: '通讯录' },
      { direction: 'outgoing', sender: 'You', sentAt: '2026-11-28T10:30', bodyIncludes: 'Do not contact my family' },
      { direction: 'incoming', sender: 'Apex Recovery', sentAt: '2026-11-28T11:05', bodyIncludes: 'office hours' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): hashed classes renamed; the chat title from the header text instead of its title attribute
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://web.whatsapp.com/',
    expect: { messageRoot: 4, body: 4, sender: 4, sentTime: 4, threadId: 4, subject: 4, outgoing: 1, incoming: 3 },
    records: [
      { direction: 'incoming', sender: 'Apex Recovery', sentAt: '2026-11-28T10:02', sentAtShown: '10:02, 28/11/2026', threadId: '15550142233@c.us', subject: 'Apex Recovery', bodyIncludes: 'we will post your photo' },
      { direction: 'incoming', sender: 'Apex Recovery', sentAt: '2026-11-28T10:03', bodyIncludes: '通讯录' },
      { direction: 'outgoing', sender: 'You', sentAt: '2026-11-28T10:30', bodyIncludes: 'Do not contact my family' },
      { direction: 'incoming', sender: 'Apex Recovery', sentAt: '2026-11-28T11:05', bodyIncludes: 'office hours' },
    ],
  },
];
