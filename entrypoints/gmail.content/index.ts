/** Content script for this site: wires its adapter to the shared page loop. */
import { adapter } from '@/src/sites/gmail/adapter';
import { adapterSource } from '@/src/extension/adapter-source';
import { runContentScript } from '@/src/extension/content-script';

export default defineContentScript({
  matches: [...adapter.matches],
  runAt: 'document_idle',
  main(ctx) {
    void runContentScript(ctx, { site: adapter.id, source: adapterSource(adapter) });
  },
});
