/** `npm run corpus:update`: rewrite tests/corpus/expected-counts.json from the current rules. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { countAll, describeChanges, SHARED_CORPORA, SHARED_CORPUS_DIR, SNAPSHOT, type CorpusCounts } from './counts';

const before: Record<string, CorpusCounts> = existsSync(SNAPSHOT) ? JSON.parse(readFileSync(SNAPSHOT, 'utf8')) : {};
const runs = await countAll();
const now: Record<string, CorpusCounts> = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.counts]));
for (const name of SHARED_CORPORA) {
  if (now[name]) continue;
  process.stderr.write(`corpus:update: ${name} not found in ${SHARED_CORPUS_DIR}; keeping the snapshot's ${name} counts\n`);
  if (before[name]) now[name] = before[name];
}
const ordered = Object.fromEntries(Object.entries(now).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(SNAPSHOT, JSON.stringify(ordered, null, 2) + '\n');
const changes = Object.entries(ordered).flatMap(([name, c]) => (before[name] ? describeChanges(name, before[name], c) : [`${name}: new`]));
process.stdout.write(changes.length ? `updated ${SNAPSHOT}:\n  ${changes.join('\n  ')}\n` : `${SNAPSHOT}: no change\n`);
