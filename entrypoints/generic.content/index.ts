/** On-demand scan of any page (context menu, popup), injected under activeTab; not in the manifest. */
import { genericSource } from '@/src/page/generic-source';
import { runContentScript } from '@/src/extension/content-script';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const mode = (globalThis as { __dunwatchMode?: string }).__dunwatchMode;
    const selection = mode === 'selection' ? window.getSelection()?.getRangeAt(0) : undefined;
    void runContentScript(ctx, { site: 'generic', source: genericSource(document, { selection }), oneOff: true });
  },
});
