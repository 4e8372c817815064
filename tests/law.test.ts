/** The law citations every rule writer may cite, and the rights links every jurisdiction shows. */
import { describe, expect, it } from 'vitest';
import { bundle } from '../src/engine/bundled';

/** The agreed citation ids (HELPER-BRIEF "Law ids"); rules cite these. */
const LAW_IDS = `
us.fdcpa.1692b us.fdcpa.1692c-a-1 us.fdcpa.1692c-a-3 us.fdcpa.1692c-b us.fdcpa.1692c-c
us.fdcpa.1692d-1 us.fdcpa.1692d-2 us.fdcpa.1692d-3 us.fdcpa.1692d-5 us.fdcpa.1692d-6
us.fdcpa.1692e-1 us.fdcpa.1692e-2-a us.fdcpa.1692e-3 us.fdcpa.1692e-4 us.fdcpa.1692e-5
us.fdcpa.1692e-7 us.fdcpa.1692e-8 us.fdcpa.1692e-9 us.fdcpa.1692e-10 us.fdcpa.1692e-11
us.fdcpa.1692e-13 us.fdcpa.1692e-14 us.fdcpa.1692e-16 us.fdcpa.1692f-1 us.fdcpa.1692f-3
us.fdcpa.1692f-6 us.fdcpa.1692g us.regf.1006.6-b us.regf.1006.6-d us.regf.1006.6-e
us.regf.1006.14-a us.regf.1006.14-b us.regf.1006.14-h us.regf.1006.18 us.regf.1006.18-e
us.regf.1006.22-b us.regf.1006.22-f-4 us.regf.1006.26-b us.regf.1006.30-a
us-ca.rosenthal.1788.10 us-ca.rosenthal.1788.11 us-ca.rosenthal.1788.12
us-ca.rosenthal.1788.13 us-ca.rosenthal.1788.16 us-ma.940cmr.7.04 us-ma.940cmr.7.05
cn.cc-measures.68 cn.cc-measures.69 cn.cba-guideline.third-party cn.cba-guideline.hours
cn.cba-guideline.frequency cn.cba-guideline.impersonation cn.cba-guideline.misleading
cn.cba-guideline.privacy cn.cba-guideline.public-posting cn.cba-guideline.fees
cn.cba-guideline.visits cn.nifa.13 cn.nifa.14 cn.nifa.16 cn.nifa.17 cn.nifa.18 cn.nifa.19
cn.cfc-measures.collection cn.pipl.10 cn.pipl.23-25 cn.civil-code.1024
cn.civil-code.1032-1033 cn.psapl.42 cn.criminal-law.293-1 cn.criminal-law.293
cn.criminal-law.274 cn.criminal-law.246 cn.criminal-law.253-1 cn.criminal-law.196
cn.criminal-law.313 cn.credit-reporting.15
hk.cbp.43 hk.hkma.3-4-1 tw.banking-act.45-1 tw.ba-guidelines.collection
uk.conc.7.3.4 uk.conc.7.3.10 uk.conc.7.3.14 uk.conc.7.7.5 uk.conc.7.9 uk.conc.7.9.2
uk.conc.7.11.1 uk.conc.7.11.3 uk.conc.7.11.6 uk.conc.7.15.7 uk.aja.s40-1-a
uk.aja.s40-1-b uk.aja.s40-1-c uk.aja.s40-1-d uk.pha.1997
eu.csd.10-1 eu.csd.10-2 eu.ccd2.35 eu.gdpr.5-6
in.rbi.2022-108 in.rbi.digital-lending
au.guideline.hours au.guideline.frequency au.guideline.privacy au.guideline.harassment
ca.sor-2009-257.7 ca-on.reg74.prohibited ca-on.reg74.hours ca-on.reg74.frequency
ph.sec-mc18.1 ph.sec-mc18.contacts ph.sec-mc18.hours ph.dpa.10173
id.pojk22-2023.62
`.trim().split(/\s+/);

const JURISDICTIONS = ['us', 'us-ca', 'us-ma', 'cn', 'hk', 'tw', 'uk', 'eu', 'in', 'au', 'ca', 'ca-on', 'ph', 'id'];

describe('law citations', () => {
  it('the agreed id list has no duplicates', () => {
    expect(new Set(LAW_IDS).size).toBe(LAW_IDS.length);
  });

  it.each(LAW_IDS.map((id) => [id]))('%s exists with a title, text and official URL in every UI language', (id) => {
    const c = bundle.law[id];
    expect(c, `law id ${id} is missing from rules/law/`).toBeDefined();
    expect(id.startsWith(`${c!.jurisdiction}.`)).toBe(true);
    expect(c!.url).toMatch(/^https:\/\//);
    for (const ui of ['en', 'zh-CN', 'zh-TW'] as const) {
      expect(c!.title[ui].trim().length, `${id} title ${ui}`).toBeGreaterThan(0);
      expect(c!.text[ui].trim().length, `${id} text ${ui}`).toBeGreaterThan(0);
    }
    // The Chinese text is really Chinese, and the English text is not.
    expect(c!.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(c!.text.en).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('every citation in the bundle belongs to a known jurisdiction', () => {
    for (const c of Object.values(bundle.law)) expect(JURISDICTIONS, c.id).toContain(c.jurisdiction);
  });
});

describe('jurisdictions', () => {
  it.each(JURISDICTIONS.map((j) => [j]))('%s has a name and at least one https rights link', (j) => {
    const jur = bundle.jurisdictions[j];
    expect(jur, `rules/law/${j}.yaml`).toBeDefined();
    expect(jur!.name.en.length).toBeGreaterThan(0);
    expect(jur!.name['zh-CN'].length).toBeGreaterThan(0);
    expect(jur!.rights.length).toBeGreaterThanOrEqual(1);
    expect(jur!.rights.some((r) => /^https:\/\//.test(r.url))).toBe(true);
    for (const r of jur!.rights) {
      expect(r.url).toMatch(/^https:\/\//);
      expect(r.title.en.length && r.title['zh-CN'].length).toBeGreaterThan(0);
    }
  });
});
