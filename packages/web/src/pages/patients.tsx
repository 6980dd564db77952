import { type FormEvent, type ReactNode, useState } from 'react';
import { directory } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import { hasRole, useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { patientName } from '../components/names.ts';
import { useAsync } from '../components/use-async.ts';
import { ClaimDetailsFields } from '../patients/claim-details-fields.tsx';
import { type ClaimDetailsForm, claimDetailsBody, EMPTY_CLAIM_DETAILS } from '../patients/intake-form.ts';

/** The clinic's patients, searchable, with a form to add one. */
export default function PatientsPage(): ReactNode {
  const { user } = useAuth();
  const [q, setQ] = useState('');
  const [cursor, setCursor] = useState<string | undefined>();
  const list = useAsync(() => api.patients({ search: q, cursor, limit: 50 }), [q, cursor]);
  return (
    <section>
      <h1>Patients</h1>
      <label htmlFor="patient-q">Search</label>
      <input
        id="patient-q"
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setCursor(undefined);
        }}
      />
      {list.error !== undefined && (
        <p className="form-error" role="alert">
          {messageOf(list.error)}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Born</th>
            <th scope="col">Clinic id</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/patients/${p.id}`}>{patientName(p)}</Link>
              </td>
              <td>{p.birthDate ?? '—'}</td>
              <td>{p.externalId ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.next && (
        <button type="button" onClick={() => setCursor(list.data?.next ?? undefined)}>
          Next page
        </button>
      )}
      {hasRole(user, 'owner', 'therapist', 'biller') && <NewPatient onCreated={list.reload} />}
    </section>
  );
}

function NewPatient(props: { onCreated(): void }): ReactNode {
  const { user } = useAuth();
  // Insurance is billing data (owner and biller): others are told so up front rather than refused after saving.
  const canAddCoverage = hasRole(user, 'owner', 'biller');
  const empty = { firstName: '', lastName: '', birthDate: '', sex: 'U', payerId: '', memberId: '', startDate: '' };
  const [form, setForm] = useState(empty);
  const [details, setDetails] = useState<ClaimDetailsForm>(EMPTY_CLAIM_DETAILS);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const payers = useAsync(() => directory().then((d) => d.payers), []);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setFields({});
    setMsg('');
    try {
      // Patient and coverage go in one request: the server writes both or neither.
      await api.createPatient({
        firstName: form.firstName,
        lastName: form.lastName,
        birthDate: form.birthDate,
        sex: form.sex,
        ...claimDetailsBody(details),
        ...(canAddCoverage && form.payerId
          ? { coverage: { payerId: form.payerId, memberId: form.memberId, startDate: form.startDate } }
          : {}),
      });
      setForm(empty);
      setDetails(EMPTY_CLAIM_DETAILS);
      setMsg(canAddCoverage && form.payerId ? 'Patient and insurance added.' : 'Patient added.');
      props.onCreated();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(`Nothing was saved. ${messageOf(err)}`);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card" aria-labelledby="new-patient" noValidate>
      <h2 id="new-patient">Add a patient</h2>
      <div className="row">
        <TextField label="First name" value={form.firstName} onChange={set('firstName')} error={fields.firstName} />
        <TextField label="Last name" value={form.lastName} onChange={set('lastName')} error={fields.lastName} />
        <TextField
          label="Date of birth"
          type="date"
          value={form.birthDate}
          onChange={set('birthDate')}
          error={fields.birthDate}
        />
        <SelectField label="Sex" value={form.sex} onChange={set('sex')} error={fields.sex}>
          <option value="F">Female</option>
          <option value="M">Male</option>
          <option value="U">Unknown</option>
        </SelectField>
      </div>
      <ClaimDetailsFields value={details} onChange={setDetails} serverErrors={fields} />
      {canAddCoverage ? (
        <fieldset>
          <legend>Insurance</legend>
          <div className="row">
            <SelectField
              label="Primary payer"
              value={form.payerId}
              onChange={set('payerId')}
              error={fieldMessage(fields, 'coverage.payerId')}
            >
              <option value="">None yet</option>
              {(payers.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Member id"
              value={form.memberId}
              onChange={set('memberId')}
              error={fieldMessage(fields, 'coverage.memberId')}
            />
            <TextField
              label="Coverage from"
              type="date"
              value={form.startDate}
              onChange={set('startDate')}
              error={fieldMessage(fields, 'coverage.startDate')}
            />
          </div>
        </fieldset>
      ) : (
        <p className="muted" data-testid="coverage-note">
          Insurance is added by a biller or the clinic owner, from the patient’s chart once the patient is added.
        </p>
      )}
      <button type="submit">Add patient</button>
      {msg && <p role="status">{msg}</p>}
    </form>
  );
}
