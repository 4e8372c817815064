import { For, createSignal } from 'solid-js';
import { timeZoneSetting } from '../../extension/settings';
import { t } from '../i18n';
import { isTimeZone } from '../ignore-list';

/** Time-zone override for the time-of-day rules ('' = the browser's). */
export function TimeZoneSection(props: { value: string; saved: () => void }) {
  const [error, setError] = createSignal('');
  let input: HTMLInputElement | undefined;
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  async function save() {
    const v = (input?.value ?? '').trim();
    if (!isTimeZone(v)) return setError(t('timeZoneInvalid', v));
    setError('');
    await timeZoneSetting.setValue(v);
    props.saved();
  }
  return (
    <section aria-labelledby="h-tz">
      <h2 id="h-tz">{t('timeZoneLabel')}</h2>
      <p class="muted" id="tz-help">
        {t('timeZoneHelp')}
      </p>
      <div class="row">
        <input
          type="text"
          id="time-zone"
          ref={input}
          list="zones"
          value={props.value}
          placeholder={Intl.DateTimeFormat().resolvedOptions().timeZone}
          aria-labelledby="h-tz"
          aria-describedby="tz-help tz-error"
          aria-invalid={error() ? 'true' : undefined}
        />
        <datalist id="zones">
          <For each={zones}>{(z) => <option value={z} />}</For>
        </datalist>
        <button type="button" id="tz-save" onClick={() => void save()}>
          {t('save')}
        </button>
      </div>
      <p id="tz-error" role="alert">
        {error()}
      </p>
    </section>
  );
}
