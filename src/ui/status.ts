/** The popup's "this page" box: site recognised or not, counts by category, "Scan this page". */
import type { Category } from '../engine/types';
import type { TabStatus } from '../extension/messages';
import { adapters } from '../sites/registry';
import { categoryName } from './common';
import { t } from './i18n';
import { h } from './mark';

export function renderStatus(box: HTMLElement, status: TabStatus, tabId: number | undefined, scan: () => Promise<void>): void {
  const doc = box.ownerDocument;
  box.replaceChildren();
  if (!status.status) {
    box.append(h(doc, 'p', {}, t('statusNotRecognised')));
    const btn = h(doc, 'button', { type: 'button', id: 'scan-page' }, t('scanThisPage'));
    btn.disabled = tabId === undefined;
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      try {
        await scan();
        box.append(h(doc, 'p', {}, t('scanStarted')));
      } catch {
        box.append(h(doc, 'p', {}, t('scanNotAllowed')));
      }
    });
    box.append(btn);
    return;
  }
  if (status.site === 'generic') box.append(h(doc, 'p', {}, t('statusScannedOnRequest')));
  else box.append(h(doc, 'p', {}, t('statusRecognised', adapters.find((a) => a.id === status.site)?.name ?? status.site ?? '')));
  if (status.status === 'disabled') box.append(h(doc, 'p', {}, t('statusDisabled')));
  else if (status.status === 'scanning') box.append(h(doc, 'p', {}, t('statusScanning')));
  else if (status.status === 'no-messages') box.append(h(doc, 'p', { role: 'note' }, t('statusNoMessages')));
  const s = status.stats;
  if (s && status.status === 'ok') {
    box.append(h(doc, 'p', {}, t('statusCounts', String(s.messages), String(s.flagged))));
    const cats = Object.entries(s.byCategory).filter(([, n]) => n) as [Category, number][];
    if (cats.length) box.append(h(doc, 'ul', { class: 'plain' }, ...cats.map(([c, n]) => h(doc, 'li', {}, h(doc, 'span', { class: `tag cat-${c}` }, categoryName(c)), String(n)))));
  }
}
