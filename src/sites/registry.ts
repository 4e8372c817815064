/** Every site adapter, with its fixture expectations (tests and the later page loop use this list). */
import type { FixtureSpec, SiteAdapter } from './types';
import * as gmail from './gmail/adapter';
import * as telegram from './telegram/adapter';
import * as whatsapp from './whatsapp/adapter';

export interface AdapterModule {
  adapter: SiteAdapter;
  fixtures: FixtureSpec[];
}

export const adapterModules: readonly AdapterModule[] = [gmail, whatsapp, telegram];

export const adapters: readonly SiteAdapter[] = adapterModules.map((m) => m.adapter);
