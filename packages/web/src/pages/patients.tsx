import { type FormEvent, type ReactNode, useState } from 'react';
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
  const list = useAsync(() => api.patients({ q, cursor, limit: 50 }), [q, cursor]);
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
            <th scope="col">Payer</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/patients/${p.id}`}>{patientName(p)}</Link>
              </td>
              <td>{p.birthDate ?? '—'}</td>
              <td>{p.payer ?? '—'}</td>
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
  const [form, setForm] = useState({ firstName: '', lastName: '', birthDate: '', payer: 'medicare' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setFields({});
    setMsg('');
    try {
      await api.createPatient({ ...form, birthDate: form.birthDate || undefined });
      setForm({ firstName: '', lastName: '', birthDate: '', payer: form.payer });
      setMsg('Patient added.');
      props.onCreated();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(messageOf(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card" aria-labelledby="new-patient">
      <h2 id="new-patient">Add a patient</h2>
      <div className="row">
        <TextField
          label="First name"
          value={form.firstName}
          onChange={(e) => setForm({ ...form, firstName: e.target.value })}
          error={fieldMessage(fields, 'firstName')}
        />
        <TextField
          label="Last name"
          value={form.lastName}
          onChange={(e) => setForm({ ...form, lastName: e.target.value })}
          error={fieldMessage(fields, 'lastName')}
        />
        <TextField
          label="Date of birth"
          type="date"
          value={form.birthDate}
          onChange={(e) => setForm({ ...form, birthDate: e.target.value })}
          error={fieldMessage(fields, 'birthDate')}
        />
        <SelectField
          label="Payer"
          value={form.payer}
          onChange={(e) => setForm({ ...form, payer: e.target.value })}
          error={fieldMessage(fields, 'payer')}
        >
          <option value="medicare">Medicare</option>
          <option value="medicaid">Medicaid</option>
          <option value="commercial">Commercial</option>
        </SelectField>
      </div>
      <button type="submit">Add patient</button>
      {msg && <p role="status">{msg}</p>}
    </form>
  );
}
