import type { ReactNode } from 'react';
import { formatCents } from '../components/money.ts';
import type { ExplainedAdjustment } from './types.ts';

/**
 * A posting's adjustments (CAS group and reason) and remark codes, each with its plain words.
 * @param props - the adjustments and remarks
 */
export function AdjustmentList(props: {
  adjustments: ExplainedAdjustment[];
  remarks?: { code: string; explanation: string }[];
}): ReactNode {
  const remarks = props.remarks ?? [];
  if (props.adjustments.length === 0 && remarks.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="plain-list">
      {props.adjustments.map((a) => (
        <li key={`${a.group}-${a.reason}-${a.amountCents}`}>
          <strong title={a.groupText}>
            {a.group}-{a.reason}
          </strong>{' '}
          {formatCents(a.amountCents)}: {a.explanation} <small className="muted">({a.groupText})</small>
        </li>
      ))}
      {remarks.map((r) => (
        <li key={r.code}>
          <strong>{r.code}</strong> {r.explanation}
        </li>
      ))}
    </ul>
  );
}
