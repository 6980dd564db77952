import type { VisitRecord } from '../api/types.ts';

/**
 * The Monday of a date's ISO week, as `YYYY-MM-DD` (weeks group the dashboard's charts).
 * @param date - a date of service
 */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** A table of numbers: rows are series (a payer, a rule), columns are weeks. */
export interface WeekTable {
  weeks: string[];
  series: { name: string; values: number[] }[];
}

function table(visits: readonly VisitRecord[], keysOf: (v: VisitRecord) => [string, number][]): WeekTable {
  const weeks = [...new Set(visits.map((v) => weekOf(v.date)))].sort();
  const index = new Map(weeks.map((w, i) => [w, i]));
  const series = new Map<string, number[]>();
  for (const v of visits) {
    const i = index.get(weekOf(v.date)) as number;
    for (const [key, n] of keysOf(v)) {
      let row = series.get(key);
      if (!row) {
        row = new Array<number>(weeks.length).fill(0);
        series.set(key, row);
      }
      row[i] = (row[i] ?? 0) + n;
    }
  }
  return {
    weeks,
    series: [...series.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([name, values]) => ({ name, values })),
  };
}

/**
 * Estimated revenue (cents) per payer per week.
 * @param visits - the visits
 * @param payerOf - the payer of a visit
 */
export function revenueByPayerWeek(visits: readonly VisitRecord[], payerOf: (v: VisitRecord) => string): WeekTable {
  return table(visits, (v) => [[payerOf(v), v.estimate?.totalCents ?? 0]]);
}

/**
 * Average units per visit per payer per week, in hundredths (integer arithmetic; the chart divides by 100).
 * @param visits - the visits
 * @param payerOf - the payer of a visit
 */
export function unitsPerVisitByPayerWeek(
  visits: readonly VisitRecord[],
  payerOf: (v: VisitRecord) => string,
): WeekTable {
  const units = table(visits, (v) => [[payerOf(v), v.totalUnits ?? v.units?.totalUnits ?? 0]]);
  const counts = table(visits, (v) => [[payerOf(v), 1]]);
  return {
    weeks: units.weeks,
    series: units.series.map((s, j) => ({
      name: s.name,
      values: s.values.map((u, i) => {
        const n = counts.series[j]?.values[i] ?? 0;
        return n === 0 ? 0 : Math.round((u * 100) / n);
      }),
    })),
  };
}

/**
 * Findings per rule per week.
 * @param visits - the visits
 */
export function findingsByRuleWeek(visits: readonly VisitRecord[]): WeekTable {
  return table(visits, (v) => (v.findings ?? []).map((f): [string, number] => [f.rule, 1]));
}

/** One provider's documentation quality. */
export interface ProviderQuality {
  providerId: string;
  visits: number;
  /** Visits with no error or warning finding, in percent. */
  cleanPercent: number;
  /** Error and warning findings per visit, in hundredths. */
  findingsPerVisitHundredths: number;
  topRule: string | null;
}

/**
 * Each provider's documentation quality: the share of clean visits, findings per visit, the most frequent rule.
 * @param visits - the visits
 */
export function qualityByProvider(visits: readonly VisitRecord[]): ProviderQuality[] {
  const by = new Map<string, VisitRecord[]>();
  for (const v of visits) {
    const key = v.providerId ?? 'unassigned';
    const list = by.get(key) ?? [];
    list.push(v);
    by.set(key, list);
  }
  return [...by.entries()].map(([providerId, list]) => {
    let clean = 0;
    let findings = 0;
    const rules = new Map<string, number>();
    for (const v of list) {
      const fs = (v.findings ?? []).filter((f) => f.severity !== 'info');
      if (fs.length === 0) clean++;
      findings += fs.length;
      for (const f of fs) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    }
    const top = [...rules.entries()].sort((a, b) => b[1] - a[1])[0];
    return {
      providerId,
      visits: list.length,
      cleanPercent: Math.round((clean * 100) / list.length),
      findingsPerVisitHundredths: Math.round((findings * 100) / list.length),
      topRule: top ? top[0] : null,
    };
  });
}

/**
 * Keeps the `n` series with the largest totals and sums the rest into one "other" series, so a chart stays
 * readable when many rules fire.
 * @param t - a week table
 * @param n - series to keep
 */
export function topSeries(t: WeekTable, n: number): WeekTable {
  if (t.series.length <= n) return t;
  const total = (s: { values: number[] }): number => s.values.reduce((a, b) => a + b, 0);
  const ranked = [...t.series].sort((a, b) => total(b) - total(a));
  const rest = ranked.slice(n);
  const other = t.weeks.map((_, i) => rest.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  return { weeks: t.weeks, series: [...ranked.slice(0, n), { name: 'other rules', values: other }] };
}
