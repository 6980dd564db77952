import { lookupCode } from '@unitwise/rules';
import { type ReactNode, useState } from 'react';
import type { ApiError } from '../../api/problem.ts';
import type { VisitRecord } from '../../api/types.ts';
import { TextArea } from '../../components/field.tsx';
import { formatCents } from '../../components/money.ts';
import { serviceAmount } from '../../components/service-amount.ts';
import { SeverityTag } from '../../components/severity.tsx';

/**
 * A signed note (or a draft shown to a role that cannot write notes): read-only, with its units, findings and overrides; corrections are addenda only.
 * @param props - the stored visit and the addendum action
 */
export function SignedNote(props: {
  record: VisitRecord;
  patientName: string;
  onAddendum(text: string): Promise<ApiError | null>;
  /** Clinicians write addenda; billers and auditors read them. */
  canAddend: boolean;
}): ReactNode {
  const r = props.record;
  const signed = r.status === 'signed';
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
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
  return (
    <article className="signed-note">
      <h1>
        {signed ? 'Signed note' : 'Draft note'}: {props.patientName}, {r.date}
      </h1>
      {signed ? (
        <p className="badge badge-ok" data-testid="signed-banner">
          <span aria-hidden="true">✓ </span>Signed{r.signedAt ? ` ${new Date(r.signedAt).toLocaleString()}` : ''}. This
          note can no longer change; add an addendum to correct it.
        </p>
      ) : (
        <p className="badge badge-info">
          <span aria-hidden="true">ℹ </span>Not signed yet. Read-only for your role; the clinician is still writing it.
        </p>
      )}
      <table className="units-table">
        <caption>Services</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Minutes or units</th>
            <th scope="col">Modifiers</th>
            <th scope="col">What was done</th>
          </tr>
        </thead>
        <tbody>
          {r.services.map((s, i) => (
            // Services of a signed note never reorder, so the position is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: immutable list
            <tr key={`${s.code}-${i}`}>
              <th scope="row">
                {s.code} <small>{lookupCode(s.code)?.name}</small>
              </th>
              <td>{serviceAmount(s)}</td>
              <td>{(s.modifiers ?? []).join(' ')}</td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.units && <p>Units: {r.units.totalUnits}</p>}
      {r.estimate && <p>Estimated payment: {formatCents(r.estimate.totalCents)}</p>}
      {r.response && <p>Response: {r.response}</p>}
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
          <ul>
            {(r.overrides ?? []).map((o) => (
              <li key={`${o.rule}#${o.service ?? ''}`}>
                <code>{o.rule}</code>: {o.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {signed && (
        <section aria-labelledby="addenda-title">
          <h2 id="addenda-title">Addenda</h2>
          {(r.addenda ?? []).length === 0 && <p className="muted">None.</p>}
          <ol>
            {(r.addenda ?? []).map((a) => (
              <li key={a.id}>
                <small>{new Date(a.createdAt).toLocaleString()}</small>
                <p>{a.text}</p>
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
