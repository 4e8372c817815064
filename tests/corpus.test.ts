/**
 * Corpus regression: per-rule match counts over ../shared/corpus/real-dev.jsonl and the benign
 * corpus tests/corpus/benign.jsonl must equal tests/corpus/expected-counts.json. A rule change
 * that changes behaviour on these messages fails here with the list of changes; after checking
 * them (e.g. with `dunwatch diff`), run `npm run corpus:update` and commit the snapshot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPORA, countAll, describeChanges, SHARED_CORPUS_DIR, SNAPSHOT, UPDATE_COMMAND, type CorpusCounts } from './corpus/counts';

const expected: Record<string, CorpusCounts> = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
const haveShared = existsSync(SHARED_CORPUS_DIR);
if (!haveShared) console.warn(`corpus.test: ${SHARED_CORPUS_DIR} does not exist; the real-dev corpus is skipped`);

describe('corpus regression', async () => {
  const actual = await countAll();
  for (const name of Object.keys(CORPORA)) {
    const skip = name === 'real-dev' && !haveShared;
    it.skipIf(skip)(`${name}: per-rule match counts equal the snapshot`, () => {
      expect(expected[name], `no snapshot for ${name}; run ${UPDATE_COMMAND}`).toBeDefined();
      const changes = describeChanges(name, expected[name]!, actual[name]!);
      if (changes.length) throw new Error(`match counts changed (${changes.length}):\n  ${changes.join('\n  ')}\nIf these changes are intended, run: ${UPDATE_COMMAND} (and commit tests/corpus/expected-counts.json)`);
    });
  }
  it('the benign corpus has at least 200 messages in en and zh, each recording its source', () => {
    const lines = readFileSync(CORPORA.benign!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { lang: string; source: string });
    expect(lines.length).toBeGreaterThanOrEqual(200);
    expect(new Set(lines.map((l) => l.lang))).toEqual(new Set(['en', 'zh']));
    expect(lines.every((l) => /written for Dunwatch/.test(l.source))).toBe(true);
  });
});
