// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutInnerHtml } from './solid-templates';

const require = createRequire(import.meta.url);
const files = ['solid-js/web/dist/web.js', 'solid-js/web/dist/dev.js'].map((f) => require.resolve(f));

/** Solid's template() from a dist file, as a function of this document. */
function templateFrom(code: string): (html: string, importNode?: boolean, svg?: boolean, math?: boolean) => () => Node {
  const src = /function template\(html, isImportNode, isSVG, isMathML\) \{[\s\S]*?\n\}/.exec(code)![0];
  return new Function('policy', 'untrack', 'isHydrating', `${src}; return template;`)(undefined, (f: () => unknown) => f(), () => false);
}

const SAMPLES: [string, boolean?][] = [
  ['<main id="app" class="popup"><h1></h1><section aria-labelledby="tab-heading"><h2 id="tab-heading"></h2><div id="tab-status" class="panel" aria-live="polite"></div></section></main>'],
  ['<p class="row"><a id="open-options" href="#"></a><a id="open-rights" target="_blank"></a></p>'],
  ['<textarea id="message" spellcheck="false"></textarea>'],
  ['<table><tbody><tr><td>a</td></tr></tbody></table>'],
  ['<svg><path d="M0 0L1 1"></path></svg>', true],
];

describe("Solid's template() without innerHTML", () => {
  for (const file of files) {
    it(`${file.split('node_modules/')[1]}: no innerHTML assignment left in template(), the same nodes for every sample`, () => {
      const original = readFileSync(file, 'utf8');
      const patched = withoutInnerHtml(original, file);
      const src = /function template\(html[\s\S]*?\n\}/.exec(patched)![0];
      expect(src).not.toContain('innerHTML');
      const before = templateFrom(original);
      const after = templateFrom(patched);
      for (const [html, svg] of SAMPLES) {
        const a = before(svg ? `<svg>${html}</svg>` : html, false, svg)();
        const b = after(svg ? `<svg>${html}</svg>` : html, false, svg)();
        expect((b as Element).outerHTML, html).toBe((a as Element).outerHTML);
      }
    });
  }

  it('fails the build when the line it replaces is gone', () => {
    expect(() => withoutInnerHtml('function template(html) {}', 'x.js')).toThrow(/no longer has the lines/);
  });
});
