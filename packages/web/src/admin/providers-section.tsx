import { type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Provider } from '../api/types.ts';
import { useAsync } from '../components/use-async.ts';
import { ErrorLine } from './error-line.tsx';
import { ProviderForm } from './provider-form.tsx';

/** The clinic's providers (who renders and bills care): NPI, discipline, credential, login; adding and editing. */
export function ProvidersSection(): ReactNode {
  const list = useAsync(() => api.providers(), []);
  const users = useAsync(() => api.users().then((p) => p.items), []);
  const [editing, setEditing] = useState<Provider | null>(null);
  const [msg, setMsg] = useState('');
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const done = (message: string | null): void => {
    setEditing(null);
    if (message) {
      setMsg(message);
      list.reload();
    }
  };
  return (
    <section className="card" aria-labelledby="providers-title">
      <h2 id="providers-title">Providers</h2>
      <ErrorLine error={list.error} />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">NPI</th>
            <th scope="col">Discipline</th>
            <th scope="col">Credential</th>
            <th scope="col">Signs in as</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p: Provider) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.npi ?? '—'}</td>
              <td>{p.discipline ?? '—'}</td>
              <td>{p.credential}</td>
              <td>{(p.userId && names.get(p.userId)) ?? '—'}</td>
              <td>
                <button type="button" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {msg && <p role="status">{msg}</p>}
      {editing && <ProviderForm key={editing.id} provider={editing} users={users.data ?? []} onDone={done} />}
      <h3>Add a provider</h3>
      <ProviderForm users={users.data ?? []} onDone={done} />
    </section>
  );
}
