import { type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import { entryWords, recordWords } from '../audit/audit-words.ts';
import { useAsync } from '../components/use-async.ts';

/** The audit log of reads and writes of patient data, for owners and auditors; newest first, paged. */
export default function AuditLogPage(): ReactNode {
  const [hideLists, setHideLists] = useState(true);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useAsync(() => api.auditLog({ cursor, limit: 100, hideLists }), [cursor, hideLists]);
  return (
    <section>
      <h1>Audit log</h1>
      <label className="check">
        <input
          type="checkbox"
          checked={hideLists}
          onChange={(e) => {
            setHideLists(e.target.checked);
            setCursors([undefined]);
          }}
        />
        Hide list views (searches and lists of patients, notes and claims)
      </label>
      {page.error !== undefined && (
        <p className="form-error" role="alert">
          {messageOf(page.error)}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="audit-log">
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
                <td>{e.userName ?? (e.userId ? 'A former user' : 'The system')}</td>
                <td title={e.action}>{entryWords(e)}</td>
                <td>{e.patientName ?? (e.patientId ? 'A patient no longer on file' : '—')}</td>
                <td>{recordWords(e)}</td>
                <td>{e.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.data && page.data.items.length === 0 && <p className="muted">Nothing recorded yet.</p>}
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
