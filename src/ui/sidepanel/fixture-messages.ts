/** Messages for the side-panel tests: an SMS thread (a STOP, then a late-night message) and an e-mail thread. */
import type { RawMessage } from './test-report';

export const SMS_THREAT = 'This is a debt collector. Pay the overdue balance today or we will have you arrested, you deadbeat.';
export const SMS_AFTER_STOP = 'You owe $420. Pay now or we will tell your employer and your family that you are a thief.';
export const MAIL_BOSS = 'Your account is past due. We will contact your boss at work about this debt unless you pay today.';
export const MAIL_LAWFUL = 'Reminder: your balance of $120 is due on 1 July. You have the right to dispute this debt.';

export const PAGE: RawMessage[] = [
  { id: 'a', threadId: 'sms', sender: 'ACME Recovery', sentAtIso: '2026-06-10T14:00:00Z', direction: 'incoming', text: SMS_THREAT },
  { id: 'b', threadId: 'sms', sentAtIso: '2026-06-10T15:00:00Z', direction: 'outgoing', text: 'STOP. Do not contact me again.' },
  // 23:40 in New York
  { id: 'c', threadId: 'sms', sender: 'ACME Recovery', sentAtIso: '2026-06-11T03:40:00Z', direction: 'incoming', text: SMS_AFTER_STOP },
  { id: 'd', threadId: 'mail', sender: 'Collections <c@x.example>', subject: 'Final notice', sentAtIso: '2026-06-09T12:00:00Z', direction: 'incoming', text: MAIL_BOSS },
  { id: 'e', threadId: 'mail', sender: 'Collections <c@x.example>', sentAtIso: '2026-06-09T13:00:00Z', direction: 'incoming', text: MAIL_LAWFUL },
];
