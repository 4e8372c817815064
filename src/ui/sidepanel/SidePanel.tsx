/**
 * The side panel: the current tab's findings grouped by conversation and message, the
 * conversation's own findings at the top of each group, a polite live summary, and previous /
 * next (buttons, j/k, arrow keys) that focus the finding here and its message on the page.
 * This is the accessible mirror of the in-page highlights, which screen readers do not announce.
 *
 * Every message string (sender, subject, excerpt) is a JSX text child: a text node, never markup.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show, type Accessor, type JSX } from 'solid-js';
import type { EvidenceSaveAnswer } from '../../extension/evidence-messages';
import type { FocusCommand, TabStatus } from '../../extension/messages';
import { categoryName } from '../common';
import { t } from '../i18n';
import { buildModel, keepSelection, panelState, step, type PanelItem, type PanelModel } from './model';
import { summaryText } from './summary';

export interface SidePanelProps {
  tabId: Accessor<number | undefined>;
  report: Accessor<TabStatus | undefined>;
  loaded?: Accessor<boolean>;
  /** send a command to the tab's content script (rejects when there is none) */
  focus: (tabId: number, command: FocusCommand) => Promise<void>;
  /** the evidence locker for this tab, mounted by the lead (another helper's component) */
  locker?: (tabId: number) => JSX.Element;
  /** "Save as evidence" for one message: the tab's content script captures it as the card does */
  save?: (tabId: number, messageId: string) => Promise<EvidenceSaveAnswer>;
}

/** A message's "Save as evidence" button and what it did, said calmly next to it. */
function SaveButton(props: { save: () => Promise<EvidenceSaveAnswer> }): JSX.Element {
  const [said, setSaid] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const click = async () => {
    setBusy(true);
    try {
      const a = await props.save();
      setSaid('error' in a ? t('spSaveFailed', a.error) : a.pending ? t('lockerSavedPending') : a.screenshots ? t('lockerSaved') : t('spSavedNoScreenshot'));
    } catch (e) {
      setSaid(t('spSaveFailed', (e as Error).message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <p class="sp-save">
      <button type="button" disabled={busy()} onClick={() => void click()}>
        {t('spSaveEvidence')}
      </button>{' '}
      <span role="status">{said()}</span>
    </p>
  );
}

const itemId = (order: number) => `sp-item-${order}`;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable;
}

export function SidePanel(props: SidePanelProps): JSX.Element {
  const model = createMemo<PanelModel>(() => buildModel(props.report()));
  const state = createMemo(() => panelState(props.tabId(), props.report(), model()));
  const summary = createMemo(() => (props.loaded && !props.loaded() ? '' : summaryText(state(), model().counts)));
  const [current, setCurrent] = createSignal(-1);
  const [failed, setFailed] = createSignal(false);

  // a new report (or another tab) keeps the selected finding when it is still there
  let lastItem: PanelItem | undefined;
  createEffect(
    on(model, (m, prev) => {
      if (!prev) return;
      const next = keepSelection(lastItem, current(), m.items);
      lastItem = m.items[next];
      setCurrent(next);
    }),
  );
  createEffect(on(props.tabId, () => setFailed(false), { defer: true }));

  async function showOnPage(item: PanelItem) {
    const tabId = props.tabId();
    if (tabId === undefined || !item.focus) return;
    try {
      await props.focus(tabId, item.focus);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  function select(order: number, moveFocus: boolean) {
    const item = model().items[order];
    if (!item) return;
    lastItem = item;
    setCurrent(order);
    if (moveFocus) {
      const el = document.getElementById(itemId(order));
      el?.focus();
      el?.scrollIntoView?.({ block: 'nearest' });
    }
    void showOnPage(item);
  }

  const move = (delta: 1 | -1) => {
    const next = step(current(), delta, model().items.length);
    if (next >= 0) select(next, true);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    const inList = (e.target as HTMLElement).closest?.('[data-sp-list]') !== null;
    if (e.key === 'j' || (e.key === 'ArrowDown' && inList)) {
      e.preventDefault();
      move(1);
    } else if (e.key === 'k' || (e.key === 'ArrowUp' && inList)) {
      e.preventDefault();
      move(-1);
    }
  };
  // on the document: the keys work wherever the focus is in the panel, also before the first Tab
  onMount(() => document.addEventListener('keydown', onKeyDown));
  onCleanup(() => document.removeEventListener('keydown', onKeyDown));

  const total = () => model().items.length;

  const Item = (p: { item: PanelItem }) => {
    const f = () => p.item.finding;
    const excerpt = () => (p.item.kind === 'message' ? p.item.finding.excerpt : undefined);
    return (
      <li class="finding sp-finding" classList={{ 'sp-current': current() === p.item.order }}>
        <button
          type="button"
          class="sp-select"
          id={itemId(p.item.order)}
          aria-current={current() === p.item.order ? 'true' : undefined}
          onClick={() => select(p.item.order, false)}
        >
          <span class={`tag cat-${f().category}`}>{categoryName(f().category)}</span>
          <span class={`sp-sev sev-${f().severity}`}>{t(`sev_${f().severity}`)}</span>
          <span class="sp-title">{f().title}</span>
        </button>
        <Show when={excerpt()} fallback={<p class="sp-explain">{f().explanation}</p>}>
          <p class="sp-excerpt">
            <q>{excerpt()}</q>
          </p>
        </Show>
      </li>
    );
  };

  return (
    <main class="sp">
      <h1>{t('spTitle')}</h1>
      <p id="sp-summary" class="panel" aria-live="polite" aria-atomic="true">
        {summary()}
      </p>
      <Show when={total() > 0}>
        <nav class="row sp-nav" aria-label={t('spFindingsHeading')}>
          <button type="button" id="sp-prev" onClick={() => move(-1)} disabled={current() === 0}>
            {t('spPrev')}
          </button>
          <button type="button" id="sp-next" onClick={() => move(1)} disabled={current() === total() - 1}>
            {t('spNext')}
          </button>
          <span id="sp-position" class="muted">
            {current() >= 0 ? t('spPosition', String(current() + 1), String(total())) : ''}
          </span>
        </nav>
        <p class="muted sp-keys" id="sp-keys">
          {t('spKeysHelp')}
        </p>
        <p class="sp-failed" role="status">
          {failed() ? t('spFocusFailed') : ''}
        </p>
        <div data-sp-list>
          <For each={model().groups}>
            {(g) => (
              <section class="sp-group" aria-labelledby={`sp-group-${g.number}`}>
                <h2 id={`sp-group-${g.number}`}>
                  {g.subject ?? (g.threadId === undefined && model().groups.length === 1 ? t('spPageMessages') : t('spConversation', String(g.number)))}
                </h2>
                <Show when={g.threadItems.length > 0}>
                  <h3>{t('spAboutThread')}</h3>
                  <ul class="plain">
                    <For each={g.threadItems}>{(item) => <Item item={item} />}</For>
                  </ul>
                </Show>
                <For each={g.messages}>
                  {(pm) => (
                    <article class="sp-message" aria-labelledby={`sp-msg-${pm.message.id}`}>
                      <h3 id={`sp-msg-${pm.message.id}`} class="sp-message-head">
                        <span class="sp-sender">{pm.message.sender || t('spUnknownSender')}</span>
                        <Show when={pm.message.sentAt}>
                          {' · '}
                          <time datetime={pm.message.sentAtIso}>{pm.message.sentAt}</time>
                        </Show>
                      </h3>
                      {/* read by the fallback reader: the site's layout was not recognised */}
                      <Show when={pm.message.fallback}>
                        <p class="sp-fallback" role="note">
                          {t('sidepanelFallback')}
                        </p>
                      </Show>
                      <ul class="plain">
                        <For each={pm.items}>{(item) => <Item item={item} />}</For>
                      </ul>
                      <Show when={props.save && props.tabId() !== undefined}>
                        <SaveButton save={() => props.save!(props.tabId()!, pm.message.id)} />
                      </Show>
                    </article>
                  )}
                </For>
              </section>
            )}
          </For>
        </div>
      </Show>
      <Show when={props.locker && props.tabId() !== undefined}>
        {/* the locker brings its own section and heading */}
        <div id="sp-locker">{props.locker?.(props.tabId() as number)}</div>
      </Show>
      <p class="disclaimer">{t('disclaimer')}</p>
    </main>
  );
}
