import { RULE_IDS } from '@unitwise/rules';
import { type ReactNode, useMemo, useState } from 'react';
import { allPages } from '../api/all-pages.ts';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import type { Patient, Provider, VisitRecord } from '../api/types.ts';
import { Link } from '../app/router.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { formatCents } from '../components/money.ts';
import { localDate, patientName } from '../components/names.ts';
import { SeverityTag } from '../components/severity.tsx';
import { useAsync } from '../components/use-async.ts';

interface ChargeData {
  visits: VisitRecord[];
  patients: Map<string, Patient>;
  providers: Provider[];
}

async function loadCharges(from: string, to: string): Promise<ChargeData> {
  const [visits, patients, providers] = await Promise.all([
    allPages((cursor) => api.visits({ status: 'signed', from, to, cursor, limit: 200 })),
    allPages((cursor) => api.patients({ cursor, limit: 200 })),
    api.providers().then(
      (p) => p.items,
      (): Provider[] => [],
    ),
  ]);
  // Each listed visit carries its lines, estimate and findings (the list route's summary): no request per visit.
  const signed = visits.filter((v) => v.status === 'signed');
  return { visits: signed, patients: new Map(patients.map((p) => [p.id, p])), providers };
}

/** Charge review: signed visits ready to bill, with findings, units, modifiers and expected payment, filtered. */
export default function ChargeReviewPage(): ReactNode {
  // Four weeks back by default: the usual billing window, and a list the screen loads quickly.
  const [from, setFrom] = useState(() => {
    const d = new Date();
    d.setDate(d.getDate() - 28);
    return localDate(d);
  });
  const [to, setTo] = useState('');
  const [payer, setPayer] = useState('');
  const [provider, setProvider] = useState('');
  const [rule, setRule] = useState('');
  const data = useAsync(() => loadCharges(from, to), [from, to]);
  const rows = useMemo(() => {
    if (!data.data) return [];
    const { visits, patients } = data.data;
    return visits
      .map((v) => ({ v, p: patients.get(v.patientId), payer: v.estimate?.payer ?? '' }))
      .filter((r) => !payer || r.payer === payer)
      .filter((r) => !provider || r.v.providerId === provider)
      .filter((r) => !rule || (r.v.findings ?? []).some((f) => f.rule === rule))
      .sort((a, b) => b.v.date.localeCompare(a.v.date));
  }, [data.data, payer, provider, rule]);
  const total = rows.reduce((s, r) => s + (r.v.estimate?.totalCents ?? 0), 0);
  const payers = [...new Set((data.data?.visits ?? []).map((v) => v.estimate?.payer ?? '').filter(Boolean))];
  return (
    <section>
      <h1>Charge review</h1>
      <form className="filters row" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <SelectField label="Payer" value={payer} onChange={(e) => setPayer(e.target.value)}>
          <option value="">All payers</option>
          {payers.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </SelectField>
        <SelectField label="Provider" value={provider} onChange={(e) => setProvider(e.target.value)}>
          <option value="">All providers</option>
          {(data.data?.providers ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.credential})
            </option>
          ))}
        </SelectField>
        <SelectField label="Rule" value={rule} onChange={(e) => setRule(e.target.value)}>
          <option value="">Any finding or none</option>
          {RULE_IDS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </SelectField>
      </form>
      {data.error !== undefined && (
        <p className="form-error" role="alert">
          {messageOf(data.error)}
        </p>
      )}
      {data.loading && <p className="loading">Loading signed visits…</p>}
      <p role="status" hidden={data.loading}>
        {rows.length} signed visit{rows.length === 1 ? '' : 's'}, expected payment {formatCents(total)}.
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="charges">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Patient</th>
              <th scope="col">Payer</th>
              <th scope="col">Lines (code × units, modifiers)</th>
              <th scope="col">Findings</th>
              <th scope="col">Expected payment</th>
              <th scope="col">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ v, p, payer: py }) => (
              <tr key={v.id} data-visit={v.id}>
                <td>{v.date}</td>
                <td>{patientName(p ?? { id: v.patientId })}</td>
                <td>{py || '—'}</td>
                <td>
                  {(v.lines ?? []).map((l, i) => (
                    // Lines of a signed visit never reorder.
                    // biome-ignore lint/suspicious/noArrayIndexKey: immutable list
                    <div key={`${l.code}-${i}`}>
                      {l.code} × {l.claimedUnits ?? l.units}{' '}
                      {l.modifiers.length > 0 && <small>{l.modifiers.join(' ')}</small>}
                    </div>
                  ))}
                </td>
                <td>
                  {(v.findings ?? []).length === 0 ? (
                    <span>
                      <span aria-hidden="true">✓ </span>none
                    </span>
                  ) : (
                    (v.findings ?? []).map((f) => (
                      <div key={`${f.rule}#${f.service ?? ''}`}>
                        <SeverityTag severity={f.severity} /> {f.rule}
                      </div>
                    ))
                  )}
                </td>
                <td data-testid="expected-payment">{formatCents(v.estimate?.totalCents)}</td>
                <td>
                  <Link to={`/visits/${v.id}`}>Open</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
