/**
 * Research page (opt-in sample export, issue #6): see src/ui/research/ResearchPage.tsx.
 * Reached from the options page (research.html); it loads compromise's full tagger for
 * redaction, so only this page carries it.
 */
import '@/src/ui/style.css';
import { render } from 'solid-js/web';
import bundle from 'virtual:dunwatch-rules';
import { initI18n, t } from '@/src/ui/i18n';
import { ResearchPage } from '@/src/ui/research/ResearchPage';

async function main() {
  await initI18n();
  document.title = `${t('researchTitle')} · ${t('extName')}`;
  const app = document.getElementById('app') as HTMLElement;
  render(() => <ResearchPage rulesHash={bundle.hash} engineVersion={browser.runtime.getManifest().version} />, app);
  document.body.dataset.ready = 'true'; // for the browser tests
}

void main();
