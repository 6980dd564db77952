import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import { claimsApi } from './api.ts';
import type { ChargeRow } from './types.ts';

/**
 * Hold a visit from billing, or release its hold, with a reason the biller types (kept with the hold and shown in
 * charge review). Only for visits not yet on a claim.
 * @param props - the charge row and what to do once the hold changed
 */
export function HoldControl(props: { row: ChargeRow; onChanged: () => void }): ReactNode {
  const { row } = props;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const id = useId();
  const releasing = row.hold !== null;
  if (row.claim) return null;
  const verb = releasing ? 'Release' : 'Hold';

  async function onSubmit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!reason.trim()) {
      setError(releasing ? 'Say why the visit can be billed now.' : 'Say why the visit must wait.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      if (releasing) await claimsApi.release(row.id, reason.trim());
      else await claimsApi.hold(row.id, reason.trim());
      setOpen(false);
      setReason('');
      props.onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={`${verb} the visit of ${row.patientName} on ${row.date}`}
      >
        {verb}
      </button>
    );
  return (
    <form className="hold-form" onSubmit={(e) => void onSubmit(e)} aria-label={`${verb} visit`}>
      <label htmlFor={id}>{releasing ? 'Why it can be billed now' : 'Why it must wait'}</label>
      <input id={id} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="primary" disabled={busy}>
        {releasing ? 'Release hold' : 'Hold from billing'}
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
