import { type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import { useAsync } from '../components/use-async.ts';

/** The audit log of reads and writes of patient data, for owners and auditors; newest first, paged. */
export default function AuditLogPage(): ReactNode {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useAsync(() => api.auditLog({ cursor, limit: 100 }), [cursor]);
  // Names for the user ids; auditors may not list users, in which case the id is shown.
  const users = useAsync(() => api.users().then((p) => new Map(p.items.map((u) => [u.id, u.name]))), []);
  return (
    <section>
      <h1>Audit log</h1>
      {page.error !== undefined && (
        <p className="form-error" role="alert">
          {messageOf(page.error)}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Patient</th>
              <th scope="col">Record</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {(page.data?.items ?? []).map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{(e.userId && users.data?.get(e.userId)) ?? e.userId ?? '—'}</td>
                <td>{e.action}</td>
                <td>{e.patientId ?? '—'}</td>
                <td>{[e.entity, e.entityId].filter(Boolean).join(' ') || '—'}</td>
                <td>{e.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        {cursors.length > 1 && (
          <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            Newer
          </button>
        )}
        {page.data?.next && (
          <button type="button" onClick={() => setCursors([...cursors, page.data?.next ?? undefined])}>
            Older
          </button>
        )}
      </div>
    </section>
  );
}
