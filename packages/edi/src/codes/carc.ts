/**
 * Claim adjustment reason codes (CARC, CAS02/05/…) explained in our own plain words for billers. The
 * authoritative list is x12.org's CARC page (updated three times a year); codes missing here are shown as
 * unknown, never rejected (x12.md §4 "CARCs to model first").
 */
export const CARC_TEXT: Readonly<Record<string, string>> = {
  '1': 'Deductible: the patient has not met the deductible yet, so they owe this amount.',
  '2': 'Coinsurance: the patient’s percentage share of the allowed amount.',
  '3': 'Copay: the patient’s fixed amount for the visit.',
  '4': 'The procedure code does not fit the modifier sent, or a required modifier is missing.',
  '5': 'The procedure code or bill type does not fit the place of service.',
  '6': 'The procedure or revenue code does not fit the patient’s age.',
  '11': 'The diagnosis does not fit the procedure billed.',
  '13': 'The date of death comes before the date of service.',
  '16': 'The claim lacks information or has billing errors; the remark codes say what to fix, then resubmit.',
  '18': 'Exact duplicate of a claim or line already received.',
  '22': 'Another payer may be primary (coordination of benefits): bill the other coverage first.',
  '23': 'Adjusted for what a prior payer already paid or allowed.',
  '24': 'Covered under a capitation or managed-care plan, not paid per service.',
  '26': 'The service came before coverage started.',
  '27': 'The service came after coverage ended.',
  '29': 'Timely filing: the claim arrived after the payer’s deadline.',
  '31': 'The payer cannot identify the patient as its member.',
  '39': 'Services were denied at the time authorization was requested.',
  '42': 'Charges exceed the maximum fee (an older code the payer may still send).',
  '45': 'The charge is above the fee schedule or contracted rate; the difference is written off.',
  '50': 'The payer deems these services not medically necessary.',
  '55': 'The payer deems the procedure or treatment experimental or investigational.',
  '59': 'Processed under the rules for multiple or concurrent procedures.',
  '96': 'Non-covered charge: the plan does not cover this; a remark code says why.',
  '97': 'Bundled: the payment for this is included in another service already paid.',
  '104': 'Managed care withholding.',
  '109': 'Not covered by this payer or contractor: send the claim to the right one.',
  '119': 'The benefit maximum for this period (visits or dollars) has been reached.',
  '129': 'Prior processing information is wrong; see the remark codes.',
  '141': 'Claim spans eligible and ineligible periods of coverage.',
  '146': 'The diagnosis was invalid for the date of service.',
  '150': 'The information given does not support this level of service.',
  '151': 'The information given does not support this many units or this frequency of services.',
  '167': 'This diagnosis is not covered.',
  '170': 'Payment denied when this type of provider performs the service.',
  '181': 'The procedure code was invalid on the date of service.',
  '182': 'A procedure modifier was invalid on the date of service.',
  '185': 'The rendering provider is not eligible to perform the service billed.',
  '189': 'A “not otherwise classified” or unlisted code was used where a specific code exists.',
  '197': 'Precertification, authorization or notification was missing.',
  '198': 'Precertification, notification or authorization was exceeded (more visits or units than approved).',
  '204': 'This service is not covered under the patient’s current benefit plan.',
  '226': 'Information the payer asked for was not sent or was not enough.',
  '227': 'Information the payer asked for from the patient or insured was not sent or was not enough.',
  '234': 'This procedure is not paid separately.',
  '236':
    'NCCI: this code, or code and modifier, is not allowed with another code billed the same day; fix the 59/X modifier or the coding.',
  '242': 'The services were not provided by network or primary care providers.',
  '243': 'The services were not authorized by network or primary care providers.',
  '251': 'The attachment or other documentation was missing or not enough to process the claim.',
  '252': 'An attachment or other documentation is required to adjudicate this claim.',
  '253': 'Sequestration: the mandated federal reduction of the Medicare payment (about 2%).',
  '273': 'Coverage or program guidelines were exceeded.',
  A1: 'Claim or service denied; the remark codes give the reason.',
  A2: 'Contractual adjustment (an older code; treated like a CO write-down).',
  A7: 'Presumptive payment adjustment.',
  B7: 'This provider was not certified or eligible to be paid for this service on this date.',
  B9: 'The patient is enrolled in a hospice.',
  B11: 'The claim was sent to the right payer or contractor for processing.',
  B15: 'This service needs another qualifying service that was not paid for or identified.',
  B16: '“New patient” requirements were not met.',
};

/**
 * Plain words for a CARC, or a note that it is not in our table (the code is kept as sent).
 * @param code - the reason code
 */
export function explainCarc(code: string): string {
  return CARC_TEXT[code] ?? `Reason code ${code} is not in our table; look it up on x12.org's CARC list.`;
}
