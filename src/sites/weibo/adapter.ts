/**
 * Weibo private messages (api.weibo.com/chat web IM; weibo.com/message links open it).
 * DOM sources (public code, read 2026): userscripts matching `https://api.weibo.com/chat*`
 * (greasyfork archive 396715 "小宇宙控制台"), Weibo scrapers' selector lists for weibo.com (Vue
 * "woo" UI, generated `_xxxxx` suffixes). The chat URL carries the peer as `to_uid=<id>` (or a group
 * `gid=`), e.g. https://api.weibo.com/chat#/chat?to_uid=…&source_from=2.
 * UNCERTAIN (largest of all adapters): no public code reading the chat message DOM was found; the
 * message row/bubble/time-line classes below are reconstructed from the web IM's rendered page and
 * must be checked on the live site. The hooks used are plain BEM-style words (`msg-item`,
 * `msg-left|right`, `time-line`), not hashed names.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'weibo',
  version: 1,
  name: '微博私信 (Weibo private messages)',
  kind: 'messaging',
  matches: ['https://api.weibo.com/chat*', 'https://weibo.com/message*'],
  layouts: {
    thread: {
      messageRoot: ['.message-list .msg-item', '[class*="msg-item"]'],
      body: ['.msg-text', '.msg-bubble'],
      sender: [{ css: '.nick' }, { css: '.avatar img[alt]', attr: 'alt' }],
      sentTime: [{ css: '.time-line', scope: 'preceding' }],
      threadId: [{ url: '[?&](?:to_uid|gid)=(\\d+)' }],
      subject: [{ css: '.chat-header .name', scope: 'document' }],
      direction: { outgoing: ['.msg-right'], incoming: ['.msg-left'] },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://api.weibo.com/chat#/chat?to_uid=7712345678&source_from=2',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: '速借通贷后管理', sentAt: '2026-11-28T22:10', sentAtShown: '2026-11-28 22:10', threadId: '7712345678', subject: '速借通贷后管理', bodyIncludes: '曝光' },
      { direction: 'outgoing', sender: '李华同学', sentAt: '2026-11-28T22:10', bodyIncludes: '请通过正规渠道' },
      { direction: 'incoming', sender: '速借通贷后管理', sentAt: '2026-11-29T09:05', bodyIncludes: '分期还款方案' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): without the time-line separators there is no time to read (optional)
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://api.weibo.com/chat#/chat?to_uid=7712345678&source_from=2',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 0, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: '速借通贷后管理', threadId: '7712345678', subject: '速借通贷后管理', bodyIncludes: '曝光' },
      { direction: 'outgoing', sender: '李华同学', bodyIncludes: '请通过正规渠道' },
      { direction: 'incoming', sender: '速借通贷后管理', bodyIncludes: '分期还款方案' },
    ],
  },
];
