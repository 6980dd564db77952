import type { Finding } from '@unitwise/rules';
import { isValidNpi } from '@unitwise/rules';
import type { Problem } from '../problem.ts';
import { isIcd10CmFormat, normalizeIcd10 } from '../validate/icd10.ts';
import type { BillingProvider, Claim } from '../x837/types.ts';

/** The outcome of scrubbing: errors hold the claim back; warnings do not. */
export interface ScrubResult {
  ok: boolean;
  errors: Problem[];
  warnings: Problem[];
}

// TR3 005010X222A1: at most 50 lines per claim (2400 LX repeat), 12 diagnoses (HI), 4 pointers and 4 modifiers.
const MAX_LINES = 50;
const MAX_DIAGNOSES = 12;

/**
 * Checks a claim before export: NPI check digits, ICD-10-CM format, subscriber and payer data, the charge equal
 * to the sum of its lines, at most 50 lines, line data, REF*F8 on replacements and voids, plus the rule-engine
 * findings on its visits (error severity holds the claim back). Pure.
 * @param claim - the claim
 * @param billing - the billing provider
 * @param findings - the visits' findings, with visit ids
 * @param buildProblems - problems found while building it
 * @example
 * const { ok, errors } = scrubClaim(built.claim, billingProvider, built.findings, built.problems);
 */
export function scrubClaim(
  claim: Claim,
  billing: BillingProvider,
  findings: readonly { visitId: string; finding: Finding }[] = [],
  buildProblems: readonly Problem[] = [],
): ScrubResult {
  const errors: Problem[] = [...buildProblems];
  const warnings: Problem[] = [];
  const at = (field: string) => `claim ${claim.claimId} ${field}`;
  const err = (field: string, message: string) => errors.push({ where: at(field), message });

  if (!isValidNpi(billing.npi))
    err('billing provider NPI', `NPI ${billing.npi} fails the check digit; check it on the NPPES registry.`);
  if (!/^\d{9}$/.test(billing.taxId.replace('-', '')))
    err('billing provider tax id', 'The tax id (EIN) must be 9 digits.');
  if (!/^\d{9}$/.test(billing.address.zip.replace('-', '')))
    err('billing provider ZIP', 'The billing provider ZIP must have 9 digits (ZIP+4) in an 837P.');
  if (claim.rendering && !isValidNpi(claim.rendering.npi))
    err('rendering provider NPI', `NPI ${claim.rendering.npi} fails the check digit.`);
  if (claim.rendering && (!claim.rendering.lastName.trim() || claim.rendering.lastName.includes(',')))
    err('rendering provider name', 'The rendering provider needs a last name without the credential (NM1*82).');
  if (claim.referring && !isValidNpi(claim.referring.npi))
    err('referring provider NPI', `The referring provider's NPI ${claim.referring.npi} fails the check digit.`);
  if (claim.claimId.length === 0 || claim.claimId.length > 20)
    err('id', 'The claim id must have 1 to 20 characters (payers echo 20 in the 835).');

  const sub = claim.subscriber;
  if (!sub.memberId.trim()) err('subscriber member id', 'The member id from the insurance card is missing.');
  if (!sub.lastName.trim()) err('subscriber name', 'The subscriber last name is missing.');
  if (!sub.filingIndicator.trim())
    err('claim filing indicator', 'The claim filing indicator (MB, MC, CI, …) is missing.');
  if (!claim.patient && !sub.birthDate)
    err('subscriber birth date', 'The birth date is required when the patient is the subscriber.');
  // TR3 005010X222A1 2010BA N3/N4 and 2010CA N3/N4: required for whoever is the patient.
  if (!claim.patient && !sub.address)
    err('subscriber address', 'The patient’s street address, city, state and ZIP are missing: add them on the chart.');
  if (claim.patient && !claim.patient.address)
    err('patient address', 'The patient’s street address, city, state and ZIP are missing: add them on the chart.');
  // Therapy is furnished under a plan certified by a physician/NPP (Pub. 100-02 Ch. 15 §220.1.3), who goes in 2310A.
  if (sub.filingIndicator === 'MB' && !claim.referring)
    warnings.push({
      where: at('referring provider'),
      message:
        'No referring provider: Medicare contractors expect the physician or NPP who certifies the plan; add them on the chart.',
    });
  if (!claim.payer.id.trim()) err('payer id', 'The payer id is missing.');
  if (!claim.payer.name.trim()) err('payer name', 'The payer name is missing.');

  if (claim.diagnoses.length === 0) err('diagnoses', 'A claim needs at least one ICD-10-CM diagnosis.');
  if (claim.diagnoses.length > MAX_DIAGNOSES) err('diagnoses', `At most ${MAX_DIAGNOSES} diagnoses fit on a claim.`);
  for (const dx of claim.diagnoses)
    if (!isIcd10CmFormat(normalizeIcd10(dx)))
      err('diagnoses', `"${dx}" is not an ICD-10-CM code (a letter, a digit, then 1–5 letters or digits).`);

  if (claim.lines.length === 0) err('lines', 'The claim has no service lines.');
  if (claim.lines.length > MAX_LINES)
    err('lines', `The claim has ${claim.lines.length} lines; an 837P claim takes at most ${MAX_LINES}: split it.`);
  let sum = 0;
  claim.lines.forEach((l, i) => {
    const where = `line ${i + 1} (${l.code})`;
    sum += l.chargeCents;
    if (!Number.isInteger(l.chargeCents) || l.chargeCents <= 0) err(where, 'The charge must be a positive amount.');
    if (!(l.units > 0)) err(where, 'The units must be above zero.');
    if (l.modifiers.length > 4) err(where, 'At most four modifiers fit on a line.');
    for (const m of l.modifiers)
      if (!/^[0-9A-Z]{2}$/.test(m)) err(where, `Modifier "${m}" must be two letters or digits.`);
    if (l.diagnosisPointers.length === 0 || l.diagnosisPointers.length > 4)
      err(where, 'A line needs one to four diagnosis pointers.');
    for (const p of l.diagnosisPointers)
      if (!Number.isInteger(p) || p < 1 || p > claim.diagnoses.length)
        err(where, `Diagnosis pointer ${p} points to no diagnosis.`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(l.dateOfService))
      err(where, `Date of service "${l.dateOfService}" is not YYYY-MM-DD.`);
    if (!l.controlNumber) err(where, 'The line control number (REF*6R) is missing; posting matches on it.');
  });
  if (claim.chargeCents !== undefined && claim.chargeCents !== sum)
    err('charge', `The claim charge (${claim.chargeCents} cents) does not equal the sum of its lines (${sum} cents).`);
  if ((claim.frequency === '7' || claim.frequency === '8') && !claim.payerClaimNumber)
    err('payer claim number', 'A corrected (7) or voided (8) claim needs the payer claim number from the 835 (CLP07).');

  for (const { visitId, finding } of findings) {
    const where = `visit ${visitId}${finding.service !== undefined ? ` service ${finding.service}` : ''}`;
    const p = { where, message: `${finding.rule}: ${finding.message}` };
    if (finding.severity === 'error') errors.push(p);
    else if (finding.severity === 'warning') warnings.push(p);
  }
  return { ok: errors.length === 0, errors, warnings };
}
