import type { Finding, Patient, PayerPolicyInput, UnitMethod, UnitResult, Visit } from '@unitwise/rules';
import * as rules from '@unitwise/rules';

/** One audited visit as the engine reports it (shared/design.md, `unitwise audit --format json`). */
export interface VisitReport {
  id: string;
  patientId: string;
  date: string;
  lines: { code: string; minutes: number; units: number; claimedUnits: number; modifiers: string[] }[];
  findings: Finding[];
  estimate: { payer: string; totalCents: number; [k: string]: unknown };
  units?: UnitResult;
}

/** The engine's streaming auditor: patients first, then a patient's visits in date order. */
export interface Auditor {
  auditVisit(visit: Visit): VisitReport;
}

type CreateAuditor = (input: { patients: Patient[]; payers?: PayerPolicyInput[] }) => Auditor;

/**
 * Creates the rules engine's auditor over some patients and clinic policies. While `createAuditor` is not yet
 * exported by @unitwise/rules, a units-only stand-in answers (units by the payer's method, no findings, no price).
 * @param patients - the patients (with payer, plans of care and history)
 * @param payers - clinic payer policies
 */
export function newAuditor(patients: Patient[], payers: PayerPolicyInput[]): Auditor {
  // Looked up by name so this file compiles before and after the engine exports its auditor.
  const create = (rules as Record<string, unknown>).createAuditor as CreateAuditor | undefined;
  if (create) return create({ patients, payers });
  const registry = rules.createPolicyRegistry(payers);
  const payerOf = new Map(patients.map((p) => [p.id, p.payer]));
  return {
    auditVisit(visit) {
      const payer = payerOf.get(visit.patientId) ?? 'commercial';
      const method: UnitMethod = registry.resolve(payer, visit.date)?.unitMethod ?? 'cms';
      const units = rules.computeUnits(
        visit.services.map((s) => ({ code: s.code, minutes: s.minutes ?? 0 })),
        method,
      );
      const lines = visit.services.map((s) => {
        const u = units.lines.find((l) => l.code === s.code)?.units ?? 0;
        return {
          code: s.code,
          minutes: s.minutes ?? 0,
          units: u,
          claimedUnits: s.units ?? u,
          modifiers: s.modifiers ?? [],
        };
      });
      return {
        id: visit.id,
        patientId: visit.patientId,
        date: visit.date,
        lines,
        findings: [],
        estimate: { payer, totalCents: 0 },
        units,
      };
    },
  };
}
