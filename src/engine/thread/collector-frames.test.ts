import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize } from '../normalize/normalize';
import { hasOptOut, looksThirdParty, saysAccountPlacedWithSender, saysDebtCollector } from './collector-frames';
import { DISCLOSURES, NOT_DISCLOSURES, NOT_OPT_OUTS, NOT_PLACEMENTS, OPT_OUTS, PLACEMENTS } from './test-wordings';

const n = (text: string) => normalize(text).text;

describe('the debt-collector disclosure', () => {
  it.each(DISCLOSURES)('counts: %s', (text) => expect(saysDebtCollector(n(text))).toBe(true));
  it.each(NOT_DISCLOSURES)('does not count: %s', (text) => expect(saysDebtCollector(n(text))).toBe(false));
});

describe('the account placed with the sender', () => {
  it.each(PLACEMENTS)('placed: %s', (text) => {
    expect(saysAccountPlacedWithSender(n(text))).toBe(true);
    expect(looksThirdParty(n(text))).toBe(true);
  });
  it.each(NOT_PLACEMENTS)('not placed: %s', (text) => expect(saysAccountPlacedWithSender(n(text))).toBe(false));
});

describe('other third-party signs', () => {
  it.each(['Portfolio Recovery Associates: your balance is past due.', 'Apex Collection Agency. Pay now.', 'On behalf of our client Chase, we ask you to pay.', 'ABC Recovery is a debt collector.'])('third party: %s', (text) =>
    expect(looksThirdParty(n(text))).toBe(true),
  );
  // a creditor speaking of collectors it may use is not one
  it.each(['We will send your account to a debt collection agency.', 'Your account will go to an outside collection agency.', 'Our collections department will call you.', 'If you do not pay, we will contact a debt collector.'])(
    'not a third party: %s',
    (text) => expect(looksThirdParty(n(text))).toBe(false),
  );
});

describe('the opt-out instruction', () => {
  it.each(OPT_OUTS)('opt-out: %s', (text) => expect(hasOptOut(n(text))).toBe(true));
  it.each(NOT_OPT_OUTS)('no opt-out: %s', (text) => expect(hasOptOut(n(text))).toBe(false));
});

// The frames are word lists: any sender, any collector noun, any surrounding collection text.
const names = fc.constantFrom('ABC Recovery', 'Apex Recovery Group', 'North South Group', 'Jane Doe', 'Midland Credit Management', 'Smith & Jones, P.C.', 'Summit Receivables, LLC');
const nouns = fc.constantFrom('debt collector', 'collection agency', 'debt collection agency', 'collections agency', 'debt collection law firm', 'debt recovery firm', 'licensed collection agency', 'third-party debt collector', 'recovery agency', 'debt collection company');
const context = fc.array(fc.constantFrom('Dear John Smith,\n', 'You owe $420 on your overdue account.', 'Please pay today.', 'Call us at 800-555-0100.', 'Your balance is $1,204.50.', 'Thank you.', 'Account number: XXXX1234.'), { maxLength: 3 });
const a = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const say = fc.constantFrom<(name: string, noun: string) => string>(
  (name, noun) => `${name} is ${a(noun)}.`,
  (name, noun) => `${name}, ${a(noun)}, is writing about your account.`,
  (name, noun) => `${name}, ${a(noun)} with ${name}, is writing about your account.`,
  (name, noun) => `${cap(noun)}: ${name}`,
  (name, noun) => `This is ${name}, ${a(noun)}.`,
  (name, noun) => `${name} (${a(noun)})`,
  (_, noun) => `This communication is from ${a(noun)}.`,
  (_, noun) => `This is a message from ${a(noun)}.`,
  (_, noun) => `We are ${a(noun)}.`,
  (_, noun) => `As ${a(noun)}, we must tell you this.`,
);
const notSay = fc.constantFrom<(name: string, noun: string) => string>(
  (name, noun) => `${name} is not ${a(noun)}.`,
  (_, noun) => `We are not ${a(noun)}.`,
  (_, noun) => `This communication is not from ${a(noun)}.`,
  (_, noun) => `If you do not pay, we will contact ${a(noun)}.`,
  (_, noun) => `You may receive calls from ${a(noun)}.`,
  (_, noun) => `Your account may be sent to ${a(noun)}.`,
  (_, noun) => `My brother is ${a(noun)}.`,
  (_, noun) => `Last year, ${a(noun)} called me.`,
);
const message = (before: string[], sentence: string, after: string[]) => [...before, sentence, ...after].join(' ');

describe('properties of the frames', () => {
  it('a sender that says it is a collector, in any frame, name, noun and context, is recognised', () => {
    fc.assert(fc.property(context, say, names, nouns, context, (before, f, name, noun, after) => saysDebtCollector(n(message(before, f(name, noun), after)))), { numRuns: 500 });
  });
  it('the same words negated, or about someone else, are not', () => {
    fc.assert(fc.property(context, notSay, names, nouns, context, (before, f, name, noun, after) => !saysDebtCollector(n(message(before, f(name, noun), after)))), { numRuns: 500 });
  });

  const objects = fc.constantFrom('Your account', 'Your Chase account', 'The above debt', 'Your unpaid balance', 'Your file', 'This matter', 'Your account with Verizon Wireless');
  const acts = fc.constantFrom('placed with', 'referred to', 'assigned to', 'transferred to', 'turned over to', 'forwarded to');
  const targets = fc.constantFrom('our office', 'this agency', 'us', 'our firm', 'our law firm', 'this office', 'our collection agency');
  it('an account placed with the sender, in any tense that says it happened, is a placement', () => {
    fc.assert(fc.property(context, objects, fc.constantFrom('has been', 'was', 'has now been', 'is being', 'have been'), acts, targets, context, (before, obj, aux, act, target, after) => saysAccountPlacedWithSender(n(message(before, `${obj} ${aux} ${act} ${target}.`, after)))), { numRuns: 300 });
  });
  it('a placement that may happen, or with someone else, is not', () => {
    const elsewhere = fc.constantFrom('a collection agency', 'an outside agency', 'a debt collector', 'our collections department', 'our new system');
    fc.assert(fc.property(context, objects, fc.constantFrom('will be', 'may be', 'could be', 'has not been', 'was never'), acts, targets, (before, obj, aux, act, target) => !saysAccountPlacedWithSender(n(message(before, `${obj} ${aux} ${act} ${target}.`, [])))), { numRuns: 300 });
    fc.assert(fc.property(context, objects, fc.constantFrom('has been', 'was'), acts, elsewhere, (before, obj, aux, act, target) => !saysAccountPlacedWithSender(n(message(before, `${obj} ${aux} ${act} ${target}.`, [])))), { numRuns: 300 });
  });

  it('arbitrary and repetitive text gives an answer (no throw, no runaway matching)', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom('is', 'a', 'debt collector', ',', '(', ':', '\n', 'inc.', 'account', 'placed with', 'our office', 'reply', 'stop', ' '), { maxLength: 60 }).map((x) => x.join(' '))), (text) => {
      const t = n(text);
      return [saysDebtCollector(t), saysAccountPlacedWithSender(t), looksThirdParty(t), hasOptOut(t)].every((x) => typeof x === 'boolean');
    }));
    // many candidate matches, none a real one: each is checked within a bounded window
    const long = 'my brother is a debt collector and '.repeat(3000) + 'last year, a debt collector called '.repeat(3000) + 'your account has been '.repeat(3000);
    expect(saysDebtCollector(long)).toBe(false);
    expect(saysAccountPlacedWithSender(long)).toBe(false);
    expect(saysDebtCollector(`${long}. ABC Recovery is a debt collector.`)).toBe(true);
  });
});
