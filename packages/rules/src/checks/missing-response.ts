import { analyzeDescription } from '../text/analyze.ts';
import { hasMoreWordsThan } from '../text/fingerprint.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

// Words that show a response or progress: a change, a measure, a goal, the patient's report.
const SUBSTANCE =
  /\d|goal|progress|improv|increas|decreas|reduc|able\s+to|unable|report|states|c\/o|complain|pain|fatigue|better|worse|less|more|fewer|needed|required|demonstrat|return|understand|verbali[sz]|indep|assist|cue|toward/i;

/**
 * missing-response: no patient response or progress toward goals recorded, or only boilerplate ("pt
 * tolerated treatment well") that says nothing about progress (Pub. 100-02 Ch. 15 §220.3). Evaluations are
 * not judged: their findings are the baseline.
 * @param ctx - the check context
 */
export function checkMissingResponse(ctx: CheckContext): void {
  const v = ctx.visit;
  if (v.noteType === 'evaluation' || v.services.length === 0) return;
  const text = v.response?.trim() ?? '';
  if (text === '') {
    report(
      ctx,
      'missing-response',
      'warning',
      "The note records no patient response. Add how the patient responded and what changed toward the plan's goals (e.g. assistance needed, distance, pain, cues compared with last visit).",
      CITE.response,
    );
    return;
  }
  // Only a short response can be boilerplate with a number in it ("tolerated well x3"): analyse just those.
  if (SUBSTANCE.test(text) && (hasMoreWordsThan(text, 5) || analyzeDescription(text).filler.length === 0)) return;
  report(
    ctx,
    'missing-response',
    'warning',
    `The response "${text.length > 60 ? `${text.slice(0, 57)}...` : text}" says nothing about progress. Record what changed toward the goals: assistance level, distance, reps, pain or cueing compared with before.`,
    CITE.response,
  );
}
