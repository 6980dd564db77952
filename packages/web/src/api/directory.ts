import { api } from './endpoints.ts';
import type { Coverage, Payer, Provider } from './types.ts';

/** Clinic-wide lists that rarely change in a session (payers, providers), fetched once and shared by screens. */
interface Directory {
  payers: Payer[];
  providers: Provider[];
}

let cached: Promise<Directory> | undefined;

/** The clinic's payers and providers; each part fails soft to an empty list (a role may not read it). */
export function directory(): Promise<Directory> {
  cached ??= Promise.all([
    api.payers().then(
      (p) => p.items,
      (): Payer[] => [],
    ),
    api.providers().then(
      (p) => p.items,
      (): Provider[] => [],
    ),
  ]).then(([payers, providers]) => ({ payers, providers }));
  return cached;
}

/** Forgets the cached lists (after sign-out or an admin change). */
export function resetDirectory(): void {
  cached = undefined;
}

/**
 * The rules policy id of a patient's primary coverage in force on a date.
 * @param coverages - the patient's coverages
 * @param payers - the clinic's payers
 * @param date - the date of service
 */
export function policyOfCoverage(
  coverages: readonly Coverage[],
  payers: readonly Payer[],
  date: string,
): string | undefined {
  const inForce = coverages
    .filter((c) => c.startDate <= date && (!c.endDate || date <= c.endDate))
    .sort((a, b) => a.priority - b.priority)[0];
  return inForce ? payers.find((p) => p.id === inForce.payerId)?.policyId : undefined;
}

/**
 * The provider record of a user, if the user is a clinician.
 * @param providers - the clinic's providers
 * @param userId - the user
 */
export function providerOfUser(providers: readonly Provider[], userId: string): Provider | undefined {
  return providers.find((p) => p.userId === userId);
}
