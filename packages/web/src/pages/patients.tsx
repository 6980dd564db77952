import { type FormEvent, type ReactNode, useState } from 'react';
import { directory } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import { hasRole, useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { patientName } from '../components/names.ts';
import { useAsync } from '../components/use-async.ts';

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
  const empty = { firstName: '', lastName: '', birthDate: '', sex: 'U', payerId: '', memberId: '', startDate: '' };
  const [form, setForm] = useState(empty);
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
      const p = await api.createPatient({
        firstName: form.firstName,
        lastName: form.lastName,
        birthDate: form.birthDate,
        sex: form.sex,
      });
      if (form.payerId) {
        try {
          await api.createCoverage({
            patientId: p.id,
            payerId: form.payerId,
            memberId: form.memberId,
            startDate: form.startDate,
            priority: 1,
          });
        } catch (err) {
          // The patient exists; only the coverage needs another try, from the chart.
          if (err instanceof ApiError) setFields(err.fields);
          setMsg(`Patient added, but the coverage was not: ${messageOf(err)}`);
          props.onCreated();
          return;
        }
      }
      setForm(empty);
      setMsg('Patient added.');
      props.onCreated();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(messageOf(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card" aria-labelledby="new-patient" noValidate>
      <h2 id="new-patient">Add a patient</h2>
      <div className="row">
        <TextField
          label="First name"
          value={form.firstName}
          onChange={set('firstName')}
          error={fieldMessage(fields, 'firstName')}
        />
        <TextField
          label="Last name"
          value={form.lastName}
          onChange={set('lastName')}
          error={fieldMessage(fields, 'lastName')}
        />
        <TextField
          label="Date of birth"
          type="date"
          value={form.birthDate}
          onChange={set('birthDate')}
          error={fieldMessage(fields, 'birthDate')}
        />
        <SelectField label="Sex" value={form.sex} onChange={set('sex')} error={fieldMessage(fields, 'sex')}>
          <option value="F">Female</option>
          <option value="M">Male</option>
          <option value="U">Unknown</option>
        </SelectField>
      </div>
      <div className="row">
        <SelectField
          label="Primary payer"
          value={form.payerId}
          onChange={set('payerId')}
          error={fieldMessage(fields, 'payerId')}
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
          error={fieldMessage(fields, 'memberId')}
        />
        <TextField
          label="Coverage from"
          type="date"
          value={form.startDate}
          onChange={set('startDate')}
          error={fieldMessage(fields, 'startDate')}
        />
      </div>
      <button type="submit">Add patient</button>
      {msg && <p role="status">{msg}</p>}
    </form>
  );
}
