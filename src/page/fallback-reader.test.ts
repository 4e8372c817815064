// @vitest-environment happy-dom
/** The fallback reader on pages whose site adapter finds nothing: what it takes as messages, and what it never does. */
import { afterEach, describe, expect, it } from 'vitest';
import { fallbackReader, findFallbackBlocks } from './fallback-reader';

afterEach(() => document.body.replaceChildren());

/** Test markup written here (parsed, never assigned as HTML). */
function page(html: string): void {
  document.body.replaceChildren(...new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.childNodes);
}

const texts = (els: Element[]) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());

const CHAT = `
<nav><ul><li><a href="/a">Inbox 3:02 PM Apex Recovery</a></li><li><a href="/b">Sam Rivera Nov 27 see you Saturday</a></li></ul></nav>
<div role="main">
  <header><h1>Apex Recovery Ops</h1></header>
  <div class="x9f1"><div class="q1">
    <div class="a7"><b>Apex Recovery</b><span>3:02 PM</span><div>Pay now or we post your debt on your timeline and call the police.</div></div>
    <div class="a7"><b>Apex Recovery</b><span>3:05 PM</span><div>Reply today or your employer hears about it.</div></div>
    <div class="a7"><span>3:10 PM</span><div>I have asked you in writing to verify this debt first.</div></div>
  </div></div>
  <form><div contenteditable="true" role="textbox">draft: you will be arrested</div><button>Send</button></form>
</div>`;

describe('findFallbackBlocks', () => {
  it('takes repeated blocks with text, times and names in the main region; not navigation, not the composer', () => {
    page(CHAT);
    const blocks = findFallbackBlocks(document);
    expect(texts(blocks)).toEqual([
      'Apex Recovery3:02 PMPay now or we post your debt on your timeline and call the police.',
      'Apex Recovery3:05 PMReply today or your employer hears about it.',
      '3:10 PMI have asked you in writing to verify this debt first.',
    ]);
  });

  it('works without a main landmark, and with Chinese times and names', () => {
    page(`<div id="app"><ul>
      <li><p><strong>速借通贷后</strong> <span>昨天 22:10</span></p><p>再不还款就曝光你，通知你的家人和单位。</p></li>
      <li><p><strong>李华</strong> <span>昨天 22:15</span></p><p>请通过正规渠道联系我，不要骚扰我的家人。</p></li>
    </ul></div>`);
    expect(texts(findFallbackBlocks(document)).map((t) => t.slice(0, 5))).toEqual(['速借通贷后', '李华 昨天']);
  });

  it('a single mail (paragraphs, no repeated headers) is one message: its container', () => {
    page(`<div role="main"><h2>Final notice</h2><div class="body"><p>Your balance of $1,480 is overdue on account 55-2190.</p><p>If you do not pay by Friday a warrant will be issued for your arrest.</p></div></div>`);
    const blocks = findFallbackBlocks(document);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.className).toBe('body');
  });

  it('an empty or chrome-only page gives nothing', () => {
    page('<nav><a>Inbox</a><a>Sent</a></nav><div role="main"><p>Loading…</p></div>');
    expect(findFallbackBlocks(document)).toEqual([]);
  });
});

describe('fallbackReader as a MessageSource', () => {
  it('finds, maps nodes back to their block, and marks every message as from the fallback with unknown direction', () => {
    page(CHAT);
    const r = fallbackReader(document, { refreshMs: 0 });
    const [first] = r.findMessages(document);
    expect(r.messageOf(first!.querySelector('div')!.firstChild!)).toBe(first);
    expect(r.info(first!)).toEqual({ body: first, direction: 'unknown', layout: 'thread', fallback: true });
    expect(r.info(document.body)).toBeNull();
    expect(r.findMessages(first!.querySelector('div')!)).toEqual([first]);
  });
});
