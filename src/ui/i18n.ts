/**
 * Interface strings for the extension pages. By default `browser.i18n.getMessage` (the
 * browser's language); when the user picked another interface language in the options, that
 * locale's messages.json is read from the extension itself (a local file, no network) so the
 * choice takes effect without changing the browser's language.
 */
import type { UiLang } from '../engine/types';
import { uiLangFor } from '../page/strings';
import { uiLangSetting } from '../extension/settings';

type Messages = Record<string, { message: string }>;

let table: Messages | undefined;
let current: UiLang = 'en';

const LOCALE_DIR: Record<UiLang, string> = { en: 'en', 'zh-CN': 'zh_CN', 'zh-TW': 'zh_TW' };

/** $1…$9 as in chrome.i18n (positional substitutions without named placeholders). */
export function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}

export function t(key: string, ...subs: string[]): string {
  const own = table?.[key]?.message;
  if (own !== undefined) return substitute(own, subs);
  const msg = (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs);
  return msg || key;
}

export function uiLang(): UiLang {
  return current;
}

/** Load the chosen interface language; returns it. Sets <html lang> and the page direction. */
export async function initI18n(doc: Document = document): Promise<UiLang> {
  const pref = await uiLangSetting.getValue();
  current = pref || uiLangFor(browser.i18n.getUILanguage?.() || navigator.language);
  table = undefined;
  if (pref) {
    try {
      const res = await fetch(browser.runtime.getURL(`/_locales/${LOCALE_DIR[current]}/messages.json` as '/popup.html'));
      if (res.ok) table = (await res.json()) as Messages;
    } catch {
      table = undefined; // fall back to the browser's language
    }
  }
  doc.documentElement.lang = current;
  return current;
}
