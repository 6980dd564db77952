import { lookupCode } from '../catalog/codes.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/**
 * not-one-on-one: a one-on-one code (97530 and kin) billed for time with two or more patients at once. If a
 * therapist treats two or more patients in the same time, only 97150 (92508 for speech) is reported for
 * each (CMS text quoted in rules.md §2.1 [S23][S24]).
 * @param ctx - the check context
 */
export function checkNotOneOnOne(ctx: CheckContext): void {
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    if (!s || s.groupSize === undefined || s.groupSize <= 1 || !lookupCode(s.code)?.oneOnOne) continue;
    const group = ctx.visit.discipline === 'SLP' && s.code.startsWith('925') ? '92508' : '97150';
    report(
      ctx,
      'not-one-on-one',
      'error',
      `${s.code} requires one-on-one contact, but it is documented with ${s.groupSize} patients at once. Bill that time as ${group} (group, 1 unit), or document the minutes you spent with this patient alone.`,
      CITE.group,
      i,
    );
  }
}
