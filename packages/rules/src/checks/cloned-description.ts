import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/** Shorter descriptions ("moist heat to low back") repeat legitimately and are not judged. */
export const CLONE_MIN_WORDS = 5;

/**
 * cloned-description: a description the same word for word (case and spacing aside) as one of an earlier
 * visit of this patient. Each note must document that day's treatment (Pub. 100-02 Ch. 15 §220.3 E);
 * copied text is what auditors call cloned documentation.
 * @param ctx - the check context
 */
export function checkClonedDescription(ctx: CheckContext): void {
  const seen = ctx.history.descriptions;
  if (seen.size === 0) return;
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const key = ctx.descriptionKeys[i] ?? 0;
    if (key === 0) continue;
    const earlier = seen.get(key);
    if (!earlier || earlier.id === ctx.visit.id) continue;
    report(
      ctx,
      'cloned-description',
      'warning',
      `${services[i]?.code}'s description is word for word the one of the visit on ${earlier.date}. Describe what the patient did today: the task, today's parameters and assistance, and what changed.`,
      CITE.cloned,
      i,
    );
  }
}
