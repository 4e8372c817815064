/**
 * The jurisdiction to suggest on the welcome page: where the reader is (the time zone) says
 * more than the language they read (a Chinese-language reader in New York, an English-language
 * reader in Hong Kong); a zone we cannot place falls back to the locale. The reader confirms it.
 */
import { suggestJurisdiction } from '../../extension/settings';

const EU_ZONES = new Set(
  'Amsterdam Athens Berlin Bratislava Brussels Bucharest Budapest Copenhagen Dublin Helsinki Lisbon Ljubljana Luxembourg Madrid Malta Mariehamn Nicosia Paris Prague Riga Rome Sofia Stockholm Tallinn Vienna Vilnius Warsaw Zagreb Busingen'
    .split(' ')
    .map((c) => `Europe/${c}`)
    .concat(['Atlantic/Canary', 'Atlantic/Madeira', 'Atlantic/Azores', 'Africa/Ceuta', 'Asia/Nicosia', 'Asia/Famagusta']),
);
const CA_ZONES = new Set(
  'Toronto Vancouver Edmonton Winnipeg Halifax St_Johns Regina Montreal Moncton Glace_Bay Goose_Bay Whitehorse Dawson Dawson_Creek Yellowknife Iqaluit Rankin_Inlet Resolute Cambridge_Bay Inuvik Swift_Current Creston Fort_Nelson Atikokan Blanc-Sablon Thunder_Bay Nipigon Rainy_River Pangnirtung'
    .split(' ')
    .map((c) => `America/${c}`),
);
// US zones in the tz database (America/* ones; Hawaii and the territories follow)
const US_ZONES = new Set(
  'New_York Chicago Denver Los_Angeles Phoenix Anchorage Juneau Sitka Metlakatla Yakutat Nome Adak Boise Detroit Menominee Indianapolis Indiana/Indianapolis Indiana/Knox Indiana/Marengo Indiana/Petersburg Indiana/Tell_City Indiana/Vevay Indiana/Vincennes Indiana/Winamac Kentucky/Louisville Kentucky/Monticello Louisville North_Dakota/Beulah North_Dakota/Center North_Dakota/New_Salem Puerto_Rico'
    .split(' ')
    .map((c) => `America/${c}`)
    .concat(['Pacific/Honolulu', 'Pacific/Guam', 'Pacific/Saipan', 'Pacific/Pago_Pago', 'America/St_Thomas', 'US/Eastern', 'US/Central', 'US/Mountain', 'US/Pacific', 'US/Alaska', 'US/Hawaii', 'US/Arizona', 'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT']),
);
const ZONES: Record<string, string> = {
  'Asia/Shanghai': 'cn',
  'Asia/Urumqi': 'cn',
  'Asia/Chongqing': 'cn',
  'Asia/Chungking': 'cn',
  'Asia/Harbin': 'cn',
  PRC: 'cn',
  'Asia/Hong_Kong': 'hk',
  Hongkong: 'hk',
  'Asia/Macau': 'hk',
  'Asia/Taipei': 'tw',
  ROC: 'tw',
  'Europe/London': 'uk',
  'Europe/Belfast': 'uk',
  'Europe/Guernsey': 'uk',
  'Europe/Isle_of_Man': 'uk',
  'Europe/Jersey': 'uk',
  GB: 'uk',
  'Asia/Kolkata': 'in',
  'Asia/Calcutta': 'in',
  'Asia/Manila': 'ph',
  'Asia/Jakarta': 'id',
  'Asia/Makassar': 'id',
  'Asia/Jayapura': 'id',
  'Asia/Pontianak': 'id',
};

/** The jurisdiction a time zone points to, if it points to one we have. */
export function jurisdictionForZone(zone: string): string | undefined {
  if (ZONES[zone]) return ZONES[zone];
  if (US_ZONES.has(zone)) return 'us';
  if (CA_ZONES.has(zone)) return 'ca';
  if (EU_ZONES.has(zone)) return 'eu';
  if (zone.startsWith('Australia/')) return 'au';
  return undefined;
}

export interface Suggestion {
  jurisdiction: string;
  /** what the suggestion rests on, to say so on the page */
  from: 'timeZone' | 'locale';
}

export function suggestFor(timeZone: string, locale: string): Suggestion {
  const byZone = jurisdictionForZone(timeZone);
  return byZone ? { jurisdiction: byZone, from: 'timeZone' } : { jurisdiction: suggestJurisdiction(locale), from: 'locale' };
}
