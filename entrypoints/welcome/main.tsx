/** Welcome entrypoint (opened once, on install): read the settings, then mount src/ui/welcome/Welcome.tsx. */
import '@/src/ui/style.css';
import { render } from 'solid-js/web';
import { jurisdictionSetting, timeZoneSetting, uiLangSetting } from '@/src/extension/settings';
import { adapters } from '@/src/sites/registry';
import { initI18n, t } from '@/src/ui/i18n';
import { suggestFor } from '@/src/ui/welcome/suggest';
import { Welcome } from '@/src/ui/welcome/Welcome';

async function main() {
  const lang = await initI18n();
  document.title = t('welcomeTitle');
  const [jurisdiction, uiLangPref, timeZone] = await Promise.all([jurisdictionSetting.getValue(), uiLangSetting.getValue(), timeZoneSetting.getValue()]);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const locale = browser.i18n.getUILanguage?.() || navigator.language;
  render(
    () => (
      <Welcome
        lang={lang}
        uiLangPref={uiLangPref}
        jurisdiction={jurisdiction}
        suggestion={suggestFor(timeZone || browserZone, locale)}
        browserZone={browserZone}
        locale={locale}
        timeZone={timeZone}
        sites={adapters}
        send={(m) => browser.runtime.sendMessage(m)}
        pageUrl={(path) => browser.runtime.getURL(path as '/welcome.html')}
        onLanguageChanged={() => location.reload()}
      />
    ),
    document.getElementById('root') as HTMLElement,
  );
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
