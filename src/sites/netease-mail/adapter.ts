/**
 * NetEase 163/126 Mail (mail.163.com, mail.126.com).
 * DOM sources (public code, read 2026): duanluan/tampermonkey-scripts 163-mail-pro (NetEase "nui"
 * component classes; module ids end in `_dvContainer`, `_frameBody`), bmail extension content scripts for
 * 126/163 (read frame lookup, `li[title="首页"]` tabs), a "邮件智能助手" content script for Chinese webmail;
 * NetEase renders the read-mail body in a same-origin `iframe.oD0` (`…_frameBody`) and the sender as
 * `.nui-addr` with `.nui-addr-name` / `.nui-addr-email` (`<x@163.com>`).
 * realbmail/bmail_extension src/content_netease.ts (read module `[id^="_dvModuleContainer_read.ReadModule"]`,
 * the body iframe holding `.netease_mail_readhtml.netease_mail_readhtml_webmail`, `.nui-addr-email`,
 * `#spnUid`, quick reply `[id$="_dvAttach_reply"]`, tabs `li[id^="_mail_tabitem_"]`).
 * Two views: conversation (one `[data-mid]` item per message) and single (the whole read module is the
 * message; its id comes from the URL's `mid`).
 * UNCERTAIN: the per-message wrapper in conversation view (`[data-mid]`), the date element class and
 * the subject element are reconstructed, not confirmed on the live site.
 * Version 2: any iframe in the message is the last body fallback (`oD0` is a minified class), single view.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'netease-mail',
  version: 2,
  name: '网易邮箱 163/126 (NetEase Mail)',
  kind: 'webmail',
  matches: ['https://mail.163.com/*', 'https://mail.126.com/*'],
  layouts: {
    thread: {
      // conversation items first; a single mail is the whole read module
      messageRoot: ['div[data-mid][data-read-item]', 'div[id$="_dvContainer"][data-mid]', 'div[id^="_dvModuleContainer_read.ReadModule"]'],
      // `oD0` is a minified class: any iframe in the message is the last resort
      body: [{ css: 'body', frame: 'iframe[id$="_frameBody"]' }, { css: 'body', frame: 'iframe.oD0' }, { css: 'body', frame: 'iframe' }, { css: 'iframe.oD0' }],
      sender: [{ css: '.nui-addr-email', pattern: '<?([^<>\\s]+@[^<>\\s]+)>?' }, { css: '.nui-addr[title*="@"]', attr: 'title' }],
      sentTime: [{ css: '[data-read-time]', attr: 'data-read-time' }, { css: '.js-component-time' }],
      threadId: [{ css: '[data-mid]', scope: 'document', attr: 'data-mid' }, { url: 'mid%22%3A%22(.+?)%22' }],
      subject: [{ css: 'h1[data-read-subject]', scope: 'document' }],
      direction: { self: { css: '#spnUid', scope: 'document' }, otherwise: 'incoming' },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://mail.163.com/js6/main.jsp?sid=GAbcdEfGhIjKlMnOpQrStUvWxYz&df=mail163_letter#module=read.ReadModule%7C%7B%22mid%22%3A%22161%3A1tbiXyZ0abc%22%7D',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'tz@jinhui-tz.example', sentAt: '2026-11-28T21:40', sentAtShown: '2026年11月28日 21:40 (星期六)', threadId: '161:1tbiXyZ0abc', subject: '关于您逾期欠款的最后处理通知', bodyIncludes: '公安' },
      { direction: 'outgoing', sender: 'lihua_2026@163.example', sentAt: '2026-11-28T22:05', bodyIncludes: '不要在晚上九点以后' },
      { direction: 'incoming', sender: 'service@bank-notice.example', sentAt: '2026-11-29T10:00', bodyIncludes: '本期账单' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): iframe ids gone and the minified classes renamed: the body from the message's one iframe
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://mail.163.com/js6/main.jsp?sid=GAbcdEfGhIjKlMnOpQrStUvWxYz&df=mail163_letter#module=read.ReadModule%7C%7B%22mid%22%3A%22161%3A1tbiXyZ0abc%22%7D',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'tz@jinhui-tz.example', sentAt: '2026-11-28T21:40', sentAtShown: '2026年11月28日 21:40 (星期六)', threadId: '161:1tbiXyZ0abc', subject: '关于您逾期欠款的最后处理通知', bodyIncludes: '公安' },
      { direction: 'outgoing', sender: 'lihua_2026@163.example', sentAt: '2026-11-28T22:05', bodyIncludes: '不要在晚上九点以后' },
      { direction: 'incoming', sender: 'service@bank-notice.example', sentAt: '2026-11-29T10:00', bodyIncludes: '本期账单' },
    ],
  },
  {
    // 126 Mail, one mail open in the read module (single view)
    file: 'single.html',
    layout: 'thread',
    url: 'https://mail.126.com/js6/main.jsp?sid=HZbcdEfGhIjKlMnOpQrStUvWxYz&df=mail126_letter#module=read.ReadModule%7C%7B%22mid%22%3A%22261%3A1tbiAbC9xyz%22%7D',
    expect: { messageRoot: 1, body: 1, sender: 1, sentTime: 1, threadId: 1, subject: 1, outgoing: 0, incoming: 1 },
    records: [
      { direction: 'incoming', sender: 'cuishou@jinhui-tz.example', sentAt: '2026-11-28T22:10', sentAtShown: '2026年11月28日 22:10 (星期六)', threadId: '261%3A1tbiAbC9xyz', subject: '关于你的逾期欠款', bodyIncludes: '报警抓你坐牢' },
    ],
  },
];
