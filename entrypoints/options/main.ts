/**
 * Options: jurisdiction, interface language, time zone, sites, categories and rules (with each
 * rule's own examples), the ignore list with undo. Every change is saved at once to the WXT
 * storage items of src/extension/settings.ts. Plain TypeScript DOM, like the popup.
 */
import '@/src/ui/style.css';
import bundle from 'virtual:dunwatch-rules';
import { CATEGORIES, type Category, type CompiledRule } from '@/src/engine/types';
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
import { adapters } from '@/src/sites/registry';
import { initI18n, localizeStatic, t } from '@/src/ui/i18n';
import { categoryName, fillJurisdictionSelect, jurisdictionName, rightsPageUrl } from '@/src/ui/common';
import { h, parseExample, renderMarked } from '@/src/ui/mark';
import { isTimeZone, removeAt, undoRemove, type Removed } from '@/src/ui/ignore-list';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function saved() {
  const el = $('saved');
  el.textContent = t('saved');
}

function checkbox(id: string, label: string | Node, checked: boolean, onChange: (on: boolean) => void): HTMLElement {
  const input = h(document, 'input', { type: 'checkbox', id });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return h(document, 'span', { class: 'row' }, input, h(document, 'label', { for: id }, label));
}

function example(text: string, hit: boolean, category: Category): HTMLElement {
  const ex = parseExample(text);
  const body = h(document, 'span', { class: 'marked' });
  body.append(renderMarked(document, ex.text, hit ? ex.spans.map((s, i) => ({ ...s, category, index: i })) : []));
  return h(document, 'li', { class: 'example' }, h(document, 'strong', {}, hit ? t('exampleHit') : t('exampleMiss')), ' ', body);
}

async function main() {
  const lang = await initI18n();
  localizeStatic(document);
  document.title = t('optionsTitle');

  // jurisdiction
  const suggested = suggestJurisdiction(navigator.language);
  const jur = $<HTMLSelectElement>('jurisdiction');
  fillJurisdictionSelect(jur, bundle, lang, (await jurisdictionSetting.getValue()) || suggested);
  $('jur-help').textContent = t('jurisdictionSuggested', jurisdictionName(bundle, suggested, lang));
  jur.addEventListener('change', async () => {
    await jurisdictionSetting.setValue(jur.value);
    saved();
  });

  // interface language
  const ui = $<HTMLSelectElement>('ui-lang');
  const langs: [string, string][] = [['', t('uiLangBrowser')], ['en', 'English'], ['zh-CN', '简体中文'], ['zh-TW', '繁體中文']];
  const pref = await uiLangSetting.getValue();
  ui.replaceChildren(...langs.map(([v, name]) => Object.assign(h(document, 'option', { value: v, lang: v || undefined }, name), { selected: v === pref })));
  ui.addEventListener('change', async () => {
    await uiLangSetting.setValue(ui.value as '' | 'en' | 'zh-CN' | 'zh-TW');
    location.reload();
  });

  // time zone
  const tz = $<HTMLInputElement>('time-zone');
  tz.value = await timeZoneSetting.getValue();
  tz.placeholder = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  $('zones').replaceChildren(...zones.map((z) => h(document, 'option', { value: z })));
  $('tz-save').addEventListener('click', async () => {
    const v = tz.value.trim();
    if (!isTimeZone(v)) {
      $('tz-error').textContent = t('timeZoneInvalid', v);
      tz.setAttribute('aria-invalid', 'true');
      return;
    }
    $('tz-error').textContent = '';
    tz.removeAttribute('aria-invalid');
    await timeZoneSetting.setValue(v);
    saved();
  });

  // sites
  const sites = await sitesSetting.getValue();
  $('sites').replaceChildren(
    ...adapters.map((a) =>
      h(
        document,
        'li',
        {},
        checkbox(`site-${a.id}`, a.name, sites[a.id] !== false, async (on) => {
          const cur = await sitesSetting.getValue();
          await sitesSetting.setValue({ ...cur, [a.id]: on });
          saved();
        }),
      ),
    ),
  );

  // categories and rules
  const [offRules, offCats] = await Promise.all([disabledRulesSetting.getValue(), disabledCategoriesSetting.getValue()]);
  const byCat = new Map<Category, CompiledRule[]>();
  for (const r of bundle.rules) byCat.set(r.category, [...(byCat.get(r.category) ?? []), r]);
  const rulesBox = $('rules');
  for (const c of CATEGORIES) {
    const rules = byCat.get(c) ?? [];
    const catBox = checkbox(`cat-${c}`, h(document, 'span', { class: `tag cat-${c}` }, categoryName(c)), !offCats.includes(c), async (on) => {
      const cur = new Set(await disabledCategoriesSetting.getValue());
      if (on) cur.delete(c);
      else cur.add(c);
      await disabledCategoriesSetting.setValue([...cur]);
      saved();
    });
    const items = rules.map((r) => {
      const ex = [...r.examples.hit.slice(0, 2).map((e) => example(e, true, c)), ...r.examples.miss.slice(0, 2).map((e) => example(e, false, c))];
      const box = checkbox(`rule-${r.id}`, r.title[lang], !offRules.includes(r.id), async (on) => {
        const cur = new Set(await disabledRulesSetting.getValue());
        if (on) cur.delete(r.id);
        else cur.add(r.id);
        await disabledRulesSetting.setValue([...cur]);
        saved();
      });
      return h(
        document,
        'li',
        { class: 'finding' },
        box,
        h(document, 'details', {}, h(document, 'summary', {}, t('examples')), h(document, 'ul', {}, ...ex), h(document, 'p', {}, h(document, 'a', { href: rightsPageUrl({ rule: r.id }) }, t('whatYouCanDo')))),
      );
    });
    rulesBox.append(h(document, 'h3', {}, catBox), h(document, 'ul', { class: 'plain' }, ...items));
  }

  // ignore list with undo
  const ignoresBox = $('ignores');
  let lastRemoved: Removed | undefined;
  async function drawIgnores() {
    const list = await ignoresSetting.getValue();
    const ruleTitle = (id: string) => bundle.rules.find((r) => r.id === id)?.title[lang] ?? id;
    const undo = lastRemoved
      ? h(document, 'p', { class: 'row' }, t('ignoreRemoved'), (() => {
          const b = h(document, 'button', { type: 'button', id: 'ignore-undo' }, t('undo'));
          b.addEventListener('click', async () => {
            if (!lastRemoved) return;
            await ignoresSetting.setValue(undoRemove(await ignoresSetting.getValue(), lastRemoved));
            lastRemoved = undefined;
            await drawIgnores();
            saved();
          });
          return b;
        })())
      : null;
    if (!list.length) {
      ignoresBox.replaceChildren(h(document, 'p', { class: 'muted' }, t('ignoresEmpty')), ...(undo ? [undo] : []));
      return;
    }
    const rows = list.map((e, i) => {
      const del = h(document, 'button', { type: 'button', 'aria-label': t('ignoreDeleteLabel', ruleTitle(e.rule)) }, t('delete'));
      del.addEventListener('click', async () => {
        const r = removeAt(await ignoresSetting.getValue(), i);
        lastRemoved = r.removed;
        await ignoresSetting.setValue(r.list);
        await drawIgnores();
        saved();
      });
      const scope = e.scope === 'sender' ? t('scopeSender', e.sender ?? '') : e.scope === 'message' ? t('scopeMessage') : t('scopeRuleOnSite', e.site);
      return h(document, 'tr', {}, h(document, 'td', {}, ruleTitle(e.rule)), h(document, 'td', {}, scope), h(document, 'td', {}, e.site), h(document, 'td', {}, del));
    });
    ignoresBox.replaceChildren(
      ...(undo ? [undo] : []),
      h(
        document,
        'table',
        {},
        h(document, 'thead', {}, h(document, 'tr', {}, ...[t('colRule'), t('colScope'), t('colSite'), t('colAction')].map((x) => h(document, 'th', { scope: 'col' }, x)))),
        h(document, 'tbody', {}, ...rows),
      ),
    );
  }
  await drawIgnores();
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
