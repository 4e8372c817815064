import { createResource, createSignal } from 'solid-js';
import { parseWorkAddresses, workAddressesSetting } from '../../extension/settings';
import { t } from '../i18n';

/**
 * The reader's work addresses: where a collector may not write when the jurisdiction forbids
 * contact at work (thread rules). Kept on this device only.
 */
export function WorkAddressesSection(props: { saved: () => void }) {
  const [stored] = createResource(() => workAddressesSetting.getValue());
  const [count, setCount] = createSignal<number>();
  let input: HTMLTextAreaElement | undefined;
  async function save() {
    const list = parseWorkAddresses(input?.value ?? '');
    await workAddressesSetting.setValue(list);
    if (input) input.value = list.join('\n');
    setCount(list.length);
    props.saved();
  }
  return (
    <section aria-labelledby="h-work">
      <h2 id="h-work">{t('workAddressesLabel')}</h2>
      <p class="muted" id="work-help">
        {t('workAddressesHelp')}
      </p>
      <textarea id="work-addresses" ref={input} rows={3} aria-labelledby="h-work" aria-describedby="work-help" value={(stored() ?? []).join('\n')} spellcheck={false} />
      <div class="row">
        <button type="button" id="work-save" onClick={() => void save()}>
          {t('save')}
        </button>
        <span role="status">{count() === undefined ? '' : t('workAddressesSaved', String(count()))}</span>
      </div>
    </section>
  );
}
