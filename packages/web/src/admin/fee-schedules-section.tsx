import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import type { FeeRow } from '../api/types.ts';
import { SelectField, TextArea, TextField } from '../components/field.tsx';
import { formatCents, parseDollars } from '../components/money.ts';
import { useAsync } from '../components/use-async.ts';
import { ErrorLine } from './error-line.tsx';

/** The clinic's effective-dated fees per unit, with a form to add a schedule. */
export function FeeSchedulesSection(): ReactNode {
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
