/**
 * Wordings the thread tests use (collector-frames.test.ts, analyze-thread.test.ts): how
 * collectors say who they are, that an account was placed with them, and how to opt out;
 * and look-alikes that say none of it. Written for these tests, each a common wording, not
 * copied from a corpus.
 */

/** Each says the message comes from a debt collector. */
export const DISCLOSURES = [
  'This communication is from a debt collector.',
  'This is a communication from a debt collector.',
  'this is a communication from a debt collection agency',
  'This message is from a debt collector.',
  'This e-mail comes from a debt collector and is an attempt to collect a debt.',
  'THIS IS A COMMUNICATION FROM A DEBT COLLECTOR.',
  // appositive after the sender's name
  'Jane Doe, a debt collector with ABC Recovery, is writing to you about your account.',
  'ABC Recovery, a debt collection agency, is contacting you about your Chase account.',
  'This is Apex Recovery, a debt collector.',
  'This communication is from Apex Recovery Group of America, LLC, a debt collector.',
  'Apex Recovery — a debt collector — is writing about your account.',
  'From: Apex Recovery (a debt collector)',
  'Sincerely,\nJane Doe, Debt Collector\nApex Recovery',
  // a label before a colon, a title line
  'Debt collector: ABC Recovery LLC',
  'Collection agency: Apex Recovery Group',
  'Jane Doe\nDebt Collector\nApex Recovery',
  // a copula after the sender
  'ABC is a debt collection agency.',
  'We are a collection agency.',
  "We're a third-party debt collector.",
  'We’re a debt collection law firm.',
  'I am a debt collector with ABC Recovery.',
  "I'm a debt collector.",
  'North South Group is a debt collector.',
  'ABC Recovery, Inc. is a licensed collection agency.',
  'Midland Funding is a debt recovery firm.',
  'Please note that we are a debt collector.',
  'We are required by law to inform you that this firm is a debt collector.',
  'Please be advised that ABC Recovery is a licensed collection agency.',
  'We are collection agents acting for Capital One.',
  'This is a debt collector calling about your account.',
  'Hi John, this is a msg from a debt collector.',
  'This is Jane Doe from a debt collection agency.',
  // "as"
  'As a debt collector, we are required to tell you that this is an attempt to collect a debt.',
  'Our firm is acting as a debt collector.',
  // the attempt-to-collect statement (counted as the disclosure, as before)
  'This is an attempt to collect a debt.',
  'Apex Recovery is attempting to collect a debt from you.',
  'This letter is sent in an attempt to collect a debt.',
] as const;

/** Each mentions collectors, but does not say the message comes from one. */
export const NOT_DISCLOSURES = [
  'We are not a debt collector.',
  'ABC Bank is not a debt collection agency.',
  'This communication is not from a debt collector.',
  'I am not with a collection agency.',
  'We do not act as a debt collector.',
  'This is not an attempt to collect a debt.',
  'If you do not pay, we will contact a debt collector.',
  'Your creditor may hire a debt collector.',
  'Your account may be sent to a collection agency if it is not paid.',
  'You may receive calls from a debt collector if you do not pay.',
  'You will get a letter from a debt collector.',
  'My brother is a debt collector.',
  'She said the caller is a debt collector.',
  'She told me that the caller is a debt collector.',
  'I have to tell you that my brother is a debt collector.',
  'Someone who is a debt collector may not threaten you.',
  "It is a debt collector's duty to tell you who they are.",
  "If it's a debt collector calling, hang up and write to them instead.",
  'If you think we are a debt collector, you are wrong.',
  // news and advice about collectors
  'Debt collectors called her 40 times, the report said.',
  'A debt collection agency was fined $2 million by regulators last year.',
  'Last year, a debt collector called me at work.',
  '"Pay now," a debt collector told her.',
  'Is a debt collector calling you? Know your rights.',
  'Debt collectors: what you need to know about your rights',
  'We work with banks, collection agencies, and lenders.',
  'Do not ignore calls from creditors, debt collectors, or lawyers.',
] as const;

/** Each says the account or debt was placed with, referred, assigned or transferred to the sender. */
export const PLACEMENTS = [
  'Your account has been placed with our office for collection.',
  'Your account has been placed with our office.',
  'Your Chase account was referred to this agency for collection.',
  'Your account has been referred to our office.',
  'Capital One has assigned your account to us.',
  'Your debt has been assigned to us for collection.',
  'Your account with Verizon has been transferred to our firm.',
  'Comcast has placed your unpaid balance with our agency.',
  'The above account has been turned over to this office for collection.',
  'Your file has been forwarded to our law firm.',
  'This account has been placed with us by Synchrony Bank.',
  'Your balance was sold to us.',
  'We have been retained by ABC Bank to collect your account.',
  'Your account is being transferred to our collection agency.',
  'Please be advised that your account was recently referred to our offices.',
  'Your Verizon bill has been handed over to this agency.',
] as const;

/** Each speaks of accounts and offices, but no account was placed with the sender. */
export const NOT_PLACEMENTS = [
  'If not paid, your account will be placed with a collection agency.',
  'Your payment for the account was sent to our office.',
  'Your account has been transferred to our new online system.',
  'Your account has been transferred to our collections department.',
  'Your account has not been placed with our office.',
  'ABC has not placed your account with us.',
  'Your account may be referred to an outside agency.',
  'Your account will be assigned to a collector.',
  'Your order has been placed with our store.',
] as const;

/** Each tells the reader how to opt out of e-mails or texts. */
export const OPT_OUTS = [
  'Reply STOP to opt out.',
  'Text STOP to 55555.',
  'Reply "STOP" to end texts.',
  'Reply with the word STOP.',
  'To opt-out, reply END.',
  'Opt‑out: reply STOP',
  'You can opt out at any time.',
  'Unsubscribe',
  'To stop receiving these e-mails, click here.',
  'You can stop receiving these messages by replying STOP.',
  'To no longer receive texts, call 800-555-0100.',
  'If you no longer wish to receive e-mails from us, reply UNSUBSCRIBE.',
  'If you do not want us to e-mail you, call us.',
  'You may ask us to stop e-mailing you.',
  'Tell us to stop texting you at any time.',
  'Let us know if you want us to stop contacting you by e-mail.',
  'Manage your communication preferences here.',
] as const;

/** Each has words of an opt-out, but is none. */
export const NOT_OPT_OUTS = [
  'Do not reply to this e-mail.',
  'Stop by our office on Friday.',
  'To stop all collection activity, pay the balance in full.',
  'Please reply to this message.',
  'Call us to arrange payment.',
  'We will not stop until you pay.',
] as const;
