import type { ReactNode } from 'react';
import { messageOf } from '../api/problem.ts';
import { Link } from '../app/router.tsx';
import { AdjustmentList } from '../claims/adjustment-list.tsx';
import { claimsApi } from '../claims/api.ts';
import { ClaimStatusBadge } from '../claims/status-badge.tsx';
import type { PostedClaimRecord } from '../claims/types.ts';
import { formatCents } from '../components/money.ts';
import { useAsync } from '../components/use-async.ts';

// How each 835 line was tied to a line of ours.
const MATCHED_BY: Record<string, string> = {
  'line-control': 'by line number',
  'code-date-charge': 'by code, date and charge',
  unmatched: 'not matched',
};

function ClaimRows(props: { c: PostedClaimRecord }): ReactNode {
  const { c } = props;
  const head = (
    <>
      <td>
        {c.claimId ? <Link to={`/claims/${c.claimId}`}>{c.claimNumber}</Link> : c.claimNumber}
        <div>
          {c.claimId ? (
            <small>matched to our claim</small>
          ) : (
            <small className="sev-warning">not one of our claims: nothing posted</small>
          )}
        </div>
      </td>
      <td>
        {c.newStatus ? <ClaimStatusBadge status={c.newStatus} /> : (c.statusError ?? <span className="muted">—</span>)}
      </td>
    </>
  );
  if (c.lines.length === 0)
    return (
      <tr>
        {head}
        <td colSpan={6}>
          <AdjustmentList adjustments={c.adjustments} />
        </td>
      </tr>
    );
  return (
    <>
      {c.lines.map((l, i) => (
        // An 835's lines never change order.
        // biome-ignore lint/suspicious/noArrayIndexKey: immutable list
        <tr key={i}>
          {i === 0 ? head : <td colSpan={2} />}
          <td>
            {l.code} {l.dateOfService ?? ''}
            <div>
              <small>{MATCHED_BY[l.matchedBy] ?? l.matchedBy}</small>
            </div>
          </td>
          <td>{formatCents(l.chargeCents)}</td>
          <td>{formatCents(l.paidCents)}</td>
          <td>{formatCents(l.expectedCents)}</td>
          <td className={l.varianceCents ? 'sev-warning' : undefined}>{formatCents(l.varianceCents)}</td>
          <td>
            <AdjustmentList
              adjustments={i === 0 ? [...c.adjustments, ...l.adjustments] : l.adjustments}
              remarks={l.remarks}
            />
          </td>
        </tr>
      ))}
    </>
  );
}

/**
 * One posted 835: the payment, then each claim it answers, matched to one of ours or not, with its lines, amounts,
 * adjustments and remarks in plain words.
 * @param props - the remittance's id
 */
export default function RemittanceDetailPage(props: { remittanceId: string }): ReactNode {
  const data = useAsync(() => claimsApi.remittance(props.remittanceId), [props.remittanceId]);
  const r = data.data;
  if (data.error !== undefined)
    return (
      <section>
        <h1>Remittance</h1>
        <p className="form-error" role="alert">
          {messageOf(data.error)}
        </p>
        <Link to="/remittances">Back to remittances</Link>
      </section>
    );
  if (!r) return <p className="loading">Loading the remittance…</p>;
  const matched = r.claims.filter((c) => c.claimId !== null).length;
  return (
    <section data-testid="remittance-detail">
      <p>
        <Link to="/remittances">← Remittances</Link>
      </p>
      <h1>Payment from {r.payerName}</h1>
      <dl className="facts">
        <dt>Trace</dt>
        <dd>{r.traceNumbers.join(', ')}</dd>
        <dt>Payment date</dt>
        <dd>{r.paymentDate ?? '—'}</dd>
        <dt>Payment</dt>
        <dd>{formatCents(r.paymentCents)}</dd>
        <dt>Paid on claims</dt>
        <dd>{formatCents(r.paidCents)}</dd>
        <dt>Written off</dt>
        <dd>{formatCents(r.contractualCents)}</dd>
        <dt>Patient owes</dt>
        <dd>{formatCents(r.patientCents)}</dd>
        <dt>Claims</dt>
        <dd>
          {r.claimCount}: {matched} matched to ours, {r.claimCount - matched} not
        </dd>
        <dt>Posted</dt>
        <dd>
          {new Date(r.postedAt).toLocaleString()}
          {r.fileName ? ` from ${r.fileName}` : ''}
        </dd>
      </dl>
      <div className="table-scroll">
        <table className="data-table" data-testid="remittance-claims">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Became</th>
              <th scope="col">Line</th>
              <th scope="col">Charge</th>
              <th scope="col">Paid</th>
              <th scope="col">Expected</th>
              <th scope="col">Variance</th>
              <th scope="col">Adjustments and remarks</th>
            </tr>
          </thead>
          <tbody>
            {r.claims.map((c) => (
              <ClaimRows key={c.ordinal} c={c} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
