/**
 * Corpus regression: per-rule match counts over the shared corpora (../shared/corpus: real-dev,
 * ordinary-dev-en, ordinary-dev-zh) and the benign corpus tests/corpus/benign.jsonl must equal
 * tests/corpus/expected-counts.json. A rule change that changes behaviour on these messages fails
 * here with the list of changes; after checking them (e.g. with `dunwatch diff`), run
 * `npm run corpus:update` and commit the snapshot.
 * The ordinary corpora also guard the false-alarm rate (issue 11): flagged messages not marked
 * scam, divided by all messages of the file, at most FALSE_ALARM_LIMIT per file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPORA, countAll, describeChanges, FALSE_ALARM_LIMIT, ORDINARY_CORPORA, SHARED_CORPORA, SHARED_CORPUS_DIR, SNAPSHOT, UPDATE_COMMAND, type CorpusCounts, type CorpusRun } from './corpus/counts';

const expected: Record<string, CorpusCounts> = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
const absent = SHARED_CORPORA.filter((name) => !existsSync(CORPORA[name]!));
if (absent.length) console.warn(`corpus.test: not in ${SHARED_CORPUS_DIR}, skipped: ${absent.join(', ')}`);
const pct = (x: number) => `${(x * 100).toFixed(3)} %`;

describe('corpus regression', () => {
  let actual: Record<string, CorpusRun> = {};
  // one engine pass over every corpus (about 9,500 messages; the ordinary e-mails take most of it)
  beforeAll(async () => {
    actual = await countAll();
  }, 180_000);

  for (const name of Object.keys(CORPORA)) {
    it.skipIf(absent.includes(name))(`${name}: per-rule match counts equal the snapshot`, () => {
      expect(expected[name], `no snapshot for ${name}; run ${UPDATE_COMMAND}`).toBeDefined();
      const changes = describeChanges(name, expected[name]!, actual[name]!.counts);
      if (changes.length) throw new Error(`match counts changed (${changes.length}):\n  ${changes.join('\n  ')}\nIf these changes are intended, run: ${UPDATE_COMMAND} (and commit tests/corpus/expected-counts.json)`);
    });
  }

  for (const name of ORDINARY_CORPORA) {
    // Both files are under the limit today (en 15 of 5,039 = 0.298 %, zh 7 of 4,182 = 0.167 %);
    // should one go above it before issue 11's detection work lands, mark only that file's
    // assertion `it.fails` with the measured rate, so the gap stays visible.
    it.skipIf(absent.includes(name))(`${name}: false alarms (flagged, not marked scam) are at most ${pct(FALSE_ALARM_LIMIT)} of the messages`, () => {
      const run = actual[name]!;
      const rate = run.flaggedNotScam.length / run.counts.messages;
      const notScam = run.counts.messages - run.scam;
      console.log(`${name}: ${run.flaggedNotScam.length} of ${run.counts.messages} messages flagged and not marked scam = ${pct(rate)} (limit ${pct(FALSE_ALARM_LIMIT)}); of the ${notScam} not marked scam: ${pct(run.flaggedNotScam.length / notScam)}`);
      expect(rate, `false alarms in ${name}:\n  ${run.flaggedNotScam.map((f) => `${f.id} ${f.rules.join(', ')}`).join('\n  ')}`).toBeLessThanOrEqual(FALSE_ALARM_LIMIT);
    });
  }

  it('the benign corpus has at least 200 messages in en and zh, each recording its source', () => {
    const lines = readFileSync(CORPORA.benign!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { lang: string; source: string });
    expect(lines.length).toBeGreaterThanOrEqual(200);
    expect(new Set(lines.map((l) => l.lang))).toEqual(new Set(['en', 'zh']));
    expect(lines.every((l) => /written for Dunwatch/.test(l.source))).toBe(true);
  });
});
