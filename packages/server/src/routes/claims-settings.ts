import type { BillingProvider, Party } from '@unitwise/edi';
import { einDigits } from '@unitwise/rules';
import { type ClaimsRepository, claimsRepository, type Repositories } from '@unitwise/store';
import type { AppDeps } from '../deps.ts';
import { ChargeMasterBody, type ClaimSettingsInput, ClaimSettingsShape } from '../schemas/claims.ts';

/** The billing settings a clinic has not filled in yet: claims build, but scrubbing holds them back until it does. */
const UNSET: ClaimSettingsInput = {
  billingProvider: {
    name: '',
    npi: '',
    taxId: '',
    address: { line1: '', city: '', state: '', zip: '' },
  },
  submitter: { name: '', id: '' },
  receiver: { name: '', id: '' },
  usage: 'T',
  claimIdPrefix: 'UW',
  period: 'visit',
  placeOfService: '11',
  chargeMaster: {},
};

/** A clinic's settings with a flag telling whether they were ever saved. */
export interface LoadedSettings {
  configured: boolean;
  settings: ClaimSettingsInput;
}

/**
 * The claims repository over the app's store (or an open transaction) and clock.
 * @param deps - the app's dependencies
 * @param repos - an open transaction's repositories, when inside one
 */
export function claimsOf(deps: AppDeps, repos: Pick<Repositories, 'db' | 'engine'> = deps.store): ClaimsRepository {
  return claimsRepository(repos, () => deps.clock().toISOString());
}

/**
 * The clinic's billing settings, or the unset ones (which scrubbing refuses) when none were saved. The charge master
 * is saved on its own, so it is kept even while the rest is unset.
 * @param claims - the claims repository
 * @param clinicId - the clinic
 */
export async function loadSettings(claims: ClaimsRepository, clinicId: string): Promise<LoadedSettings> {
  const row = await claims.getSettings(clinicId);
  const parsed = ClaimSettingsShape.safeParse(row?.settings);
  if (parsed.success) return { configured: true, settings: parsed.data };
  return { configured: false, settings: { ...UNSET, chargeMaster: storedChargeMaster(row?.settings) } };
}

/** The charge master inside stored settings, or none. */
function storedChargeMaster(stored: unknown): Record<string, number> {
  const raw = stored && typeof stored === 'object' ? (stored as { chargeMaster?: unknown }).chargeMaster : undefined;
  const parsed = ChargeMasterBody.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/**
 * Saves the billing settings; without a charge master in `next`, the stored one stays.
 * @param claims - the claims repository
 * @param clinicId - the clinic
 * @param next - the validated settings
 */
export async function saveSettings(
  claims: ClaimsRepository,
  clinicId: string,
  next: Omit<ClaimSettingsInput, 'chargeMaster'> & { chargeMaster?: ClaimSettingsInput['chargeMaster'] | undefined },
): Promise<ClaimSettingsInput> {
  const row = await claims.getSettings(clinicId);
  const settings = { ...next, chargeMaster: next.chargeMaster ?? storedChargeMaster(row?.settings) };
  await claims.putSettings(clinicId, settings);
  return settings;
}

/**
 * Saves the charge master alone, keeping the rest of the stored settings (complete or not) as they are.
 * @param claims - the claims repository
 * @param clinicId - the clinic
 * @param chargeMaster - charge per unit by code, in cents
 */
export async function saveChargeMaster(
  claims: ClaimsRepository,
  clinicId: string,
  chargeMaster: ClaimSettingsInput['chargeMaster'],
): Promise<void> {
  const row = await claims.getSettings(clinicId);
  const stored = row?.settings && typeof row.settings === 'object' ? row.settings : {};
  await claims.putSettings(clinicId, { ...stored, chargeMaster });
}

/**
 * The billing provider as the 837P writer and scrubber take it (EIN without its hyphen).
 * @param s - the settings
 */
export function billingProviderOf(s: ClaimSettingsInput): BillingProvider {
  const b = s.billingProvider;
  return {
    name: b.name,
    npi: b.npi,
    taxId: einDigits(b.taxId),
    address: addressOf(b.address),
    ...(b.taxonomy ? { taxonomy: b.taxonomy } : {}),
    ...(s.payTo ? { payToAddress: addressOf(s.payTo) } : {}),
  };
}

function addressOf(a: NonNullable<ClaimSettingsInput['payTo']>): BillingProvider['address'] {
  return { line1: a.line1, ...(a.line2 ? { line2: a.line2 } : {}), city: a.city, state: a.state, zip: a.zip };
}

/**
 * A submitter or receiver as the writer takes it.
 * @param p - the party from the settings
 */
export function partyOf(p: ClaimSettingsInput['submitter']): Party {
  return {
    name: p.name,
    id: p.id,
    ...(p.contactName ? { contactName: p.contactName } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
  };
}
