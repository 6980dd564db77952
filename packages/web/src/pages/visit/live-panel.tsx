import { type Finding, plural } from '@unitwise/rules';
import type { ReactNode } from 'react';
import { formatCents } from '../../components/money.ts';
import { SeverityTag } from '../../components/severity.tsx';
import type { LiveResults } from '../../visit/live-results.ts';

/**
 * The live results beside the note: units per code with the explanation, what-if hints, findings with their fix,
 * and the estimated payment. A one-line summary is announced politely to screen readers as it changes.
 * @param props - the results and the method's name
 */
export function LivePanel(props: {
  results: LiveResults;
  findings: Finding[];
  methodLabel: string;
  payerLabel: string;
}): ReactNode {
  const { units, whatIf } = props.results;
  const errors = props.findings.filter((f) => f.severity === 'error').length;
  const warnings = props.findings.filter((f) => f.severity === 'warning').length;
  const summary = `${plural(units.totalUnits, 'unit')} from ${plural(units.totalTimedMinutes, 'timed minute')}; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; estimated payment ${formatCents(props.results.estimate.totalCents)}.`;
  return (
    <aside className="live" aria-labelledby="live-title">
      <h2 id="live-title">Live results</h2>
      <p className="live-summary" aria-live="polite" aria-atomic="true" data-testid="live-summary">
        {summary}
      </p>
      <p className="muted">
        {props.payerLabel}: {props.methodLabel}
      </p>
      <table className="units-table">
        <caption className="sr-only">Units per code</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Minutes</th>
            <th scope="col">Units</th>
          </tr>
        </thead>
        <tbody>
          {units.lines.map((l) => (
            <tr key={l.code} data-testid={`units-${l.code}`}>
              <th scope="row">{l.code}</th>
              <td>{l.timed ? l.minutes : 'untimed'}</td>
              <td>{l.units}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{units.totalTimedMinutes}</td>
            <td data-testid="total-units">{units.totalUnits}</td>
          </tr>
        </tfoot>
      </table>
      {whatIf.length > 0 && (
        <ul className="what-if" aria-label="What more minutes would earn">
          {whatIf.map((h) => (
            <li key={h.code}>{h.message}</li>
          ))}
        </ul>
      )}
      <details className="explanation">
        <summary>How these units were counted</summary>
        <ol>
          {[...units.explanation, ...props.results.whatIfExplanation].map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ol>
      </details>
      <h3>
        Estimated payment: <span data-testid="estimate">{formatCents(props.results.estimate.totalCents)}</span>
      </h3>
      <p className="muted">
        Payer {formatCents(props.results.estimate.payerCents)}, patient{' '}
        {formatCents(props.results.estimate.patientCents)}.
      </p>
      <h3>Findings</h3>
      {props.findings.length === 0 ? (
        <p className="ok-line">
          <span aria-hidden="true">✓ </span>No findings.
        </p>
      ) : (
        <ul className="findings" data-testid="findings">
          {props.findings.map((f) => (
            <li key={`${f.rule}#${f.service ?? ''}`} className={`finding finding-${f.severity}`} data-rule={f.rule}>
              <SeverityTag severity={f.severity} /> <code>{f.rule}</code>
              {f.service !== undefined && <span className="muted"> (activity {f.service + 1})</span>}
              <div>{f.message}</div>
              {f.citation && <div className="citation">{f.citation}</div>}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
