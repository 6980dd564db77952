import { type ChangeEvent, type ReactNode, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import { hasRole, useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { claimsApi } from '../claims/api.ts';
import { ClaimStatusBadge } from '../claims/status-badge.tsx';
import type { LinePosting, Preview, RemittanceRecord } from '../claims/types.ts';
import { formatCents } from '../components/money.ts';
import { useAsync } from '../components/use-async.ts';

const MATCHED_BY: Record<LinePosting['matchedBy'], string> = {
  'line-control': 'line number (REF*6R)',
  'code-date-charge': 'code, date and charge',
  unmatched: 'not matched',
};

function Reasons(props: { line: LinePosting }): ReactNode {
  const { line } = props;
  if (line.adjustments.length === 0 && line.remarks.length === 0) return '—';
  return (
    <ul className="plain-list">
      {line.adjustments.map((a) => (
        <li key={`${a.group}-${a.reason}`}>
          <strong>
            {a.group}-{a.reason}
          </strong>{' '}
          {formatCents(a.amountCents)}: {a.explanation}
        </li>
      ))}
      {line.remarks.map((r) => (
        <li key={r.code}>
          <strong>{r.code}</strong> {r.explanation}
        </li>
      ))}
    </ul>
  );
}

function PreviewView(props: { preview: Preview }): ReactNode {
  const p = props.preview;
  return (
    <div data-testid="remit-preview">
      <p>
        <span className={`badge ${p.balanced ? 'badge-ok' : 'badge-bad'}`}>
          {p.balanced ? 'Balances' : 'Does not balance'}
        </span>{' '}
        {p.payments.map((x) => `${x.payer.name} ${x.traceNumber} ${formatCents(x.totalCents)}`).join('; ')}
        {p.duplicateOf && ' — this file was posted before; posting it again changes nothing.'}
      </p>
      <p className="muted">
        Checks:{' '}
        {Object.entries(p.summary)
          .map(([level, s]) => `${level} ${s.checked - s.failed}/${s.checked}`)
          .join(', ')}
      </p>
      {[...p.failedChecks.map((c) => ({ where: c.where, message: c.message })), ...p.errors].map((c) => (
        <p key={`${c.where}|${c.message}`} className="form-error">
          {c.where}: {c.message}
        </p>
      ))}
      {p.unknownClaims.length > 0 && <p>Not our claims: {p.unknownClaims.join(', ')}</p>}
      <div className="table-scroll">
        <table className="data-table" data-testid="remit-matches">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Becomes</th>
              <th scope="col">Line</th>
              <th scope="col">Matched by</th>
              <th scope="col">Charge</th>
              <th scope="col">Paid</th>
              <th scope="col">Expected</th>
              <th scope="col">Variance</th>
              <th scope="col">Reasons</th>
            </tr>
          </thead>
          <tbody>
            {p.matches.flatMap((m) =>
              m.lines.map((l, i) => (
                <tr key={`${m.claimNumber}|${l.controlNumber ?? i}`}>
                  <td>{i === 0 ? m.claimNumber : ''}</td>
                  <td>
                    {i === 0 && (m.newStatus ? <ClaimStatusBadge status={m.newStatus} /> : (m.statusError ?? '—'))}
                  </td>
                  <td>
                    {l.code} {l.dateOfService ?? ''}
                  </td>
                  <td>{MATCHED_BY[l.matchedBy]}</td>
                  <td>{formatCents(l.chargeCents)}</td>
                  <td>{formatCents(l.paidCents)}</td>
                  <td>{formatCents(l.expectedCents)}</td>
                  <td className={l.varianceCents ? 'sev-warning' : undefined}>{formatCents(l.varianceCents)}</td>
                  <td>
                    <Reasons line={l} />
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <p>
        Paid {formatCents(p.totals.paidCents)}, written off {formatCents(p.totals.contractualCents)}, patient owes{' '}
        {formatCents(p.totals.patientCents)}; {p.variances.length} line{p.variances.length === 1 ? '' : 's'} paid other
        than expected.
      </p>
    </div>
  );
}

/** Remittances: upload an 835, preview it (balancing, matches, variances, reasons), post it; the denial report. */
export default function RemittancesPage(): ReactNode {
  const { user } = useAuth();
  const canWrite = hasRole(user, 'owner', 'biller');
  const list = useAsync(() => claimsApi.remittances(), []);
  const denials = useAsync(() => claimsApi.denials(), []);
  const [file, setFile] = useState<{ name: string; text: string } | undefined>();
  const [preview, setPreview] = useState<Preview | undefined>();
  const [posted, setPosted] = useState<RemittanceRecord | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function onFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const f = e.target.files?.[0];
    setPreview(undefined);
    setPosted(undefined);
    setError(undefined);
    if (!f) return;
    setBusy(true);
    try {
      const text = await f.text();
      setFile({ name: f.name, text });
      setPreview(await claimsApi.preview(text, f.name));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function onPost(): Promise<void> {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      setPosted(await claimsApi.post(file.text, file.name));
      list.reload();
      denials.reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>Remittances</h1>
      {canWrite && (
        <div className="card">
          <div className="field">
            <label htmlFor="remit-file">835 file</label>
            <input id="remit-file" type="file" accept=".835,.txt,.edi,.x12" onChange={(e) => void onFile(e)} />
          </div>
          {preview && <PreviewView preview={preview} />}
          {preview?.postable && !posted && (
            <button type="button" className="primary" disabled={busy} onClick={() => void onPost()}>
              Post payments
            </button>
          )}
          {posted && (
            <p role="status">
              {posted.duplicate ? 'Already posted' : 'Posted'}: {posted.claimCount} claim
              {posted.claimCount === 1 ? '' : 's'}, {formatCents(posted.paidCents)} paid.
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      <h2>Posted</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="remittances">
          <thead>
            <tr>
              <th scope="col">Posted</th>
              <th scope="col">Payer</th>
              <th scope="col">Trace</th>
              <th scope="col">Claims</th>
              <th scope="col">Paid</th>
              <th scope="col">Written off</th>
              <th scope="col">Patient owes</th>
              <th scope="col">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((r) => (
              <tr key={r.id}>
                <td>{new Date(r.postedAt).toLocaleString()}</td>
                <td>{r.payerName}</td>
                <td>{r.traceNumbers.join(', ')}</td>
                <td>{r.claimCount}</td>
                <td>{formatCents(r.paidCents)}</td>
                <td>{formatCents(r.contractualCents)}</td>
                <td>{formatCents(r.patientCents)}</td>
                <td>
                  <Link to={`/remittances/${r.id}`}>Open</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Denials</h2>
      {denials.error !== undefined && <p className="form-error">{messageOf(denials.error)}</p>}
      <div className="table-scroll">
        <table className="data-table" data-testid="denials">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Should have been caught by</th>
              <th scope="col">Payer</th>
              <th scope="col">Provider NPI</th>
              <th scope="col">Lines</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {(denials.data?.items ?? []).map((d) => (
              <tr key={`${d.group}-${d.reason}|${d.payerId}|${d.providerNpi}`}>
                <td>
                  <strong>
                    {d.group}-{d.reason}
                  </strong>{' '}
                  {d.explanation}
                </td>
                <td>{d.cause.rule ?? d.cause.category}</td>
                <td>{d.payerName ?? d.payerId}</td>
                <td>{d.providerNpi}</td>
                <td>{d.lines}</td>
                <td>{formatCents(d.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {denials.data && denials.data.items.length === 0 && <p className="muted">No denials posted.</p>}
    </section>
  );
}
