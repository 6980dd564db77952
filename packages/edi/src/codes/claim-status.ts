/** CLP02 claim status codes, in our words (TR3 005010X221A1 2100 CLP02; x12.md §4). */
export const CLAIM_STATUS_TEXT: Readonly<Record<string, string>> = {
  '1': 'Processed as primary',
  '2': 'Processed as secondary',
  '3': 'Processed as tertiary',
  '4': 'Denied',
  '19': 'Processed as primary and forwarded to another payer',
  '20': 'Processed as secondary and forwarded to another payer',
  '21': 'Processed as tertiary and forwarded to another payer',
  '22': 'Reversal of a previous payment',
  '23': 'Not our claim: forwarded to another payer',
  '25': 'Predetermination only: no payment',
};

/**
 * Plain words for a CLP02 status.
 * @param code - CLP02
 */
export function explainClaimStatus(code: string): string {
  return CLAIM_STATUS_TEXT[code] ?? `Status ${code} (unknown)`;
}

/** PLB03-1 provider adjustment reasons we see most, in our words (TR3 005010X221A1 PLB03-1; x12.md §4). */
export const PLB_REASON_TEXT: Readonly<Record<string, string>> = {
  WO: 'Overpayment recovery: money taken back for an earlier overpayment.',
  FB: 'Forwarding balance: an amount carried to or from another remittance.',
  L6: 'Interest owed to the provider.',
  '72': 'Authorized return: money the provider returned.',
  CS: 'Adjustment (see the reference for why).',
  CV: 'Capital pass-through payment.',
  CW: 'Certified registered nurse anesthetist pass-through.',
  J1: 'Non-reimbursable item.',
  L3: 'Penalty.',
  LE: 'Levy (money owed to a third party such as the IRS).',
  WU: 'Unspecified recovery.',
};

/**
 * Plain words for a PLB reason code.
 * @param code - PLB03-1
 */
export function explainPlb(code: string): string {
  return PLB_REASON_TEXT[code] ?? `Provider adjustment ${code} (not in our table)`;
}
