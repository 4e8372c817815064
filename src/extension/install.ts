/**
 * What the extension does when it is installed or updated: a first install opens the welcome
 * page (jurisdiction, language, time zone, what is read, what never leaves the device); an
 * update opens nothing and leaves one "what's new" line for the popup.
 */
import { whatsNewSetting } from './settings';

export interface InstallDetails {
  reason: string;
  previousVersion?: string;
}

export interface InstallDeps {
  version: string;
  openTab: (url: string) => Promise<unknown>;
  pageUrl: (path: '/welcome.html') => string;
  setWhatsNew: (version: string) => Promise<void>;
}

export async function afterInstall(details: InstallDetails, deps: InstallDeps): Promise<void> {
  if (details.reason === 'install') await deps.openTab(deps.pageUrl('/welcome.html'));
  // reloading an unpacked extension is an "update" to the same version: nothing new to say
  else if (details.reason === 'update' && details.previousVersion !== deps.version) await deps.setWhatsNew(deps.version);
}

/** The browser's side of afterInstall. */
export function browserInstallDeps(): InstallDeps {
  return {
    version: browser.runtime.getManifest().version,
    openTab: (url) => browser.tabs.create({ url }),
    pageUrl: (path) => browser.runtime.getURL(path),
    setWhatsNew: (version) => whatsNewSetting.setValue(version),
  };
}
