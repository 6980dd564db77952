import { einProblem } from '../identifiers/ein.ts';
import { npiProblem } from '../identifiers/npi.ts';
import { zipProblem } from '../identifiers/zip.ts';
import { partyIdProblem, taxonomyProblem } from './party-ids.ts';
import { placeOfServiceProblem } from './place-of-service.ts';
import { US_STATES } from './us-states.ts';

/** An address as typed on the Billing settings screen. */
export interface AddressDraft {
  line1: string;
  line2?: string | undefined;
  city: string;
  state: string;
  zip: string;
}

/** What a claim needs from the clinic, as typed (strings, possibly empty). */
export interface BillingSettingsDraft {
  billingProvider: { name: string; npi: string; taxId: string; address: AddressDraft; taxonomy?: string | undefined };
  /** Where payments go, when not the billing provider's street address (2010AB). */
  payTo?: AddressDraft | null | undefined;
  submitter: { name: string; id: string; contactName?: string | undefined; phone?: string | undefined };
  receiver: { name: string; id: string };
  placeOfService?: string | undefined;
  claimIdPrefix?: string | undefined;
}

/** One field's problem: its dotted path (as the API reports it) and the words to show beside it. */
export interface FieldProblem {
  path: string;
  message: string;
}

// A PO box cannot be the billing provider's address: it goes in the pay-to address (x12.md §3, 2010AA N3).
const PO_BOX = /^\s*(p\.?\s*o\.?\s*box|post\s+office\s+box|box\s+\d)/i;

function text(out: FieldProblem[], path: string, value: string | undefined, label: string, max: number): void {
  const v = (value ?? '').trim();
  if (v.length === 0) out.push({ path, message: `Enter the ${label}.` });
  else if (v.length > max) out.push({ path, message: `The ${label} fits in ${max} characters on a claim.` });
}

function address(out: FieldProblem[], path: string, a: AddressDraft, billing: boolean): void {
  text(out, `${path}.line1`, a.line1, 'street address', 55);
  if (billing && PO_BOX.test(a.line1))
    out.push({
      path: `${path}.line1`,
      message: 'The billing provider needs a street address; put a PO box in the pay-to address instead.',
    });
  if ((a.line2 ?? '').length > 55)
    out.push({ path: `${path}.line2`, message: 'The second address line fits in 55 characters.' });
  text(out, `${path}.city`, a.city, 'city', 30);
  if (!US_STATES.has(a.state.trim().toUpperCase()))
    out.push({ path: `${path}.state`, message: 'Use the two-letter state code, e.g. NY.' });
  const zip = zipProblem(a.zip, billing);
  if (zip) out.push({ path: `${path}.zip`, message: zip });
}

function check(out: FieldProblem[], path: string, problem: string | null): void {
  if (problem) out.push({ path, message: problem });
}

/**
 * Every problem with the clinic's billing settings, field by field, in plain words: the same list the Billing
 * settings screen shows as the biller types and the server refuses a save with (x12.md §3: 2010AA, 2010AB, 1000A/B).
 * @param d - the settings as typed
 * @returns an empty list when a claim can be built from them
 * @example
 * billingSettingsProblems(draft).find((p) => p.path === 'billingProvider.npi')?.message
 */
export function billingSettingsProblems(d: BillingSettingsDraft): FieldProblem[] {
  const out: FieldProblem[] = [];
  const b = d.billingProvider;
  text(out, 'billingProvider.name', b.name, 'billing provider’s name', 60);
  check(out, 'billingProvider.npi', npiProblem(b.npi));
  check(out, 'billingProvider.taxId', einProblem(b.taxId));
  address(out, 'billingProvider.address', b.address, true);
  check(out, 'billingProvider.taxonomy', taxonomyProblem(b.taxonomy ?? ''));
  if (d.payTo) address(out, 'payTo', d.payTo, false);
  text(out, 'submitter.name', d.submitter.name, 'submitter name', 60);
  check(out, 'submitter.id', partyIdProblem(d.submitter.id, 'submitter'));
  const phone = (d.submitter.phone ?? '').replace(/\D/g, '');
  if (phone.length > 0 && phone.length !== 10)
    out.push({ path: 'submitter.phone', message: 'A phone number is ten digits, e.g. 555-555-0100.' });
  text(out, 'receiver.name', d.receiver.name, 'receiver name', 60);
  check(out, 'receiver.id', partyIdProblem(d.receiver.id, 'receiver'));
  if (d.placeOfService !== undefined) check(out, 'placeOfService', placeOfServiceProblem(d.placeOfService));
  // CLM01 = prefix + 6 digits and payers echo at most 20 characters (x12.md §4 CLP01).
  if (d.claimIdPrefix !== undefined && !/^[A-Z0-9]{1,8}$/.test(d.claimIdPrefix))
    out.push({ path: 'claimIdPrefix', message: 'Claim numbers start with 1 to 8 capital letters or digits, e.g. UW.' });
  return out;
}
