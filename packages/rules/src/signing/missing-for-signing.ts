import { isTimedCode, lookupCode } from '../catalog/codes.ts';
import type { Service, Visit } from '../types.ts';

/** One thing a note lacks before it can be signed: the field's path (as in input errors) and what to do. */
export interface SigningGap {
  path: string;
  message: string;
}

/** Whether a text holds something besides white space. */
const filled = (s: string | undefined): boolean => s !== undefined && s.trim() !== '';

/**
 * What a note must hold before it is signed, beyond the checks' findings: when the patient was seen (time in and out,
 * or documented totals), at least one service with minutes or an untimed code, a description of each timed service,
 * and only codes of the catalog. The daily note's required content is Pub. 100-02 Ch. 15 §220.3 E (each
 * intervention, total timed minutes and total treatment time); an unknown code cannot be billed or priced.
 * @param visit - the note as it would be signed
 * @returns the gaps in field order; empty when the note may be signed
 * @example
 * missingForSigning({ ...visit, services: [] })[0]?.path // 'timeIn' when no clock times either
 */
export function missingForSigning(visit: Visit): SigningGap[] {
  const gaps: SigningGap[] = [];
  const totals = (visit.totalTreatmentMinutes ?? 0) > 0 || (visit.totalTimedMinutes ?? 0) > 0;
  if (!totals || filled(visit.timeIn) !== filled(visit.timeOut)) {
    if (!filled(visit.timeIn)) gaps.push({ path: 'timeIn', message: 'Enter the time the patient arrived (time in).' });
    if (!filled(visit.timeOut)) gaps.push({ path: 'timeOut', message: 'Enter the time the patient left (time out).' });
  }
  let counted = false;
  const zeroTimed: SigningGap[] = [];
  visit.services.forEach((s: Service, i) => {
    const label = `activity ${i + 1}${s.code ? ` (${s.code})` : ''}`;
    const known = lookupCode(s.code) !== undefined;
    if (!known) {
      gaps.push({ path: `services.${i}.code`, message: `The code of ${label} is not a code we know: correct it.` });
      return;
    }
    const timed = isTimedCode(s.code);
    if (!timed || (s.minutes ?? 0) > 0) counted = true;
    else zeroTimed.push({ path: `services.${i}.minutes`, message: `Enter the minutes of ${label}, or remove it.` });
    if (timed && !filled(s.description))
      gaps.push({ path: `services.${i}.description`, message: `Describe what was done in ${label}.` });
  });
  // A timed line with no minutes beside ones that have them bills nothing and says nothing: name it. With no
  // counted line at all, the one `services` gap below says the same for the whole note.
  if (counted) gaps.push(...zeroTimed);
  if (!counted)
    gaps.push({
      path: 'services',
      message: 'Record at least one activity with its minutes, or an untimed code such as an evaluation.',
    });
  return gaps;
}
