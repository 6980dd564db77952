import { lookupCode } from '../catalog/codes.ts';
import type { Visit } from '../types.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/**
 * Whether a visit is an evaluation of its discipline: an evaluation or re-evaluation note, or any note billing an
 * evaluation code (97161–97168, 92521–92524 and kin).
 * @param visit - the visit
 */
export function isEvaluationVisit(visit: Visit): boolean {
  if (visit.noteType === 'evaluation' || visit.noteType === 're-evaluation') return true;
  for (const s of visit.services) if (lookupCode(s.code)?.evaluation === true) return true;
  return false;
}

/**
 * evaluation-missing: a treatment note (daily, progress report, discharge) with no evaluation of its discipline
 * before it. Medicare pays therapy under a plan of care that rests on an evaluation (Pub. 100-02 Ch. 15 §220.1,
 * §220.3 C), and reviewers deny 97530 claims whose "initial evaluation [is] missing" (rules.md §4.5, [S71][S80]).
 * A patient whose history before these records counts treatment days of a reporting period is mid-episode, so an
 * evaluation is on file elsewhere. An error where the payer requires certified plans (Medicare), a warning otherwise.
 * @param ctx - the check context
 */
export function checkEvaluationMissing(ctx: CheckContext): void {
  const v = ctx.visit;
  // An unknown patient is an input error the caller reports.
  if (!ctx.patient || isEvaluationVisit(v) || ctx.history.evaluated.has(v.discipline)) return;
  const before = ctx.patient.history;
  if (before?.treatmentDaysSinceProgressReport !== undefined || before?.evaluatedDisciplines?.includes(v.discipline))
    return;
  const severity = ctx.policy?.documentation.certificationWithinDays != null ? 'error' : 'warning';
  report(
    ctx,
    'evaluation-missing',
    severity,
    `No ${v.discipline} evaluation is on record before this note. Document the initial evaluation first (start an evaluation note for this date, or date this note's evaluation), or, if it was done elsewhere, attach it to the chart and override with where it is kept.`,
    CITE.evaluation,
  );
}
