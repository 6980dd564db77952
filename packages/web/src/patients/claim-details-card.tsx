import { icd10Description } from '@unitwise/rules';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { ApiError, messageOf } from '../api/problem.ts';
import type { Patient } from '../api/types.ts';
import { ClaimDetailsFields } from './claim-details-fields.tsx';
import { claimDetailsBody, claimDetailsOf } from './intake-form.ts';

/** What is missing for a claim, in the words a biller uses. */
function missing(p: Patient): string[] {
  const out: string[] = [];
  if (!p.address) out.push('address');
  if (!p.diagnoses || p.diagnoses.length === 0) out.push('diagnoses');
  if (!p.referringProvider) out.push('referring provider');
  return out;
}

/**
 * The chart's "Address, diagnoses and referral" card: what the claim carries for this patient, with an edit form for
 * those who may change demographics, so no claim waits on a field no screen can fill.
 * @param props - the patient, whether the user may edit, and what to do after a save
 */
export function ClaimDetailsCard(props: { patient: Patient; canEdit: boolean; onSaved(): void }): ReactNode {
  const p = props.patient;
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState(() => claimDetailsOf(p));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const gaps = missing(p);
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setFields({});
    setMsg('');
    try {
      await api.updatePatient(p.id, claimDetailsBody(form));
      setEditing(false);
      setMsg('Saved.');
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(`Not saved. ${messageOf(err)}`);
    }
  };
  const a = p.address;
  const r = p.referringProvider;
  return (
    <section aria-labelledby="details-title" className="card" data-testid="claim-details">
      <h2 id="details-title">Address, diagnoses and referral</h2>
      {gaps.length > 0 && (
        <p className="form-error" role="note">
          Claims for this patient are held back until the {gaps.join(', ')} {gaps.length === 1 ? 'is' : 'are'} added.
        </p>
      )}
      {!editing ? (
        <dl className="plain-list">
          <dt>Address</dt>
          <dd>{a ? `${a.line1}${a.line2 ? `, ${a.line2}` : ''}, ${a.city}, ${a.state} ${a.postalCode}` : '—'}</dd>
          <dt>Phone</dt>
          <dd>{p.phone ?? '—'}</dd>
          <dt>Diagnoses</dt>
          <dd>
            {(p.diagnoses ?? []).length === 0
              ? '—'
              : (p.diagnoses ?? []).map((d) => `${d} ${icd10Description(d) ?? ''}`.trim()).join('; ')}
          </dd>
          <dt>Referring provider</dt>
          <dd>{r ? `${r.firstName} ${r.lastName}, NPI ${r.npi}` : '—'}</dd>
        </dl>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate aria-label="Edit address, diagnoses and referral">
          <ClaimDetailsFields value={form} onChange={setForm} serverErrors={fields} />
          <button type="submit">Save</button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      )}
      {props.canEdit && !editing && (
        <button
          type="button"
          onClick={() => {
            setForm(claimDetailsOf(p));
            setEditing(true);
          }}
        >
          Edit address, diagnoses and referral
        </button>
      )}
      {msg && <p role="status">{msg}</p>}
    </section>
  );
}
