/**
 * What a US collector's e-mail or text says about itself, found with small frames over word
 * lists rather than whole sentences:
 * - the debt-collector disclosure (FDCPA 1692e(11), Reg F 1006.18(e)): a SELF (this message,
 *   we, I, a sender's name) tied to a WHO (debt collector, collection agency, debt recovery
 *   firm …) by HOW: a copula ("ABC is a debt collection agency"), "from" ("this communication
 *   is from a debt collector"), an appositive ("Jane Doe, a debt collector with ABC"), a label
 *   ("Debt collector: ABC"), "as" ("acting as a debt collector");
 * - signs of a third-party collector: the account placed with, referred, assigned or
 *   transferred to the sender ("your account has been placed with our office");
 * - an opt-out instruction (Reg F 1006.6(e)): "reply STOP", "unsubscribe", "to stop
 *   receiving", "you may ask us to stop e-mailing you".
 * A mention of collectors that is not the sender speaking of itself ("we are not a debt
 * collector", "we will send your account to a collection agency", "my brother is a debt
 * collector", "a debt collector called her 40 times") is none of these.
 * Input: normalised text (lower case, NFKC); English only.
 */

const alt = (words: readonly string[]) => `(?:${words.join('|')})`;

/** Words before a collector noun: "a licensed collection agency", "a third-party debt collector". */
const ADJ = `(?:${alt(['licensed', 'state-licensed', 'professional', 'third-party', 'third party', 'national', 'independent', 'registered', 'bonded', 'full-service'])} )*`;
/** The last word of a collector noun phrase: "collection agency", "debt recovery firm". */
const HEAD = alt(['agency', 'agencies', 'agents?', 'company', 'companies', 'firms?', 'law firms?', 'law offices?', 'bureaus?', 'services?', 'specialists?', 'attorneys?', 'lawyers?', 'group']);
const HEAD_ONE = alt(['agency', 'agent', 'company', 'firm', 'law firm', 'law office', 'bureau', 'service', 'services', 'specialist', 'attorney', 'lawyer', 'group']);
/**
 * WHO: what a collector calls itself. Not "collections department" or "collection office":
 * creditors collecting their own debts use those, and the FDCPA does not cover them.
 */
function who(plural: boolean): string {
  const head = plural ? HEAD : HEAD_ONE;
  return `${ADJ}${alt([
    plural ? 'debt collectors?' : 'debt collector',
    `(?:debt )?collections? ${head}`,
    `debt recovery(?: ${head})?`,
    `recovery ${plural ? alt(['agency', 'agencies', 'agents?', 'firms?', 'specialists?']) : alt(['agency', 'agent', 'firm', 'specialist'])}`,
  ])}(?![\\w'])`;
}
/** WHO, singular or plural: "a debt collector", "we are collection agents". */
export const WHO = who(true);
/** WHO, singular only: an appositive or a label names one sender ("Jane Doe, a debt collector"), a list names many. */
const WHO_ONE = who(false);
const ARTICLE = '(?:(?:a|an|the) )?';
/** What the message is, when it speaks of itself: "this e-mail", "this communication". */
const MEDIUM = alt(['message', 'msg', 'communication', 'e-?mail', 'letter', 'text(?: message)?', 'txt', 'notice', 'correspondence', 'call', 'voicemail', 'notification']);
/** The sender as an organisation: "our firm", "this office". */
const ORG = alt(['office', 'offices', 'agency', 'firm', 'law firm', 'law office', 'company', 'attorneys?', 'lawyers?', 'collection agency', 'debt collection agency', 'group']);

/** Words that make the text before a copula or comma something other than the sender's name. */
const NOT_A_SENDER = new Set(
  (
    'a an my your his her their its he she they you him them someone somebody anyone anybody nobody everyone no every each any one whoever ' +
    'if when whether that who which what how why where because unless since while after before once although though ' +
    'last in on at yesterday today recently however but and so then also according'
  ).split(' '),
);
/** A reporting verb or a clause word inside the would-be subject: "she said the caller is a debt collector". */
const REPORTED = /\b(said|says|say|told|tells|think|thinks|thought|believe|believes|claim|claims|claimed|know|knows|knew|heard|whether|if|that|who|which|whom|not|never)\b/;
const NEGATION = /\b(not|never|no longer|neither|nor|cannot)\b|n't\b/;
/** Abbreviations whose full stop does not end a sentence: "ABC Recovery, Inc. is a debt collector". */
const ABBREVIATION = /\b(inc|llc|ltd|co|corp|l\.?p|p\.?c|p\.?a|l\.?l\.?p|esq|jr|sr|st|mr|mrs|ms|dr)\.$/;

/**
 * The text of the clause that ends at `end` (after the last sentence or list boundary, or comma).
 * It looks back at most MAX_SUBJECT characters: a subject longer than that is no sender's name,
 * and a long text with many matches stays linear.
 */
const MAX_SUBJECT = 160;
function clauseBefore(text: string, end: number, opts: { comma: boolean }): string {
  let start = end;
  const limit = Math.max(0, end - MAX_SUBJECT);
  while (start > limit) {
    const c = text[start - 1]!;
    if ('!?;:\n()"'.includes(c) || (opts.comma && c === ',')) break;
    if (c === '.' && !ABBREVIATION.test(text.slice(Math.max(0, start - 8), start))) break;
    start--;
  }
  if (start === limit && limit > 0) return '';
  return text.slice(start, end).trim();
}

/** A lead-in addressed to the reader before the statement: "please note that", "we are required by law to inform you that". */
const ADVISORY = /^.*?\b(?:note|be advised|be aware|(?:inform|notify|advise|remind|tell) you|(?:want|like) you to know|understand)\b(?: [\w,]+){0,3}? that /;

/** The sender speaking of itself: "we", "this e-mail", "ABC Recovery", "this is Apex Recovery" — not "my brother", "if someone". */
function looksLikeSender(clause: string): boolean {
  const subject = clause.replace(ADVISORY, '');
  const words = subject.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  if (NOT_A_SENDER.has(words[0]!.replace(/[^\w'-]/g, ''))) return false;
  return !REPORTED.test(subject);
}

/** Typographic quotes and dashes to plain ones; runs of spaces to one (line breaks stay: labels need them). */
export function plain(normalised: string): string {
  return normalised
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[ \t\u00a0]+/g, ' ');
}

// --- the debt-collector disclosure -------------------------------------------------------

/** Frames that need no look at the subject: the sender's own message, speaking of itself. */
const SELF_FRAMES: RegExp[] = [
  // "this communication is from a debt collector", "this is from a collection agency", "this e-mail comes from …"
  new RegExp(`\\bthis (?:${MEDIUM} )?(?:is|comes|was sent|has been sent|is being sent|is sent) (?:to you )?from ${ARTICLE}${WHO}`),
  // "this is a communication from a debt collection agency", "it is a message from a debt collector"
  new RegExp(`\\b(?:this|it) is (?:a|an|another) ${MEDIUM} from ${ARTICLE}${WHO}`),
  // "this is Jane Doe from a debt collection agency", "my name is Jane and I am with a collection agency"
  new RegExp(`\\b(?:this is|my name is|i am|i'm) (?:(?!not |never )[\\w.'-]+ ){1,3}(?:from|with|at|of) (?:a|an) ${WHO}`),
  // a header: "Message from a debt collector" opening a line or sentence
  new RegExp(`(?:^|[\\n.!?:]\\s*)(?:a |an )?${MEDIUM} from ${ARTICLE}${WHO}`, 'm'),
  // a label before a colon, or a title line of its own: "Debt collector: ABC Recovery", "Jane Doe\nDebt Collector"
  new RegExp(`(?:^|[\\n|]|[.!?] )\\s*(?:[-*•] )?(?:sender|from|sent by)?:? ?${ARTICLE}${WHO_ONE} ?(?::|$)`, 'm'),
  // "As a debt collector, we are required to …" opening a sentence
  new RegExp(`(?:^|[\\n.!?,]\\s*)as ${ARTICLE}${WHO},? (?:we|i|our|this)\\b`, 'm'),
  // the attempt-to-collect statement, which the team counts as the disclosure: "This is an attempt to collect a debt"
  new RegExp(`\\b(?:this|it)(?: ${MEDIUM})? (?:is|was) (?:an|our) attempt to collect (?:a|the|this|your) debt`),
  new RegExp(`\\b(?:this|it)(?: ${MEDIUM})? (?:is|was) (?:being )?(?:sent|made|written) (?:to you )?(?:in|as) an attempt to collect (?:a|the|this|your) debt`),
  new RegExp(`\\b(?:we|i) (?:are|am|'re|'m) (?:attempting|trying|seeking) to collect (?:a|the|this|your) debt`),
  new RegExp(`(?:^|[\\n.!?:]\\s*)(?:an )?attempt to collect (?:a|the|this|your) debt`, 'm'),
];
/** "… is a debt collector", "… is attempting to collect a debt": the subject must be the sender. */
const COPULA = new RegExp(`\\b(?:is|are|am|we're|i'm|it's) (?:${ARTICLE}${WHO}|(?:attempting|trying|seeking) to collect (?:a|the|this|your) debt)`, 'g');
/** "Jane Doe, a debt collector with ABC", "ABC Recovery (a debt collector)": a name, then the noun, then the end of the appositive. */
const APPOSITIVE = new RegExp(`(?:,|\\(| - ) ?${ARTICLE}${WHO_ONE}(?=\\s*(?:[,.;:)\\n-]|$|(?:with|at|for|of|from|on behalf of|working|employed|representing|licensed|acting|retained|hired)\\b))`, 'g');
/** "acting as a debt collector", "licensed as a collection agency", unless negated just before. */
const AS = new RegExp(`\\b(?:act|acts|acting|operate|operates|operating|licensed|registered|writing|contacting you|calling) as ${ARTICLE}${WHO}`, 'g');

/** Does this message say it comes from a debt collector? */
export function saysDebtCollector(normalised: string): boolean {
  const text = plain(normalised);
  if (SELF_FRAMES.some((re) => re.test(text))) return true;
  for (const m of text.matchAll(COPULA)) {
    // a contraction carries its subject ("we're"); what comes before it still counts ("if it's …")
    const pronoun = /^(we|i|it)'/.exec(m[0])?.[1];
    const subject = `${clauseBefore(text, m.index, { comma: true })} ${pronoun ?? ''}`.trim();
    if (looksLikeSender(subject)) return true;
  }
  for (const m of text.matchAll(APPOSITIVE)) {
    if (looksLikeSender(clauseBefore(text, m.index, { comma: false }))) return true;
  }
  for (const m of text.matchAll(AS)) {
    if (!NEGATION.test(text.slice(Math.max(0, m.index - 24), m.index))) return true;
  }
  return false;
}

// --- the account placed with the sender -------------------------------------------------

/** What is placed: the account, the debt. */
const OBJECT = alt(['accounts?', 'debts?', 'balances?', 'loans?', 'files?', 'matters?', 'claims?', 'obligations?', 'bills?', 'invoices?']);
/** How it came to the sender. Not "sent": "your payment for the account was sent to us" is no placement. */
const PLACED = alt(['placed', 'referred', 'assigned', 'transferred', 'forwarded', 'turned over', 'handed over', 'sold', 'given', 'listed', 'outsourced']);
/** The sender as the one it was placed with: "us", "our office", "this agency", "our law firm". */
const TARGET = `(?:us|me|the undersigned|(?:our|this|my) (?:[\\w-]+ ){0,2}?${ORG}(?![\\w']))`;
/** The account placed with the sender, the sender named first: "your account has been placed with our office". */
const PLACED_WITH_SENDER = [
  // "your account has been placed with our office", "your Chase account was referred to this agency"
  new RegExp(`\\b${OBJECT}\\b[^.!?\\n]{0,40}?\\b(?:has|have|had|was|were|is|are)(?: now| recently| officially| since)? (?:been |being )?${PLACED} (?:with|to|in|into)(?: the care of)? ${TARGET}`),
  // "we have been retained by ABC Bank to collect", "our office has been hired to recover this debt"
  new RegExp(`\\b(?:we|i|our ${ORG}|this ${ORG})(?: have| has|'ve)? been (?:retained|engaged|hired|authori[sz]ed|instructed|appointed|contracted)\\b[^.!?\\n]{0,50}?\\b(?:to (?:collect|recover|pursue|resolve|handle)|for (?:the )?collection)\\b`),
];
/** The creditor's act: "Capital One has placed your account with our office", unless negated ("has not placed"). */
const CREDITOR_PLACED = new RegExp(`\\b${PLACED} (?:your|the|this|its|their|a|an|said)(?: [\\w$,.'-]+){0,3}? ${OBJECT} (?:with|to|in|into) ${TARGET}`, 'g');
const NEGATED_BEFORE = /(?:\b(?:not|never|no longer)|n't)\s*$/;

/** Does the message say the debt was placed with, referred or assigned to the sender (a third-party collector)? */
export function saysAccountPlacedWithSender(normalised: string): boolean {
  const text = plain(normalised);
  if (PLACED_WITH_SENDER.some((re) => re.test(text))) return true;
  for (const m of text.matchAll(CREDITOR_PLACED)) if (!NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) return true;
  return false;
}

/** Other signs that the sender collects for someone else: a client, a creditor it acts for, a debt it bought. */
const AGENCY_SIGNS = /\b(on behalf of|our client|we are collecting for|purchased (your|the|this) (account|debt)|(debt|account) (was|has been) (purchased|bought) by us)\b|催收公司|委托.{0,8}催收|受.{0,12}委托|外包催收|资产管理公司/;
/** A collector's name: "Portfolio Recovery Associates", "Apex Collection Agency" (a word other than an article before the noun). */
const NOT_A_NAME = 'a an the to any another outside external third-party party of with your our their debt licensed professional national private local independent registered new other by from for'.split(' ');
const COLLECTOR_NAME = new RegExp(`\\b(?!${alt(NOT_A_NAME)}\\b)[\\w&'-]+ (?:collection agency|collections? (?:agency|firm|company|services?|group|associates)|recovery (?:agency|services?|associates|group)|debt recovery)\\b`);

/** Does the message show it comes from a third-party collector rather than the creditor itself? */
export function looksThirdParty(normalised: string): boolean {
  const text = plain(normalised);
  return saysDebtCollector(text) || saysAccountPlacedWithSender(text) || AGENCY_SIGNS.test(text) || COLLECTOR_NAME.test(text);
}

// --- the opt-out instruction ------------------------------------------------------------

const STOP_WORD = alt(['stop', 'stopall', 'end', 'unsubscribe', 'cancel', 'quit', 'opt ?-?out', 'remove']);
const CONTACT = alt(['e-?mail', 'text', 'messag', 'contact', 'send', 'communicat', 'call', 'writ']);
const OPT_OUT: RegExp[] = [
  // "Reply STOP", "text STOP to 12345", "reply with the word STOP", "respond END"
  new RegExp(`\\b(?:reply|text|txt|send|respond|write back|answer)(?: with| back)?(?: the word)? ["']?${STOP_WORD}\\b`),
  // "STOP to opt out", "send STOP to end"
  new RegExp(`\\b${STOP_WORD}"? to (?:opt ?-?out|end|stop|unsubscribe|cancel|quit)\\b`),
  /\bunsubscrib(?:e|ing)\b/,
  /\bopt(?:s|ing)? ?-?out\b/,
  // "to stop receiving these e-mails", "you can stop getting texts", "to no longer receive"
  /\b(?:to|can|may) (?:stop|cease) (?:receiving|getting)\b|\bto no longer receive\b/,
  /\b(?:to|can|may) (?:stop|cease) (?:these|further|future|all|our)(?: [\w-]+)? (?:e-?mails|texts|text messages|messages|communications|notifications)\b/,
  // "you may ask us to stop e-mailing you", "tell us to stop texting", "let us know if you want us to stop contacting you by e-mail"
  new RegExp(`\\b(?:ask|tell|request|instruct|direct|let|notify)(?: us| that we| us know)?(?: if you want us| that you want us)? (?:to )?(?:stop|not|no longer|cease) (?:to )?${CONTACT}`),
  // "if you no longer wish to receive …", "if you do not want us to e-mail you"
  new RegExp(`\\bif you (?:no longer|do not|don't|would prefer not to|prefer not to|would rather not)(?: wish| want| like)?(?: to)? (?:receive|get|be contacted|be e-?mailed|hear|us to ${CONTACT})`),
  /\b(?:manage|update|change) (?:your )?(?:communication|contact|e-?mail|notification|text|messaging) preferences\b/,
  /\bremove (?:you|yourself|your (?:number|e-?mail(?: address)?|address)) from (?:our|this|the) (?:[\w-]+ )?list\b/,
  /退订|回t|回复t|回td|拒收/,
];

/** Does the message tell the reader how to opt out of e-mails or texts? */
export function hasOptOut(normalised: string): boolean {
  const text = plain(normalised);
  return OPT_OUT.some((re) => re.test(text));
}
