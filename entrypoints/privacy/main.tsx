/** Privacy policy entrypoint: mount src/ui/privacy/Privacy.tsx in the interface language. */
import '@/src/ui/style.css';
import { render } from 'solid-js/web';
import { initI18n } from '@/src/ui/i18n';
import { POLICY } from '@/src/ui/privacy/policy';
import { Privacy } from '@/src/ui/privacy/Privacy';

async function main() {
  const lang = await initI18n();
  document.title = POLICY[lang].title;
  render(() => <Privacy lang={lang} />, document.getElementById('root') as HTMLElement);
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
