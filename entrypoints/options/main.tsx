/** Options entrypoint: read every setting, then mount src/ui/options/Options.tsx. */
import '@/src/ui/style.css';
import { render } from 'solid-js/web';
import bundle from 'virtual:dunwatch-rules';
import {
  disabledCategoriesSetting,
  disabledRulesSetting,
  ignoresSetting,
  jurisdictionSetting,
  sitesSetting,
  suggestJurisdiction,
  timeZoneSetting,
  uiLangSetting,
} from '@/src/extension/settings';
import { initI18n, t } from '@/src/ui/i18n';
import { Options } from '@/src/ui/options/Options';

async function main() {
  const lang = await initI18n();
  document.title = t('optionsTitle');
  const [jurisdiction, uiLangPref, timeZone, sites, offRules, offCategories, ignores] = await Promise.all([
    jurisdictionSetting.getValue(),
    uiLangSetting.getValue(),
    timeZoneSetting.getValue(),
    sitesSetting.getValue(),
    disabledRulesSetting.getValue(),
    disabledCategoriesSetting.getValue(),
    ignoresSetting.getValue(),
  ]);
  render(
    () => (
      <Options
        lang={lang}
        rules={bundle.rules}
        jurisdiction={jurisdiction}
        suggested={suggestJurisdiction(navigator.language)}
        uiLangPref={uiLangPref}
        timeZone={timeZone}
        sites={sites}
        offRules={offRules}
        offCategories={offCategories}
        ignores={ignores}
        onLanguageChanged={() => location.reload()}
      />
    ),
    document.getElementById('root') as HTMLElement,
  );
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
