import type { AuditSummary, VisitAudit } from './types.ts';

/**
 * Counts visits, error and warning findings, and findings per rule.
 * @param visits - audited visits
 */
export function summarize(visits: readonly VisitAudit[]): AuditSummary {
  const summary: AuditSummary = { visits: 0, errors: 0, warnings: 0, byRule: {} };
  for (const v of visits) addToSummary(summary, v);
  return summary;
}

/**
 * Adds one audited visit to a running summary (for streams that never hold every visit).
 * @param summary - the running summary, changed in place
 * @param visit - an audited visit
 */
export function addToSummary(summary: AuditSummary, visit: VisitAudit): void {
  summary.visits++;
  for (const f of visit.findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    summary.byRule[f.rule] = (summary.byRule[f.rule] ?? 0) + 1;
  }
}
