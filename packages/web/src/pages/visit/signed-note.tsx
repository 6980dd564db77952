import { type Goal, lookupCode, type Service } from '@unitwise/rules';
import { type ReactNode, useState } from 'react';
import type { ApiError } from '../../api/problem.ts';
import type { VisitRecord } from '../../api/types.ts';
import { useProviders } from '../../api/use-providers.ts';
import { TextArea } from '../../components/field.tsx';
import { formatCents } from '../../components/money.ts';
import { SeverityTag } from '../../components/severity.tsx';

/** A service as stored; `assistance` is kept apart from the description on newer notes. */
type StoredService = Service & { assistance?: string };

/**
 * A signed note (or a draft shown to a role that cannot write notes), read-only and complete as a record: the signer
 * with credential and time and what they attested, the visit's times and totals, each activity with code, minutes,
 * units, description, assistance and goals served, non-billable time, the response, findings, overrides with their
 * reasons, and addenda with author, credential and time. Corrections are addenda only.
 * @param props - the stored visit, the plan's goals, and the addendum action
 */
export function SignedNote(props: {
  record: VisitRecord;
  patientName: string;
  /** The goals of the plan the visit served, to name the goals each activity served. */
  goals?: readonly Goal[];
  onAddendum(text: string): Promise<ApiError | null>;
  /** The note's author, a co-signing therapist or the owner write addenda (rules' `addendumRefusal`); others read them. */
  canAddend: boolean;
}): ReactNode {
  const r = props.record;
  const signed = r.status === 'signed';
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const providers = useProviders();
  const who = (userId: string | null | undefined): string => {
    const p = providers.find((x) => x.userId === userId);
    return p ? `${p.name}, ${p.credential}` : 'a clinic user';
  };
  const add = async (): Promise<void> => {
    if (!text.trim()) {
      setError('Write the correction or late entry first.');
      return;
    }
    setBusy(true);
    const err = await props.onAddendum(text.trim());
    setBusy(false);
    if (err) setError(err.fields.text ?? err.message);
    else {
      setText('');
      setError('');
    }
  };
  const a = r.attestation;
  const signer = a ? (a.credential ? `${a.signerName}, ${a.credential}` : a.signerName) : who(r.signedBy);
  const nonBillable = r.nonBillable ?? [];
  const goalText = (id: string): string =>
    props.goals?.find((g) => g.id === id)?.text ?? 'a goal no longer on the plan';
  return (
    <article className="signed-note">
      <h1>
        {signed ? 'Signed note' : 'Draft note'}: {props.patientName}, {r.date}
      </h1>
      {signed ? (
        <p className="badge badge-ok" data-testid="signed-banner">
          <span aria-hidden="true">✓ </span>Signed by {signer}
          {r.signedAt ? ` on ${new Date(r.signedAt).toLocaleString()}` : ''}. This note can no longer change; add an
          addendum to correct it.
        </p>
      ) : (
        <p className="badge badge-info">
          <span aria-hidden="true">ℹ </span>Not signed yet. Read-only for your role; the clinician is still writing it.
        </p>
      )}
      {a && (
        <section aria-labelledby="attest-title" data-testid="attestation">
          <h2 id="attest-title">Attestation</h2>
          <p>{a.statement}</p>
          {a.warningsConfirmed.length > 0 && (
            <>
              <p>Signed with these warnings read and confirmed:</p>
              <ul>
                {a.warningsConfirmed.map((w) => (
                  <li key={`${w.rule}#${w.service ?? ''}`}>
                    <SeverityTag severity="warning" /> {w.service !== null ? `Activity ${w.service + 1}: ` : ''}
                    {w.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <dl className="note-times" data-testid="note-times">
        <dt>Time in</dt>
        <dd>{r.timeIn ?? 'not recorded'}</dd>
        <dt>Time out</dt>
        <dd>{r.timeOut ?? 'not recorded'}</dd>
        <dt>Total timed minutes</dt>
        <dd>{r.totalTimedMinutes ?? 'not recorded'}</dd>
        <dt>Total treatment minutes</dt>
        <dd>{r.totalTreatmentMinutes ?? 'not recorded'}</dd>
      </dl>
      <table className="units-table" data-testid="note-services">
        <caption>Activities</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Minutes</th>
            <th scope="col">Units</th>
            <th scope="col">Modifiers</th>
            <th scope="col">What was done</th>
            <th scope="col">Assistance and cueing</th>
            <th scope="col">Goals served</th>
          </tr>
        </thead>
        <tbody>
          {(r.services as StoredService[]).map((s, i) => {
            const line = r.lines?.[i];
            const units = line ? (line.claimedUnits ?? line.units) : s.units;
            return (
              // Services of a signed note never reorder, so the position is a stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: immutable list
              <tr key={`${s.code}-${i}`}>
                <th scope="row">
                  {s.code} <small>{lookupCode(s.code)?.name}</small>
                </th>
                <td>{lookupCode(s.code)?.timed === false ? '—' : (s.minutes ?? '—')}</td>
                <td>{units ?? '—'}</td>
                <td>{(s.modifiers ?? []).join(' ')}</td>
                <td>{s.description}</td>
                <td>{s.assistance ?? ''}</td>
                <td>{(s.goalIds ?? []).map(goalText).join('; ') || 'none'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {r.units && <p>Units: {r.units.totalUnits}</p>}
      {r.estimate && <p>Estimated payment: {formatCents(r.estimate.totalCents)}</p>}
      <section aria-labelledby="nb-title">
        <h2 id="nb-title">Non-billable time</h2>
        {nonBillable.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul data-testid="note-non-billable">
            {nonBillable.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: immutable list
              <li key={`${n.kind}-${i}`}>
                {n.kind}: {n.minutes} min{n.note ? ` (${n.note})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="response-title">
        <h2 id="response-title">Patient response</h2>
        <p data-testid="note-response">{r.response ?? 'Not recorded.'}</p>
      </section>
      {(r.findings ?? []).length > 0 && (
        <ul className="findings">
          {(r.findings ?? []).map((f) => (
            <li key={`${f.rule}#${f.service ?? ''}`}>
              <SeverityTag severity={f.severity} /> <code>{f.rule}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {(r.overrides ?? []).length > 0 && (
        <section>
          <h2>Overrides</h2>
          <ul data-testid="note-overrides">
            {(r.overrides ?? []).map((o) => (
              <li key={`${o.rule}#${o.service ?? ''}`}>
                <code>{o.rule}</code>
                {o.service !== undefined && o.service !== null ? ` (activity ${o.service + 1})` : ''}: {o.reason}
                {o.userId ? <small> — {who(o.userId)}</small> : null}
              </li>
            ))}
          </ul>
        </section>
      )}
      {signed && (
        <section aria-labelledby="addenda-title">
          <h2 id="addenda-title">Addenda</h2>
          {(r.addenda ?? []).length === 0 && <p className="muted">None.</p>}
          <ol data-testid="note-addenda">
            {(r.addenda ?? []).map((x) => (
              <li key={x.id}>
                <small>
                  {who(x.authorId)}, {new Date(x.createdAt).toLocaleString()}
                </small>
                <p>{x.text}</p>
              </li>
            ))}
          </ol>
          {props.canAddend && (
            <>
              <TextArea
                label="New addendum"
                rows={3}
                value={text}
                onChange={(e) => setText(e.target.value)}
                error={error || undefined}
              />
              <button type="button" disabled={busy} onClick={() => void add()}>
                Add addendum
              </button>
            </>
          )}
        </section>
      )}
    </article>
  );
}
