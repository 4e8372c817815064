/**
 * Options section: the user's custom rules. Paste or import YAML (the format of rules/), check
 * it (each rule accepted or its errors, line by line), save the accepted rules, turn saved
 * rules on and off or delete them. Each rule's own hit/miss examples run through the engine
 * and show pass or fail, so the user sees the rule works before relying on it.
 *
 * The ReDoS check (recheck) runs here, in the page, when rules are checked (see
 * src/rule-compiler/redos.ts for why not in the background); it is loaded on first use.
 * Saved rules are re-checked each time the section opens, so a rule the current compiler no
 * longer accepts shows its errors here (the background already leaves it out). Saving seals a
 * rule with the extension's key (custom-rules-seal.ts); a stored rule without a valid seal
 * (written outside this page) is shown as not running until the user reviews and saves it.
 */
import { createSignal, For, Index, onCleanup, onMount, Show, type Accessor } from 'solid-js';
import { bundle } from '../../engine/bundled';
import type { RegexCheck } from '../../rule-compiler/compile';
import { compileCustomRules, type CustomCompileResult, type CustomRuleError, type CustomRuleResult } from '../../rule-compiler/custom';
import {
  compileStored,
  customRulesSetting,
  runExamples,
  withSavedSealed,
  withSeals,
  withToggled,
  type ExampleOutcome,
  type StoredCustomRule,
  type StoredRuleStatus,
} from '../../extension/custom-rules';
import { extensionKeys } from '../../extension/extension-keys';
import { t, uiLang } from '../i18n';

const ID_FORM = 'custom.<lang>.<category>.<slug>';

let recheck: Promise<RegexCheck> | undefined;
/** recheck's browser build is ~2.9 MB: load it when the user first checks a rule. */
function loadRegexCheck(): Promise<RegexCheck> {
  recheck ??= import('../../rule-compiler/redos').then((m) => m.isSafeRegex);
  return recheck;
}

/** Let the page paint "Checking…" before the synchronous check runs. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function ErrorList(props: { errors: CustomRuleError[] }) {
  return (
    <ul class="custom-errors">
      <For each={props.errors}>{(e) => <li>{t('customRulesLine', String(e.line), e.message)}</li>}</For>
    </ul>
  );
}

function Examples(props: { outcomes: ExampleOutcome[] }) {
  const passed = () => props.outcomes.filter((o) => o.pass).length;
  return (
    <Show when={props.outcomes.length}>
      <p class="muted">{t('customRulesExamples', String(passed()), String(props.outcomes.length))}</p>
      <ul class="plain">
        <For each={props.outcomes}>
          {(o) => (
            <li class="example" data-pass={o.pass ? 'yes' : 'no'}>
              <strong>{o.pass ? t('customRulesExamplePass') : t('customRulesExampleFail')}</strong>{' '}
              {o.kind === 'hit' ? t('exampleHit') : t('exampleMiss')} <span class="marked">{o.example}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function title(rule: { title: Record<string, string> } | undefined): string {
  return rule ? (rule.title[uiLang()] ?? rule.title.en ?? '') : '';
}

function CheckedRule(props: { result: CustomRuleResult }) {
  const name = () => props.result.ruleId ?? t('customRulesRuleAt', String(props.result.startLine));
  const outcomes = () => (props.result.rule ? runExamples(props.result.rule, bundle) : []);
  return (
    <li class="panel custom-result" data-accepted={props.result.rule ? 'yes' : 'no'}>
      <p>
        <strong>{props.result.rule ? t('customRulesAccepted') : t('customRulesRejected')}</strong>{' '}
        <code>{name()}</code> {title(props.result.rule)}
      </p>
      <Show when={props.result.rule} fallback={<ErrorList errors={props.result.errors} />}>
        <Examples outcomes={outcomes()} />
      </Show>
    </li>
  );
}

/** One saved rule; `status` is an accessor so a re-check updates the row in place (focus stays on its checkbox). */
function SavedRule(props: { status: Accessor<StoredRuleStatus>; onToggle: (on: boolean) => void; onDelete: () => void; onReview: () => void }) {
  const s = () => props.status().stored;
  const boxId = () => `custom-on-${String(s().id).replace(/[^a-z0-9-]/g, '-')}`;
  const outcomes = () => {
    const rule = props.status().rule;
    return rule ? runExamples(rule, bundle) : [];
  };
  return (
    <li class="panel custom-saved" data-rule={s().id}>
      <div class="row">
        <input type="checkbox" id={boxId()} checked={s().enabled} onChange={(e) => props.onToggle(e.currentTarget.checked)} />
        <label for={boxId()}>
          <code>{s().id}</code> {title(props.status().rule)}
        </label>
        <button type="button" onClick={() => props.onDelete()} aria-label={t('customRulesDeleteRule', s().id)}>
          {t('customRulesDelete')}
        </button>
      </div>
      <Show when={props.status().sealed === false}>
        <p role="note" data-unsealed="yes">
          {t('customRulesUnsealed')}{' '}
          <button type="button" onClick={() => props.onReview()}>
            {t('customRulesReview')}
          </button>
        </p>
      </Show>
      <Show when={props.status().rule} fallback={<><p role="note">{t('customRulesBroken')}</p><ErrorList errors={props.status().errors} /></>}>
        <Examples outcomes={outcomes()} />
      </Show>
    </li>
  );
}

export function CustomRulesSection() {
  const [text, setText] = createSignal('');
  const [checked, setChecked] = createSignal<CustomCompileResult | undefined>();
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal<StoredRuleStatus[]>([]);
  const builtinIds = bundle.rules.map((r) => r.id);
  const lawIds = Object.keys(bundle.law);

  /** The extension's key for sealing rules; undefined (and the reason shown) when its store cannot be opened. */
  async function rulesKey(): Promise<CryptoKey | undefined> {
    try {
      return await extensionKeys().get('custom-rules');
    } catch (e) {
      setStatus(t('customRulesKeyFailed', (e as Error).message));
      return undefined;
    }
  }

  /** Re-check the stored rules with recheck; refresh their stored verdicts if the compiler changed them. */
  let loads = 0;
  async function loadSaved(stored?: StoredCustomRule[]) {
    // each storage change starts a re-check; only the latest may show or write its result (an
    // older one finishing late would bring back a rule just deleted)
    const mine = ++loads;
    const latest = () => mine === loads;
    const raw: unknown = stored ?? (await customRulesSetting.getValue());
    // a damaged entry is still listed (with its error) so the user can delete it
    const list = (Array.isArray(raw) ? raw : []).filter((s): s is StoredCustomRule => typeof s === 'object' && s !== null);
    const isSafeRegex = list.length ? await loadRegexCheck() : () => false;
    // the background runs the stored compiled form: refresh (and re-seal) it when this compiler
    // says otherwise (an update changed the schema, or the rule no longer compiles and must stop
    // running); entries this page never sealed are shown, not sealed
    const compiled = compileStored(list, bundle, () => isSafeRegex);
    const key = await rulesKey();
    if (!latest()) return;
    if (!key) return void setSaved(compiled);
    const { statuses, stored: fresh } = await withSeals(compiled, bundle, key);
    if (!latest()) return;
    setSaved(statuses);
    if (JSON.stringify(fresh) !== JSON.stringify(list)) await customRulesSetting.setValue(fresh);
  }

  onMount(() => {
    void loadSaved();
    const unwatch = customRulesSetting.watch((list) => void loadSaved(list ?? []));
    onCleanup(unwatch);
  });

  async function check(): Promise<CustomCompileResult> {
    setBusy(true);
    setStatus(t('customRulesChecking'));
    await nextFrame();
    try {
      const isSafeRegex = await loadRegexCheck();
      const result = compileCustomRules(text(), { builtinIds, lawIds, isSafeRegex });
      setChecked(result);
      const ok = result.results.filter((r) => r.rule).length;
      setStatus(t('customRulesCheckedCount', String(ok), String(result.results.length - ok)));
      return result;
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    const result = await check();
    const accepted = result.results.filter((r) => r.rule);
    if (!accepted.length) {
      setStatus(t('customRulesNothingToSave'));
      return;
    }
    const key = await rulesKey();
    if (!key) return;
    await customRulesSetting.setValue(await withSavedSealed(await customRulesSetting.getValue(), accepted, bundle, key));
    setStatus(t('customRulesSavedCount', String(accepted.length), String(result.results.length - accepted.length)));
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    try {
      setText(await file.text());
      setChecked(undefined);
      await check();
    } catch {
      setStatus(t('customRulesFileError'));
    }
  }

  async function toggle(id: string, enabled: boolean) {
    const key = await rulesKey();
    if (!key) return;
    await customRulesSetting.setValue(await withToggled(await customRulesSetting.getValue(), id, enabled, key));
    setStatus(t(enabled ? 'customRulesTurnedOn' : 'customRulesTurnedOff', id));
  }

  /** An unsealed rule: its YAML into the box, to read, check and save (which seals it). */
  function review(stored: StoredCustomRule) {
    setText(typeof stored.source === 'string' ? stored.source : '');
    setChecked(undefined);
    document.getElementById('custom-rules-yaml')?.focus();
  }

  async function remove(id: string) {
    const list = await customRulesSetting.getValue();
    await customRulesSetting.setValue(list.filter((s) => s.id !== id));
    setStatus(t('customRulesDeleted', id));
  }

  return (
    <section id="custom-rules" aria-labelledby="h-custom-rules">
      <h2 id="h-custom-rules">{t('customRulesLabel')}</h2>
      <p class="muted" id="custom-rules-help">
        {t('customRulesHelp', 'YAML', ID_FORM, '---')}
      </p>
      <label for="custom-rules-yaml">{t('customRulesPaste')}</label>
      <textarea
        id="custom-rules-yaml"
        rows={12}
        spellcheck={false}
        aria-describedby="custom-rules-help"
        value={text()}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="row">
        <label for="custom-rules-file">{t('customRulesImport')}</label>
        <input type="file" id="custom-rules-file" accept=".yaml,.yml,application/yaml,text/yaml" onChange={(e) => void importFile(e.currentTarget)} />
      </div>
      <div class="row">
        <button type="button" id="custom-rules-check" disabled={busy()} onClick={() => void check()}>
          {t('customRulesCheck')}
        </button>
        <button type="button" id="custom-rules-save" disabled={busy()} onClick={() => void save()}>
          {t('customRulesSave')}
        </button>
      </div>
      <p id="custom-rules-status" role="status" aria-live="polite">
        {status()}
      </p>
      <Show when={checked()}>
        {(result) => (
          <ul class="plain" aria-label={t('customRulesResults')}>
            <Show when={!result().results.length}>
              <li>
                <ErrorList errors={result().errors} />
              </li>
            </Show>
            <For each={result().results}>{(r) => <CheckedRule result={r} />}</For>
          </ul>
        )}
      </Show>
      <h3>{t('customRulesSavedLabel')}</h3>
      <Show when={saved().length} fallback={<p class="muted">{t('customRulesNone')}</p>}>
        <ul class="plain">
          <Index each={saved()}>
            {(s) => <SavedRule status={s} onToggle={(on) => void toggle(s().stored.id, on)} onDelete={() => void remove(s().stored.id)} onReview={() => review(s().stored)} />}
          </Index>
        </ul>
      </Show>
    </section>
  );
}
