import { lookupCode } from '../catalog/codes.ts';
import { CITE, DISCIPLINE_MODIFIER, sameModifier } from './citations.ts';
import { type CheckContext, report } from './context.ts';

const THERAPY_MODIFIERS = ['GP', 'GO', 'GN'] as const;

/**
 * discipline-modifier: GP, GO or GN missing or not matching the plan's discipline (the visit's). The modifier
 * follows the plan of care, not the clinician's licence; one per line; "always therapy" codes always need it
 * (Pub. 100-04 Ch. 5 §20.1; rules.md §3.1 [S46][S47][S48]). A missing modifier is judged where the payer
 * requires it (error on always-therapy codes, warning on "sometimes therapy" codes); a wrong one always.
 * @param ctx - the check context
 */
export function checkDisciplineModifier(ctx: CheckContext): void {
  const expected = DISCIPLINE_MODIFIER[ctx.visit.discipline];
  const required = ctx.policy?.documentation.requiresDisciplineModifier === true;
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    if (!s) continue;
    const info = lookupCode(s.code);
    let found: string | undefined;
    let count = 0;
    if (s.modifiers) {
      for (const m of s.modifiers) {
        for (const t of THERAPY_MODIFIERS) {
          if (!sameModifier(m, t)) continue;
          count++;
          if (t !== expected || !found) found = t;
        }
      }
    }
    if (count > 1) {
      report(
        ctx,
        'discipline-modifier',
        'error',
        `${s.code} carries more than one of GP, GO and GN. Keep only ${expected}: a line belongs to one plan of care.`,
        CITE.discipline,
        i,
      );
    } else if (found && found !== expected) {
      report(
        ctx,
        'discipline-modifier',
        'error',
        `${s.code} carries ${found}, but this visit is under the ${ctx.visit.discipline} plan of care: use ${expected}. The modifier follows the plan, not who furnished the service.`,
        CITE.discipline,
        i,
      );
    } else if (!found && required && info) {
      report(
        ctx,
        'discipline-modifier',
        info.alwaysTherapy ? 'error' : 'warning',
        `${s.code} has no therapy modifier. Add ${expected} (${ctx.visit.discipline} plan of care)${info.alwaysTherapy ? `: ${s.code} is always therapy and is denied without it` : ': it is billed under a therapy plan of care'}.`,
        CITE.discipline,
        i,
      );
    }
  }
}
