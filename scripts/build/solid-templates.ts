/**
 * A vite plugin for the extension build: Solid's `template()` (solid-js/web) turns each JSX
 * element's static markup, written by the compiler, into nodes with `template.innerHTML = html`.
 * AMO's linter flags every innerHTML assignment, and the extension's rule is that nothing is
 * parsed from a string set on the live DOM: the same static markup is parsed here with DOMParser
 * into an inert document instead. Message text never goes through it (JSX text children are text
 * nodes). If solid-js changes that line, the build fails here rather than shipping the old one.
 */
import type { Plugin } from 'vite';

export const SOLID_TEMPLATE_LINE = 't.innerHTML = policy ? policy.createHTML(html) : html;';
const SOLID_TEMPLATE_CREATE = 'const t = isMathML ? document.createElementNS("http://www.w3.org/1998/Math/MathML", "template") : document.createElement("template");';

/** The same nodes as the original: a <template> whose content holds the markup (a <math> element for MathML). */
const REPLACEMENT = [
  'const markup = policy ? policy.createHTML(html) : html;',
  'const parsed = new DOMParser().parseFromString(isMathML ? `<math>${markup}</math>` : `<template>${markup}</template>`, "text/html");',
  'const t = isMathML ? parsed.body.firstChild : parsed.querySelector("template");',
].join('\n    ');

export function withoutInnerHtml(code: string, id: string): string {
  if (!code.includes(SOLID_TEMPLATE_LINE) || !code.includes(SOLID_TEMPLATE_CREATE)) {
    throw new Error(`solid-templates: Solid's template() in ${id} no longer has the lines this plugin replaces; update scripts/build/solid-templates.ts`);
  }
  const out = code.replace(`${SOLID_TEMPLATE_CREATE}\n    ${SOLID_TEMPLATE_LINE}`, REPLACEMENT);
  if (out === code) throw new Error(`solid-templates: the lines of Solid's template() in ${id} are no longer together; update scripts/build/solid-templates.ts`);
  return out;
}

export function solidTemplatesWithoutInnerHtml(): Plugin {
  return {
    name: 'dunwatch-solid-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/solid-js[\\/]web[\\/]dist[\\/](web|dev)\.js$/.test(id.split('?')[0]!)) return undefined;
      return { code: withoutInnerHtml(code, id), map: null };
    },
  };
}
