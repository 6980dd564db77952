// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { VisitRecord } from '../src/api/types.ts';
import {
  findingsByRuleWeek,
  qualityByProvider,
  revenueByPayerWeek,
  unitsPerVisitByPayerWeek,
  weekOf,
} from '../src/dashboard/aggregate.ts';

function v(date: string, providerId: string, units: number, cents: number, rules: string[] = []): VisitRecord {
  return {
    id: `${date}-${providerId}`,
    patientId: 'p',
    date,
    discipline: 'PT',
    noteType: 'daily',
    providerId,
    status: 'signed',
    services: [],
    units: { method: 'cms', totalTimedMinutes: 0, totalUnits: units, lines: [], explanation: [] },
    estimate: { totalCents: cents },
    findings: rules.map((rule) => ({ rule: rule as 'vague-description', severity: 'error' as const, message: '' })),
  };
}

describe('dashboard aggregates', () => {
  const visits = [
    v('2026-03-02', 'a', 3, 9000, ['vague-description']),
    v('2026-03-04', 'a', 4, 12000),
    v('2026-03-09', 'b', 2, 6000, ['missing-response', 'vague-description']),
  ];
  it('weeks start on Monday', () => {
    expect(weekOf('2026-03-08')).toBe('2026-03-02');
    expect(weekOf('2026-03-09')).toBe('2026-03-09');
  });
  it('revenue and units per visit by payer and week', () => {
    expect(revenueByPayerWeek(visits, () => 'medicare')).toEqual({
      weeks: ['2026-03-02', '2026-03-09'],
      series: [{ name: 'medicare', values: [21000, 6000] }],
    });
    expect(unitsPerVisitByPayerWeek(visits, () => 'medicare').series[0]?.values).toEqual([350, 200]);
  });
  it('findings by rule over weeks, and quality by provider', () => {
    expect(findingsByRuleWeek(visits).series).toEqual([
      { name: 'missing-response', values: [0, 1] },
      { name: 'vague-description', values: [1, 1] },
    ]);
    expect(qualityByProvider(visits)).toEqual([
      { providerId: 'a', visits: 2, cleanPercent: 50, findingsPerVisitHundredths: 50, topRule: 'vague-description' },
      { providerId: 'b', visits: 1, cleanPercent: 0, findingsPerVisitHundredths: 200, topRule: 'missing-response' },
    ]);
  });
});
