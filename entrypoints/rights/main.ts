/** Rights pages: hash-routed, rendered from the bundled rules (see src/ui/rights.ts). */
import '@/src/ui/style.css';
import bundle from 'virtual:dunwatch-rules';
import { jurisdictionSetting, suggestJurisdiction } from '@/src/extension/settings';
import { initI18n, t } from '@/src/ui/i18n';
import { parseRoute, renderRoute } from '@/src/ui/rights';

async function main() {
  const lang = await initI18n();
  const fallback = (await jurisdictionSetting.getValue()) || suggestJurisdiction(navigator.language);
  const app = document.getElementById('app') as HTMLElement;
  let first = true;
  function draw() {
    const { title, nodes } = renderRoute(document, bundle, parseRoute(location.hash), fallback, lang);
    app.replaceChildren(...nodes);
    document.title = `${title} · ${t('extName')}`;
    if (!first) (app.querySelector('h1') as HTMLElement | null)?.focus();
    else window.scrollTo(0, 0);
    first = false;
  }
  window.addEventListener('hashchange', draw);
  draw();
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
