/**
 * QQ Mail (mail.qq.com classic frames, wx.mail.qq.com new web client).
 * DOM sources (public code, read 2026): saved QQ Mail messages and scrapers of the classic
 * read-mail frame (`#qm_con_body > #mailContentContainer.qmbox.qm_con_body_content.qqmail_webmail_only`,
 * subject `#subject`; a Node scraper with `TITLE = '#subject'`, `DETAIL = '#mailContentContainer'`),
 * classic sender spans carrying the address in `e="…"` and the name in `n="…"`, and the header
 * line "时\u3000间：2026年11月28日(星期六) 下午3:15".
 * New client (wx.mail.qq.com): realbmail/bmail_extension src/content_qq.ts reads the open mail in
 * `.mail_app` › `.frame-main` › `.mail-list-page-reader-body.reader-body-children` with the body in
 * `.mail-detail-content` (no iframe), the toolbar `.ui-ellipsis-toolbar-btns`, the reply box
 * `.mail-detail-reply`, the reader's address in `.profile-user-info span.user-email`; it also confirms the
 * classic reader lives in `#mainFrameContainer iframe[name="mainFrame"]` and reads `span[e]` addresses there.
 * UNCERTAIN: the conversation ("会话") wrapper per message (`.readmail_item`, `data-mailid`) and the new
 * client's header (subject, `data-email` on the sender, the date element) are reconstructed, not confirmed;
 * the body hooks (`.qm_con_body_content`, `.mail-detail-content`) and `span[e]` are the confirmed parts.
 * The reader's address comes from the top bar `#useraddr` (classic) or the profile box (new).
 * Version 2: the new client's reader as a message root, its sender and the reader's own address.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'qq-mail',
  version: 2,
  name: 'QQ邮箱 (QQ Mail)',
  kind: 'webmail',
  matches: ['https://mail.qq.com/*', 'https://wx.mail.qq.com/*'],
  // classic: the page is frame_html and the mail is read in `iframe[name="mainFrame"]` (/cgi-bin/readmail)
  allFrames: true,
  layouts: {
    thread: {
      messageRoot: ['[data-mailid].readmail_item', '.readmail_item', '#qm_con_body', '.mail-list-page-reader-body.reader-body-children'],
      body: ['.qm_con_body_content', '#mailContentContainer', '.mail-detail-content'],
      sender: [{ css: '.readmail_item_head span[e]', attr: 'e' }, { css: 'span[e]', attr: 'e' }, { css: '.mail-detail-from [data-email]', attr: 'data-email' }],
      sentTime: [{ css: '.readmail_item_time', pattern: '(\\d{4}年.+)$' }, { css: '.mail-detail-date' }],
      threadId: [{ url: '[?&]mailid=([^&#]+)' }, { url: '#/read/([^/?#]+)' }],
      subject: [{ css: '#subject', scope: 'document' }, { css: '.mail-detail-subject', scope: 'document' }],
      direction: { self: [{ css: '#useraddr', scope: 'document' }, { css: '.profile-user-info .user-email', scope: 'document' }], otherwise: 'incoming' },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://mail.qq.com/cgi-bin/readmail?folderid=1&folderkey=1&t=readmail&mailid=ZC4708-6oz5jbTf_0ZnUFoCT~VAH6b&mode=pre',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'cuishou@dingxin-zc.example', sentAt: '2026-11-28T15:15', sentAtShown: '2026年11月28日(星期六) 下午3:15', threadId: 'ZC4708-6oz5jbTf_0ZnUFoCT~VAH6b', subject: '【最后通知】逾期账款处理', bodyIncludes: '通讯录' },
      { direction: 'outgoing', sender: 'lihua2026@qq.example', sentAt: '2026-11-28T16:02', bodyIncludes: '我对这笔欠款有异议' },
      { direction: 'incoming', sender: 'wangxm@163.example', sentAt: '2026-11-29T09:30', bodyIncludes: '周末聚餐' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): no data-mailid: items found by their class
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://mail.qq.com/cgi-bin/readmail?folderid=1&folderkey=1&t=readmail&mailid=ZC4708-6oz5jbTf_0ZnUFoCT~VAH6b&mode=pre',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'cuishou@dingxin-zc.example', sentAt: '2026-11-28T15:15', sentAtShown: '2026年11月28日(星期六) 下午3:15', threadId: 'ZC4708-6oz5jbTf_0ZnUFoCT~VAH6b', subject: '【最后通知】逾期账款处理', bodyIncludes: '通讯录' },
      { direction: 'outgoing', sender: 'lihua2026@qq.example', sentAt: '2026-11-28T16:02', bodyIncludes: '我对这笔欠款有异议' },
      { direction: 'incoming', sender: 'wangxm@163.example', sentAt: '2026-11-29T09:30', bodyIncludes: '周末聚餐' },
    ],
  },
  {
    // the new web client: one mail open in the reader (no conversation items)
    file: 'wx.html',
    layout: 'thread',
    url: 'https://wx.mail.qq.com/home/index#/read/ZC5108-9rC8meWi_3CqXIrFW~YDK9e',
    expect: { messageRoot: 1, body: 1, sender: 1, sentTime: 1, threadId: 1, subject: 1, outgoing: 0, incoming: 1 },
    records: [
      { direction: 'incoming', sender: 'hz-tiaojie@jinyu-fintech.example', sentAt: '2026-11-28T21:40', sentAtShown: '2026年11月28日 (周六) 21:40', threadId: 'ZC5108-9rC8meWi_3CqXIrFW~YDK9e', subject: '关于你的逾期欠款', bodyIncludes: '报警抓你坐牢' },
    ],
  },
];
