// @vitest-environment happy-dom
/** The text map: what the reader sees, as text with line breaks at blocks, mapped back to Ranges. */
import { afterEach, describe, expect, it } from 'vitest';
import { markOwn } from './layer';
import { extractText, hidesSubtree, hidesText, isTransparent, rangeFor } from './text-map';

afterEach(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
});

function body(html: string, css = ''): HTMLElement {
  if (css) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
  }
  const el = document.createElement('div');
  // test markup written here (parsed, never assigned as HTML)
  el.append(...new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.childNodes);
  document.body.append(el);
  return el;
}

describe('extractText', () => {
  it('puts line breaks between blocks and maps every character back to its text node', () => {
    const el = body('<p>Pay today.</p><p>Or else <b>we call</b> your boss.</p>');
    const x = extractText(el);
    expect(x.text).toBe('Pay today.\nOr else we call your boss.\n');
    const start = x.text.indexOf('we call');
    const range = rangeFor(document, x, start, start + 'we call your boss'.length)!;
    expect(range.toString()).toBe('we call your boss');
  });

  it('skips what the reader cannot see: hidden by CSS, by attribute, scripts, form controls, our own UI', () => {
    const own = document.createElement('span');
    own.textContent = 'OUR MARKER';
    markOwn(own);
    const el = body(
      [
        '<p>Visible words.</p>',
        '<div class="preheader">PREHEADER you will be arrested</div>',
        '<span style="display:none">NONE</span>',
        '<span style="visibility:hidden">INVISIBLE <em style="visibility:visible">shown again</em></span>',
        '<span style="opacity:0">FADED</span>',
        '<span style="color:transparent">CLEAR</span>',
        '<span style="color:rgba(0,0,0,0)">CLEAR2</span>',
        '<span style="font-size:0px">TINY</span>',
        '<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)">SRONLY</span>',
        '<div style="max-height:0;overflow:hidden">COLLAPSED</div>',
        '<span hidden>ATTR</span><span aria-hidden="true">ARIA</span>',
        '<script>SCRIPT</script><button>BUTTON</button>',
      ].join(''),
      '.preheader { display: none; }',
    );
    el.append(own);
    const text = extractText(el).text;
    expect(text).toContain('Visible words.');
    expect(text).toContain('shown again');
    for (const hidden of ['PREHEADER', 'NONE', 'INVISIBLE', 'FADED', 'CLEAR', 'TINY', 'SRONLY', 'COLLAPSED', 'ATTR', 'ARIA', 'SCRIPT', 'BUTTON', 'OUR MARKER']) expect(text, hidden).not.toContain(hidden);
  });

  it('cuts pathological text at the cap instead of stalling', () => {
    const el = body('');
    for (let i = 0; i < 30; i++) el.append(document.createTextNode('x'.repeat(10_000)));
    expect(extractText(el).text.length).toBeLessThanOrEqual(210_000);
  });
});

describe('CSS judgements', () => {
  const style = (css: Partial<CSSStyleDeclaration>) => ({ display: 'block', opacity: '1', overflow: 'visible', overflowX: 'visible', overflowY: 'visible', width: '', height: '', maxHeight: 'none', maxWidth: 'none', clip: 'auto', clipPath: 'none', visibility: 'visible', fontSize: '16px', color: 'rgb(0, 0, 0)', textShadow: 'none', contentVisibility: 'visible', ...css }) as CSSStyleDeclaration;
  it('boxes', () => {
    expect(hidesSubtree(style({}))).toBe(false);
    expect(hidesSubtree(style({ width: '300px', height: '20px', overflow: 'hidden' }))).toBe(false);
    expect(hidesSubtree(style({ width: '0px', overflow: 'hidden' }))).toBe(true);
    expect(hidesSubtree(style({ clipPath: 'inset(50%)' }))).toBe(true);
    expect(hidesSubtree(style({ contentVisibility: 'hidden' }))).toBe(true);
  });
  it('text', () => {
    expect(hidesText(style({}))).toBe(false);
    expect(hidesText(style({ visibility: 'collapse' }))).toBe(true);
    expect(hidesText(style({ color: 'transparent', textShadow: '0 0 2px #000' })), 'transparent text with a shadow can be read').toBe(false);
    expect(isTransparent('rgba(10, 20, 30, 0)')).toBe(true);
    expect(isTransparent('rgb(10 20 30 / 0)')).toBe(true);
    expect(isTransparent('#ffffff00')).toBe(true);
    expect(isTransparent('rgba(10, 20, 30, 0.5)')).toBe(false);
    expect(isTransparent('#fff')).toBe(false);
  });
});
