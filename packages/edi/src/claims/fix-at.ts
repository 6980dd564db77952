import type { Claim } from '../x837/types.ts';

/**
 * Where in the web app a biller fixes what holds a claim back, named as its screens, sections and fields are
 * labelled (Billing settings, Patients, Administration), so a message can say exactly where to go.
 */
export const FIX_AT = {
  billingNpi: 'Billing settings → Billing provider → NPI',
  billingTaxId: 'Billing settings → Billing provider → Tax id (EIN)',
  billingZip: 'Billing settings → Billing provider → ZIP+4',
  settings: 'Billing settings',
  claimPrefix: 'Billing settings → Claims → Claim numbers start with',
  period: 'Billing settings → Claims → One claim per',
  payerIds: 'Billing settings → Payers',
  charges: 'Billing settings → Charges',
  providers: 'Administration → Providers',
  payers: 'Administration → Payers and policies',
  patient: (name: string): string => `Patients → ${name}`,
  coverage: (name: string): string => `Patients → ${name} → Coverage`,
  plan: (name: string): string => `Patients → ${name} → Plans of care`,
  visit: (name: string, date: string): string => `Patients → ${name} → the visit of ${date}`,
} as const;

/**
 * The patient's name as a biller reads it ("Ada Archer"): the patient when not the insured, else the insured.
 * @param claim - the claim
 */
export function patientName(claim: Claim): string {
  const p = claim.patient ?? claim.subscriber;
  return `${p.firstName} ${p.lastName}`.trim() || 'The patient';
}

/**
 * The claim as a biller finds it in the list: patient and dates of service.
 * @param claim - the claim
 */
export function claimLabel(claim: Claim): string {
  const dates = [...new Set(claim.lines.map((l) => l.dateOfService))].sort();
  const name = patientName(claim);
  if (dates.length === 0) return name;
  return dates.length === 1 ? `${name}, ${dates[0]}` : `${name}, ${dates[0]} to ${dates[dates.length - 1]}`;
}

/**
 * One service of the claim: patient, date of service and code.
 * @param claim - the claim
 * @param date - the date of service (or several, joined)
 * @param code - the code, when the problem is about one
 */
export function serviceLabel(claim: Claim, date: string, code?: string): string {
  return `${patientName(claim)}, ${date}${code ? `, ${code}` : ''}`;
}
