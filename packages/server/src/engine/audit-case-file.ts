import * as rules from '@unitwise/rules';
import { parseCaseFile } from '@unitwise/rules';
import { newAuditor, type VisitReport } from './rules-auditor.ts';

/** The audit report of a case file: the CLI's `unitwise audit --format json` (shared/design.md). */
export interface AuditReport {
  visits: VisitReport[];
  summary: { visits: number; errors: number; warnings: number; byRule: Record<string, number> };
  inputErrors: { where: string; message: string }[];
}

type AuditCase = (raw: unknown) => AuditReport;

/**
 * Audits a case file: the engine's `auditCase` when exported, else the auditor over the parsed file.
 * Invalid records are reported in `inputErrors` and the valid visits are still audited.
 * @param raw - the parsed JSON body
 */
export function auditCaseFile(raw: unknown): AuditReport {
  // Looked up by name so this compiles before and after the engine exports `auditCase`.
  const auditCase = (rules as Record<string, unknown>).auditCase as AuditCase | undefined;
  if (auditCase) return auditCase(raw);
  const { file, errors } = parseCaseFile(raw);
  const auditor = newAuditor(file.patients, file.payers ?? []);
  const visits = [...file.visits]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((v) => {
      const { units: _units, ...report } = auditor.auditVisit(v);
      return report;
    });
  const summary = { visits: visits.length, errors: 0, warnings: 0, byRule: {} as Record<string, number> };
  for (const v of visits) {
    for (const f of v.findings) {
      if (f.severity === 'error') summary.errors += 1;
      if (f.severity === 'warning') summary.warnings += 1;
      summary.byRule[f.rule] = (summary.byRule[f.rule] ?? 0) + 1;
    }
  }
  return { visits, summary, inputErrors: errors.map((e) => ({ where: e.where, message: e.message })) };
}
