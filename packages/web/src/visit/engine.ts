import { type Discipline, type Finding, HISTORY_RULES, lookupCode, suggestCodes } from '@unitwise/rules';

/**
 * Rules whose checks need earlier notes the browser does not replay (the registry's `needsHistory`): for these the
 * server's findings from the last save stand.
 */
export const SERVER_ONLY_RULES: ReadonlySet<string> = HISTORY_RULES;

/**
 * The findings to show: the live local ones, plus the server's for rules only it can judge.
 * @param local - findings computed in the browser
 * @param server - findings stored with the visit at its last save
 */
export function mergeFindings(local: readonly Finding[], server: readonly Finding[]): Finding[] {
  const out = local.filter((f) => !SERVER_ONLY_RULES.has(f.rule));
  for (const f of server) if (SERVER_ONLY_RULES.has(f.rule)) out.push(f);
  return out;
}

/**
 * The code the description points to, when it is not the one chosen, with the phrases behind it.
 * @param description - what was done
 * @param code - the code chosen
 * @param discipline - the visit's discipline (only its codes are suggested)
 */
export function suggestFor(
  description: string,
  code: string,
  discipline: Discipline,
): { code: string; why: string } | undefined {
  if (description.trim().length < 12) return undefined;
  const best = suggestCodes(description, discipline)[0];
  if (!best || best.code === code) return undefined;
  const name = lookupCode(best.code)?.name ?? best.code;
  return { code: best.code, why: `${name}: ${best.reasons.join('; ') || 'its wording'}` };
}
