/** For component tests: `t()` answers from the English messages.json, as the browser would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { substitute } from './i18n';

export function useEnglishMessages(): void {
  const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
}
