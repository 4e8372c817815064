import { describe, expect, it } from 'vitest';
import nlpOne from 'compromise/one';
import { matchEnglish, windowsAround } from './english';
import { rule } from './test-rules';

const arrest = rule({
  id: 'en.threat.arrest',
  keywords: ['arrest'],
  patterns: ['(will|going to) be arrested', 'arrest you'],
  unless: ['not be arrested'],
});

function run(text: string) {
  const positions: number[] = [];
  for (let i = text.indexOf('arrest'); i >= 0; i = text.indexOf('arrest', i + 1)) positions.push(i);
  const r = matchEnglish(text, [arrest], positions, nlpOne);
  return { matches: r.matches.map((m) => text.slice(m.from, m.to)), blocked: r.blocked.map((m) => text.slice(m.from, m.to)) };
}

describe('matchEnglish', () => {
  it('matches in the sentence around the keyword, with offsets in the whole text', () => {
    const text = 'hello there. you owe $500. you will be arrested tomorrow. bye.';
    const r = matchEnglish(text, [arrest], [text.indexOf('arrest')], nlpOne);
    expect(r.matches.map((m) => [m.from, m.to])).toEqual([[31, 47]]);
    expect(text.slice(31, 47)).toBe('will be arrested');
  });

  it('contractions: "will" matches "we\'ll"', () => {
    const r = matchEnglish("we'll arrest you today", [rule({ id: 'en.t.x', keywords: ['arrest'], patterns: ['we will arrest you'] })], [6], nlpOne);
    expect(r.matches.map((m) => [m.from, m.to])).toEqual([[0, 16]]);
  });

  it('does not look at sentences without a keyword', () => {
    expect(run('you will be arrested').matches).toEqual(['will be arrested']);
    const r = matchEnglish('you will be arrested', [arrest], [], nlpOne);
    expect(r.matches).toEqual([]);
  });

  it('reports antipattern spans as blocked', () => {
    expect(run('you will not be arrested').blocked).toEqual(['not be arrested']);
  });

  it('a rule runs only on the sentences holding its own keywords, and phrase choices still match', () => {
    const insult = rule({ id: 'en.a.x', keywords: ['loser'], patterns: ['(you|you are|u r) (a|an)? (big fat|total)? (loser|dead beat)'] });
    const text = "you are a nice person. pay today. you're a total loser. u r a loser";
    const positions = [text.indexOf('loser'), text.lastIndexOf('loser')];
    const byRule = new Map([[insult, positions]]);
    const r = matchEnglish(text, [insult], positions, nlpOne, byRule);
    expect(r.matches.map((m) => text.slice(m.from, m.to))).toEqual(["you're a total loser", 'u r a loser']);
    // the same rule with no keyword position in a sentence is not tried there
    const none = matchEnglish(text, [insult], positions, nlpOne, new Map([[insult, [0]]]));
    expect(none.matches).toEqual([]);
  });

  it('offsets stay right after emoji and CJK', () => {
    expect(run('😀😀 你好 you will be arrested').matches).toEqual(['will be arrested']);
  });
});

describe('windowsAround', () => {
  it('merges hits in one sentence and in adjacent sentences; keeps distant sentences apart', () => {
    expect(windowsAround('a jail. b jail jail. c', [2, 10, 15])).toEqual([{ start: 0, end: 20 }]);
    expect(windowsAround('a jail. b c. d jail.', [15, 2])).toEqual([
      { start: 0, end: 7 },
      { start: 12, end: 20 },
    ]);
  });
});
