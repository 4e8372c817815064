import { describe, expect, it } from 'vitest';
import { lawFor, ownLawIds } from './law-for';
import type { CompiledRule } from './types';

const law = ['us.fdcpa.1692b', 'us-ca.rosenthal.1788.10', 'uk.pha.1997'];

describe('which citations apply where', () => {
  it('a state gets its own and the federal ids; a country its own; none → [] (complaint drafts cite nothing foreign)', () => {
    expect(ownLawIds(law, 'us-ca')).toEqual(['us.fdcpa.1692b', 'us-ca.rosenthal.1788.10']);
    expect(ownLawIds(law, 'US')).toEqual(['us.fdcpa.1692b', 'us-ca.rosenthal.1788.10']);
    expect(ownLawIds(law, 'uk')).toEqual(['uk.pha.1997']);
    expect(ownLawIds(law, 'cn')).toEqual([]);
  });

  it('the engine falls back to all ids when none apply or no jurisdiction is chosen', () => {
    const rule = { law } as CompiledRule;
    expect(lawFor(rule, 'uk')).toEqual(['uk.pha.1997']);
    expect(lawFor(rule, 'cn')).toEqual(law);
    expect(lawFor(rule)).toEqual(law);
  });
});
