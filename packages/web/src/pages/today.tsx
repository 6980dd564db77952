import type { Discipline } from '@unitwise/rules';
import { type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import type { Patient, PlanOfCareRecord, VisitRecord } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { localDate, patientName } from '../components/names.ts';
import { Badge } from '../components/severity.tsx';
import { useAsync } from '../components/use-async.ts';
import { patientBadges, type TodayBadge } from '../today/badges.ts';
import { policyFor } from '../visit/payer-context.ts';
import { startVisit } from './start-visit.ts';

interface Row {
  patient: Patient;
  visit: VisitRecord;
  badges: TodayBadge[];
}

async function loadToday(today: string): Promise<Row[]> {
  const visits = (await api.visits({ date: today, limit: 200 })).items;
  const byPatient = new Map<string, VisitRecord>();
  for (const v of visits) if (!byPatient.has(v.patientId)) byPatient.set(v.patientId, v);
  return Promise.all(
    [...byPatient.values()].map(async (visit) => {
      const [patient, plans, history] = await Promise.all([
        api.patient(visit.patientId).catch((): Patient => ({ id: visit.patientId })),
        api.plans(visit.patientId).then(
          (p) => p.items,
          (): PlanOfCareRecord[] => [],
        ),
        api.visits({ patientId: visit.patientId, limit: 200 }).then(
          (p) => p.items,
          (): VisitRecord[] => [],
        ),
      ]);
      const badgeInput: Parameters<typeof patientBadges>[0] = {
        today,
        discipline: visit.discipline,
        policy: policyFor(visit.estimate?.payer ?? history.find((v) => v.estimate?.payer)?.estimate?.payer, today),
        plans,
        visits: history,
      };
      const h = patient.history;
      if (h?.treatmentDaysSinceProgressReport !== undefined)
        badgeInput.priorTreatmentDays = h.treatmentDaysSinceProgressReport;
      const spent = visit.discipline === 'OT' ? h?.thresholdSpentCents?.OT : h?.thresholdSpentCents?.PT_SLP;
      if (spent !== undefined) badgeInput.priorSpentCents = spent;
      return { patient, visit, badges: patientBadges(badgeInput) };
    }),
  );
}

/** Today's list: the patients seen or scheduled today, each with badges that explain themselves. */
export function TodayPage(): ReactNode {
  const { user } = useAuth();
  const today = localDate(new Date());
  const rows = useAsync(() => loadToday(today), [today]);
  return (
    <section>
      <h1>Today, {today}</h1>
      {rows.loading && <p className="loading">Loading today's patients…</p>}
      {rows.error !== undefined && (
        <p className="form-error" role="alert">
          {messageOf(rows.error)}
        </p>
      )}
      {rows.data && rows.data.length === 0 && (
        <p>
          No visits yet today. Open a patient from <Link to="/patients">Patients</Link> to start one.
        </p>
      )}
      {rows.data && rows.data.length > 0 && (
        <ul className="today-list">
          {rows.data.map((r) => (
            <li key={r.visit.id} className="today-row">
              <div>
                <Link to={`/patients/${r.patient.id}`} className="patient-link">
                  {patientName(r.patient)}
                </Link>{' '}
                <span className="muted">
                  {r.visit.discipline} · {r.visit.noteType} · {r.visit.status === 'signed' ? 'signed' : 'not signed'}
                </span>
              </div>
              <div className="badges">
                {r.badges.map((b) => (
                  <Badge key={b.text} tone={b.tone} title={b.why}>
                    {b.text}
                  </Badge>
                ))}
              </div>
              <Link to={`/visits/${r.visit.id}`} className="button">
                {r.visit.status === 'signed' ? 'View note' : 'Document visit'}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {user && <QuickStart />}
    </section>
  );
}

function QuickStart(): ReactNode {
  const { user } = useAuth();
  const [q, setQ] = useState('');
  const [error, setError] = useState('');
  const list = useAsync(() => api.patients({ search: q, limit: 20 }), [q]);
  const start = (p: Patient, discipline: Discipline): void => {
    if (!user) return;
    setError('');
    startVisit(user, p.id, discipline, 'daily', new Date()).catch((e: unknown) => setError(messageOf(e)));
  };
  return (
    <section aria-labelledby="quick-title" className="quick-start">
      <h2 id="quick-title">Start a visit</h2>
      <label htmlFor="quick-q">Find a patient</label>
      <input id="quick-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name" />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="plain-list">
        {(list.data?.items ?? []).map((p) => (
          <li key={p.id}>
            {patientName(p)}{' '}
            {(['PT', 'OT', 'SLP'] as const).map((d) => (
              <button
                key={d}
                type="button"
                onClick={() => start(p, d)}
                aria-label={`Start ${d} visit for ${patientName(p)}`}
              >
                {d} visit
              </button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
