import type { PlanOfCare, Patient as RulesPatient } from '@unitwise/rules';
import { useEffect, useState } from 'react';
import { directory, policyOfCoverage } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import type { Coverage, Patient, PlanOfCareRecord } from '../api/types.ts';

/** What the visit screen needs to know about the patient: payer, plans of care and goals. */
export interface PatientContext {
  patient: Patient | undefined;
  plans: PlanOfCareRecord[];
  coverages: Coverage[];
  /** The payer policy id for the live results ('medicare', 'medicaid', 'commercial' or custom). */
  policyId: string | undefined;
}

/**
 * Loads a patient with coverages, payers and plans of care; each part fails soft so the note stays usable.
 * @param patientId - the patient, or undefined until the visit is loaded
 * @param date - the date of service (which coverage is in force)
 */
export function usePatientContext(patientId: string | undefined, date: string | undefined): PatientContext {
  const [ctx, setCtx] = useState<PatientContext>({ patient: undefined, plans: [], coverages: [], policyId: undefined });
  useEffect(() => {
    if (!patientId || !date) return;
    let live = true;
    void Promise.all([
      api.patient(patientId).catch(() => undefined),
      api.plans(patientId).then(
        (p) => p.items,
        (): PlanOfCareRecord[] => [],
      ),
      api.coverages(patientId).then(
        (p) => p.items,
        (): Coverage[] => [],
      ),
      directory(),
    ]).then(([patient, plans, coverages, dir]) => {
      if (!live) return;
      setCtx({ patient, plans, coverages, policyId: policyOfCoverage(coverages, dir.payers, date) });
    });
    return () => {
      live = false;
    };
  }, [patientId, date]);
  return ctx;
}

/**
 * The plan of care of a discipline covering a date, if any.
 * @param plans - the patient's plans
 * @param discipline - PT, OT or SLP
 * @param date - the date of service
 */
export function activePlan(
  plans: readonly PlanOfCareRecord[],
  discipline: string,
  date: string,
): PlanOfCareRecord | undefined {
  return plans.find((p) => p.discipline === discipline && p.startDate <= date && date <= p.endDate);
}

/**
 * The patient as the rules engine takes it, from the server's records (discontinued goals left out, as the
 * server does when it assesses a visit).
 * @param id - the patient id
 * @param policyId - the primary coverage's policy, or undefined (counted as commercial, like the server)
 * @param plans - the patient's plans of care
 * @param history - state before the first stored visit
 */
export function toRulesPatient(
  id: string,
  policyId: string | undefined,
  plans: readonly PlanOfCareRecord[],
  history: Patient['history'],
): RulesPatient {
  const plansOfCare: PlanOfCare[] = plans.map((p) => ({
    id: p.id,
    discipline: p.discipline,
    startDate: p.startDate,
    endDate: p.endDate,
    ...(p.certifiedDate ? { certifiedDate: p.certifiedDate } : {}),
    goals: p.goals.filter((g) => g.status !== 'discontinued').map((g) => ({ id: g.id, text: g.text })),
    plannedCodes: p.plannedCodes ?? [],
    diagnoses: p.diagnoses ?? [],
  }));
  return { id, payer: policyId ?? 'commercial', plansOfCare, ...(history ? { history } : {}) };
}
