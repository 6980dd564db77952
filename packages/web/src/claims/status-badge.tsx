import type { ReactNode } from 'react';
import type { ClaimStatus } from './types.ts';

// Badge colour by what the biller must do next: nothing (ok), look (warn), fix (bad), wait (info).
const TONE: Record<ClaimStatus, string> = {
  draft: 'badge-bad',
  ready: 'badge-info',
  exported: 'badge-info',
  paid: 'badge-ok',
  'partly-paid': 'badge-warn',
  denied: 'badge-bad',
  corrected: 'badge',
  voided: 'badge',
};

/**
 * A claim's status as a badge.
 * @param props - the status
 */
export function ClaimStatusBadge(props: { status: ClaimStatus }): ReactNode {
  return <span className={`badge ${TONE[props.status]}`}>{props.status}</span>;
}
