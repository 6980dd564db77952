import { type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { User } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { useAsync } from '../components/use-async.ts';
import { ErrorLine } from './error-line.tsx';
import { rolesText } from './role-labels.ts';
import { UserAddForm } from './user-add-form.tsx';
import { UserEditForm } from './user-edit-form.tsx';
import { UserStatusAction } from './user-status-action.tsx';

/** The clinic's users: their roles and status, editing, deactivating and adding. */
export function UsersSection(): ReactNode {
  const list = useAsync(() => api.users(), []);
  const me = useAuth().user;
  const [editing, setEditing] = useState<User | null>(null);
  const [msg, setMsg] = useState('');
  const changed = (message: string): void => {
    setMsg(message);
    list.reload();
  };
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">Users and roles</h2>
      <ErrorLine error={list.error} />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((u: User) => (
            <tr key={u.id}>
              <td>
                {u.name}
                {u.id === me?.id && <span className="muted"> (you)</span>}
              </td>
              <td>{u.email}</td>
              <td>{rolesText(u.roles)}</td>
              <td>{u.status === 'disabled' ? 'Deactivated' : 'Active'}</td>
              <td>
                <button type="button" onClick={() => setEditing(u)} aria-label={`Edit ${u.name}`}>
                  Edit
                </button>{' '}
                {u.id !== me?.id && <UserStatusAction user={u} onChanged={changed} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {msg && <p role="status">{msg}</p>}
      {editing && (
        <UserEditForm
          key={editing.id}
          user={editing}
          self={editing.id === me?.id}
          onDone={(saved) => {
            setEditing(null);
            if (saved) changed(`${editing.name}: changes saved.`);
          }}
        />
      )}
      <UserAddForm onAdded={list.reload} />
    </section>
  );
}
