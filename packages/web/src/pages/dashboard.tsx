import { kxThreshold } from '@unitwise/rules';
import type { ReactNode } from 'react';
import { allPages } from '../api/all-pages.ts';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import type { Patient, Provider, VisitRecord } from '../api/types.ts';
import { Link } from '../app/router.tsx';
import { BarChart } from '../components/bar-chart.tsx';
import { formatCents } from '../components/money.ts';
import { localDate, patientName } from '../components/names.ts';
import { Badge } from '../components/severity.tsx';
import { useAsync } from '../components/use-async.ts';
import {
  findingsByRuleWeek,
  qualityByProvider,
  revenueByPayerWeek,
  topSeries,
  unitsPerVisitByPayerWeek,
} from '../dashboard/aggregate.ts';
import { patientBadges } from '../today/badges.ts';
import { policyFor } from '../visit/payer-context.ts';

const WEEKS = 8;

async function load(today: string) {
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - WEEKS * 7);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const [visits, patients, providers, plans] = await Promise.all([
    allPages((cursor) => api.visits({ from: yearStart, to: today, cursor, limit: 200 })),
    allPages((cursor) => api.patients({ cursor, limit: 200 })),
    api.providers().then(
      (p) => p.items,
      (): Provider[] => [],
    ),
    // Every plan, ended ones too (no activeOn): a patient whose plan has ended is listed as due for a new one.
    allPages((cursor) => api.clinicPlans({ cursor, limit: 200 })),
  ]);
  const recentFrom = from.toISOString().slice(0, 10);
  // The list route gives each visit its lines, units, estimate and findings: no request per visit.
  return { visits, patients, providers, plans, recentFrom };
}

/** The owner's and biller's dashboard: revenue and units by payer and week, findings by rule, what is due, quality, KX. */
export default function DashboardPage(): ReactNode {
  const today = localDate(new Date());
  const data = useAsync(() => load(today), [today]);
  if (data.error !== undefined)
    return (
      <section>
        <h1>Dashboard</h1>
        <p className="form-error" role="alert">
          {messageOf(data.error)}
        </p>
      </section>
    );
  if (!data.data) return <p className="loading">Loading the dashboard…</p>;
  const { visits, patients, providers, plans, recentFrom } = data.data;
  const payerOf = (v: VisitRecord): string => v.estimate?.payer ?? 'unknown';
  const recent = visits.filter((v) => v.date >= recentFrom);
  const revenue = revenueByPayerWeek(recent, payerOf);
  const units = unitsPerVisitByPayerWeek(recent, payerOf);
  const findings = topSeries(findingsByRuleWeek(recent), 5);
  const quality = qualityByProvider(recent);
  const providerName = (id: string): string => providers.find((p) => p.id === id)?.name ?? id;
  const due: { patient: Patient; text: string; why: string; tone: 'warn' | 'bad' | 'ok' | 'info' }[] = [];
  const nearKx: { patient: Patient; spent: number; limit: number }[] = [];
  const t = kxThreshold(Number(today.slice(0, 4)));
  for (const p of patients) {
    const pv = visits.filter((v) => v.patientId === p.id);
    const pp = plans.filter((x) => x.patientId === p.id);
    for (const d of new Set(pp.map((x) => x.discipline))) {
      const input: Parameters<typeof patientBadges>[0] = {
        today,
        discipline: d,
        policy: policyFor(pv.find((v) => v.estimate?.payer)?.estimate?.payer, today),
        plans: pp,
        visits: pv,
      };
      if (p.history?.treatmentDaysSinceProgressReport !== undefined)
        input.priorTreatmentDays = p.history.treatmentDaysSinceProgressReport;
      for (const b of patientBadges(input)) if (/Progress report|Plan/.test(b.text)) due.push({ patient: p, ...b });
    }
    if (t && pv.some((v) => v.estimate?.payer === 'medicare')) {
      const spent =
        (p.history?.thresholdSpentCents?.PT_SLP ?? 0) +
        pv.filter((v) => v.discipline !== 'OT').reduce((s, v) => s + (v.estimate?.totalCents ?? 0), 0);
      if (spent >= t.ptSlpCents - 30_000) nearKx.push({ patient: p, spent, limit: t.ptSlpCents });
    }
  }
  return (
    <section>
      <h1>Dashboard</h1>
      <p className="muted">
        Last {WEEKS} weeks of visits; KX spend for {today.slice(0, 4)}.
      </p>
      <div className="grid-2">
        <BarChart
          title="Estimated revenue by payer and week"
          labels={revenue.weeks.map((w) => w.slice(5))}
          series={revenue.series}
          format={formatCents}
        />
        <BarChart
          title="Units per visit by payer and week"
          labels={units.weeks.map((w) => w.slice(5))}
          series={units.series}
          format={(v) => (v / 100).toFixed(2)}
        />
        <BarChart
          title="Findings by rule and week"
          labels={findings.weeks.map((w) => w.slice(5))}
          series={findings.series}
        />
        <section className="card span-all" aria-labelledby="quality-title">
          <h2 id="quality-title">Documentation quality by therapist</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Visits</th>
                <th scope="col">Clean notes</th>
                <th scope="col">Findings per visit</th>
                <th scope="col">Most frequent</th>
              </tr>
            </thead>
            <tbody>
              {quality.map((q) => (
                <tr key={q.providerId}>
                  <th scope="row">{providerName(q.providerId)}</th>
                  <td>{q.visits}</td>
                  <td>
                    <meter min={0} max={100} value={q.cleanPercent} aria-label={`${q.cleanPercent}% clean`} />{' '}
                    {q.cleanPercent}%
                  </td>
                  <td>{(q.findingsPerVisitHundredths / 100).toFixed(2)}</td>
                  <td>{q.topRule ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="due-title">
          <h2 id="due-title">Progress reports and plans of care due</h2>
          {due.length === 0 && <p className="muted">Nothing due.</p>}
          <ul className="plain-list">
            {due.map((d) => (
              <li key={`${d.patient.id}-${d.text}`}>
                <Link to={`/patients/${d.patient.id}`}>{patientName(d.patient)}</Link>{' '}
                <Badge tone={d.tone} title={d.why}>
                  {d.text}
                </Badge>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="kx-title">
          <h2 id="kx-title">Patients near the KX threshold</h2>
          {nearKx.length === 0 && <p className="muted">None within $300 of the threshold.</p>}
          <ul className="plain-list">
            {nearKx.map((k) => (
              <li key={k.patient.id}>
                <Link to={`/patients/${k.patient.id}`}>{patientName(k.patient)}</Link>{' '}
                <Badge tone={k.spent >= k.limit ? 'bad' : 'warn'}>
                  {formatCents(k.spent)} of {formatCents(k.limit)}
                </Badge>
              </li>
            ))}
          </ul>
          {t && <p className="citation">{t.source}</p>}
        </section>
      </div>
    </section>
  );
}
