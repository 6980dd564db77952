import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_POLICIES, createPolicyRegistry, validatePayerInputs } from '../src/index.ts';

describe('built-in payer policies', () => {
  const reg = createPolicyRegistry();

  it('has medicare, medicaid and commercial, each version with a source', () => {
    expect(reg.ids()).toEqual(['medicare', 'medicaid', 'commercial']);
    for (const p of BUILT_IN_POLICIES) {
      for (const v of p.versions) expect(v.source.length).toBeGreaterThan(10);
    }
  });

  it('medicare 2026: cms method, 10-day progress reports, 30-day certification, GP/GO/GN, CQ/CO, totals, KX, NCCI, PFS, 20%', () => {
    const m = reg.resolve('medicare', '2026-03-02');
    expect(m).toMatchObject({
      id: 'medicare',
      unitMethod: 'cms',
      coinsurancePercent: 20,
      documentation: {
        progressReportEveryTreatmentDays: 10,
        certificationWithinDays: 30,
        requiresDisciplineModifier: true,
        requiresAssistantModifier: true,
        requiresTotalMinutes: true,
        appliesKxThreshold: true,
        appliesNcci: true,
      },
    });
    expect(m?.pricing.kind).toBe('mpfs');
  });

  it('medicare resolves by date: CQ/CO required from 1 Jan 2020 only', () => {
    expect(reg.resolve('medicare', '2019-12-31')?.documentation.requiresAssistantModifier).toBe(false);
    expect(reg.resolve('medicare', '2020-01-01')?.documentation.requiresAssistantModifier).toBe(true);
    expect(reg.resolve('medicare', '1999-12-31')).toBeUndefined();
  });

  it('medicaid pools minutes (cms) with a flat schedule; commercial counts each code (ama) with a flat schedule', () => {
    const md = reg.resolve('medicaid', '2026-01-05');
    const c = reg.resolve('commercial', '2026-01-05');
    expect(md?.unitMethod).toBe('cms');
    expect(c?.unitMethod).toBe('ama');
    expect(md?.pricing).toMatchObject({
      kind: 'flat',
      schedule: expect.arrayContaining([{ code: '97530', cents: 3800 }]),
    });
    expect(c?.pricing).toMatchObject({
      kind: 'flat',
      schedule: expect.arrayContaining([{ code: '97530', cents: 5000 }]),
    });
    // Issue 15: the illustrative schedules carry every catalog code that Medicare pays separately.
    for (const p of [md, c]) {
      const codes = new Set(p?.pricing.kind === 'flat' ? p.pricing.schedule.map((e) => e.code) : []);
      for (const code of ['92507', '92526', '97535', '97150', '97165', '97110']) expect(codes.has(code)).toBe(true);
    }
    expect(c?.pricing.source).toMatch(/varies by region and contract/);
  });

  it('unknown ids resolve to undefined; has() answers', () => {
    expect(reg.has('medicare')).toBe(true);
    expect(reg.has('acme')).toBe(false);
    expect(reg.resolve('acme', '2026-01-01')).toBeUndefined();
  });

  it('resolve returns the same object for the same version (no allocation on the per-visit path)', () => {
    expect(reg.resolve('medicare', '2026-01-01')).toBe(reg.resolve('medicare', '2025-06-01'));
  });
});

describe('case-file policies', () => {
  it('overrides a built-in by id with the unitMethod shorthand, keeping its name and rules', () => {
    const reg = createPolicyRegistry([{ id: 'commercial', unitMethod: 'cms' }]);
    const c = reg.resolve('commercial', '2026-01-05');
    expect(c?.unitMethod).toBe('cms');
    expect(c?.name).toBe('Commercial plan (illustrative)');
    expect(c?.source).toContain('unit method cms set by the case file');
    // The built-in list itself is untouched.
    expect(createPolicyRegistry().resolve('commercial', '2026-01-05')?.unitMethod).toBe('ama');
  });

  it('adds a new policy based on commercial by default', () => {
    const reg = createPolicyRegistry([{ id: 'acme-health', name: 'Acme Health', unitMethod: 'per-code-15' }]);
    expect(reg.ids()).toContain('acme-health');
    const a = reg.resolve('acme-health', '2026-01-05');
    expect(a).toMatchObject({ id: 'acme-health', name: 'Acme Health', unitMethod: 'per-code-15' });
    expect(a?.pricing.kind).toBe('flat');
  });

  it('adds a Medicare Advantage plan basedOn medicare, keeping its dated versions', () => {
    const reg = createPolicyRegistry([{ id: 'ma-plan', basedOn: 'medicare' }]);
    expect(reg.resolve('ma-plan', '2019-05-01')?.documentation.requiresAssistantModifier).toBe(false);
    expect(reg.resolve('ma-plan', '2026-05-01')?.documentation.requiresAssistantModifier).toBe(true);
    expect(reg.resolve('ma-plan', '2026-05-01')?.name).toBe('ma-plan');
  });

  it('dated versions: from 2025 medicaid counts per code; earlier dates keep the built-in version', () => {
    const reg = createPolicyRegistry([
      { id: 'medicaid', versions: [{ effectiveFrom: '2025-01-01', unitMethod: 'ama' }] },
    ]);
    expect(reg.resolve('medicaid', '2024-12-31')?.unitMethod).toBe('cms');
    expect(reg.resolve('medicaid', '2024-12-31')?.effectiveTo).toBe('2024-12-31');
    expect(reg.resolve('medicaid', '2025-01-01')?.unitMethod).toBe('ama');
    // Fields not given come from the base version.
    expect(reg.resolve('medicaid', '2025-01-01')?.pricing.kind).toBe('flat');
  });

  it('several versions chain: each ends the day before the next starts', () => {
    const reg = createPolicyRegistry([
      {
        id: 'bcbs',
        basedOn: 'commercial',
        versions: [
          // A case file gives documentation rules partially; types.ts types them whole (reported to the lead).
          {
            effectiveFrom: '2024-01-01',
            unitMethod: 'ama',
            documentation: { requiresDisciplineModifier: true },
          },
          { effectiveFrom: '2025-03-01', unitMethod: 'per-code-15' },
        ],
      },
    ]);
    expect(reg.resolve('bcbs', '2025-02-28')).toMatchObject({ unitMethod: 'ama', effectiveTo: '2025-02-28' });
    expect(reg.resolve('bcbs', '2025-02-28')?.documentation.requiresDisciplineModifier).toBe(true);
    expect(reg.resolve('bcbs', '2025-02-28')?.documentation.requiresTotalMinutes).toBe(true);
    expect(reg.resolve('bcbs', '2025-03-01')?.unitMethod).toBe('per-code-15');
    expect(reg.resolve('bcbs', '2023-12-31')?.unitMethod).toBe('ama'); // the base's earlier version
  });

  it('property: built-in versions never overlap, so any date resolves to at most one version', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1995-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }), (d) => {
        const date = d.toISOString().slice(0, 10);
        for (const p of BUILT_IN_POLICIES) {
          const hits = p.versions.filter(
            (v) => v.effectiveFrom <= date && (v.effectiveTo === undefined || date <= v.effectiveTo),
          );
          expect(hits.length).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('validatePayerInputs', () => {
  it('accepts good inputs', () => {
    expect(
      validatePayerInputs([
        { id: 'commercial', unitMethod: 'cms' },
        { id: 'acme', basedOn: 'medicare', versions: [{ effectiveFrom: '2025-01-01', coinsurancePercent: 10 }] },
        { id: 'acme-2', basedOn: 'acme' },
      ]),
    ).toEqual([]);
  });

  it('names the path of every bad field', () => {
    const errors = validatePayerInputs([
      { id: 'a' },
      { id: 'b', unitMethod: 'eight-minute' },
      'medicare',
      { id: 'a' },
      { name: 3 },
      { id: 'c', basedOn: 'nowhere' },
      {
        id: 'd',
        versions: [
          { effectiveFrom: '2025-02-30', unitMethod: 'x', coinsurancePercent: 120 },
          { pricing: { kind: 'flat', schedule: [{ code: '97530', cents: 45.5 }] } },
          {
            pricing: { kind: 'capitated' },
            documentation: { appliesNcci: 'yes', progressReportEveryTreatmentDays: 0 },
          },
        ],
      },
    ]);
    const where = errors.map((e) => e.where);
    expect(where).toEqual([
      'payers[1].unitMethod',
      'payers[2]',
      'payers[3].id',
      'payers[4].id',
      'payers[4].name',
      'payers[5].basedOn',
      'payers[6].versions[0].effectiveFrom',
      'payers[6].versions[0].unitMethod',
      'payers[6].versions[0].coinsurancePercent',
      'payers[6].versions[1].pricing.schedule[0].cents',
      'payers[6].versions[2].pricing.kind',
      'payers[6].versions[2].documentation.appliesNcci',
      'payers[6].versions[2].documentation.progressReportEveryTreatmentDays',
    ]);
    expect(errors[0]?.message).toBe('unknown unit method "eight-minute": use one of cms, ama, per-code-15');
    for (const e of errors) expect(e.message.length).toBeGreaterThan(5);
  });
});
