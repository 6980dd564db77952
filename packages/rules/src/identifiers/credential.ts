import { article } from '../text/plural.ts';
import type { Credential, Discipline } from '../types.ts';

/**
 * The discipline each credential practises: an assistant works under a therapist of the same discipline
 * (PTA under PT, OTA under OT: Pub. 100-02 Ch. 15 §230.1–230.2; SLPA under SLP: ASHA Scope of Practice for SLPAs, 2022).
 */
const DISCIPLINE_OF: Readonly<Record<Credential, Discipline>> = {
  PT: 'PT',
  PTA: 'PT',
  OT: 'OT',
  OTA: 'OT',
  SLP: 'SLP',
  SLPA: 'SLP',
};

/**
 * The discipline a credential belongs to.
 * @param credential - PT, PTA, OT, OTA, SLP or SLPA
 * @example
 * credentialDiscipline('PTA') // 'PT'
 */
export function credentialDiscipline(credential: Credential): Discipline {
  return DISCIPLINE_OF[credential];
}

/**
 * A plain-language problem when a provider's credential does not belong to the discipline given, or null.
 * @param discipline - the provider's discipline
 * @param credential - the provider's credential
 */
export function credentialProblem(discipline: Discipline, credential: Credential): string | null {
  const own = DISCIPLINE_OF[credential];
  const a = article(credential);
  return own === discipline
    ? null
    : `${a === 'an' ? 'An' : 'A'} ${credential} works in ${own}, not ${discipline}: pick ${own} or another credential.`;
}

/** Assistant credentials: they treat under a therapist's supervision (Pub. 100-02 Ch. 15 §230.1–230.2). */
const ASSISTANT_CREDENTIALS: ReadonlySet<string> = new Set(['PTA', 'OTA', 'SLPA']);

/**
 * Whether a credential is an assistant's (PTA, OTA, SLPA) rather than a therapist's.
 * @param credential - the provider's credential
 */
export function isAssistantCredential(credential: string): boolean {
  return ASSISTANT_CREDENTIALS.has(credential);
}

/**
 * The credential of a therapist or an assistant of a discipline (PT/PTA, OT/OTA, SLP/SLPA).
 * @param discipline - PT, OT or SLP
 * @param assistant - true for the assistant's credential
 * @example
 * credentialFor('OT', true) // 'OTA'
 */
export function credentialFor(discipline: Discipline, assistant: boolean): Credential {
  return assistant ? `${discipline}A` : discipline;
}
