import { NCCI_BYPASS_MODIFIERS, ncciEdit } from '../reference/ncci.ts';
import type { Service } from '../types.ts';
import { type CheckContext, report } from './context.ts';

function bypassed(s: Service): string | undefined {
  for (const m of s.modifiers ?? []) {
    const u = m.toUpperCase();
    if (NCCI_BYPASS_MODIFIERS.has(u)) return u;
  }
  return undefined;
}

/**
 * ncci-pair: two codes of one visit that an active NCCI procedure-to-procedure edit bars on one day: with
 * modifier indicator 0 always; with indicator 1 unless the column 2 code carries 59, XE, XS, XP or XU
 * (rules.md §2.2; data/ncci-ptp.json). Judged where the payer applies NCCI.
 * @param ctx - the check context
 */
export function checkNcciPair(ctx: CheckContext): void {
  if (!ctx.policy?.documentation.appliesNcci) return;
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const a = services[i] as Service;
    for (let j = i + 1; j < services.length; j++) {
      const b = services[j] as Service;
      if (a.code === b.code) continue;
      const edit = ncciEdit(a.code, b.code, ctx.date);
      if (!edit) continue;
      const col2Index = edit.column2 === a.code ? i : j;
      const col2 = services[col2Index] as Service;
      if (edit.modifierIndicator === '0') {
        report(
          ctx,
          'ncci-pair',
          'error',
          `${edit.column2} cannot be paid with ${edit.column1} on the same day (NCCI edit, no modifier allowed). Bill only ${edit.column1}, or move ${edit.column2} to a separate day if it was truly a separate service.`,
          edit.source,
          col2Index,
        );
      } else if (edit.modifierIndicator === '1' && !bypassed(col2)) {
        report(
          ctx,
          'ncci-pair',
          'error',
          `${edit.column2} is bundled into ${edit.column1} on the same day (NCCI edit). If they were done in separate time blocks, add 59 (or XE/XS/XP/XU) to ${edit.column2} and document the separate blocks; otherwise bill only ${edit.column1}.`,
          edit.source,
          col2Index,
        );
      }
    }
  }
}
