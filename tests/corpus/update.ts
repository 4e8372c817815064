/** `npm run corpus:update`: rewrite tests/corpus/expected-counts.json from the current rules. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { countAll, describeChanges, SHARED_CORPUS_DIR, SNAPSHOT, type CorpusCounts } from './counts';

const before: Record<string, CorpusCounts> = existsSync(SNAPSHOT) ? JSON.parse(readFileSync(SNAPSHOT, 'utf8')) : {};
const now = await countAll();
if (!now['real-dev']) {
  process.stderr.write(`corpus:update: ${SHARED_CORPUS_DIR} not found; keeping the snapshot's real-dev counts\n`);
  if (before['real-dev']) now['real-dev'] = before['real-dev'];
}
const ordered = Object.fromEntries(Object.entries(now).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(SNAPSHOT, JSON.stringify(ordered, null, 2) + '\n');
const changes = Object.entries(ordered).flatMap(([name, c]) => (before[name] ? describeChanges(name, before[name], c) : [`${name}: new`]));
process.stdout.write(changes.length ? `updated ${SNAPSHOT}:\n  ${changes.join('\n  ')}\n` : `${SNAPSHOT}: no change\n`);
