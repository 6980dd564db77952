/**
 * Places of service an outpatient therapy claim uses (CLM05-1), from the CMS Place of Service Code Set
 * (cms.gov/medicare/coding-billing/place-of-service-codes, 2026); 11 is the default of an office practice.
 */
export const PLACES_OF_SERVICE: readonly { code: string; name: string }[] = [
  { code: '11', name: 'Office' },
  { code: '12', name: 'Home' },
  { code: '13', name: 'Assisted living facility' },
  { code: '19', name: 'Off-campus outpatient hospital' },
  { code: '22', name: 'On-campus outpatient hospital' },
  { code: '31', name: 'Skilled nursing facility' },
  { code: '32', name: 'Nursing facility' },
  { code: '49', name: 'Independent clinic' },
  { code: '02', name: 'Telehealth, not in the patient’s home' },
  { code: '10', name: 'Telehealth in the patient’s home' },
];

/**
 * A plain-language problem with a place-of-service code, or null when it is one of ours.
 * @param value - the two-digit code
 */
export function placeOfServiceProblem(value: string): string | null {
  return PLACES_OF_SERVICE.some((p) => p.code === value.trim())
    ? null
    : 'Choose where the visits take place (office, home, outpatient hospital, telehealth, …).';
}
