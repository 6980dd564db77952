import type { Discipline } from '@unitwise/rules';
import { type ReactNode, useState } from 'react';
import { directory, providerOfUser } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import type { Patient, PlanOfCareRecord, User, VisitRecord } from '../api/types.ts';
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
  /** The visit of the day, or the latest one for a patient seen this week. */
  visit: VisitRecord;
  today: boolean;
  badges: TodayBadge[];
}

/** How far back "seen recently" looks, so a therapist sees this week's caseload with its due items. */
const RECENT_DAYS = 7;

async function loadRows(user: User, today: string): Promise<{ rows: Row[]; discipline: Discipline | undefined }> {
  const { providers } = await directory();
  const me = providerOfUser(providers, user.id);
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - RECENT_DAYS);
  const listed = (
    await api.visits({
      from: from.toISOString().slice(0, 10),
      to: today,
      limit: 200,
      ...(me ? { providerId: me.id } : {}),
    })
  ).items;
  // Newest first: today's visit (or the latest one) stands for its patient.
  const byPatient = new Map<string, VisitRecord>();
  for (const v of [...listed].sort((a, b) => b.date.localeCompare(a.date)))
    if (!byPatient.has(v.patientId)) byPatient.set(v.patientId, v);
  const rows = await Promise.all(
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
      // The list route gives each visit its lines, units, estimate and findings: no request per visit.
      const latest = history.find((v) => v.id === visit.id) ?? visit;
      const payer =
        latest.estimate?.payer ??
        (await api.visit(visit.id).then(
          (r) => r.body.estimate?.payer,
          () => undefined,
        ));
      const input: Parameters<typeof patientBadges>[0] = {
        today,
        discipline: visit.discipline,
        policy: policyFor(payer, today),
        plans,
        visits: history,
      };
      const h = patient.history;
      if (h?.treatmentDaysSinceProgressReport !== undefined)
        input.priorTreatmentDays = h.treatmentDaysSinceProgressReport;
      const spent = visit.discipline === 'OT' ? h?.thresholdSpentCents?.OT : h?.thresholdSpentCents?.PT_SLP;
      if (spent !== undefined) input.priorSpentCents = spent;
      return { patient, visit, today: visit.date === today, badges: patientBadges(input) };
    }),
  );
  rows.sort(
    (a, b) => Number(b.today) - Number(a.today) || patientName(a.patient).localeCompare(patientName(b.patient)),
  );
  return { rows, discipline: me?.discipline };
}

/** Today's list: the patients seen or scheduled today, then this week's, each with badges that explain themselves. */
export function TodayPage(): ReactNode {
  const { user } = useAuth();
  const today = localDate(new Date());
  const data = useAsync(
    () => (user ? loadRows(user, today) : Promise.resolve({ rows: [], discipline: undefined })),
    [user, today],
  );
  const rows = data.data?.rows ?? [];
  const todays = rows.filter((r) => r.today);
  const recent = rows.filter((r) => !r.today);
  return (
    <section>
      <h1>Today, {today}</h1>
      {data.loading && <p className="loading">Loading today's patients…</p>}
      {data.error !== undefined && (
        <p className="form-error" role="alert">
          {messageOf(data.error)}
        </p>
      )}
      {data.data && todays.length === 0 && <p>No visits yet today. Start one below or from a patient's chart.</p>}
      {todays.length > 0 && <RowList rows={todays} label="Seen or scheduled today" />}
      {recent.length > 0 && (
        <>
          <h2>Seen in the last {RECENT_DAYS} days</h2>
          <RowList rows={recent} label={`Seen in the last ${RECENT_DAYS} days`} />
        </>
      )}
      {user && data.data && <QuickStart discipline={data.data.discipline} />}
    </section>
  );
}

function RowList(props: { rows: Row[]; label: string }): ReactNode {
  const { user } = useAuth();
  const [error, setError] = useState('');
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="today-list" aria-label={props.label}>
        {props.rows.map((r) => (
          <li key={r.visit.id} className="today-row">
            <div>
              <Link to={`/patients/${r.patient.id}`} className="patient-link">
                {patientName(r.patient)}
              </Link>{' '}
              <span className="muted">
                {r.visit.discipline} · {r.today ? '' : `${r.visit.date} · `}
                {r.visit.noteType} · {r.visit.status === 'signed' ? 'signed' : 'not signed'}
              </span>
            </div>
            <ul className="badges" aria-label="Alerts">
              {r.badges.length === 0 && (
                <li>
                  <Badge tone="ok">Nothing due</Badge>
                </li>
              )}
              {r.badges.map((b) => (
                <li key={b.text}>
                  <Badge tone={b.tone} title={b.why}>
                    {b.text}
                  </Badge>
                  <span className="sr-only">: {b.why}</span>
                </li>
              ))}
            </ul>
            {r.today || r.visit.status !== 'signed' ? (
              <Link to={`/visits/${r.visit.id}`} className="button">
                {r.visit.status === 'signed' ? 'View note' : 'Document visit'}
              </Link>
            ) : (
              <button
                type="button"
                onClick={() => {
                  if (!user) return;
                  setError('');
                  startVisit(user, r.patient.id, r.visit.discipline, 'auto', new Date()).catch((e: unknown) =>
                    setError(messageOf(e)),
                  );
                }}
              >
                Start today's note
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function QuickStart(props: { discipline: Discipline | undefined }): ReactNode {
  const { user } = useAuth();
  const [q, setQ] = useState('');
  const [error, setError] = useState('');
  const list = useAsync(
    () => (q.trim() ? api.patients({ search: q.trim(), limit: 10 }) : Promise.resolve({ items: [], next: null })),
    [q],
  );
  const disciplines: Discipline[] = props.discipline ? [props.discipline] : ['PT', 'OT', 'SLP'];
  const start = (p: Patient, discipline: Discipline): void => {
    if (!user) return;
    setError('');
    startVisit(user, p.id, discipline, 'auto', new Date()).catch((e: unknown) => setError(messageOf(e)));
  };
  return (
    <section aria-labelledby="quick-title" className="card quick-start">
      <h2 id="quick-title">Start a visit for another patient</h2>
      <label htmlFor="quick-q">Find a patient by name</label>
      <input id="quick-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="plain-list">
        {(list.data?.items ?? []).map((p) => (
          <li key={p.id}>
            {patientName(p)}{' '}
            {disciplines.map((d) => (
              <button
                key={d}
                type="button"
                onClick={() => start(p, d)}
                aria-label={`Start ${d} note for ${patientName(p)}`}
              >
                Start {d} note
              </button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
