import { useEffect, useState } from 'react';
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
 * Loads a patient with coverages and plans of care; each part fails soft so the note stays usable.
 * @param patientId - the patient, or undefined until the visit is loaded
 */
export function usePatientContext(patientId: string | undefined): PatientContext {
  const [ctx, setCtx] = useState<PatientContext>({ patient: undefined, plans: [], coverages: [], policyId: undefined });
  useEffect(() => {
    if (!patientId) return;
    let live = true;
    void Promise.all([
      api.patient(patientId).catch(() => undefined),
      api.plans(patientId).then(
        (p) => p.items,
        () => [],
      ),
      api.coverages(patientId).then(
        (p) => p.items,
        () => [],
      ),
    ]).then(([patient, plans, coverages]) => {
      if (!live) return;
      const primary = [...coverages].sort((a, b) =>
        String(a.priority ?? '').localeCompare(String(b.priority ?? '')),
      )[0];
      setCtx({ patient, plans, coverages, policyId: patient?.payer ?? primary?.policyId ?? primary?.payerId });
    });
    return () => {
      live = false;
    };
  }, [patientId]);
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
