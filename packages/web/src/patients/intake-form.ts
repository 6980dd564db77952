import { npiProblem, zipProblem } from '@unitwise/rules';
import type { Patient } from '../api/types.ts';

/** The claim-related intake fields as the form holds them: flat strings, as typed. */
export interface ClaimDetailsForm {
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  diagnoses: string[];
  refFirstName: string;
  refLastName: string;
  refNpi: string;
}

/** An empty form. */
export const EMPTY_CLAIM_DETAILS: ClaimDetailsForm = {
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
  phone: '',
  diagnoses: [],
  refFirstName: '',
  refLastName: '',
  refNpi: '',
};

/**
 * The form filled from a stored patient, for the chart's edit.
 * @param p - the patient
 */
export function claimDetailsOf(p: Patient): ClaimDetailsForm {
  const a = p.address;
  const r = p.referringProvider;
  return {
    line1: a?.line1 ?? '',
    line2: a?.line2 ?? '',
    city: a?.city ?? '',
    state: a?.state ?? '',
    postalCode: a?.postalCode ?? '',
    phone: p.phone ?? '',
    diagnoses: p.diagnoses ?? [],
    refFirstName: r?.firstName ?? '',
    refLastName: r?.lastName ?? '',
    refNpi: r?.npi ?? '',
  };
}

const blank = (...v: string[]): boolean => v.every((x) => x.trim() === '');

/**
 * The API body for the form: an address or referring provider left wholly blank is sent as null (none), a partly
 * filled one as typed, so the server names the missing field.
 * @param f - the form
 */
export function claimDetailsBody(f: ClaimDetailsForm): Record<string, unknown> {
  return {
    address: blank(f.line1, f.line2, f.city, f.state, f.postalCode)
      ? null
      : {
          line1: f.line1.trim(),
          ...(f.line2.trim() ? { line2: f.line2.trim() } : {}),
          city: f.city.trim(),
          state: f.state.trim().toUpperCase(),
          postalCode: f.postalCode.trim(),
        },
    phone: f.phone.trim() || null,
    diagnoses: f.diagnoses,
    referringProvider: blank(f.refFirstName, f.refLastName, f.refNpi)
      ? null
      : { firstName: f.refFirstName.trim(), lastName: f.refLastName.trim(), npi: f.refNpi.trim() },
  };
}

/**
 * Problems found as the person types (the same checks the server runs), by the server's field path.
 * @param f - the form
 */
export function claimDetailsProblems(f: ClaimDetailsForm): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.postalCode.trim()) {
    const p = zipProblem(f.postalCode);
    if (p) out['address.postalCode'] = p;
  }
  if (f.state.trim() && !/^[A-Za-z]{2}$/.test(f.state.trim()))
    out['address.state'] = 'Use the two-letter state code, such as OH.';
  if (f.refNpi.trim()) {
    const p = npiProblem(f.refNpi);
    if (p) out['referringProvider.npi'] = p;
  }
  if (f.phone.trim() && f.phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '').length !== 10)
    out.phone = 'A phone number has ten digits, such as 937-555-0142.';
  return out;
}
