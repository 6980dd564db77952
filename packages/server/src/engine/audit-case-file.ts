import { auditCase, auditOptions, type Finding, parseCaseFile, type VisitAudit } from '@unitwise/rules';

/** One visit of the report, exactly as `unitwise audit --format json` prints it (shared/design.md). */
export interface ReportVisit {
  id: string;
  patientId: string;
  date: string;
  lines: { code: string; minutes: number; units: number; claimedUnits: number | null; modifiers: string[] }[];
  findings: Finding[];
  estimate: { payer: string; totalCents: number };
}

/** The audit report of a case file: the CLI's `--format json` shape. */
export interface AuditReport {
  visits: ReportVisit[];
  summary: { visits: number; errors: number; warnings: number; byRule: Record<string, number> };
  inputErrors: { where: string; message: string }[];
}

function reportVisit(a: VisitAudit): ReportVisit {
  return {
    id: a.id,
    patientId: a.patientId,
    date: a.date,
    lines: a.lines.map(({ code, minutes, units, claimedUnits, modifiers }) => ({
      code,
      minutes,
      units,
      claimedUnits,
      modifiers,
    })),
    findings: a.findings,
    estimate: { payer: a.estimate.payer, totalCents: a.estimate.totalCents },
  };
}

/**
 * Audits a case file with the engine. Invalid records are reported in `inputErrors` (with their paths) and left out;
 * the valid visits are still audited.
 * @param raw - the parsed JSON body
 */
export function auditCaseFile(raw: unknown): AuditReport {
  const { file, errors } = parseCaseFile(raw);
  const report = auditCase(file, auditOptions.bulk);
  return {
    visits: report.visits.map(reportVisit),
    summary: report.summary,
    inputErrors: errors.map((e) => ({ where: e.where, message: e.message })),
  };
}
