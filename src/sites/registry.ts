/** Every site adapter, with its fixture expectations (tests and the later page loop use this list). */
import type { FixtureSpec, SiteAdapter } from './types';
import * as gmail from './gmail/adapter';
import * as googleMessages from './google-messages/adapter';
import * as instagram from './instagram/adapter';
import * as linkedin from './linkedin/adapter';
import * as messenger from './messenger/adapter';
import * as neteaseMail from './netease-mail/adapter';
import * as qqMail from './qq-mail/adapter';
import * as weibo from './weibo/adapter';
import * as outlook from './outlook/adapter';
import * as protonMail from './proton-mail/adapter';
import * as x from './x/adapter';
import * as yahooMail from './yahoo-mail/adapter';
import * as telegram from './telegram/adapter';
import * as whatsapp from './whatsapp/adapter';

export interface AdapterModule {
  adapter: SiteAdapter;
  fixtures: FixtureSpec[];
}

export const adapterModules: readonly AdapterModule[] = [gmail, whatsapp, telegram, googleMessages, messenger, instagram, linkedin, x, outlook, yahooMail, protonMail, qqMail, neteaseMail, weibo];

export const adapters: readonly SiteAdapter[] = adapterModules.map((m) => m.adapter);
