import { bestOtherCode, scoreCode } from '../suggest/score.ts';
import { reasonsFor } from '../suggest/suggest-codes.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/** Billed codes whose descriptions are judged against the others. */
const JUDGED = new Set(['97530', '97110', '97112', '97116', '97140', '97535', '97542', '92507', '92526', '97129']);

/** An alternative needs at least this score (a clear content match with its dosage) to be suggested. */
export const MISMATCH_MIN_SCORE = 4;
/** A billed code with this score or more is supported by its own content. */
const OWN_SUPPORT = 3;

/**
 * The alternative code a description fits clearly better than the billed one, or undefined.
 * @param ctx - the check context
 * @param i - service index
 */
export function mismatchFor(ctx: CheckContext, i: number): string | undefined {
  const s = ctx.visit.services[i];
  const f = ctx.features[i];
  if (!s || !f || !JUDGED.has(s.code)) return undefined;
  const own = scoreCode(f, s.code);
  if (own >= OWN_SUPPORT) return undefined;
  const alt = bestOtherCode(f, s.code, ctx.visit.discipline);
  if (alt === undefined) return undefined;
  const altScore = scoreCode(f, alt);
  return altScore >= MISMATCH_MIN_SCORE && altScore > own ? alt : undefined;
}

const HINT: Record<string, string> = {
  '97530':
    'To support 97530, describe the functional task the exercise served (e.g. lifting, reaching, transfers) with its parameters and assistance.',
  '97110': 'Sets and reps of exercise alone are therapeutic exercise.',
  '97535': 'Training in dressing, bathing, toileting or home tasks is self-care/home management training.',
  '97112': 'Balance, coordination and postural control work is neuromuscular re-education.',
  '97116': 'Walking and stair training is gait training.',
  '97140': 'Hands-on techniques are manual therapy.',
};

/**
 * code-mismatch: the description fits another code clearly better than the one billed (sets and reps only:
 * 97110; dressing or bathing training: 97535; rules.md §2.1 [S20][S21]). Judged by the same evidence
 * `suggestCodes` uses, and only when the billed code has little support of its own.
 * @param ctx - the check context
 */
export function checkCodeMismatch(ctx: CheckContext): void {
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const alt = mismatchFor(ctx, i);
    if (alt === undefined) continue;
    const s = services[i];
    const f = ctx.features[i];
    if (!s || !f) continue;
    report(
      ctx,
      'code-mismatch',
      'warning',
      `${s.code}'s description fits ${alt} better (${reasonsFor(f, alt).join('; ')}). ${HINT[alt] ?? ''} Bill ${alt}, or rewrite the note to show what made this ${s.code}.${s.code === '97530' ? ` ${HINT['97530']}` : ''}`.replace(
        /\s+/g,
        ' ',
      ),
      CITE.codeFit,
      i,
    );
  }
}
