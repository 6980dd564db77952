import { bestOtherCode, CODE_KINDS, scoreCode } from '../suggest/score.ts';
import { KIND_LABELS, reasonsFor } from '../suggest/suggest-codes.ts';
import type { DescriptionFeatures } from '../text/features.ts';
import { quotePhrases } from '../text/reading.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/** Billed codes whose descriptions are judged against the others. */
const JUDGED = new Set(['97530', '97110', '97112', '97116', '97140', '97535', '97542', '92507', '92526', '97129']);

/** An alternative needs at least this score (it heads a clause and has parameters or assistance) to be suggested. */
export const MISMATCH_MIN_SCORE = 4;
/** A billed code with this score or more heads a clause of its own: the description supports it. */
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
  '97530': 'A functional task with its parameters and assistance is therapeutic activities.',
  '97110': 'Sets and reps of exercise alone are therapeutic exercise.',
  '97535': 'Training in dressing, bathing, toileting or home tasks is self-care/home management training.',
  '97112': 'Balance, coordination and postural control work is neuromuscular re-education.',
  '97116': 'Walking and stair training is gait training.',
  '97140': 'Hands-on techniques are manual therapy.',
  '92526': 'Swallowing strategies, exercises and diet trials are treatment of swallowing.',
  '92507': 'Speech, language and voice targets are speech-language treatment.',
  '97129': 'Attention, memory and problem-solving tasks are cognitive function intervention.',
};

/** What the description says of the billed code's own kind: nothing, or only inside another task. */
function ownWords(f: DescriptionFeatures, code: string): string {
  const kinds = CODE_KINDS[code];
  if (!kinds) return '';
  const seen: string[] = [];
  for (const k of kinds) for (const e of f[k]) seen.push(e);
  const label = KIND_LABELS[kinds[0] as keyof typeof KIND_LABELS] ?? 'task';
  return seen.length ? `${quotePhrases(seen, 3)} only inside another task` : `no ${label} found`;
}

/**
 * code-mismatch: the description fits another code clearly better than the one billed (sets and reps only:
 * 97110; dressing or bathing training: 97535; rules.md §2.1 [S20][S21]). The whole description is weighed, clause
 * by clause (`scoreCode`): the task that heads a clause counts, a word inside it ("cues for balance") counts
 * little, so one keyword does not move a code. Reported only when the billed code heads no clause; the message
 * quotes the words that led to the other code and what was read of the billed one.
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
    const own = ownWords(f, s.code);
    const fix =
      s.code === '97530'
        ? 'describe the functional task the exercise served (e.g. lifting, reaching, transfers) with its parameters and assistance'
        : `rewrite the note to show what made this ${s.code}`;
    report(
      ctx,
      'code-mismatch',
      'warning',
      `${s.code}'s description fits ${alt} better. Led by ${reasonsFor(f, alt).join('; ')}${own ? `; for ${s.code}: ${own}` : ''}. ${HINT[alt] ?? ''} Bill ${alt}, or ${fix}.`.replace(
        /\s+/g,
        ' ',
      ),
      CITE.codeFit,
      i,
    );
  }
}
