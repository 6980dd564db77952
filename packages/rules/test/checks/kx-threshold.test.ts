import { describe, expect, it } from 'vitest';
import { createAuditor } from '../../src/index.ts';
import { cleanVisit, findingsOf, medicarePatient, withService } from './fixtures.ts';

const spent = (cents: number, ot = 0) =>
  medicarePatient({ history: { treatmentDaysSinceProgressReport: 1, thresholdSpentCents: { PT_SLP: cents, OT: ot } } });

describe('kx-threshold', () => {
  it('fires on each billed line without KX when the visit passes the 2026 PT/SLP threshold ($2,480)', () => {
    const f = findingsOf('kx-threshold', cleanVisit(), spent(247_000));
    expect(f.map((x) => x.service)).toEqual([0, 1]);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.message).toContain('$2,480.00');
    expect(f[0]?.citation).toContain('kx-thresholds.json 2026');
  });

  it('does not fire with KX on the lines, below the threshold, or on the OT bucket for a PT visit', () => {
    const withKx = cleanVisit({ services: cleanVisit().services.map((s) => ({ ...s, modifiers: ['GP', 'KX'] })) });
    expect(findingsOf('kx-threshold', withKx, spent(300_000))).toEqual([]);
    expect(findingsOf('kx-threshold', cleanVisit(), spent(100_000))).toEqual([]);
    expect(findingsOf('kx-threshold', cleanVisit(), spent(0, 300_000))).toEqual([]);
  });

  it('accumulates the year across visits and restarts in a new year', () => {
    const a = createAuditor({ patients: [spent(230_000)] }); // each visit allows $82.67
    const hits: string[] = [];
    for (let n = 0; n < 3; n++) {
      const v = cleanVisit({ id: `v${n}`, date: `2026-02-0${n + 2}` });
      if (
        a
          .auditVisit(withService(v, 0, { description: `sit to stand x${10 + n} with CGA from 18in chair` }))
          .findings.some((f) => f.rule === 'kx-threshold')
      )
        hits.push(v.id);
    }
    expect(hits).toEqual(['v2']);
    const next = cleanVisit({ id: 'n1', date: '2027-01-05' });
    expect(a.auditVisit(next).findings.filter((f) => f.rule === 'kx-threshold')).toEqual([]);
  });

  it('is not judged for payers without the threshold', () => {
    expect(findingsOf('kx-threshold', cleanVisit(), { ...spent(900_000), payer: 'commercial' })).toEqual([]);
  });
});

describe('kx-threshold when a line has no price (issue 15)', () => {
  // Medicare's rules with a fee schedule that prices nothing: every line is unpriced.
  const unpricedPayer = {
    id: 'mcr-no-fees',
    basedOn: 'medicare',
    versions: [
      { effectiveFrom: '2021-01-01', pricing: { kind: 'flat' as const, schedule: [], source: 'test: no rates' } },
    ],
  };
  const visit = cleanVisit();
  const auditor = (spentCents: number, charges?: Record<string, number>) =>
    createAuditor({
      patients: [{ ...spent(spentCents), payer: 'mcr-no-fees' }],
      payers: [unpricedPayer],
      ...(charges ? { charges } : {}),
    });

  it('still fires when the spend before the visit is past the threshold, and says the visit amount is unknown', () => {
    const f = auditor(260_000)
      .auditVisit(visit)
      .findings.filter((x) => x.rule === 'kx-threshold');
    expect(f.map((x) => x.service)).toEqual([0, 1]);
    expect(f[0]?.message).toContain('was already $2,600.00 before this visit');
    expect(f[0]?.message).toContain("this visit's own amount is unknown because nothing prices 97530, 97116");
  });

  it("uses the clinic's charge for a line nothing prices", () => {
    const f = auditor(240_000, { '97530': 5_000, '97116': 4_000 }).auditVisit(visit).findings;
    // 2 x $50.00 + 1 x $40.00 = $140.00 on $2,400.00 passes $2,480.00
    expect(f.find((x) => x.rule === 'kx-threshold')?.message).toContain('reaches $2,540.00 with this visit');
  });

  it('does not fire below the threshold when the visit amount is unknown', () => {
    expect(
      auditor(100_000)
        .auditVisit(visit)
        .findings.filter((x) => x.rule === 'kx-threshold'),
    ).toEqual([]);
  });
});
