import { type FormEvent, type ReactNode, useState } from 'react';
import { resetDirectory } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import type { Payer } from '../api/types.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { useAsync } from '../components/use-async.ts';
import { methodLabel, policyFor } from '../visit/payer-context.ts';
import { ErrorLine } from './error-line.tsx';

/** The clinic's payers and the policy each follows, with a form to add one. */
export function PayersSection(): ReactNode {
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
