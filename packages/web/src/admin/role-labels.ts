import type { Role } from '../api/types.ts';

/** The roles in the order the screens offer them, with the words an owner reads. */
export const ROLE_LABELS: readonly { role: Role; label: string }[] = [
  { role: 'owner', label: 'Owner' },
  { role: 'therapist', label: 'Therapist' },
  { role: 'assistant', label: 'Assistant (PTA, OTA, SLPA)' },
  { role: 'biller', label: 'Biller' },
  { role: 'auditor', label: 'Auditor' },
];

/**
 * A user's roles in plain words, in the screens' order.
 * @param roles - the roles held
 */
export function rolesText(roles: readonly Role[]): string {
  return ROLE_LABELS.filter((r) => roles.includes(r.role))
    .map((r) => r.label)
    .join(', ');
}
