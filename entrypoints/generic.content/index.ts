/** On-demand scan of any page (context menu, popup), injected under activeTab; not in the manifest. */
import { genericSource } from '@/src/page/generic-source';
import { runContentScript } from '@/src/extension/content-script';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const mode = (globalThis as { __dunwatchMode?: string }).__dunwatchMode;
    const picked = window.getSelection();
    // nothing selected (the selection went away): the whole page, not an error in the page's console
    const selection = mode === 'selection' && picked?.rangeCount ? picked.getRangeAt(0) : undefined;
    runContentScript(ctx, { site: 'generic', source: genericSource(document, selection ? { selection } : {}), oneOff: true }).catch((e) => console.warn('[dunwatch] could not scan this page:', e));
  },
});
