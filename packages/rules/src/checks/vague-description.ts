import { hasClinicalContent, hasDosage } from '../text/features.ts';
import { serviceText } from '../text/service-text.ts';
import { CITE } from './citations.ts';
import { CODE_FAMILIES, hasAny } from './code-families.ts';
import { mismatchFor } from './code-mismatch.ts';
import { type CheckContext, report } from './context.ts';

/**
 * vague-description: a service described too generally to support its code: no description, only filler
 * ("therapeutic activities as tolerated", "see flowsheet"), no task or technique of the code's kind, or a
 * task with no parameters, assistance level or cueing (rules.md §2.1 and §4.5; Pub. 100-02 Ch. 15 §220.3 E).
 * A clear fit for another code is left to code-mismatch.
 * @param ctx - the check context
 */
export function checkVagueDescription(ctx: CheckContext): void {
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    const f = ctx.features[i];
    const family = s ? CODE_FAMILIES[s.code] : undefined;
    if (!s || !f || !family) continue;
    let problem: string | undefined;
    if (serviceText(s) === undefined) {
      problem = 'has no description';
    } else if (!hasAny(f, family.content)) {
      if (mismatchFor(ctx, i) !== undefined) continue;
      problem =
        f.filler.length > 0 && !hasClinicalContent(f)
          ? `says only ${f.filler.map((e) => `"${e}"`).join(', ')}`
          : 'does not say what was done';
    } else if (family.needsDosage && !hasDosage(f)) {
      problem = 'names the activity but not how much or how it was done';
    }
    if (!problem) continue;
    // "97530 has no description", not "97530's description has no description".
    const subject = problem === 'has no description' ? s.code : `${s.code}'s description`;
    report(
      ctx,
      'vague-description',
      'warning',
      `${subject} ${problem}. An auditor cannot tell it was skilled ${s.code} work: write ${family.what}.`,
      CITE.description,
      i,
    );
  }
}
