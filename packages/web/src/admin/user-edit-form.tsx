import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import type { Role, User } from '../api/types.ts';
import { TextField } from '../components/field.tsx';
import { ROLE_LABELS } from './role-labels.ts';

/**
 * Edits one user's name and roles.
 * @param props - the user, whether it is the signed-in owner (who keeps the owner role), and what to do after
 */
export function UserEditForm(props: { user: User; self: boolean; onDone(saved: boolean): void }): ReactNode {
  const [name, setName] = useState(props.user.name);
  const [roles, setRoles] = useState<Role[]>(props.user.roles);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const toggle = (role: Role, on: boolean): void =>
    setRoles(on ? [...roles.filter((r) => r !== role), role] : roles.filter((r) => r !== role));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setFields({});
    if (roles.length === 0) {
      setFields({ roles: 'Give the user at least one role.' });
      return;
    }
    try {
      await api.updateUser(props.user.id, { name, roles });
      props.onDone(true);
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(messageOf(err));
    }
  };
  const rolesError = fieldMessage(fields, 'roles') ?? fieldMessage(fields, 'roles.0');
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`Edit ${props.user.name}`} className="card" noValidate>
      <h3>Edit {props.user.name}</h3>
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldMessage(fields, 'name')}
      />
      <fieldset>
        <legend>Roles</legend>
        {ROLE_LABELS.map((r) => (
          <label key={r.role} className="check">
            <input
              type="checkbox"
              checked={roles.includes(r.role)}
              // Owners cannot drop their own owner role: nobody would be left to manage the clinic.
              disabled={props.self && r.role === 'owner'}
              onChange={(e) => toggle(r.role, e.target.checked)}
            />
            {r.label}
          </label>
        ))}
        {rolesError && (
          <p className="field-error" role="alert">
            {rolesError}
          </p>
        )}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary">
          Save changes
        </button>
        <button type="button" onClick={() => props.onDone(false)}>
          Cancel
        </button>
      </div>
      {msg && <p role="status">{msg}</p>}
    </form>
  );
}
