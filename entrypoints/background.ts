/**
 * Background: answers analyze requests from the extension's pages and content scripts
 * with the same engine the CLI uses. All work stays on the device.
 */
import { getEngine } from '@/src/engine/bundled';
import { isAnalyzeRequest } from '@/src/messaging/analyze';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isAnalyzeRequest(message)) return undefined;
    return Promise.resolve(getEngine().analyze(message.text, message.options));
  });
});
