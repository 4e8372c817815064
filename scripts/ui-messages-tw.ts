// Fill keys missing from zh_TW with OpenCC (cn -> twp) from zh_CN; review the result by hand
// (Taiwan wording: 設定, 訊息, 復原, 管道, 「」 quotes). Existing zh_TW strings are kept.
// Run: npx tsx scripts/ui-messages-tw.ts
import { readFileSync, writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

const cn = JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')) as Record<string, { message: string }>;
const twPath = 'public/_locales/zh_TW/messages.json';
const tw = JSON.parse(readFileSync(twPath, 'utf8')) as Record<string, { message: string }>;
const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
for (const [k, v] of Object.entries(cn)) if (!tw[k]) tw[k] = { message: convert(v.message) };
writeFileSync(twPath, JSON.stringify(tw, null, 2) + '\n');
