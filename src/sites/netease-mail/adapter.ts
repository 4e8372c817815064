/**
 * NetEase 163/126 Mail (mail.163.com, mail.126.com).
 * DOM sources (public code, read 2026): duanluan/tampermonkey-scripts 163-mail-pro (NetEase "nui"
 * component classes; module ids end in `_dvContainer`, `_frameBody`), bmail extension content scripts for
 * 126/163 (read frame lookup, `li[title="首页"]` tabs), a "邮件智能助手" content script for Chinese webmail;
 * NetEase renders the read-mail body in a same-origin `iframe.oD0` (`…_frameBody`) and the sender as
 * `.nui-addr` with `.nui-addr-name` / `.nui-addr-email` (`<x@163.com>`).
 * UNCERTAIN: the per-message wrapper in conversation view (`[data-mid]`), the date element class and
 * the subject element are reconstructed, not confirmed on the live site.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'netease-mail',
  version: 1,
  name: '网易邮箱 163/126 (NetEase Mail)',
  kind: 'webmail',
  matches: ['https://mail.163.com/*', 'https://mail.126.com/*'],
  layouts: {
    thread: {
      messageRoot: ['div[data-mid][data-read-item]', 'div[id$="_dvContainer"][data-mid]'],
      body: [{ css: 'body', frame: 'iframe[id$="_frameBody"]' }, { css: 'body', frame: 'iframe.oD0' }, { css: 'iframe.oD0' }],
      sender: [{ css: '.nui-addr-email', pattern: '<?([^<>\\s]+@[^<>\\s]+)>?' }, { css: '.nui-addr[title*="@"]', attr: 'title' }],
      sentTime: [{ css: '[data-read-time]', attr: 'data-read-time' }, { css: '.js-component-time' }],
      threadId: [{ css: '[data-mid]', scope: 'document', attr: 'data-mid' }],
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
];
