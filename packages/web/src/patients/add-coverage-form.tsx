import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import type { Payer } from '../api/types.ts';
import { SelectField, TextField } from '../components/field.tsx';

/**
 * Adds a coverage (payer, member id, start date, priority) to a patient from the chart: for owners and billers,
 * who may change billing data.
 * @param props - the patient, the clinic's payers, whether one is on file already, and what to do after a save
 */
export function AddCoverageForm(props: {
  patientId: string;
  payers: readonly Payer[];
  hasPrimary: boolean;
  onSaved(): void;
}): ReactNode {
  const empty = { payerId: '', memberId: '', startDate: '', priority: props.hasPrimary ? '2' : '1' };
  const [form, setForm] = useState(empty);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setFields({});
    setMsg('');
    if (!form.payerId) {
      setFields({ payerId: 'Choose a payer.' });
      return;
    }
    try {
      await api.createCoverage({
        patientId: props.patientId,
        payerId: form.payerId,
        memberId: form.memberId,
        startDate: form.startDate,
        priority: Number(form.priority),
      });
      setForm(empty);
      setMsg('Insurance added.');
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setMsg(`Not saved. ${messageOf(err)}`);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Add insurance">
      <div className="row">
        <SelectField
          label="Payer"
          value={form.payerId}
          onChange={set('payerId')}
          error={fieldMessage(fields, 'payerId')}
        >
          <option value="">Choose…</option>
          {props.payers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Member id"
          value={form.memberId}
          onChange={set('memberId')}
          error={fieldMessage(fields, 'memberId')}
        />
        <TextField
          label="Coverage from"
          type="date"
          value={form.startDate}
          onChange={set('startDate')}
          error={fieldMessage(fields, 'startDate')}
        />
        <SelectField label="Order" value={form.priority} onChange={set('priority')}>
          <option value="1">Primary</option>
          <option value="2">Secondary</option>
          <option value="3">Tertiary</option>
        </SelectField>
      </div>
      <button type="submit">Add insurance</button>
      {msg && <p role="status">{msg}</p>}
    </form>
  );
}
