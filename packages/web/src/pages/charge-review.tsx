import { RULE_IDS } from '@unitwise/rules';
import { type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import type { Provider } from '../api/types.ts';
import { hasRole, useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { claimsApi } from '../claims/api.ts';
import { HoldControl } from '../claims/hold-control.tsx';
import { ClaimStatusBadge } from '../claims/status-badge.tsx';
import type { ChargeRow } from '../claims/types.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { formatCents } from '../components/money.ts';
import { localDate } from '../components/names.ts';
import { SeverityTag } from '../components/severity.tsx';
import { useAsync } from '../components/use-async.ts';

// Rows per page: a screenful a biller reads through; the server pages the rest.
const PAGE = 50;

const STATES: { value: string; label: string }[] = [
  { value: '', label: 'All signed visits' },
  { value: 'open', label: 'Not billed yet' },
  { value: 'held', label: 'On hold' },
  { value: 'claimed', label: 'On a claim' },
];

function Billing(props: { row: ChargeRow }): ReactNode {
  const { claim, hold } = props.row;
  if (claim)
    return (
      <span>
        <Link to={`/claims/${claim.claimId}`}>Claim {claim.claimNumber}</Link>{' '}
        <ClaimStatusBadge status={claim.status} />
      </span>
    );
  if (hold)
    return (
      <span data-testid="hold-reason">
        <span className="badge badge-warn">On hold</span> {hold.reason}{' '}
        <small className="muted">
          ({hold.heldByName ? `${hold.heldByName}, ` : ''}since {new Date(hold.heldAt).toLocaleDateString()})
        </small>
      </span>
    );
  return <span className="muted">Not billed yet</span>;
}

/**
 * Charge review: signed visits, a page at a time, with the payer each bills by name, lines, findings and expected
 * payment, and where each stands (not billed, on hold with the reason, on a claim); a biller holds or releases a
 * visit with a reason.
 */
export default function ChargeReviewPage(): ReactNode {
  const { user } = useAuth();
  const canWrite = hasRole(user, 'owner', 'biller');
  // Four weeks back by default: the usual billing window.
  const [from, setFrom] = useState(() => {
    const d = new Date();
    d.setDate(d.getDate() - 28);
    return localDate(d);
  });
  const [to, setTo] = useState('');
  const [payerId, setPayerId] = useState('');
  const [providerId, setProviderId] = useState('');
  const [rule, setRule] = useState('');
  const [state, setState] = useState('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setCursors([undefined]);
    };
  const lists = useAsync(
    () =>
      Promise.all([
        api.payers().then(
          (p) => p.items,
          () => [],
        ),
        api.providers().then(
          (p) => p.items,
          (): Provider[] => [],
        ),
      ]),
    [],
  );
  const data = useAsync(
    () => claimsApi.charges({ from, to, payerId, providerId, rule, state, cursor, limit: PAGE }),
    [from, to, payerId, providerId, rule, state, cursor],
  );
  const rows = data.data?.items ?? [];
  const total = rows.reduce((s, r) => s + r.estimate.totalCents, 0);
  const [payers, providers] = lists.data ?? [[], []];
  const providerName = (id: string | null) => providers.find((p) => p.id === id)?.name ?? '—';
  return (
    <section>
      <h1>Charge review</h1>
      <form className="filters row" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <TextField label="From" type="date" value={from} onChange={(e) => filter(setFrom)(e.target.value)} />
        <TextField label="To" type="date" value={to} onChange={(e) => filter(setTo)(e.target.value)} />
        <SelectField label="Payer" value={payerId} onChange={(e) => filter(setPayerId)(e.target.value)}>
          <option value="">All payers</option>
          {payers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Provider" value={providerId} onChange={(e) => filter(setProviderId)(e.target.value)}>
          <option value="">All providers</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.credential})
            </option>
          ))}
        </SelectField>
        <SelectField label="Rule" value={rule} onChange={(e) => filter(setRule)(e.target.value)}>
          <option value="">Any finding or none</option>
          {RULE_IDS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </SelectField>
        <SelectField label="Billing" value={state} onChange={(e) => filter(setState)(e.target.value)}>
          {STATES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
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
        {rows.length} signed visit{rows.length === 1 ? '' : 's'} on this page, expected payment {formatCents(total)}.
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="charges">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Patient</th>
              <th scope="col">Provider</th>
              <th scope="col">Payer</th>
              <th scope="col">Lines (code × units, modifiers)</th>
              <th scope="col">Findings</th>
              <th scope="col">Expected payment</th>
              <th scope="col">Billing</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-visit={r.id}>
                <td>{r.date}</td>
                <td>
                  <Link to={`/patients/${r.patientId}`}>{r.patientName}</Link>
                </td>
                <td>{providerName(r.providerId)}</td>
                <td>{r.payer?.name ?? <span className="muted">No coverage on this date</span>}</td>
                <td>
                  {r.lines.map((l, i) => (
                    // Lines of a signed visit never reorder.
                    // biome-ignore lint/suspicious/noArrayIndexKey: immutable list
                    <div key={`${l.code}-${i}`}>
                      {l.code} × {l.claimedUnits ?? l.units}{' '}
                      {l.modifiers.length > 0 && <small>{l.modifiers.join(' ')}</small>}
                    </div>
                  ))}
                </td>
                <td>
                  {r.findings.length === 0 ? (
                    <span>
                      <span aria-hidden="true">✓ </span>none
                    </span>
                  ) : (
                    r.findings.map((f) => (
                      <div key={`${f.rule}#${f.service ?? ''}`}>
                        <SeverityTag severity={f.severity} /> {f.rule}
                      </div>
                    ))
                  )}
                </td>
                <td data-testid="expected-payment">{formatCents(r.estimate.totalCents)}</td>
                <td>
                  <Billing row={r} />
                </td>
                <td>
                  <Link to={`/visits/${r.id}`}>Open</Link> {canWrite && <HoldControl row={r} onChanged={data.reload} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.data && rows.length === 0 && <p className="muted">No signed visits match these filters on this page.</p>}
      <div className="row">
        {cursors.length > 1 && (
          <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            Newer
          </button>
        )}
        {data.data?.next && (
          <button type="button" onClick={() => setCursors([...cursors, data.data?.next ?? undefined])}>
            Older
          </button>
        )}
      </div>
    </section>
  );
}
