/**
 * Make the "drifted" fixture of a site from its committed fixture: what a site's next build
 * typically changes without changing its design (`npx tsx scripts/drift-fixture.ts [site]`):
 *   1. generated class names renamed (only names that look generated on that site: hashed, atomic
 *      or minified; hand-written BEM / semantic classes stay),
 *   2. extra wrapper elements around the given elements (breaks `a > b` selectors and depth),
 *   3. the attribute order of every element reversed,
 *   4. one optional marker removed (an attribute or element the adapter can do without).
 * Deterministic: the same input gives the same file. The output's expected selector counts are
 * written by hand in the adapter's `fixtures` (what should survive this drift), not generated.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export interface DriftSpec {
  site: string;
  from: string;
  to: string;
  /** class tokens that are generated on this site */
  generated: RegExp;
  /** elements to put inside an extra <div> */
  wrap: string[];
  /** the optional marker to remove: an attribute of the matches, or the matched elements */
  drop: { css: string; attr?: string; what: string };
}

export const SPECS: DriftSpec[] = [
  { site: 'gmail', from: 'thread.html', to: 'thread-drift.html', generated: /^[a-zA-Z][a-zA-Z0-9]{1,4}$/, wrap: ['div[data-message-id] h3', 'div.a3s'], drop: { css: 'h3 span[email]', attr: 'email', what: 'the sender\'s email attribute (the hovercard id stays)' } },
  { site: 'whatsapp', from: 'thread.html', to: 'thread-drift.html', generated: /^(_[a-z0-9]{3,5}|x[0-9a-z]{5,8})$/, wrap: ['span.selectable-text'], drop: { css: '#main header span[title]', attr: 'title', what: 'the chat title\'s title attribute' } },
  { site: 'telegram', from: 'thread-k.html', to: 'thread-k-drift.html', generated: /^$/, wrap: ['.message.spoilers-container', '.bubbles-group'], drop: { css: '.bubble[data-timestamp]', attr: 'data-timestamp', what: 'the unix time of each bubble (the clock time stays shown)' } },
  { site: 'telegram', from: 'thread-a.html', to: 'thread-a-drift.html', generated: /^$/, wrap: ['.text-content', '.sender-group-container'], drop: { css: '.message-time[title]', attr: 'title', what: 'the full date in the time\'s title (the clock time stays)' } },
  { site: 'google-messages', from: 'thread.html', to: 'thread-drift.html', generated: /^$/, wrap: ['mws-text-message-part', 'mws-message-wrapper'], drop: { css: '[data-e2e-text-message-content]', attr: 'data-e2e-text-message-content', what: 'the text part\'s data-e2e hook' } },
  { site: 'messenger', from: 'thread.html', to: 'thread-drift.html', generated: /^(x[0-9a-z]{4,8}|_[0-9a-z]{4})$/, wrap: ['div[dir="auto"]'], drop: { css: '[data-scope="date_break"]', attr: 'data-scope', what: 'the date separators\' data-scope' } },
  { site: 'instagram', from: 'thread.html', to: 'thread-drift.html', generated: /^(x[0-9a-z]{4,8}|_[0-9a-z]{4})$/, wrap: ['div[dir="auto"]'], drop: { css: 'div[aria-label="Double tap to like"]', attr: 'aria-label', what: 'the bubbles\' "Double tap to like" label' } },
  { site: 'linkedin', from: 'thread.html', to: 'thread-drift.html', generated: /^(ember\d+|EntityPhoto-circle-\d)$/, wrap: ['.msg-s-event-listitem__body', '.msg-s-message-group__meta'], drop: { css: 'time.msg-s-message-group__timestamp', attr: 'class', what: 'the group time\'s class (the day heading stays)' } },
  { site: 'x', from: 'thread.html', to: 'thread-drift.html', generated: /^(css-[0-9a-z]+|r-[0-9a-z]+)$/, wrap: ['[data-testid="tweetText"]', '[data-testid="cellInnerDiv"] > [data-testid="messageEntry"]'], drop: { css: 'time[datetime]', attr: 'datetime', what: 'the time\'s datetime attribute (the clock time stays shown)' } },
  { site: 'outlook', from: 'thread.html', to: 'thread-drift.html', generated: /^([A-Za-z0-9]{5}|rps_[0-9a-f]{4})$/, wrap: ['div[aria-label="Message body"]', 'div[aria-label="Email message"]'], drop: { css: '[data-testid="ConversationReadingPaneSubject"]', attr: 'data-testid', what: 'the subject\'s data-testid (the heading stays)' } },
  { site: 'yahoo-mail', from: 'thread.html', to: 'thread-drift.html', generated: /^([A-Za-z]{1,2}_[0-9A-Za-z]{1,8}|fz-xs)$/, wrap: ['[data-test-id="message-view-body-content"]', '[data-test-id="message-from"]'], drop: { css: '[data-test-id="email-pill"]', attr: 'title', what: 'the sender pill\'s title (the address stays in the text)' } },
  { site: 'proton-mail', from: 'thread.html', to: 'thread-drift.html', generated: /^$/, wrap: ['iframe[data-testid="content-iframe"]', '[data-testid="recipients:sender"]'], drop: { css: '[data-testid="recipient-address"]', attr: 'data-testid', what: 'the sender address\'s data-testid' } },
  { site: 'qq-mail', from: 'thread.html', to: 'thread-drift.html', generated: /^(tcolor|grn|addrtitle|sub_title|tbody)$/, wrap: ['.qm_con_body_content', '.readmail_item_head'], drop: { css: '.readmail_item[data-mailid]', attr: 'data-mailid', what: 'the conversation items\' data-mailid' } },
  { site: 'netease-mail', from: 'thread.html', to: 'thread-drift.html', generated: /^[a-zA-Z]{1,2}\d$/, wrap: ['iframe', '.nui-addr'], drop: { css: 'iframe[id$="_frameBody"]', attr: 'id', what: 'the body iframes\' ids' } },
  { site: 'weibo', from: 'thread.html', to: 'thread-drift.html', generated: /^$/, wrap: ['.msg-text', '.msg-item'], drop: { css: '.time-line', what: 'the time-line separators' } },
];

/** FNV-1a, for names that change but stay the same on every run. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36).slice(0, 5);
}

export async function drift(spec: DriftSpec, root: string): Promise<string> {
  const dir = join(root, 'src/sites', spec.site, 'fixtures');
  const html = readFileSync(join(dir, spec.from), 'utf8');
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const doc = window.document;
  doc.write(html);
  await window.happyDOM.waitUntilComplete();
  const all = () => [...doc.querySelectorAll('*')];
  // 4. one optional marker (first, while the original selectors still find it)
  for (const el of doc.querySelectorAll(spec.drop.css)) {
    if (spec.drop.attr) el.removeAttribute(spec.drop.attr);
    else el.remove();
  }
  // 2. extra wrappers
  for (const css of spec.wrap)
    for (const el of doc.querySelectorAll(css)) {
      const w = doc.createElement('div');
      w.className = `w${hash(css)}`;
      el.replaceWith(w);
      w.append(el);
    }
  // 1. generated classes renamed
  for (const el of all()) {
    const classes = [...el.classList];
    if (!classes.some((c) => spec.generated.test(c))) continue;
    el.className = classes.map((c) => (spec.generated.test(c) ? `${c[0]!.toLowerCase()}${hash(c)}` : c)).join(' ');
  }
  // 3. attribute order reversed
  for (const el of all()) {
    const attrs = [...el.attributes].map((a) => [a.name, a.value ?? ''] as const);
    for (const [n] of attrs) el.removeAttribute(n);
    for (const [n, v] of attrs.reverse()) el.setAttribute(n, v);
  }
  const note = `<!-- Drifted fixture: scripts/drift-fixture.ts made this from ${spec.from}: generated class names renamed (${spec.generated.source === '^$' ? 'none on this page' : spec.generated.source}), extra wrappers around ${spec.wrap.join(', ')}, attribute order reversed, and without ${spec.drop.what}. -->`;
  const out = `<!DOCTYPE html>\n${note}\n${doc.documentElement.outerHTML}\n`;
  await window.happyDOM.close();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..');
  const only = process.argv[2];
  for (const spec of SPECS.filter((s) => !only || s.site === only)) {
    const out = await drift(spec, root);
    writeFileSync(join(root, 'src/sites', spec.site, 'fixtures', spec.to), out);
    console.log(`wrote src/sites/${spec.site}/fixtures/${spec.to}`);
  }
}
