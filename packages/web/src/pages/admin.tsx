import { type FormEvent, type ReactNode, useState } from 'react';
import { type ImportReport, importCaseFile, readCaseFile } from '../admin/import-file.ts';
import { resetDirectory } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import type { FeeRow, Payer, Provider, User } from '../api/types.ts';
import { SelectField, TextArea, TextField } from '../components/field.tsx';
import { formatCents, parseDollars } from '../components/money.ts';
import { useAsync } from '../components/use-async.ts';
import { methodLabel, policyFor } from '../visit/payer-context.ts';

/** Administration for owners: users and roles, providers, payers and policies, fee schedules, case-file import. */
export default function AdminPage(): ReactNode {
  return (
    <section>
      <h1>Administration</h1>
      <Users />
      <Providers />
      <Payers />
      <FeeSchedules />
      <Import />
    </section>
  );
}

function ErrorLine(props: { error: unknown }): ReactNode {
  return props.error === undefined ? null : (
    <p className="form-error" role="alert">
      {messageOf(props.error)}
    </p>
  );
}

function Users(): ReactNode {
  const list = useAsync(() => api.users(), []);
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
      list.reload();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(messageOf(err));
    }
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
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((u: User) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.roles.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
          {['owner', 'therapist', 'assistant', 'biller', 'auditor'].map((r) => (
            <option key={r}>{r}</option>
          ))}
        </SelectField>
        <button type="submit">Add user</button>
      </form>
      {msg && <p role="status">{msg}</p>}
    </section>
  );
}

function Providers(): ReactNode {
  const list = useAsync(() => api.providers(), []);
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
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p: Provider) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.npi ?? '—'}</td>
              <td>{p.discipline ?? '—'}</td>
              <td>{p.credential}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Payers(): ReactNode {
  const list = useAsync(() => api.payers(), []);
  const [form, setForm] = useState({ name: '', policyId: 'medicare' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setFields({});
    setMsg('');
    try {
      await api.createPayer(form);
      resetDirectory();
      setForm({ name: '', policyId: form.policyId });
      setMsg('Payer added.');
      list.reload();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(messageOf(err));
    }
  };
  return (
    <section className="card" aria-labelledby="payers-title">
      <h2 id="payers-title">Payers and policies</h2>
      <ErrorLine error={list.error} />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Payer</th>
            <th scope="col">Policy</th>
            <th scope="col">Units counted by</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p: Payer) => {
            const pol = policyFor(p.policyId, today);
            return (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>
                  {pol?.name ?? p.policyId} <small>({p.policyId})</small>
                </td>
                <td>{methodLabel(pol?.unitMethod ?? 'ama')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form onSubmit={(e) => void submit(e)} className="row" aria-label="Add a payer" noValidate>
        <TextField
          label="Payer name"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={fieldMessage(fields, 'name')}
        />
        <SelectField
          label="Follows the rules of"
          value={form.policyId}
          onChange={(e) => setForm({ ...form, policyId: e.target.value })}
          error={fieldMessage(fields, 'policyId')}
        >
          <option value="medicare">Medicare (CMS 8-minute rule)</option>
          <option value="medicaid">Medicaid</option>
          <option value="commercial">Commercial (per-code midpoint)</option>
        </SelectField>
        <button type="submit">Add payer</button>
      </form>
      {msg && <p role="status">{msg}</p>}
    </section>
  );
}

function FeeSchedules(): ReactNode {
  const list = useAsync(() => api.fees(), []);
  const [form, setForm] = useState({
    payerPolicyId: 'commercial',
    effectiveFrom: '',
    entries: '97530 35.00\n97110 30.00',
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setMsg('');
    const rows: Omit<FeeRow, 'id'>[] = [];
    const local: Record<string, string> = {};
    form.entries.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const [code, amount] = line.trim().split(/\s+/);
      const cents = parseDollars(amount ?? '');
      if (!code || cents === null) local.entries = `Line ${i + 1}: write a code and an amount, e.g. "97530 35.00".`;
      else
        rows.push({
          payerPolicyId: form.payerPolicyId,
          code,
          effectiveFrom: form.effectiveFrom,
          effectiveTo: null,
          cents,
        });
    });
    if (!form.effectiveFrom) local.effectiveFrom = 'Give the date the fees take effect.';
    if (rows.length === 0 && !local.entries) local.entries = 'Give at least one code and amount.';
    setFields(local);
    if (Object.keys(local).length > 0) return;
    try {
      await api.addFees(rows);
      setMsg('Fee schedule saved.');
      list.reload();
    } catch (err) {
      if (err instanceof ApiError) {
        // Server paths are `rows.N.field`; every row comes from the one text box.
        const f = err.fields;
        setFields(Object.keys(f).some((k) => k.startsWith('rows')) ? { entries: Object.values(f)[0] ?? '' } : f);
      }
      setMsg(messageOf(err));
    }
  };
  const rows = [...(list.data?.items ?? [])].sort(
    (a, b) =>
      a.payerPolicyId.localeCompare(b.payerPolicyId) ||
      b.effectiveFrom.localeCompare(a.effectiveFrom) ||
      a.code.localeCompare(b.code),
  );
  return (
    <section className="card" aria-labelledby="fees-title">
      <h2 id="fees-title">Fee schedules (effective-dated)</h2>
      <p className="muted">
        What each payer allows, for estimates and payment checks. Your own charge per code, which claims bill, is in
        Billing settings → Charges.
      </p>
      <ErrorLine error={list.error} />
      {rows.length === 0 ? (
        <p className="muted">
          No clinic fees yet: estimates use the payer policy (Medicare PFS, or the sample schedules).
        </p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Code</th>
              <th scope="col">Per unit</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.payerPolicyId}</td>
                <td>{r.code}</td>
                <td>{formatCents(r.cents)}</td>
                <td>{r.effectiveFrom}</td>
                <td>{r.effectiveTo ?? 'in force'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(e) => void submit(e)} aria-label="Add fees" noValidate>
        <div className="row">
          <SelectField
            label="Payer policy"
            value={form.payerPolicyId}
            onChange={(e) => setForm({ ...form, payerPolicyId: e.target.value })}
            error={fieldMessage(fields, 'payerPolicyId')}
          >
            <option value="medicare">medicare</option>
            <option value="medicaid">medicaid</option>
            <option value="commercial">commercial</option>
          </SelectField>
          <TextField
            label="Effective from"
            type="date"
            value={form.effectiveFrom}
            onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })}
            error={fields.effectiveFrom}
          />
        </div>
        <TextArea
          label="Fees per unit, one code a line"
          rows={4}
          value={form.entries}
          onChange={(e) => setForm({ ...form, entries: e.target.value })}
          error={fields.entries}
        />
        <button type="submit">Save fees</button>
      </form>
      {msg && <p role="status">{msg}</p>}
    </section>
  );
}

function Import(): ReactNode {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setError('');
    setReport(null);
    const { file: cf, refused } = readCaseFile(file.name, await file.text());
    try {
      const r = await importCaseFile(cf, (done, total) => setProgress({ done, total }));
      setReport({ imported: r.imported, refused: [...refused, ...r.refused] });
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a case file</h2>

      <p className="muted">
        Patients are matched by the file's id (kept as the clinic id) or created with their payer, coverage and plans of
        care; visits are saved one by one and checked as they go in.
      </p>
      <label htmlFor="import-file">Case file (JSON, JSONL or CSV)</label>
      <input
        id="import-file"
        type="file"
        accept=".json,.jsonl,.csv"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {progress && (
        <p>
          <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Import progress" />{' '}
          {progress.done} of {progress.total} records
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div role="status">
          <p>
            Imported {report.imported.length} record{report.imported.length === 1 ? '' : 's'}; refused{' '}
            {report.refused.length}.
          </p>
          {report.refused.length > 0 && (
            <ul className="plain-list">
              {report.refused.map((r) => (
                <li key={`${r.where}-${r.message}`}>
                  <span className="sev sev-error">
                    <span aria-hidden="true">✖</span> Refused
                  </span>{' '}
                  <code>{r.where}</code>: {r.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
