import type { BillingProvider, Party } from '@unitwise/edi';
import { type ClaimsRepository, claimsRepository, type Repositories } from '@unitwise/store';
import type { AppDeps } from '../deps.ts';
import { ClaimSettingsBody, type ClaimSettingsInput } from '../schemas/claims.ts';

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
 * The clinic's billing settings, or the unset ones (which scrubbing refuses) when none were saved.
 * @param claims - the claims repository
 * @param clinicId - the clinic
 */
export async function loadSettings(claims: ClaimsRepository, clinicId: string): Promise<LoadedSettings> {
  const row = await claims.getSettings(clinicId);
  const parsed = ClaimSettingsBody.safeParse(row?.settings);
  return parsed.success ? { configured: true, settings: parsed.data } : { configured: false, settings: UNSET };
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
    taxId: b.taxId.replace('-', ''),
    address: { ...b.address, ...(b.address.line2 ? { line2: b.address.line2 } : {}) },
    ...(b.taxonomy ? { taxonomy: b.taxonomy } : {}),
  };
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
