import {
  addendumRefusal,
  type Credential,
  credentialFor,
  type Discipline,
  type NonBillableKind,
  signRefusal,
} from '@unitwise/rules';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { providerOfUser } from '../../api/directory.ts';
import { messageOf } from '../../api/problem.ts';
import { useProviders } from '../../api/use-providers.ts';
import { hasRole, useAuth } from '../../app/auth.tsx';
import { Link } from '../../app/router.tsx';
import { TextArea, TextField } from '../../components/field.tsx';
import { formatCents } from '../../components/money.ts';
import { patientName } from '../../components/names.ts';
import { useDiscardUntouched } from '../../visit/discard-untouched.ts';
import { type ActivityDraft, changeActivity, draftToVisit, newActivity, typedMinutesApply } from '../../visit/draft.ts';
import { mergeFindings, suggestFor } from '../../visit/engine.ts';
import { computeLiveResults, sortFindings } from '../../visit/live-results.ts';
import { methodLabel, policyFor } from '../../visit/payer-context.ts';
import { activityMillis, formatClock, lastActivityId, running, timerReducer } from '../../visit/timer-machine.ts';
import { activePlan, toRulesPatient, usePatientContext } from '../../visit/use-patient-context.ts';
import { useVisitEditor } from '../../visit/use-visit-editor.ts';
import { ActivityCard, CodeOptions } from './activity-card.tsx';
import { GoalStatusSection } from './goal-status.tsx';
import { LivePanel } from './live-panel.tsx';
import { RunningTimerPrompt } from './running-timer-prompt.tsx';
import { SignPanel } from './sign-panel.tsx';
import { SignedNote } from './signed-note.tsx';
import { TimerLog } from './timer-log.tsx';

const NOTE_TITLES = {
  daily: 'Daily note',
  evaluation: 'Evaluation',
  're-evaluation': 'Re-evaluation',
  'progress-report': 'Progress report',
  discharge: 'Discharge summary',
} as const;

const PAUSE_KINDS: { kind: NonBillableKind; label: string }[] = [
  { kind: 'rest', label: 'Rest' },
  { kind: 'setup', label: 'Setup' },
  { kind: 'waiting', label: 'Waiting' },
];

const clock = (): number => Date.now();

/**
 * The visit note: activities with timers, live units, what-if, findings and price, goal status on progress notes,
 * then signing; a signed note shows read-only with its addenda.
 * @param props - the visit id
 */
export function VisitPage(props: { visitId: string }): ReactNode {
  const { user } = useAuth();
  const assistant = hasRole(user, 'assistant');
  // For a record without a credential: the signed-in clinician's, in the visit's discipline (OT → OT/OTA, …).
  const fallback = useCallback((d: Discipline): Credential => credentialFor(d, assistant), [assistant]);
  const ed = useVisitEditor(props.visitId, fallback, clock);
  const providers = useProviders();
  const { draft, record } = ed;
  const pc = usePatientContext(draft?.patientId, draft?.date);
  const [now, setNow] = useState(clock);
  const open = draft ? running(draft.timer) : undefined;

  // Tick once a second only while a timer runs: the clock display and the live minutes follow it.
  useEffect(() => {
    if (!open) return;
    const t = setInterval(() => setNow(clock()), 1000);
    return () => clearInterval(t);
  }, [open]);

  const plan = draft ? activePlan(pc.plans, draft.discipline, draft.date) : undefined;
  const goals = plan?.goals ?? [];
  const policy = draft ? policyFor(pc.policyId, draft.date) : undefined;
  const patientId = draft?.patientId;
  const rulesPatient = useMemo(
    () => (patientId ? toRulesPatient(patientId, pc.policyId, pc.plans, pc.patient?.history) : undefined),
    [patientId, pc],
  );

  const visit = useMemo(() => (draft ? draftToVisit(draft, now) : undefined), [draft, now]);
  const live = useMemo(
    () => (visit && rulesPatient ? computeLiveResults(visit, { patient: rulesPatient }) : undefined),
    [visit, rulesPatient],
  );
  const findings = useMemo(
    () => sortFindings(mergeFindings(live?.findings ?? [], record?.findings ?? [])),
    [live, record],
  );
  const timed = useMemo(() => (draft ? activityMillis(draft.timer, now) : new Map<string, number>()), [draft, now]);

  useDiscardUntouched(props.visitId, record, draft, hasRole(user, 'owner', 'therapist', 'assistant'));
  const { update } = ed;
  const onChange = useCallback(
    (id: string, change: Partial<ActivityDraft>) => update((d) => changeActivity(d, id, change, clock())),
    [update],
  );
  const timerEvent = useCallback(
    (
      e:
        | { type: 'start'; activityId: string }
        | { type: 'pause'; kind: NonBillableKind }
        | { type: 'resume' }
        | { type: 'stop' },
    ) => {
      const at = clock();
      setNow(at);
      update((d) => ({ ...d, timer: timerReducer(d.timer, { ...e, at }) }));
    },
    [update],
  );
  const onStart = useCallback((id: string) => timerEvent({ type: 'start', activityId: id }), [timerEvent]);
  const onRemove = useCallback(
    (id: string) => {
      if (!confirm('Remove this activity and its timed minutes?')) return;
      update((d) => ({
        ...d,
        activities: d.activities.filter((a) => a.id !== id),
        timer: { segments: d.timer.segments.filter((s) => s.activityId !== id) },
      }));
    },
    [update],
  );

  if (ed.loadError) {
    return (
      <section>
        <h1>Visit</h1>
        <p className="form-error" role="alert">
          {messageOf(ed.loadError)}
        </p>
        <Link to="/today">Back to today</Link>
      </section>
    );
  }
  if (!draft || !record || !visit || !live) return <p className="loading">Loading the note…</p>;

  const signed = record.status === 'signed' || !!record.signedAt;
  const name = patientName(pc.patient);
  // Billers and auditors read drafts but never edit them (the server refuses their writes).
  if (signed || !hasRole(user, 'owner', 'therapist', 'assistant'))
    return (
      <SignedNote
        record={record}
        patientName={name}
        goals={goals}
        onAddendum={ed.addAddendum}
        canAddend={
          hasRole(user, 'owner', 'therapist', 'assistant') &&
          !!user &&
          addendumRefusal(
            { userId: user.id, roles: user.roles, credential: providerOfUser(providers, user.id)?.credential },
            {
              authorUserId: providers.find((p) => p.id === record.providerId)?.userId ?? record.signedBy ?? null,
              authorCredential: record.provider?.credential ?? null,
              discipline: record.discipline,
            },
          ) === null
        }
      />
    );

  const lastId = lastActivityId(draft.timer);
  const runningActivity = draft.activities.findIndex((a) => a.id === open?.activityId);
  const errFor = (i: number) => findings.filter((f) => f.service === i);
  const fe = ed.fieldErrors;
  const isProgressType = draft.noteType !== 'daily';
  const canSign = !!user && signRefusal(user.roles, draft.noteType) === null;

  const addActivity = (): void => {
    const id = `a${Date.now().toString(36)}`;
    update((d) => ({
      ...d,
      activities: [...d.activities, newActivity(id, d.discipline === 'SLP' ? '92507' : '97530', d.discipline)],
    }));
  };

  return (
    <div className="visit-layout">
      <CodeOptions discipline={draft.discipline} />
      <div className="visit-main">
        <header className="page-head">
          <h1>
            {NOTE_TITLES[draft.noteType]}: {name}
          </h1>
          <p className="muted">
            {draft.discipline} · {draft.date} · <Link to={`/patients/${draft.patientId}`}>Open chart</Link>
          </p>
          <p className={`save-status save-${ed.status}`} role="status" data-testid="save-status">
            {saveLabel(ed.status)} {ed.statusMessage && <span>{ed.statusMessage}</span>}
            {ed.status === 'conflict' && (
              <button type="button" className="link-button" onClick={ed.reload}>
                Load their version
              </button>
            )}
          </p>
          {ed.restored && <p className="muted">Restored the draft kept on this device.</p>}
        </header>

        {ed.staleTimer && (
          <RunningTimerPrompt
            stale={ed.staleTimer}
            what={
              ed.staleTimer.activityId !== undefined
                ? `activity ${runningActivity + 1} (${draft.activities[runningActivity]?.code ?? ''})`
                : `a ${open?.nonBillable ?? 'rest'} pause`
            }
            now={now}
            onChoose={ed.settleTimer}
          />
        )}

        <section className="timer-bar" aria-label="Timer">
          <span className="timer-now" aria-live="off">
            {open?.activityId !== undefined
              ? `Timing activity ${runningActivity + 1} (${draft.activities[runningActivity]?.code ?? ''}): ${formatClock(timed.get(open.activityId) ?? 0)}`
              : open?.nonBillable
                ? `Paused (${open.nonBillable}), not billed: ${formatClock(now - open.start)}`
                : 'Timer stopped'}
          </span>
          {open?.activityId !== undefined &&
            PAUSE_KINDS.map((p) => (
              <button key={p.kind} type="button" onClick={() => timerEvent({ type: 'pause', kind: p.kind })}>
                Pause: {p.label}
              </button>
            ))}
          {open?.nonBillable && lastId !== undefined && (
            <button type="button" onClick={() => timerEvent({ type: 'resume' })}>
              Resume
            </button>
          )}
          {open && (
            <button type="button" onClick={() => timerEvent({ type: 'stop' })}>
              Stop
            </button>
          )}
        </section>

        <div className="row">
          <TextField
            label="Time in"
            type="time"
            value={draft.timeIn}
            onChange={(e) => update((d) => ({ ...d, timeIn: e.target.value }))}
            error={fe.timeIn}
          />
          <TextField
            label="Time out"
            type="time"
            value={draft.timeOut}
            onChange={(e) => update((d) => ({ ...d, timeOut: e.target.value }))}
            error={fe.timeOut}
          />
        </div>

        {draft.activities.map((a, i) => (
          <ActivityCard
            key={a.id}
            index={i}
            activity={a}
            discipline={draft.discipline}
            goals={goals}
            timedMs={timed.get(a.id) ?? 0}
            typedApplies={typedMinutesApply(a, draft.timer)}
            isRunning={open?.activityId === a.id}
            suggestion={suggestFor(a.description, a.code, draft.discipline)}
            findings={errFor(i)}
            fieldErrors={fe}
            readOnly={false}
            onChange={onChange}
            onStart={onStart}
            onRemove={onRemove}
          />
        ))}
        <button type="button" onClick={addActivity}>
          Add activity
        </button>

        <NonBillableList
          timerMinutes={visit.nonBillable?.filter((n) => n.note === 'timer pause') ?? []}
          typed={draft.nonBillableTyped}
          onChange={(list) => update((d) => ({ ...d, nonBillableTyped: list }))}
        />
        <TimerLog timer={draft.timer} activities={draft.activities} now={now} />

        <TextArea
          label="Patient response and progress toward goals"
          rows={3}
          value={draft.response}
          onChange={(e) => update((d) => ({ ...d, response: e.target.value }))}
          error={fe.response}
        />

        {isProgressType && (
          <GoalStatusSection
            goals={goals}
            value={draft.goalStatus}
            readOnly={false}
            onChange={(id, s) => update((d) => ({ ...d, goalStatus: { ...d.goalStatus, [id]: s } }))}
          />
        )}

        <SignPanel
          findings={findings}
          visit={visit}
          signer={{ id: user?.id ?? '', name: user?.name ?? '' }}
          canSign={canSign}
          onSign={ed.sign}
        />
        {/* On a tablet the results sit below the note; this bar keeps their gist in view and jumps to them. */}
        <a className="live-mini" href="#live-title">
          Live results: {live.units.totalUnits} units · {findings.filter((f) => f.severity === 'error').length} errors ·{' '}
          {findings.filter((f) => f.severity === 'warning').length} warnings · {formatCents(live.estimate.totalCents)}
        </a>
      </div>
      {policy && (
        <LivePanel
          results={live}
          findings={findings}
          methodLabel={methodLabel(policy.unitMethod)}
          payerLabel={policy.name}
        />
      )}
    </div>
  );
}

function saveLabel(s: string): string {
  switch (s) {
    case 'pending':
      return 'Unsaved changes.';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved.';
    case 'offline':
      return 'Offline.';
    case 'conflict':
      return 'Conflict.';
    case 'invalid':
      return 'Not saved.';
    case 'error':
      return 'Not saved.';
    default:
      return '';
  }
}

function NonBillableList(props: {
  timerMinutes: { kind: NonBillableKind; minutes: number }[];
  typed: { kind: NonBillableKind; minutes: number; note?: string }[];
  onChange(list: { kind: NonBillableKind; minutes: number; note?: string }[]): void;
}): ReactNode {
  return (
    <section className="non-billable" aria-labelledby="nb-title">
      <h2 id="nb-title">Non-billable time</h2>
      <p className="muted">Rest, setup, waiting and paperwork are recorded but never counted as treatment.</p>
      <ul>
        {props.timerMinutes.map((n) => (
          <li key={n.kind} data-testid={`nb-${n.kind}`}>
            {n.kind}: {n.minutes} min (from timer pauses)
          </li>
        ))}
      </ul>
      {props.typed.map((n, i) => (
        // Typed entries have no id and are edited in place; their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: positional list
        <div className="row" key={`${n.kind}-${i}`}>
          <TextField
            label={`${n.kind} minutes`}
            type="number"
            min={0}
            value={n.minutes}
            onChange={(e) =>
              props.onChange(
                props.typed.map((x, j) => (j === i ? { ...x, minutes: Math.max(0, Number(e.target.value)) } : x)),
              )
            }
          />
          <button
            type="button"
            className="link-button"
            onClick={() => props.onChange(props.typed.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => props.onChange([...props.typed, { kind: 'rest', minutes: 0 }])}>
        Add rest minutes
      </button>
    </section>
  );
}
