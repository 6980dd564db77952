import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { ROLE_LABELS } from './role-labels.ts';

/**
 * The form that adds a user with a first password and one role (more roles can be given by editing).
 * @param props - called after a user was added
 */
export function UserAddForm(props: { onAdded(): void }): ReactNode {
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'therapist' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setFields({});
    setMsg('');
    try {
      await api.createUser({ name: form.name, email: form.email, password: form.password, roles: [form.role] });
      setForm({ name: '', email: '', password: '', role: form.role });
      setMsg('User added.');
      props.onAdded();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(messageOf(err));
    }
  };
  return (
    <>
      <form onSubmit={(e) => void submit(e)} className="row" aria-label="Add a user">
        <TextField
          label="Name"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={fieldMessage(fields, 'name')}
        />
        <TextField
          label="Email"
          type="email"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          error={fieldMessage(fields, 'email')}
        />
        <TextField
          label="First password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          error={fieldMessage(fields, 'password')}
        />
        <SelectField
          label="Role"
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value })}
          error={fieldMessage(fields, 'roles')}
        >
          {ROLE_LABELS.map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <button type="submit">Add user</button>
      </form>
      {msg && <p role="status">{msg}</p>}
    </>
  );
}
