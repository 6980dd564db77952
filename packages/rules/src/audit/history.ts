import type { CheckContext, PatientState, ReportPeriod, VisitRef } from '../checks/context.ts';
import { yearOf } from '../checks/dates.ts';
import { isEvaluationVisit } from '../checks/evaluation-missing.ts';
import { isReportNote } from '../checks/progress-report-due.ts';
import type { Cents, Patient, Visit } from '../types.ts';

/**
 * The reporting period of the visit's discipline, created from the patient's history on first use (the
 * history's count applies to each discipline's first period).
 * @param state - the patient's state
 * @param patient - the patient, for the history before the file
 * @param visit - the visit
 */
function periodOf(state: PatientState, patient: Patient | undefined, visit: Visit): ReportPeriod {
  let p = state.progress[visit.discipline];
  if (!p) {
    p = { days: patient?.history?.treatmentDaysSinceProgressReport ?? 0, lastDate: undefined };
    state.progress[visit.discipline] = p;
  }
  return p;
}

/**
 * Treatment days in the current reporting period including this visit (Pub. 100-02 Ch. 15 §220.3 D): an
 * evaluation starts a new period as its day 1; two visits on one date are one treatment day.
 * @param state - the patient's state
 * @param patient - the patient
 * @param visit - the visit
 */
export function treatmentDaysWith(state: PatientState, patient: Patient | undefined, visit: Visit): number {
  const p = periodOf(state, patient, visit);
  if (visit.noteType === 'evaluation') return 1;
  return p.lastDate === visit.date ? p.days : p.days + 1;
}

/**
 * This year's spend in the visit's KX bucket before the visit; a new calendar year starts from zero, and the
 * patient's history counts for the year of the first visit seen.
 * @param state - the patient's state
 * @param patient - the patient
 * @param visit - the visit
 */
export function spentBefore(state: PatientState, patient: Patient | undefined, visit: Visit): Cents {
  const year = yearOf(visit.date);
  if (state.spendYear !== year) {
    const first = state.spendYear === undefined;
    state.spendYear = year;
    state.spentCents.PT_SLP = first ? (patient?.history?.thresholdSpentCents?.PT_SLP ?? 0) : 0;
    state.spentCents.OT = first ? (patient?.history?.thresholdSpentCents?.OT ?? 0) : 0;
  }
  return visit.discipline === 'OT' ? state.spentCents.OT : state.spentCents.PT_SLP;
}

/**
 * Records an audited visit in the patient's state: its descriptions, the reporting period, the year's spend,
 * the plan whose goals were judged.
 * @param state - the patient's state
 * @param ctx - the context the checks ran on
 */
export function recordVisit(state: PatientState, ctx: CheckContext): void {
  const v = ctx.visit;
  let ref: VisitRef | undefined;
  for (const key of ctx.descriptionKeys) {
    if (key === 0 || state.descriptions.has(key)) continue;
    ref ??= { id: v.id, date: v.date };
    state.descriptions.set(key, ref);
  }
  const p = state.progress[v.discipline];
  if (p) {
    if (v.noteType === 'evaluation') p.days = 1;
    else if (isReportNote(v.noteType)) p.days = 0;
    else p.days = ctx.treatmentDays;
    p.lastDate = v.date;
  }
  if (v.discipline === 'OT') state.spentCents.OT += ctx.visitSpendCents;
  else state.spentCents.PT_SLP += ctx.visitSpendCents;
  if (ctx.plan) state.goalsJudged.add(ctx.plan.id);
  if (isEvaluationVisit(v)) state.evaluated.add(v.discipline);
  if (state.lastDate === undefined || v.date > state.lastDate) state.lastDate = v.date;
}
