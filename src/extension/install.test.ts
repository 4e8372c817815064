import { describe, expect, it } from 'vitest';
import { afterInstall, type InstallDeps } from './install';

function deps(version = '0.2.0') {
  const calls: string[] = [];
  const d: InstallDeps = {
    version,
    openTab: async (url) => void calls.push(`open ${url}`),
    pageUrl: (path) => `chrome-extension://id${path}`,
    setWhatsNew: async (v) => void calls.push(`whats-new ${v}`),
  };
  return { d, calls };
}

describe('afterInstall', () => {
  it('a first install opens the welcome page and announces nothing', async () => {
    const { d, calls } = deps();
    await afterInstall({ reason: 'install' }, d);
    expect(calls).toEqual(['open chrome-extension://id/welcome.html']);
  });

  it('an update opens nothing and leaves the new version for the popup', async () => {
    const { d, calls } = deps('0.2.0');
    await afterInstall({ reason: 'update', previousVersion: '0.1.0' }, d);
    expect(calls).toEqual(['whats-new 0.2.0']);
  });

  it('a reload of the same version, a browser update or a shared-module update does nothing', async () => {
    const { d, calls } = deps('0.2.0');
    await afterInstall({ reason: 'update', previousVersion: '0.2.0' }, d);
    await afterInstall({ reason: 'chrome_update' }, d);
    await afterInstall({ reason: 'shared_module_update' }, d);
    expect(calls).toEqual([]);
  });
});
