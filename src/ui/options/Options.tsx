/**
 * Options: jurisdiction, interface language, time zone, sites, categories and rules (with each
 * rule's own examples), custom rules, the ignore list with undo, and the way to the opt-in research page. Every change is saved at once to the WXT
 * storage items of src/extension/settings.ts.
 */
import { createSignal } from 'solid-js';
import type { Category, CompiledRule, UiLang } from '../../engine/types';
import type { IgnoreEntry } from '../../page/loop';
import { t } from '../i18n';
import { CustomRulesSection } from './CustomRules';
import { IgnoreSection } from './IgnoreSection';
import { JurisdictionSection } from './JurisdictionSection';
import { LanguageSection } from './LanguageSection';
import { RulesSection } from './RulesSection';
import { SitesSection } from './SitesSection';
import { TimeZoneSection } from './TimeZoneSection';
import { WorkAddressesSection } from './WorkAddressesSection';

export interface OptionsProps {
  lang: UiLang;
  rules: readonly CompiledRule[];
  jurisdiction: string;
  suggested: string;
  uiLangPref: '' | 'en' | 'zh-CN' | 'zh-TW';
  timeZone: string;
  sites: Record<string, boolean>;
  offRules: readonly string[];
  offCategories: readonly Category[];
  ignores: IgnoreEntry[];
  /** after the interface language changed (the entrypoint reloads the page) */
  onLanguageChanged: () => void;
}

export function Options(props: OptionsProps) {
  const [status, setStatus] = createSignal('');
  const saved = () => setStatus(t('saved'));
  return (
    <main id="app" class="options">
      <h1>{t('optionsTitle')}</h1>
      <p id="saved" aria-live="polite" class="muted">
        {status()}
      </p>
      <JurisdictionSection lang={props.lang} value={props.jurisdiction} suggested={props.suggested} saved={saved} />
      <LanguageSection value={props.uiLangPref} onChanged={props.onLanguageChanged} />
      <TimeZoneSection value={props.timeZone} saved={saved} />
      <WorkAddressesSection saved={saved} />
      <SitesSection value={props.sites} saved={saved} />
      <RulesSection rules={props.rules} lang={props.lang} offRules={props.offRules} offCategories={props.offCategories} saved={saved} />
      <CustomRulesSection />
      <IgnoreSection initial={props.ignores} rules={props.rules} lang={props.lang} saved={saved} />
      <section aria-labelledby="h-locker">
        <h2 id="h-locker">{t('lockerTitle')}</h2>
        <p>
          <a href="locker.html">{t('lockerOpenPage')}</a>
        </p>
      </section>
      <section aria-labelledby="h-research">
        <h2 id="h-research">{t('researchTitle')}</h2>
        <p>
          <a href="research.html">{t('researchOpenPage')}</a>
        </p>
      </section>
      <p class="disclaimer">{t('disclaimer')}</p>
    </main>
  );
}
