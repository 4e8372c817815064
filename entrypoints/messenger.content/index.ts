/** Content script for this site: its adapter wired to the shared page loop. */
import { adapter } from '@/src/sites/messenger/adapter';
import { siteContentScript } from '@/src/extension/content-script';

export default siteContentScript(adapter);
