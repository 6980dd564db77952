import { hasClinicalContent, hasDosage } from '../text/features.ts';
import { quotePhrases, readDescription } from '../text/reading.ts';
import { serviceText } from '../text/service-text.ts';
import type { Severity } from '../types.ts';
import { CITE } from './citations.ts';
import { CODE_FAMILIES, hasAny } from './code-families.ts';
import { mismatchFor } from './code-mismatch.ts';
import { type CheckContext, report } from './context.ts';

/**
 * vague-description: a service described too generally to support its code (rules.md §2.1 and §4.5; Pub.
 * 100-02 Ch. 15 §220.3 E). A skilled description has three elements: the task or target, its parameters, and the
 * assistance or cueing. None of them at all (no description, or only generic words such as "therapy session",
 * "tolerated well") is an error: that is the documentation reviewers deny (Noridian and First Coast 97530
 * reviews: "incomplete or insufficient documentation"). A specific description that misses one element, or
 * names no task of the code's kind, is a warning. A clear fit for another code is left to code-mismatch.
 * @param ctx - the check context
 */
export function checkVagueDescription(ctx: CheckContext): void {
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    const f = ctx.features[i];
    const family = s ? CODE_FAMILIES[s.code] : undefined;
    if (!s || !f || !family) continue;
    let problem: string;
    let severity: Severity = 'warning';
    let empty = false;
    if (serviceText(s) === undefined) {
      problem = 'has no description';
      severity = 'error';
      empty = true;
    } else if (!hasClinicalContent(f) && !hasDosage(f)) {
      problem = `names no task, no parameters and no assistance${f.filler.length ? ` (only generic words: ${quotePhrases(f.filler)})` : ''}`;
      severity = 'error';
    } else if (!hasAny(f, family.content)) {
      if (mismatchFor(ctx, i) !== undefined) continue;
      const r = readDescription(f);
      const read = [
        r.task.length ? `task ${quotePhrases(r.task)}` : '',
        r.parameters.length ? `parameters ${quotePhrases(r.parameters)}` : '',
        r.assistance.length ? `assistance ${quotePhrases(r.assistance)}` : '',
      ].filter(Boolean);
      problem = `does not say what was done: no ${family.kind} is named${read.length ? ` (read ${read.join('; ')})` : ''}`;
    } else if (family.needsDosage && !hasDosage(f)) {
      const r = readDescription(f);
      problem = `names the ${family.kind} (${quotePhrases(r.task)}) but no parameters and no assistance or cues`;
    } else continue;
    // "97530 has no description", not "97530's description has no description".
    const subject = empty ? s.code : `${s.code}'s description`;
    report(
      ctx,
      'vague-description',
      severity,
      `${subject} ${problem}. An auditor cannot tell it was skilled ${s.code} work: write ${family.what}.`,
      CITE.description,
      i,
    );
  }
}
