/** Rights pages entrypoint: the hash is the route (src/ui/rights/); focus moves to the new heading. */
import '@/src/ui/style.css';
import { createEffect, createSignal, on } from 'solid-js';
import { render } from 'solid-js/web';
import bundle from 'virtual:dunwatch-rules';
import { jurisdictionSetting, suggestJurisdiction } from '@/src/extension/settings';
import { initI18n, t } from '@/src/ui/i18n';
import { Rights, routeTitle } from '@/src/ui/rights/Rights';
import { parseRoute } from '@/src/ui/rights/route';

async function main() {
  const lang = await initI18n();
  const fallback = (await jurisdictionSetting.getValue()) || suggestJurisdiction(navigator.language);
  const app = document.getElementById('app') as HTMLElement;
  const [route, setRoute] = createSignal(parseRoute(location.hash));
  window.addEventListener('hashchange', () => setRoute(parseRoute(location.hash)));
  render(() => {
    createEffect(
      on(route, (r, prev) => {
        document.title = `${routeTitle(bundle, r, fallback, lang)} · ${t('extName')}`;
        if (prev === undefined) window.scrollTo(0, 0);
        else app.querySelector('h1')?.focus(); // the new page's heading, for keyboard and screen-reader users
      }),
    );
    return <Rights bundle={bundle} route={route()} fallbackJurisdiction={fallback} lang={lang} />;
  }, app);
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
