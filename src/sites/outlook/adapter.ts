/**
 * Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com).
 * DOM sources (public code, read 2026): scrapers selecting the reading pane body `[aria-label="Message body"]`
 * (role=document, class allowTextSelection), `[data-app-section="MailReadCompose"]`, conversation rows
 * `[role=listbox] [data-convid]` (fperezdev/wd-extension-poc consts.ts), subject
 * `[data-testid="ConversationReadingPaneSubject"]` / `div[role="heading"]`, sender persona
 * `span[title*="@"]`, `time[datetime]` / `[data-testid="SentReceivedSavedTime"]` (a reading-pane
 * scraper "MiyadScraper", an OutlookFetcher with DEFAULT/LIVE selector lists); the signed-in
 * address in the Microsoft account control `#mectrl_currentAccount_secondary`.
 * UNCERTAIN: OWA's per-message wrapper has no documented stable hook; the adapter uses the
 * `aria-label="Email message"` item and falls back to each message body's nearest list item.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'outlook',
  version: 1,
  name: 'Outlook on the web',
  kind: 'webmail',
  matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*'],
  layouts: {
    thread: {
      messageRoot: ['div[aria-label="Email message"]', 'div[data-app-section="ConversationContainer"] div[role="listitem"]'],
      body: ['div[aria-label="Message body"]', 'div[role="document"].allowTextSelection'],
      sender: [{ css: 'span[title*="@"]', attr: 'title', pattern: '([^\\s<>"]+@[^\\s<>"]+)' }],
      sentTime: [{ css: '[data-testid="SentReceivedSavedTime"]' }, { css: 'time[datetime]', attr: 'datetime' }],
      threadId: [{ url: '/id/([^/?#]+)' }, { css: '[data-convid][aria-selected="true"]', scope: 'document', attr: 'data-convid' }],
      subject: [{ css: '[data-testid="ConversationReadingPaneSubject"]', scope: 'document' }, { css: 'div[role="heading"][aria-level="2"]', scope: 'document' }],
      direction: { self: { css: '#mectrl_currentAccount_secondary', scope: 'document' }, otherwise: 'incoming' },
      dateOrder: 'mdy',
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNWE5LTk4ZmEtMDACLTAwCgAQAMZ5X2p0d1tCn4fDq8m2NhA%3D',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'legal@northgate-collections.example', sentAt: '2026-11-28T10:02', sentAtShown: 'Sat 11/28/2026 10:02 AM', threadId: 'AQQkADAwATM0MDAAMS1iNWE5LTk4ZmEtMDACLTAwCgAQAMZ5X2p0d1tCn4fDq8m2NhA%3D', subject: 'Notice of intended legal action', bodyIncludes: 'seize your house' },
      { direction: 'outgoing', sender: 'jordan.lee@outlook.example', sentAt: '2026-11-28T14:25', bodyIncludes: 'I request validation' },
      { direction: 'incoming', sender: 'hr@employer.example', sentAt: '2026-11-29T08:30', bodyIncludes: 'payroll' },
    ],
  },
];
