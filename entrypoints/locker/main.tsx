/** The evidence locker as a full page (locker.html): the same LockerPanel as the side panel. */
import '@/src/ui/style.css';
import '@/src/ui/locker/locker.css';
import { render } from 'solid-js/web';
import { initI18n, t } from '@/src/ui/i18n';
import { LockerPanel } from '@/src/ui/locker/LockerPanel';

async function main() {
  await initI18n();
  document.title = `${t('lockerTitle')} · ${t('extName')}`;
  const app = document.getElementById('app') as HTMLElement;
  render(() => <LockerPanel variant="page" />, app);
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
