import { type ReactNode, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import { hasRole, useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { AdjustmentList } from '../claims/adjustment-list.tsx';
import { claimsApi } from '../claims/api.ts';
import { ClaimStatusBadge } from '../claims/status-badge.tsx';
import type { ClaimDetailRecord } from '../claims/types.ts';
import { formatCents } from '../components/money.ts';
import { useAsync } from '../components/use-async.ts';

// What each step of a claim's life means to a biller.
const EVENT_TEXT: Record<string, string> = {
  built: 'Built from signed visits',
  rebuilt: 'Rebuilt and scrubbed again',
  exported: 'Sent in an 837P file',
  paid: 'Paid by the payer',
  'partly-paid': 'Partly paid by the payer',
  denied: 'Denied by the payer',
  corrected: 'Replaced by a corrected claim',
  voided: 'Voided',
  reversed: 'Payment reversed by the payer',
};

const when = (iso: string) => new Date(iso).toLocaleString();

function Problems(props: { title: string; items: { where: string; message: string }[]; none: string }): ReactNode {
  return (
    <>
      <h3>{props.title}</h3>
      {props.items.length === 0 ? (
        <p className="muted">{props.none}</p>
      ) : (
        <ul className="plain-list">
          {props.items.map((p) => (
            <li key={`${p.where}|${p.message}`}>
              <small className="muted">{p.where}:</small> {p.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Postings(props: { c: ClaimDetailRecord }): ReactNode {
  const { postings } = props.c;
  if (postings.length === 0) return <p className="muted">No 835 has answered this claim yet.</p>;
  return (
    <>
      {postings.map((p) => (
        <div key={`${p.remittanceId}|${p.payerClaimNumber}`} className="card" data-testid="posting">
          <p>
            <strong>{p.payerName}</strong>, payment {p.traceNumbers.join(', ')}
            {p.paymentDate ? ` of ${p.paymentDate}` : ''}: {p.payerStatusText}. Paid {formatCents(p.paidCents)}, patient
            owes {formatCents(p.patientCents)}. <Link to={`/remittances/${p.remittanceId}`}>Open the remittance</Link>
          </p>
          <p className="muted">
            Posted {when(p.postedAt)}; payer’s claim number {p.payerClaimNumber || '—'}.
          </p>
          {p.adjustments.length > 0 && (
            <div>
              Claim adjustments: <AdjustmentList adjustments={p.adjustments} />
            </div>
          )}
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Charge</th>
                  <th scope="col">Paid</th>
                  <th scope="col">Written off</th>
                  <th scope="col">Patient owes</th>
                  <th scope="col">Adjustments and remarks</th>
                </tr>
              </thead>
              <tbody>
                {p.lines.map((l, i) => (
                  // A posted 835's lines never change order.
                  // biome-ignore lint/suspicious/noArrayIndexKey: immutable list
                  <tr key={i}>
                    <td>
                      {l.code} {l.dateOfService ?? ''}
                      {l.reversal && <small> (reversal)</small>}
                    </td>
                    <td>{formatCents(l.chargeCents)}</td>
                    <td>{formatCents(l.paidCents)}</td>
                    <td>{formatCents(l.contractualCents)}</td>
                    <td>{formatCents(l.patientCents)}</td>
                    <td>
                      <AdjustmentList adjustments={l.adjustments} remarks={l.remarks} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </>
  );
}

/**
 * One claim in full: who and what it bills, its lines with what was paid, what the scrubber found, its history, the
 * 837P file it went out in (with the download) and every 835 payment and adjustment in plain words.
 * @param props - the claim's id
 */
export default function ClaimDetailPage(props: { claimId: string }): ReactNode {
  const { user } = useAuth();
  const canWrite = hasRole(user, 'owner', 'biller');
  const data = useAsync(() => claimsApi.detail(props.claimId), [props.claimId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const c = data.data;
  if (data.error !== undefined)
    return (
      <section>
        <h1>Claim</h1>
        <p className="form-error" role="alert">
          {messageOf(data.error)}
        </p>
        <Link to="/claims">Back to claims</Link>
      </section>
    );
  if (!c) return <p className="loading">Loading the claim…</p>;

  async function rebuild(): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await claimsApi.rebuild(props.claimId);
      data.reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section data-testid="claim-detail">
      <p>
        <Link to="/claims">← Claims</Link>
      </p>
      <h1>
        Claim {c.claimNumber} <ClaimStatusBadge status={c.status} />
      </h1>
      <dl className="facts">
        <dt>Patient</dt>
        <dd>
          <Link to={`/patients/${c.patient.id}`}>{c.patient.name}</Link>
        </dd>
        <dt>Payer</dt>
        <dd>{c.payer?.name ?? c.claim.payer?.name ?? '—'}</dd>
        <dt>Dates of service</dt>
        <dd>{c.firstDate === c.lastDate ? c.firstDate : `${c.firstDate} – ${c.lastDate}`}</dd>
        <dt>Charge</dt>
        <dd>{formatCents(c.chargeCents)}</dd>
        <dt>Paid</dt>
        <dd>{formatCents(c.paidCents)}</dd>
        <dt>Patient owes</dt>
        <dd>{formatCents(c.patientCents)}</dd>
        {c.frequency !== '1' && (
          <>
            <dt>Kind</dt>
            <dd>{c.frequency === '7' ? 'Replacement of an earlier claim' : 'Void of an earlier claim'}</dd>
          </>
        )}
        {c.payerClaimNumber && (
          <>
            <dt>Payer’s claim number</dt>
            <dd>{c.payerClaimNumber}</dd>
          </>
        )}
        {c.replacedBy && (
          <>
            <dt>Replaced by</dt>
            <dd>claim {c.replacedBy}</dd>
          </>
        )}
      </dl>
      {canWrite && (c.status === 'draft' || c.status === 'ready') && (
        <p>
          <button type="button" disabled={busy} onClick={() => void rebuild()}>
            Rebuild this claim
          </button>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <h2>Lines</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="claim-lines">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Date</th>
              <th scope="col">Code</th>
              <th scope="col">Units</th>
              <th scope="col">Charge</th>
              <th scope="col">Expected</th>
              <th scope="col">Paid</th>
              <th scope="col">Written off</th>
              <th scope="col">Patient owes</th>
            </tr>
          </thead>
          <tbody>
            {c.lines.map((l) => (
              <tr key={l.ordinal}>
                <td>{l.ordinal}</td>
                <td>{l.dateOfService}</td>
                <td>
                  {l.code} {l.modifiers.length > 0 && <small>{l.modifiers.join(' ')}</small>}
                </td>
                <td>{l.units}</td>
                <td>{formatCents(l.chargeCents)}</td>
                <td>{formatCents(l.expectedCents)}</td>
                <td>{formatCents(l.paidCents)}</td>
                <td>{formatCents(l.contractualCents)}</td>
                <td>{formatCents(l.patientCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Visits:{' '}
        {c.visits.map((v, i) => (
          <span key={v.id}>
            {i > 0 && ', '}
            <Link to={`/visits/${v.id}`}>{v.date}</Link>
          </span>
        ))}
        {c.visits.length === 0 && <span className="muted">none (a void bills no visit)</span>}
      </p>

      <h2>Scrub results</h2>
      <div data-testid="scrub-results">
        <Problems title="Holding it back" items={c.scrubErrors} none="Nothing: the claim can be sent." />
        <Problems title="Warnings" items={c.scrubWarnings} none="No warnings." />
      </div>

      <h2>837P file</h2>
      <p data-testid="claim-export">
        {c.export ? (
          <>
            Sent in{' '}
            <a href={c.export.download} download={c.export.fileName}>
              {c.export.fileName}
            </a>{' '}
            on {when(c.export.createdAt)} (interchange {c.export.interchangeControl}, {c.export.claimCount} claim
            {c.export.claimCount === 1 ? '' : 's'}).
          </>
        ) : (
          <span className="muted">Not sent yet.</span>
        )}
      </p>

      <h2>Payments and adjustments</h2>
      <Postings c={c} />

      <h2>History</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="claim-history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Status</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {c.events.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at)}</td>
                <td>{EVENT_TEXT[e.event] ?? e.event}</td>
                <td>
                  {e.fromStatus ? (
                    <>
                      <ClaimStatusBadge status={e.fromStatus} /> →{' '}
                    </>
                  ) : null}
                  <ClaimStatusBadge status={e.toStatus} />
                </td>
                <td>{e.by ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
