import { type ReactNode, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import { hasRole, useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { claimsApi } from '../claims/api.ts';
import { BuildPanel } from '../claims/build-panel.tsx';
import { ClaimStatusBadge } from '../claims/status-badge.tsx';
import type { ClaimRecord, ClaimStatus, ExportResult } from '../claims/types.ts';
import { formatCents } from '../components/money.ts';
import { useAsync } from '../components/use-async.ts';

const STATUSES: ClaimStatus[] = ['draft', 'ready', 'exported', 'paid', 'partly-paid', 'denied', 'corrected', 'voided'];
const SENT: ClaimStatus[] = ['exported', 'paid', 'partly-paid', 'denied'];

function patientName(c: ClaimRecord): string {
  const s = c.claim.subscriber;
  return s ? `${s.lastName}, ${s.firstName}` : c.patientId;
}

/**
 * Claims: build them from signed visits in a date range (after seeing what the build takes), see what holds each
 * back (scrub errors), rebuild one or all after a fix, export the ready ones as one 837P file and download it; open a
 * claim in full; correct or void a claim the payer answered.
 */
export default function ClaimsPage(): ReactNode {
  const { user } = useAuth();
  const canWrite = hasRole(user, 'owner', 'biller');
  // The claim detail page is for the billing office and auditors (therapists see the list only).
  const canOpen = hasRole(user, 'owner', 'biller', 'auditor');
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const list = useAsync(() => claimsApi.list({ status, cursor, limit: 100 }), [status, cursor]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [exported, setExported] = useState<ExportResult | undefined>();

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      list.reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>Claims</h1>
      {canWrite && <BuildPanel onChanged={list.reload} />}
      {canWrite && (
        <div className="card">
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => setExported(await claimsApi.exportReady()))}
          >
            Export 837P
          </button>
          {exported && (
            <p role="status">
              {exported.claimCount} claim{exported.claimCount === 1 ? '' : 's'} ({formatCents(exported.chargeCents)}) in{' '}
              <a href={exported.download} download={exported.fileName}>
                {exported.fileName}
              </a>
              .
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="claims-status">Status</label>
          <select
            id="claims-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as ClaimStatus | '');
              setCursors([undefined]);
            }}
          >
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.error !== undefined && (
        <p className="form-error" role="alert">
          {messageOf(list.error)}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="claims">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Patient</th>
              <th scope="col">Payer</th>
              <th scope="col">Dates</th>
              <th scope="col">Charge</th>
              <th scope="col">Paid</th>
              <th scope="col">Status</th>
              <th scope="col">Held back by</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((c) => (
              <tr key={c.id}>
                <td>
                  {canOpen ? <Link to={`/claims/${c.id}`}>{c.claimNumber}</Link> : c.claimNumber}
                  {c.frequency !== '1' && <small> ({c.frequency === '7' ? 'replacement' : 'void'})</small>}
                </td>
                <td>{patientName(c)}</td>
                <td>{c.claim.payer?.name ?? '—'}</td>
                <td>{c.firstDate === c.lastDate ? c.firstDate : `${c.firstDate} – ${c.lastDate}`}</td>
                <td>{formatCents(c.chargeCents)}</td>
                <td>{SENT.includes(c.status) ? formatCents(c.paidCents) : '—'}</td>
                <td>
                  <ClaimStatusBadge status={c.status} />
                </td>
                <td>
                  {c.scrubErrors.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="plain-list">
                      {c.scrubErrors.map((e) => (
                        <li key={`${e.where}|${e.message}`}>
                          <small className="muted">{e.where}:</small> {e.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {c.download && (
                    <a href={c.download} download>
                      837P
                    </a>
                  )}{' '}
                  {canWrite && (c.status === 'draft' || c.status === 'ready') && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void run(() => claimsApi.rebuild(c.id).then(() => {}))}
                    >
                      Rebuild
                    </button>
                  )}
                  {canWrite && SENT.includes(c.status) && c.payerClaimNumber && (
                    <>
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => void run(() => claimsApi.correct(c.id).then(() => {}))}
                      >
                        Correct
                      </button>{' '}
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => void run(() => claimsApi.void(c.id).then(() => {}))}
                      >
                        Void
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && list.data.items.length === 0 && <p className="muted">No claims{status ? ` ${status}` : ''} yet.</p>}
      <div className="row">
        {cursors.length > 1 && (
          <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            Newer
          </button>
        )}
        {list.data?.next && (
          <button type="button" onClick={() => setCursors([...cursors, list.data?.next ?? undefined])}>
            Older
          </button>
        )}
      </div>
    </section>
  );
}
