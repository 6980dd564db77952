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
 * progress-report-due: the payer's progress-report period has run out without a report. Medicare requires one
 * "at least once every 10 treatment days" (Pub. 100-02 Ch. 15 §220.3 D; rules.md §4.3), so it is due by the
 * 10th treatment day: a daily note on day 10 without one is already the finding (MACs deny the record that lacks
 * the progress report "after the 10th visit", rules.md §4.5), and every later day more so. The period starts on
 * the first day of the episode (an evaluation day is day 1); a progress report or re-evaluation closes it and the
 * next treatment day starts a new one. The severity is an error on both: the visit itself is the one the report
 * had to cover. The auditor counts the days (`ctx.treatmentDays`), from the patient's history plus the visits seen.
 * @param ctx - the check context
 */
export function checkProgressReportDue(ctx: CheckContext): void {
  const every = ctx.policy?.documentation.progressReportEveryTreatmentDays;
  const v = ctx.visit;
  if (every == null || v.noteType === 'progress-report' || v.noteType === 're-evaluation') return;
  if (v.noteType === 'evaluation' || v.noteType === 'discharge') return;
  const day = ctx.treatmentDays;
  if (day < every) return;
  const payer = ctx.policy?.name ?? 'the payer';
  const fix =
    'Write a progress report (status, progress toward each goal, plan changes) today, as this visit’s note or with it, before billing more visits.';
  report(
    ctx,
    'progress-report-due',
    'error',
    day === every
      ? `This is treatment day ${day} of ${every} since the last ${v.discipline} progress report: ${payer} requires one at least every ${every} treatment days, so it is due today. ${fix}`
      : `This is treatment day ${day} since the last ${v.discipline} progress report, past the ${every} treatment days ${payer} allows. ${fix}`,
    CITE.progress,
  );
}
