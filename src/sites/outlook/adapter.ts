/**
 * Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com).
 * DOM sources (public code, read 2026): scrapers selecting the reading pane body `[aria-label="Message body"]`
 * (role=document, class allowTextSelection), `[data-app-section="MailReadCompose"]`, conversation rows
 * `[role=listbox] [data-convid]` (fperezdev/wd-extension-poc consts.ts), subject
 * `[data-testid="ConversationReadingPaneSubject"]` / `div[role="heading"]`, sender persona
 * `span[title*="@"]`, `time[datetime]` / `[data-testid="SentReceivedSavedTime"]` (a reading-pane
 * scraper "MiyadScraper", an OutlookFetcher with DEFAULT/LIVE selector lists); the signed-in
 * address in the Microsoft account control `#mectrl_currentAccount_secondary`.
 * realbmail/bmail_extension src/content_outlook.ts reads messages as `div.aVla3 div[aria-expanded]`, bodies
 * as `div[id^="UniqueMessageBody_"]`, the pane `#ReadingPaneContainerId`, the reading conversation
 * `div[data-app-section="ConversationContainer"]`, per-message `div[role="toolbar"]`.
 * Two layouts: the conversation view and one message open in the reading pane.
 * UNCERTAIN: OWA's per-message wrapper has no documented stable hook; the adapter uses the
 * `aria-label="Email message"` item and falls back to list items and `aVla3` (a hashed class, last).
 * "Classic" OWA (the pre-2019 outlook.office365.com/owa client) has no public selector source we could
 * find; no fixture claims to be it.
 * Version 2: the reading-pane layout's item and body hooks.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'outlook',
  version: 2,
  name: 'Outlook on the web',
  kind: 'webmail',
  matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*'],
  layouts: {
    thread: {
      messageRoot: ['div[aria-label="Email message"]', 'div[data-app-section="ConversationContainer"] div[role="listitem"]', 'div.aVla3 div[aria-expanded]'],
      body: ['div[aria-label="Message body"]', 'div[id^="UniqueMessageBody_"]', 'div[role="document"].allowTextSelection'],
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
  {
    // the drifted layout (scripts/drift-fixture.ts): hashed classes renamed, subject testid gone: the heading is the subject
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNWE5LTk4ZmEtMDACLTAwCgAQAMZ5X2p0d1tCn4fDq8m2NhA%3D',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'legal@northgate-collections.example', sentAt: '2026-11-28T10:02', sentAtShown: 'Sat 11/28/2026 10:02 AM', threadId: 'AQQkADAwATM0MDAAMS1iNWE5LTk4ZmEtMDACLTAwCgAQAMZ5X2p0d1tCn4fDq8m2NhA%3D', subject: 'Notice of intended legal action', bodyIncludes: 'seize your house' },
      { direction: 'outgoing', sender: 'jordan.lee@outlook.example', sentAt: '2026-11-28T14:25', bodyIncludes: 'I request validation' },
      { direction: 'incoming', sender: 'hr@employer.example', sentAt: '2026-11-29T08:30', bodyIncludes: 'payroll' },
    ],
  },
  {
    // one message open in the reading pane: no conversation container, no "Email message" label
    file: 'reading-pane.html',
    layout: 'thread',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAAAAQ4sQ6mWl2FOjbeUx1pG1sEAAAbWAAA%3D',
    expect: { messageRoot: 1, body: 1, sender: 1, sentTime: 1, threadId: 1, subject: 1, outgoing: 0, incoming: 1 },
    records: [
      { direction: 'incoming', sender: 'cases@crestline-recovery.example', sentAt: '2026-11-30T08:15', sentAtShown: 'Mon 11/30/2026 8:15 AM', threadId: 'AAQkAGI2TG93AAAAAQ4sQ6mWl2FOjbeUx1pG1sEAAAbWAAA%3D', subject: 'Final demand before court action', bodyIncludes: 'warrant will be issued for your arrest' },
    ],
  },
];
