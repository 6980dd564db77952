// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PlanOfCareRecord, VisitRecord } from '../src/api/types.ts';
import { patientBadges } from '../src/today/badges.ts';
import { policyFor } from '../src/visit/payer-context.ts';

const plan: PlanOfCareRecord = {
  id: 'poc',
  patientId: 'p',
  discipline: 'PT',
  startDate: '2026-02-01',
  endDate: '2026-03-10',
  certifiedDate: '2026-02-05',
  goals: [],
};

function visit(date: string, extra: Partial<VisitRecord> = {}): VisitRecord {
  return {
    id: date,
    patientId: 'p',
    date,
    discipline: 'PT',
    noteType: 'daily',
    providerId: 'x',
    services: [],
    status: 'signed',
    ...extra,
  };
}

describe("today's badges", () => {
  const medicare = policyFor('medicare', '2026-03-02');
  it('progress report: eight treatment days after the evaluation makes today visit 9 of 10', () => {
    const visits = [visit('2026-02-02', { noteType: 'evaluation' })];
    for (let d = 3; d <= 10; d++) visits.push(visit(`2026-02-${String(d).padStart(2, '0')}`));
    const b = patientBadges({ today: '2026-03-02', discipline: 'PT', policy: medicare, plans: [plan], visits });
    expect(b.map((x) => x.text)).toContain('Progress report due: visit 9 of 10');
    expect(b.map((x) => x.text)).toContain('Plan ends in 8 days');
  });

  it('KX: prior spend near the 2026 threshold of $2,480.00 shows what is left', () => {
    const b = patientBadges({
      today: '2026-03-02',
      discipline: 'PT',
      policy: medicare,
      plans: [{ ...plan, endDate: '2026-06-01' }],
      visits: [visit('2026-03-01', { estimate: { totalCents: 10_000 } })],
      priorSpentCents: 230_000,
    });
    expect(b.map((x) => x.text)).toEqual(['KX near: $80.00 left']);
  });

  it('uncertified plan and findings on unsigned notes, explained', () => {
    const b = patientBadges({
      today: '2026-03-02',
      discipline: 'PT',
      policy: policyFor('commercial', '2026-03-02'),
      plans: [{ ...plan, certifiedDate: null, endDate: '2026-06-01' }],
      visits: [
        visit('2026-03-02', {
          status: 'draft',
          findings: [{ rule: 'vague-description', severity: 'error', message: 'x', service: 0 }],
        }),
      ],
    });
    expect(b.map((x) => [x.tone, x.text])).toEqual([
      ['warn', 'Plan not certified'],
      ['warn', '1 finding on 1 unsigned note'],
    ]);
    expect(b[1]?.why).toBe('1 unsigned note still has findings to fix or explain before signing.');
  });
});
