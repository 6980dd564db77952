import { credentialDiscipline, isAssistantCredential } from '../identifiers/credential.ts';
import { article } from '../text/plural.ts';
import type { Credential, Discipline, NoteType } from '../types.ts';

/**
 * Notes only a therapist signs: evaluations and re-evaluations (Pub. 100-02 Ch. 15 §220.1.2, §230.1), progress
 * reports (§220.3 D: "written by a clinician") and the discharge summary (§220.3 D: the discharge note is a progress
 * report written by the clinician). An assistant signs daily notes only.
 */
const CLINICIAN_ONLY: ReadonlySet<NoteType> = new Set(['evaluation', 're-evaluation', 'progress-report', 'discharge']);

/** The caller as signing rights read it: the user, their roles and, for a clinician, their provider credential. */
export interface NoteActor {
  userId: string;
  /** The user's roles as the server names them (`owner`, `therapist`, `assistant`, …). */
  roles: readonly string[];
  /** The credential of the caller's own provider record, when they have one. */
  credential?: Credential | null;
}

/** A signed note as addendum rights read it. */
export interface NoteAuthorship {
  /** The login of the note's provider (the author), when the provider has one. */
  authorUserId: string | null;
  /** The credential the note was written under. */
  authorCredential: Credential | null;
  discipline: Discipline;
}

/**
 * Why a user may not sign a note of this type, or null when they may: a user who is not an owner or therapist
 * (an assistant) signs daily notes only.
 * @param roles - the signer's roles
 * @param noteType - the note's type
 * @example
 * signRefusal(['assistant'], 'discharge') // 'An assistant cannot sign a discharge note; the therapist signs it.'
 */
export function signRefusal(roles: readonly string[], noteType: NoteType): string | null {
  const clinician = roles.includes('owner') || roles.includes('therapist');
  if (clinician || !CLINICIAN_ONLY.has(noteType)) return null;
  return `An assistant cannot sign ${article(noteType)} ${noteType} note; the therapist signs it.`;
}

/**
 * Why a user may not add an addendum to a signed note, or null when they may. Only the author, the owner, or a
 * therapist of the note's discipline co-signing an assistant's note may correct it (issue 18: an OT and a PTA could
 * add to a PT's note; a signed note is the author's record, Pub. 100-02 Ch. 15 §220.3).
 * @param actor - the caller
 * @param note - the note's author and discipline
 */
export function addendumRefusal(actor: NoteActor, note: NoteAuthorship): string | null {
  if (actor.roles.includes('owner')) return null;
  if (note.authorUserId !== null && actor.userId === note.authorUserId) return null;
  const supervisor =
    actor.roles.includes('therapist') &&
    !!actor.credential &&
    !isAssistantCredential(actor.credential) &&
    credentialDiscipline(actor.credential) === note.discipline &&
    !!note.authorCredential &&
    isAssistantCredential(note.authorCredential);
  if (supervisor) return null;
  return `Only the note's author, a supervising ${note.discipline} for an assistant's note, or the owner can add an addendum.`;
}
