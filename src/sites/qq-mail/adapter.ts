/**
 * QQ Mail (mail.qq.com classic frames, wx.mail.qq.com new web client).
 * DOM sources (public code, read 2026): saved QQ Mail messages and scrapers of the classic
 * read-mail frame (`#qm_con_body > #mailContentContainer.qmbox.qm_con_body_content.qqmail_webmail_only`,
 * subject `#subject`; a Node scraper with `TITLE = '#subject'`, `DETAIL = '#mailContentContainer'`),
 * classic sender spans carrying the address in `e="…"` and the name in `n="…"`, and the header
 * line "时\u3000间：2026年11月28日(星期六) 下午3:15".
 * UNCERTAIN: the conversation ("会话") wrapper per message (`.readmail_item`, `data-mailid`) and the
 * new wx.mail.qq.com Vue markup are reconstructed, not confirmed; the body hook
 * (`.qm_con_body_content`) and `span[e]` are the confirmed parts. The reader's address comes from the
 * top bar `#useraddr`.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'qq-mail',
  version: 1,
  name: 'QQ邮箱 (QQ Mail)',
  kind: 'webmail',
  matches: ['https://mail.qq.com/*', 'https://wx.mail.qq.com/*'],
  layouts: {
    thread: {
      messageRoot: ['[data-mailid].readmail_item', '.readmail_item', '#qm_con_body'],
      body: ['.qm_con_body_content', '#mailContentContainer', '.mail-detail-content'],
      sender: [{ css: '.readmail_item_head span[e]', attr: 'e' }, { css: 'span[e]', attr: 'e' }],
      sentTime: [{ css: '.readmail_item_time', pattern: '(\\d{4}年.+)$' }, { css: '.mail-detail-date' }],
      threadId: [{ url: '[?&]mailid=([^&#]+)' }, { url: '#/read/([^/?#]+)' }],
      subject: [{ css: '#subject', scope: 'document' }, { css: '.mail-detail-subject', scope: 'document' }],
      direction: { self: { css: '#useraddr', scope: 'document' }, otherwise: 'incoming' },
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
];
