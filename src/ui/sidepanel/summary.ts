/** The side panel's one-line summary (its aria-live region) and empty states, in the interface language. */
import { t } from '../i18n';
import type { PanelCounts, PanelState } from './model';

export function summaryText(state: PanelState, counts: PanelCounts): string {
  switch (state) {
    case 'no-tab':
      return t('spNoTab');
    case 'not-scanned':
      return t('spNotScanned');
    case 'scanning':
      return t('statusScanning');
    case 'disabled':
      return t('statusDisabled');
    case 'no-messages':
      return t('statusNoMessages');
    case 'no-findings':
      return t('spNoFindings', String(counts.messages));
    case 'findings': {
      const main = t('spSummary', String(counts.messages), String(counts.findings), String(counts.flaggedMessages));
      return counts.threadFindings ? `${main} ${t('spSummaryThreads', String(counts.threadFindings))}` : main;
    }
  }
}
