import jurisdictions from 'virtual:dunwatch-jurisdictions';
import type { UiLang } from '../../engine/types';
import { jurisdictionSetting } from '../../extension/settings';
import { jurisdictionName } from '../common';
import { JurisdictionSelect } from '../components/JurisdictionSelect';
import { t } from '../i18n';

/** Jurisdiction: suggested from the browser's locale, always changeable. */
export function JurisdictionSection(props: { lang: UiLang; value: string; suggested: string; saved: () => void }) {
  return (
    <section aria-labelledby="h-jur">
      <h2 id="h-jur">{t('jurisdictionLabel')}</h2>
      <p class="muted" id="jur-help">
        {t('jurisdictionSuggested', jurisdictionName(jurisdictions, props.suggested, props.lang))}
      </p>
      <JurisdictionSelect
        id="jurisdiction"
        labelledBy="h-jur"
        describedBy="jur-help"
        value={props.value || props.suggested}
        lang={props.lang}
        onChange={(j) => void jurisdictionSetting.setValue(j).then(props.saved)}
      />
    </section>
  );
}
