import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/** Note types that are a progress report or start a new reporting period (Pub. 100-02 Ch. 15 §220.3 D). */
export function isReportNote(noteType: string | undefined): boolean {
  return (
    noteType === 'progress-report' ||
    noteType === 'evaluation' ||
    noteType === 're-evaluation' ||
    noteType === 'discharge'
  );
}

/**
 * progress-report-due: the payer's progress-report period (Medicare: at least once every 10 treatment days,
 * Pub. 100-02 Ch. 15 §220.3 D) has run out without a report. The period starts on the first day of the
 * episode (an evaluation day is day 1); a progress report or re-evaluation closes it and the next treatment
 * day starts a new one. So the 11th treatment day without a report is flagged. The auditor counts the days
 * (`ctx.treatmentDays`), from the patient's history plus the visits seen.
 * @param ctx - the check context
 */
export function checkProgressReportDue(ctx: CheckContext): void {
  const every = ctx.policy?.documentation.progressReportEveryTreatmentDays;
  const v = ctx.visit;
  if (every == null || v.noteType === 'progress-report' || v.noteType === 're-evaluation') return;
  if (v.noteType === 'evaluation' || v.noteType === 'discharge') return;
  if (ctx.treatmentDays <= every) return;
  report(
    ctx,
    'progress-report-due',
    'error',
    `This is treatment day ${ctx.treatmentDays} since the last ${v.discipline} progress report; ${ctx.policy?.name ?? 'the payer'} requires one at least every ${every} treatment days. Write a progress report (status, progress toward each goal, plan changes) today, before billing more visits.`,
    CITE.progress,
  );
}
