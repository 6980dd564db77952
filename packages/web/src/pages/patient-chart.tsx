import { DISCIPLINES, type Discipline, NOTE_TYPES, type NoteType } from '@unitwise/rules';
import { type FormEvent, type ReactNode, useState } from 'react';
import { directory } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import type { GoalRecord, Patient, PlanOfCareRecord, VisitRecord } from '../api/types.ts';
import { hasRole, useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { SelectField, TextArea, TextField } from '../components/field.tsx';
import { LineChart } from '../components/line-chart.tsx';
import { localDate, patientName } from '../components/names.ts';
import { serviceAmount } from '../components/service-amount.ts';
import { Badge } from '../components/severity.tsx';
import { useAsync } from '../components/use-async.ts';
import { AddCoverageForm } from '../patients/add-coverage-form.tsx';
import { ClaimDetailsCard } from '../patients/claim-details-card.tsx';
import { defaultNoteType, planDisciplines, startVisit } from './start-visit.ts';

/**
 * The patient chart: coverage, plans of care with goals (create, edit, certify), the visits of every discipline
 * on one timeline, and each goal's progress.
 * @param props - the patient id
 */
export default function PatientChartPage(props: { patientId: string }): ReactNode {
  const { user } = useAuth();
  const id = props.patientId;
  const data = useAsync(
    () =>
      Promise.all([
        api.patient(id),
        api.coverages(id).then(
          (p) => p.items,
          () => [],
        ),
        api.plans(id).then(
          (p) => p.items,
          (): PlanOfCareRecord[] => [],
        ),
        api.visits({ patientId: id, limit: 200 }).then(
          (p) => p.items,
          (): VisitRecord[] => [],
        ),
        directory(),
      ]),
    [id],
  );
  const [startError, setStartError] = useState('');
  if (data.error !== undefined)
    return (
      <section>
        <h1>Patient</h1>
        <p className="form-error" role="alert">
          {messageOf(data.error)}
        </p>
      </section>
    );
  if (!data.data) return <p className="loading">Loading the chart…</p>;
  const [patient, coverages, plans, visits, dir] = data.data;
  const payerName = (payerId: string): string => dir.payers.find((p) => p.id === payerId)?.name ?? payerId;
  const sorted = [...visits].sort((a, b) => b.date.localeCompare(a.date));
  const canPlan = hasRole(user, 'owner', 'therapist');
  const canDocument = hasRole(user, 'owner', 'therapist', 'assistant');
  const start = (d: Discipline, t: NoteType): void => {
    if (!user) return;
    setStartError('');
    startVisit(user, id, d, t, new Date()).catch((e: unknown) => setStartError(messageOf(e)));
  };
  return (
    <section className="chart-page">
      <h1>{patientName(patient)}</h1>
      <p className="muted">{patient.birthDate ? `Born ${patient.birthDate}` : ''}</p>
      <ClaimDetailsCard
        key={patient.updatedAt ?? ''}
        patient={patient}
        canEdit={hasRole(user, 'owner', 'therapist', 'biller')}
        onSaved={data.reload}
      />
      <section aria-labelledby="cov-title" className="card">
        <h2 id="cov-title">Coverage</h2>
        {coverages.length === 0 ? (
          <p className="muted">No coverage on file: visits are counted as a commercial payer would.</p>
        ) : (
          <ul className="plain-list">
            {coverages.map((c) => (
              <li key={c.id}>
                {c.priority === 1 ? 'Primary' : c.priority === 2 ? 'Secondary' : 'Tertiary'}: {payerName(c.payerId)} ·
                member {c.memberId} · from {c.startDate}
                {c.endDate ? ` to ${c.endDate}` : ''}
              </li>
            ))}
          </ul>
        )}
        {hasRole(user, 'owner', 'biller') ? (
          <AddCoverageForm
            patientId={id}
            payers={dir.payers}
            hasPrimary={coverages.some((c) => c.priority === 1)}
            onSaved={data.reload}
          />
        ) : (
          coverages.length === 0 && <p className="muted">A biller or the clinic owner adds insurance here.</p>
        )}
      </section>
      {canDocument && (
        <section aria-labelledby="start-title" className="card">
          <h2 id="start-title">Start a note today</h2>
          <StartNote plans={plans} visits={visits} history={patient.history} onStart={start} />
          {startError && (
            <p className="form-error" role="alert">
              {startError}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="plans-title">
        <h2 id="plans-title">Plans of care</h2>
        {plans.length === 0 && <p className="muted">No plan of care yet.</p>}
        {plans.map((p) => (
          <PlanCard key={p.id} plan={p} visits={visits} canEdit={canPlan} onSaved={data.reload} />
        ))}
        {canPlan && <NewPlan patientId={id} onSaved={data.reload} />}
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Visits, all disciplines</h2>
        {sorted.length === 0 && <p className="muted">No visits yet.</p>}
        <ol className="timeline">
          {sorted.map((v) => (
            <li key={v.id} className={`tl tl-${v.discipline}`}>
              <span className="tl-date">{v.date}</span> <strong>{v.discipline}</strong> {v.noteType}{' '}
              {v.status === 'signed' ? <Badge tone="ok">signed</Badge> : <Badge tone="info">draft</Badge>}{' '}
              <span className="muted">{v.services.map((s) => `${s.code} ${serviceAmount(s)}`).join(', ')}</span>{' '}
              <Link to={`/visits/${v.id}`}>Open</Link>
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

/**
 * Starts a note: the discipline comes from the patient's active plans (one plan: that discipline; several or none:
 * the user chooses), and the note type defaults to an evaluation for the first visit in the discipline.
 */
function StartNote(props: {
  plans: readonly PlanOfCareRecord[];
  visits: readonly VisitRecord[];
  history?: Patient['history'];
  onStart(d: Discipline, t: NoteType): void;
}): ReactNode {
  const active = planDisciplines(props.plans, localDate(new Date()));
  const [d, setD] = useState<Discipline | undefined>(active.length === 1 ? active[0] : undefined);
  const [picked, setPicked] = useState<NoteType | undefined>();
  const options = active.length > 0 ? active : DISCIPLINES;
  const t = picked ?? (d ? defaultNoteType(props.visits, d, props.history) : 'daily');
  return (
    <div className="row">
      {active.length === 1 && d ? (
        <p>
          Discipline: <strong>{d}</strong> <span className="muted">(from the plan of care)</span>
        </p>
      ) : (
        <SelectField
          label="Discipline"
          hint={active.length > 1 ? 'The patient has plans in several disciplines: choose one.' : undefined}
          value={d ?? ''}
          onChange={(e) => setD(DISCIPLINES.find((x) => x === e.target.value))}
        >
          <option value="">Choose…</option>
          {options.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectField>
      )}
      <SelectField
        label="Note type"
        value={t}
        onChange={(e) => setPicked(NOTE_TYPES.find((x) => x === e.target.value) ?? 'daily')}
      >
        {NOTE_TYPES.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </SelectField>
      <button type="button" className="primary" disabled={!d} onClick={() => d && props.onStart(d, t)}>
        Start note
      </button>
    </div>
  );
}

function PlanCard(props: {
  plan: PlanOfCareRecord;
  visits: VisitRecord[];
  canEdit: boolean;
  onSaved(): void;
}): ReactNode {
  const p = props.plan;
  const [certDate, setCertDate] = useState(localDate(new Date()));
  const [goalText, setGoalText] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const act = async (body: Partial<PlanOfCareRecord>): Promise<void> => {
    setFields({});
    setMsg('');
    try {
      await api.updatePlan(p.id, body);
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(messageOf(err));
    }
  };
  const visitsOf = props.visits
    .filter((v) => v.discipline === p.discipline)
    .sort((a, b) => a.date.localeCompare(b.date));
  return (
    <article className="card plan">
      <h3>
        {p.discipline} plan {p.startDate} to {p.endDate}{' '}
        {p.certifiedDate ? (
          <Badge tone="ok">certified {p.certifiedDate}</Badge>
        ) : (
          <Badge tone="warn">not certified</Badge>
        )}
      </h3>
      {p.plannedCodes && p.plannedCodes.length > 0 && (
        <p className="muted">Planned codes: {p.plannedCodes.join(', ')}</p>
      )}
      <PlanDiagnoses
        plan={p}
        canEdit={props.canEdit}
        onSave={(diagnoses) => act({ diagnoses })}
        error={fields.diagnoses ?? fieldMessage(fields, 'diagnoses.0')}
      />
      <ul className="goals-list">
        {p.goals.map((g) => {
          const points = visitsOf.map((v) => ({
            label: v.date.slice(5),
            value: v.services.filter((s) => s.goalIds?.includes(g.id)).reduce((s, x) => s + (x.minutes ?? 0), 0),
          }));
          return (
            <li key={g.id}>
              <GoalLine
                goal={g}
                canEdit={props.canEdit}
                onSave={(next) => void act({ goals: p.goals.map((x) => (x.id === g.id ? { ...x, ...next } : x)) })}
              />
              <LineChart
                title="Minutes of treatment aimed at this goal, per visit"
                points={points}
                empty={
                  points.length === 0
                    ? `No ${p.discipline} visit yet: the chart fills in as notes are saved.`
                    : 'No activity in the notes served this goal yet: tie activities to it in the note.'
                }
              />
            </li>
          );
        })}
      </ul>
      {props.canEdit && (
        <div className="row">
          <TextField
            label="New goal"
            value={goalText}
            onChange={(e) => setGoalText(e.target.value)}
            error={fieldMessage(fields, 'text')}
          />
          <button
            type="button"
            onClick={() => {
              if (!goalText.trim()) {
                setFields({ text: 'Write the goal with a measurable target.' });
                return;
              }
              void act({ goals: [...p.goals, { id: `g${Date.now().toString(36)}`, text: goalText.trim() }] }).then(() =>
                setGoalText(''),
              );
            }}
          >
            Add goal
          </button>
          {!p.certifiedDate && (
            <>
              <TextField
                label="Certified on"
                type="date"
                value={certDate}
                onChange={(e) => setCertDate(e.target.value)}
                error={fieldMessage(fields, 'certifiedDate')}
              />
              <button type="button" onClick={() => void act({ certifiedDate: certDate })}>
                Record certification
              </button>
            </>
          )}
        </div>
      )}
      {msg && (
        <p className="form-error" role="alert">
          {msg}
        </p>
      )}
    </article>
  );
}

function NewPlan(props: { patientId: string; onSaved(): void }): ReactNode {
  const today = localDate(new Date());
  const [form, setForm] = useState({
    discipline: 'PT' as Discipline,
    startDate: today,
    endDate: '',
    goals: '',
    plannedCodes: '97530 97110',
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setFields({});
    setMsg('');
    try {
      await api.createPlan({
        patientId: props.patientId,
        discipline: form.discipline,
        startDate: form.startDate,
        endDate: form.endDate,
        goals: form.goals
          .split('\n')
          .map((t) => t.trim())
          .filter(Boolean)
          .map((text, i) => ({ id: `g${i + 1}`, text })),
        plannedCodes: form.plannedCodes.split(/[\s,]+/).filter(Boolean),
      });
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(messageOf(err));
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="new-plan">
      <h3 id="new-plan">New plan of care</h3>
      <div className="row">
        <SelectField
          label="Discipline"
          value={form.discipline}
          onChange={(e) => setForm({ ...form, discipline: DISCIPLINES.find((x) => x === e.target.value) ?? 'PT' })}
        >
          {DISCIPLINES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectField>
        <TextField
          label="Start"
          type="date"
          value={form.startDate}
          onChange={(e) => setForm({ ...form, startDate: e.target.value })}
          error={fieldMessage(fields, 'startDate')}
        />
        <TextField
          label="End"
          type="date"
          value={form.endDate}
          onChange={(e) => setForm({ ...form, endDate: e.target.value })}
          error={fieldMessage(fields, 'endDate')}
        />
      </div>
      <TextArea
        label="Goals, one a line"
        rows={3}
        value={form.goals}
        onChange={(e) => setForm({ ...form, goals: e.target.value })}
        error={fieldMessage(fields, 'goals')}
        hint="Each with a measurable target, e.g. 'Stand from a chair without hands 5 times in 15 s within 6 weeks'."
      />
      <TextField
        label="Planned codes"
        value={form.plannedCodes}
        onChange={(e) => setForm({ ...form, plannedCodes: e.target.value })}
        error={fieldMessage(fields, 'plannedCodes')}
      />
      <button type="submit">Create plan</button>
      {msg && (
        <p className="form-error" role="alert">
          {msg}
        </p>
      )}
    </form>
  );
}

/** The plan's ICD-10-CM diagnoses (what its claims carry), editable by who may edit the plan. */
function PlanDiagnoses(props: {
  plan: PlanOfCareRecord;
  canEdit: boolean;
  onSave(diagnoses: string[]): Promise<void>;
  error: string | undefined;
}): ReactNode {
  const current = (props.plan.diagnoses ?? []).join(' ');
  const [text, setText] = useState(current);
  if (!props.canEdit) return <p className="muted">Diagnoses: {current || 'none recorded'}</p>;
  return (
    <div className="row">
      <TextField
        label="Diagnoses (ICD-10-CM)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={props.error}
        hint="Principal first, separated by spaces, e.g. M17.11 R26.89. Claims carry these."
      />
      <button
        type="button"
        disabled={text.trim() === current}
        onClick={() =>
          void props.onSave(
            text
              .trim()
              .toUpperCase()
              .split(/[\s,]+/)
              .filter(Boolean),
          )
        }
      >
        Save diagnoses
      </button>
    </div>
  );
}

const GOAL_STATUSES = ['active', 'met', 'discontinued'] as const;

function GoalLine(props: {
  goal: GoalRecord;
  canEdit: boolean;
  onSave(next: Pick<GoalRecord, 'text' | 'status'>): void;
}): ReactNode {
  const g = props.goal;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(g.text);
  const status = g.status ?? 'active';
  if (!props.canEdit) {
    return (
      <p>
        {g.text} <Badge tone={status === 'met' ? 'ok' : status === 'discontinued' ? 'info' : 'warn'}>{status}</Badge>
      </p>
    );
  }
  return (
    <div className="row goal-line">
      {editing ? (
        <TextField label="Goal" value={text} onChange={(e) => setText(e.target.value)} />
      ) : (
        <p className="goal-text">{g.text}</p>
      )}
      <SelectField
        label="Goal status"
        value={status}
        onChange={(e) =>
          props.onSave({ text: g.text, status: GOAL_STATUSES.find((x) => x === e.target.value) ?? status })
        }
      >
        {GOAL_STATUSES.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </SelectField>
      {editing ? (
        <button
          type="button"
          onClick={() => {
            setEditing(false);
            if (text.trim() && text.trim() !== g.text) props.onSave({ text: text.trim(), status });
          }}
        >
          Save goal
        </button>
      ) : (
        <button type="button" onClick={() => setEditing(true)}>
          Edit goal
        </button>
      )}
    </div>
  );
}
