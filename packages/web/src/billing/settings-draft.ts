import { type BillingSettingsDraft, billingSettingsProblems } from '@unitwise/rules';
import type { ClaimSettings, SettingsAddress } from './types.ts';

/** The billing settings as the form edits them: every field a string, the pay-to address switched on or off. */
export interface SettingsDraft {
  billingProvider: { name: string; npi: string; taxId: string; address: Required<SettingsAddress>; taxonomy: string };
  usePayTo: boolean;
  payTo: Required<SettingsAddress>;
  submitter: { name: string; id: string; contactName: string; phone: string };
  receiver: { name: string; id: string };
  usage: 'T' | 'P';
  claimIdPrefix: string;
  period: 'visit' | 'month' | 'all';
  placeOfService: string;
  /** '' is national (no locality). */
  locality: string;
}

const address = (a?: SettingsAddress): Required<SettingsAddress> => ({
  line1: a?.line1 ?? '',
  line2: a?.line2 ?? '',
  city: a?.city ?? '',
  state: a?.state ?? '',
  zip: a?.zip ?? '',
});

/**
 * The form's draft of saved (or unset) settings.
 * @param s - the settings from the server
 */
export function draftOf(s: ClaimSettings): SettingsDraft {
  const b = s.billingProvider;
  return {
    billingProvider: {
      name: b.name,
      npi: b.npi,
      taxId: b.taxId,
      address: address(b.address),
      taxonomy: b.taxonomy ?? '',
    },
    usePayTo: s.payTo !== undefined,
    payTo: address(s.payTo),
    submitter: {
      name: s.submitter.name,
      id: s.submitter.id,
      contactName: s.submitter.contactName ?? '',
      phone: s.submitter.phone ?? '',
    },
    receiver: { name: s.receiver.name, id: s.receiver.id },
    usage: s.usage,
    claimIdPrefix: s.claimIdPrefix,
    period: s.period,
    placeOfService: s.placeOfService || '11',
    locality: s.locality ?? '',
  };
}

function addressBody(a: Required<SettingsAddress>): SettingsAddress {
  const out: SettingsAddress = {
    line1: a.line1.trim(),
    city: a.city.trim(),
    state: a.state.trim().toUpperCase(),
    zip: a.zip.trim(),
  };
  if (a.line2.trim()) out.line2 = a.line2.trim();
  return out;
}

/**
 * The body of `PUT /claim-settings` for a draft (empty optional fields left out; the charges are saved apart).
 * @param d - the draft
 */
export function bodyOf(d: SettingsDraft): Omit<ClaimSettings, 'chargeMaster'> {
  const b = d.billingProvider;
  return {
    billingProvider: {
      name: b.name.trim(),
      npi: b.npi.trim(),
      taxId: b.taxId.trim(),
      address: addressBody(b.address),
      ...(b.taxonomy.trim() ? { taxonomy: b.taxonomy.trim().toUpperCase() } : {}),
    },
    ...(d.usePayTo ? { payTo: addressBody(d.payTo) } : {}),
    submitter: {
      name: d.submitter.name.trim(),
      id: d.submitter.id.trim(),
      ...(d.submitter.contactName.trim() ? { contactName: d.submitter.contactName.trim() } : {}),
      ...(d.submitter.phone.trim() ? { phone: d.submitter.phone.trim() } : {}),
    },
    receiver: { name: d.receiver.name.trim(), id: d.receiver.id.trim() },
    usage: d.usage,
    claimIdPrefix: d.claimIdPrefix.trim(),
    period: d.period,
    placeOfService: d.placeOfService,
    ...(d.locality ? { locality: d.locality } : {}),
  };
}

/**
 * Each field's problem in plain words, keyed by its path (`billingProvider.npi`): the same checks the server runs.
 * @param d - the draft
 */
export function problemsOf(d: SettingsDraft): Record<string, string> {
  const body = bodyOf(d);
  const draft: BillingSettingsDraft = { ...body, payTo: body.payTo ?? null };
  const out: Record<string, string> = {};
  for (const p of billingSettingsProblems(draft)) out[p.path] ??= p.message;
  return out;
}

/**
 * The draft with the value at a dotted path replaced (immutably).
 * @param d - the draft
 * @param path - e.g. `billingProvider.address.zip`
 * @param value - the new value
 */
export function setAt(d: SettingsDraft, path: string, value: string | boolean): SettingsDraft {
  const next = structuredClone(d) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at = next;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys[keys.length - 1] as string] = value;
  return next as unknown as SettingsDraft;
}

/**
 * The value at a dotted path of the draft, as the input shows it.
 * @param d - the draft
 * @param path - e.g. `submitter.id`
 */
export function valueAt(d: SettingsDraft, path: string): string {
  let at: unknown = d;
  for (const k of path.split('.')) at = (at as Record<string, unknown>)[k];
  return typeof at === 'string' ? at : '';
}
