/**
 * LinkedIn messaging (www.linkedin.com/messaging).
 * DOM sources (public code, read 2026): BaamAhmed/ChatSpark messagesPayload.js
 * (`msg-s-event-listitem__body`, `msg-s-message-group__meta`, `msg-s-message-group__name`),
 * kara22/Hublinked content-scripts/fetch-data.js (`.msg-s-message-list__event`, `.msg-s-event-listitem`,
 * `.msg-s-message-group__meta a span`, `.msg-s-message-list__time-heading`), johnvincentio LinkedIn
 * scripts (`.msg-conversation-listitem`). LinkedIn's BEM names (msg-s-…) are hand-written and stable;
 * `msg-s-event-listitem--other` marks messages from the other party. Times: the group header shows the
 * clock time only and the day heading the date, so `sentAt` stays empty unless the page shows both.
 */
import type { FixtureSpec, SiteAdapter } from '../types';

export const adapter: SiteAdapter = {
  id: 'linkedin',
  version: 2,
  name: 'LinkedIn messaging',
  kind: 'messaging',
  matches: ['https://www.linkedin.com/messaging/*'],
  layouts: {
    thread: {
      messageRoot: ['li.msg-s-message-list__event .msg-s-event-listitem', '.msg-s-event-listitem'],
      body: ['.msg-s-event-listitem__body', 'p[class*="event-listitem__body"]'],
      sender: [
        { css: '.msg-s-message-group__name', scope: 'preceding' },
        { css: '.msg-s-message-group__profile-link', scope: 'preceding' },
      ],
      sentTime: [
        { css: 'time.msg-s-message-group__timestamp', scope: 'preceding' },
        { css: 'time.msg-s-message-list__time-heading', scope: 'preceding' },
      ],
      threadId: [{ url: '/messaging/thread/([^/?#]+)' }],
      subject: [{ css: '.msg-entity-lockup__entity-title, #thread-detail-jump-target', scope: 'document' }],
      // outgoing only when the group's author is the signed-in member (the nav photo's alt); version 1 took
      // every message without `--other` as the reader's own
      direction: { incoming: ['.msg-s-event-listitem--other'], self: { css: '.global-nav__me-photo', scope: 'document', attr: 'alt' } },
    },
  },
};

export const fixtures: FixtureSpec[] = [
  {
    file: 'thread.html',
    layout: 'thread',
    url: 'https://www.linkedin.com/messaging/thread/2-YmU3NDZhMTItOWQ1Zi00ZjA0LWJmMzYtOTg1ZTc3ZjYwMDAxXzAxMA==/',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'Dana Whitfield', sentAtShown: '10:02 AM', threadId: '2-YmU3NDZhMTItOWQ1Zi00ZjA0LWJmMzYtOTg1ZTc3ZjYwMDAxXzAxMA==', subject: 'Dana Whitfield', bodyIncludes: 'contact your colleagues here on LinkedIn' },
      { direction: 'outgoing', sender: 'Jordan Lee', sentAtShown: '10:40 AM', bodyIncludes: 'Please do not contact me here' },
      { direction: 'incoming', sender: 'Dana Whitfield', sentAtShown: '11:15 AM', bodyIncludes: 'Thanks for confirming' },
    ],
  },
  {
    // the drifted layout (scripts/drift-fixture.ts): the group time lost its class: the day heading is the time read
    file: 'thread-drift.html',
    layout: 'thread',
    url: 'https://www.linkedin.com/messaging/thread/2-YmU3NDZhMTItOWQ1Zi00ZjA0LWJmMzYtOTg1ZTc3ZjYwMDAxXzAxMA==/',
    expect: { messageRoot: 3, body: 3, sender: 3, sentTime: 3, threadId: 3, subject: 3, outgoing: 1, incoming: 2 },
    records: [
      { direction: 'incoming', sender: 'Dana Whitfield', sentAtShown: 'Nov 28, 2026', threadId: '2-YmU3NDZhMTItOWQ1Zi00ZjA0LWJmMzYtOTg1ZTc3ZjYwMDAxXzAxMA==', subject: 'Dana Whitfield', bodyIncludes: 'contact your colleagues here on LinkedIn' },
      { direction: 'outgoing', sender: 'Jordan Lee', sentAtShown: 'Nov 28, 2026', bodyIncludes: 'Please do not contact me here' },
      { direction: 'incoming', sender: 'Dana Whitfield', sentAtShown: 'Nov 28, 2026', bodyIncludes: 'Thanks for confirming' },
    ],
  },
];
