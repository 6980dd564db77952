import { payerIdProblem } from '@unitwise/rules';
import { type FormEvent, type ReactNode, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import type { Payer } from '../api/types.ts';
import { TextField } from '../components/field.tsx';

/**
 * The payer id of each payer (NM1*PR of the 837P, from the clearinghouse's payer list), checked as typed; Save
 * changes only the ones edited.
 * @param props - the clinic's payers and how to save one id
 */
export function PayerIds(props: {
  payers: Payer[];
  onSave(payerId: string, x12PayerId: string): Promise<void>;
}): ReactNode {
  const [ids, setIds] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.payers.map((p) => [p.id, p.x12PayerId ?? ''])),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const problemOf = (id: string): string | undefined =>
    touched.has(id) ? (payerIdProblem(ids[id] ?? '') ?? undefined) : undefined;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const changed = props.payers.filter((p) => (ids[p.id] ?? '') !== (p.x12PayerId ?? ''));
    setTouched(new Set(changed.map((p) => p.id)));
    if (changed.some((p) => payerIdProblem(ids[p.id] ?? '') !== null)) {
      setMsg({ ok: false, text: 'Fix the payer ids shown in red before saving.' });
      return;
    }
    try {
      for (const p of changed) await props.onSave(p.id, (ids[p.id] ?? '').trim());
      setMsg({ ok: true, text: changed.length === 0 ? 'Nothing changed.' : 'Payer ids saved.' });
    } catch (err) {
      setMsg({ ok: false, text: messageOf(err) });
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="payers-title" noValidate>
      <h2 id="payers-title">Payers</h2>
      <p className="muted">Each payer’s id as your clearinghouse lists it; claims to a payer without one are held.</p>
      {props.payers.length === 0 ? (
        <p className="muted">No payers yet: add them in Administration → Payers and policies.</p>
      ) : (
        <div className="row">
          {props.payers.map((p) => (
            <TextField
              key={p.id}
              label={`${p.name}: payer id`}
              value={ids[p.id] ?? ''}
              onChange={(e) => {
                setIds({ ...ids, [p.id]: e.target.value });
                setTouched(new Set(touched).add(p.id));
                setMsg(null);
              }}
              error={problemOf(p.id)}
              autoComplete="off"
            />
          ))}
        </div>
      )}
      <button type="submit">Save payer ids</button>
      {msg && (
        <p className={msg.ok ? undefined : 'form-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
    </form>
  );
}
