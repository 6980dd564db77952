import { type ChangeEvent, type ReactNode, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import { hasRole, useAuth } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { claimsApi } from '../claims/api.ts';
import { ClaimStatusBadge } from '../claims/status-badge.tsx';
import type { LinePosting, Preview, RemittanceRecord, UnmatchedClaim } from '../claims/types.ts';
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function NotPostedList(props: { items: UnmatchedClaim[] }): ReactNode {
  if (props.items.length === 0) return null;
  return (
    <ul className="plain-list">
      {props.items.map((u) => (
        <li key={`${u.claimNumber}|${u.reason}|${u.paidCents}`}>
          <strong>{u.claimNumber}</strong> ({formatCents(u.paidCents)}): {u.message}
        </li>
      ))}
    </ul>
  );
}

/** What posting this file will do and will not do, stated before the biller confirms. */
function PostPlan(props: { preview: Preview }): ReactNode {
  const p = props.preview;
  const will = p.willPost ?? { claims: 0, paidCents: 0 };
  const wont = p.notPosted ?? { claims: 0, paidCents: 0 };
  const conflicts = p.conflicts ?? [];
  return (
    <div data-testid="remit-plan" className="card">
      {p.duplicateOf && <p>This payment was posted before; posting it again changes nothing.</p>}
      {conflicts.map((c) => (
        <p key={c.traceNumber} className="form-error">
          Payment {c.traceNumber} was already posted as {formatCents(c.posted.paymentCents)}
          {c.posted.paymentDate ? ` dated ${c.posted.paymentDate}` : ''}; this file says{' '}
          {formatCents(c.file.paymentCents)}
          {c.file.paymentDate ? ` dated ${c.file.paymentDate}` : ''}. Ask the payer which is right; nothing will post.
        </p>
      ))}
      {p.samePaymentAs && <p>Part of this payment was posted before; only the claims listed as “will post” are new.</p>}
      {!p.duplicateOf && conflicts.length === 0 && p.postable && (
        <p>
          <strong>Will post:</strong>{' '}
          {will.claims === 0
            ? 'nothing.'
            : `${plural(will.claims, 'claim')}, ${formatCents(will.paidCents)} paid by the payer${will.patientCents ? `, ${formatCents(will.patientCents)} owed by patients` : ''}.`}
        </p>
      )}
      {wont.claims === 0 && will.claims > 0 && !p.duplicateOf && conflicts.length === 0 && (
        <p>Will not post: nothing; every claim in the file matches one of this clinic’s sent claims.</p>
      )}
      {wont.claims > 0 && !p.duplicateOf && (
        <>
          <p>
            <strong>Will not post:</strong> {plural(wont.claims, 'claim')}, {formatCents(wont.paidCents)}. Nothing
            changes on these claims; sort out each reason below (with the payer, or on the claim), then upload the file
            again.
          </p>
          <NotPostedList items={p.unmatched ?? []} />
        </>
      )}
    </div>
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
                    {i === 0 &&
                      (m.matched !== false && m.newStatus ? (
                        <ClaimStatusBadge status={m.newStatus} />
                      ) : (
                        <span className="badge badge-bad">not posted</span>
                      ))}
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
        On the claims that post: paid {formatCents(p.totals.paidCents)}, written off{' '}
        {formatCents(p.totals.contractualCents)}, patient owes {formatCents(p.totals.patientCents)};{' '}
        {plural(p.variances.length, 'line')} paid other than expected.
      </p>
      <PostPlan preview={p} />
    </div>
  );
}

/** The answer after posting: what was posted, and what was not with each reason. */
function PostedView(props: { posted: RemittanceRecord }): ReactNode {
  const r = props.posted;
  const done = r.posted ?? { claims: r.claimCount, paidCents: r.paidCents };
  return (
    <div role="status" data-testid="remit-posted">
      <p>
        {r.duplicate ? 'Already posted' : 'Posted'}: {plural(done.claims, 'claim')}, {formatCents(done.paidCents)} paid.
        {r.notPosted && r.notPosted.claims > 0
          ? ` Not posted: ${plural(r.notPosted.claims, 'claim')}, ${formatCents(r.notPosted.paidCents)}.`
          : ''}
      </p>
      <NotPostedList items={r.unmatched ?? []} />
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
  // Posting moves money: the first click asks, the second (Confirm) posts.
  const [confirming, setConfirming] = useState(false);

  async function onFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const f = e.target.files?.[0];
    setPreview(undefined);
    setPosted(undefined);
    setError(undefined);
    setConfirming(false);
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
    setConfirming(false);
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

  // Nothing to post (a payment posted before, a trace conflict, only unmatched claims): no button to press.
  const willPost =
    preview?.postable && !preview.duplicateOf && (preview.conflicts ?? []).length === 0
      ? (preview.willPost?.claims ?? 0)
      : 0;

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
          {preview && willPost > 0 && !posted && !confirming && (
            <button type="button" className="primary" disabled={busy} onClick={() => setConfirming(true)}>
              Post payments
            </button>
          )}
          {preview && willPost > 0 && !posted && confirming && (
            <div className="card" data-testid="remit-confirm">
              <p>
                Post {plural(willPost, 'claim')}, {formatCents(preview.willPost?.paidCents ?? 0)} paid?
                {(preview.notPosted?.claims ?? 0) > 0 &&
                  ` ${plural(preview.notPosted?.claims ?? 0, 'claim')} (${formatCents(preview.notPosted?.paidCents ?? 0)}) will not be posted.`}
              </p>
              <button type="button" className="primary" disabled={busy} onClick={() => void onPost()}>
                Confirm posting
              </button>{' '}
              <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          )}
          {posted && <PostedView posted={posted} />}
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
