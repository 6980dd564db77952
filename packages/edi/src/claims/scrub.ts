import type { Finding } from '@unitwise/rules';
import { dollars, einProblem, lookupCode, npiProblem, zipProblem } from '@unitwise/rules';
import type { Problem } from '../problem.ts';
import { isIcd10CmFormat, normalizeIcd10 } from '../validate/icd10.ts';
import type { BillingProvider, Claim, ClaimLine } from '../x837/types.ts';
import { claimLabel, FIX_AT, patientName, serviceLabel } from './fix-at.ts';

/** The outcome of scrubbing: errors hold the claim back; warnings do not. */
export interface ScrubResult {
  ok: boolean;
  errors: Problem[];
  warnings: Problem[];
}

/** A rule-engine finding on one of the claim's visits, with the visit's date and the service's code when known. */
export interface VisitFinding {
  visitId: string;
  date?: string;
  code?: string;
  finding: Finding;
}

/** How to scrub. */
export interface ScrubOptions {
  /** The clinic never saved its billing settings: one message says so instead of one per empty field. */
  settingsUnset?: boolean;
}

// TR3 005010X222A1: at most 50 lines per claim (2400 LX repeat), 12 diagnoses (HI), 4 pointers and 4 modifiers.
const MAX_LINES = 50;
const MAX_DIAGNOSES = 12;

/** The settings problems: the billing provider's NPI, tax id and ZIP+4, each with the field that fixes it. */
function billingProblems(billing: BillingProvider, opts: ScrubOptions): string[] {
  if (opts.settingsUnset)
    return [
      `The billing settings are not filled in: enter the billing provider, submitter and receiver in ${FIX_AT.settings}, then rebuild the claims.`,
    ];
  const out: string[] = [];
  const npi = npiProblem(billing.npi);
  if (npi) out.push(`Billing provider NPI "${billing.npi}": ${npi} Fix it in ${FIX_AT.billingNpi}.`);
  const ein = einProblem(billing.taxId);
  if (ein) out.push(`Billing provider tax id "${billing.taxId}": ${ein} Fix it in ${FIX_AT.billingTaxId}.`);
  const zip = zipProblem(billing.address.zip, true);
  if (zip) out.push(`${zip} Fix it in ${FIX_AT.billingZip}.`);
  return out;
}

/** Lines without a charge, one message per code naming its dates. */
function missingCharges(claim: Claim): Problem[] {
  const byCode = new Map<string, string[]>();
  for (const l of claim.lines)
    if (l.chargeCents <= 0) byCode.set(l.code, [...(byCode.get(l.code) ?? []), l.dateOfService]);
  return [...byCode].map(([code, dates]) => {
    const name = lookupCode(code)?.name;
    return {
      where: serviceLabel(claim, [...new Set(dates)].join(', '), code),
      message: `No charge is set for ${code}${name ? ` (${name})` : ''}: enter your charge per unit in ${FIX_AT.charges}, then rebuild the claim.`,
    };
  });
}

/** What is wrong with one line, in words for the biller (the charge is checked per code by missingCharges). */
function lineProblems(claim: Claim, l: ClaimLine): string[] {
  const out: string[] = [];
  const name = patientName(claim);
  const note = `ask the therapist to correct the note (${FIX_AT.visit(name, l.dateOfService)})`;
  if (!(l.units > 0))
    out.push(`${l.code} has no units: check its minutes in the note (${FIX_AT.visit(name, l.dateOfService)}).`);
  if (l.modifiers.length > 4)
    out.push(`${l.code} carries ${l.modifiers.length} modifiers; a line takes four: ${note}.`);
  for (const m of l.modifiers)
    if (!/^[0-9A-Z]{2}$/.test(m)) out.push(`Modifier "${m}" on ${l.code} is not a two-character modifier: ${note}.`);
  const badPointer = l.diagnosisPointers.some((p) => !Number.isInteger(p) || p < 1 || p > claim.diagnoses.length);
  if (claim.diagnoses.length > 0 && (l.diagnosisPointers.length === 0 || l.diagnosisPointers.length > 4 || badPointer))
    out.push(`The line for ${l.code} does not point to one to four of the claim’s diagnoses: rebuild the claim.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(l.dateOfService))
    out.push(`The date of service "${l.dateOfService}" is not a date: rebuild the claim.`);
  if (!l.controlNumber)
    out.push(`The line for ${l.code} has no line number, which payments are matched on: rebuild the claim.`);
  return out;
}

/**
 * Checks a claim before export, in a biller's words: each problem names the patient, the date of service and the
 * code (`where`) and says what to fix and where in the app (`message`); no record ids. Checks NPI check digits,
 * tax id, ZIP+4, ICD-10-CM format, subscriber and payer data, charges, at most 50 lines, line data, the total
 * equal to the sum of its lines, REF*F8 on replacements and voids, plus the rule-engine findings on its visits
 * (error severity holds the claim back). Pure.
 * @param claim - the claim
 * @param billing - the billing provider
 * @param findings - the visits' findings, with visit ids, dates and codes
 * @param buildProblems - problems found while building it
 * @param opts - whether the clinic's billing settings were never saved
 * @example
 * const { ok, errors } = scrubClaim(built.claim, billingProvider, built.findings, built.problems);
 */
export function scrubClaim(
  claim: Claim,
  billing: BillingProvider,
  findings: readonly VisitFinding[] = [],
  buildProblems: readonly Problem[] = [],
  opts: ScrubOptions = {},
): ScrubResult {
  const errors: Problem[] = [...buildProblems];
  const warnings: Problem[] = [];
  const here = claimLabel(claim);
  const name = patientName(claim);
  const err = (message: string, where = here) => errors.push({ where, message });

  for (const m of billingProblems(billing, opts)) err(m);
  const r = claim.rendering;
  if (r) {
    const npi = npiProblem(r.npi);
    const who = [r.firstName, r.lastName].filter(Boolean).join(' ');
    if (npi)
      err(
        `The treating provider’s NPI (${who}, "${r.npi}"): ${npi} Ask the clinic owner to correct it in ${FIX_AT.providers}.`,
      );
  }
  if (r && (!r.lastName.trim() || r.lastName.includes(',')))
    err(
      `The treating provider’s name "${r.lastName}" must be a last name without the credential (837P NM1*82): correct it in ${FIX_AT.providers}.`,
    );
  const ref = claim.referring;
  if (ref) {
    const npi = npiProblem(ref.npi);
    if (npi)
      err(
        `The referring provider’s NPI ("${ref.npi}"): ${npi} Correct it in ${FIX_AT.patient(name)} → Referring provider.`,
      );
  }
  if (claim.claimId.length === 0 || claim.claimId.length > 20)
    err(
      `The claim number "${claim.claimId}" is too long for payers (20 characters at most): shorten ${FIX_AT.claimPrefix}.`,
    );

  const sub = claim.subscriber;
  if (!sub.memberId.trim())
    err(`The member id is missing: copy it from the insurance card into ${FIX_AT.coverage(name)}.`);
  if (!sub.lastName.trim()) err(`The insured’s last name is missing: add it in ${FIX_AT.patient(name)}.`);
  if (!sub.filingIndicator.trim())
    err(
      `The kind of claim for ${claim.payer.name || 'the payer'} (Medicare, Medicaid or commercial) is unknown: check the payer in ${FIX_AT.payers}.`,
    );
  if (!claim.patient && !sub.birthDate) err(`${name}’s birth date is missing: add it in ${FIX_AT.patient(name)}.`);
  // TR3 005010X222A1 2010BA N3/N4 and 2010CA N3/N4: required for whoever is the patient.
  if ((!claim.patient && !sub.address) || (claim.patient && !claim.patient.address))
    err(`${name}’s street address, city, state and ZIP are missing: add them in ${FIX_AT.patient(name)}.`);
  // Therapy is furnished under a plan certified by a physician/NPP (Pub. 100-02 Ch. 15 §220.1.3), who goes in 2310A.
  if (sub.filingIndicator === 'MB' && !claim.referring)
    warnings.push({
      where: here,
      message: `No referring provider: Medicare contractors expect the physician or NPP who certifies the plan; add them in ${FIX_AT.patient(name)} → Referring provider.`,
    });
  if (!claim.payer.id.trim())
    err(
      `${claim.payer.name || 'The payer'} has no payer id: enter the id your clearinghouse lists for it in ${FIX_AT.payerIds}, then rebuild the claim.`,
    );
  if (!claim.payer.name.trim()) err(`The payer has no name: name it in ${FIX_AT.payers}.`);

  if (claim.diagnoses.length === 0)
    err(
      `No diagnosis: add the ICD-10-CM diagnosis to ${name}’s plan of care (${FIX_AT.plan(name)}), then rebuild the claim.`,
    );
  if (claim.diagnoses.length > MAX_DIAGNOSES)
    err(
      `The visits carry ${claim.diagnoses.length} diagnoses and a claim takes ${MAX_DIAGNOSES}: bill each visit date on its own claim (${FIX_AT.period}).`,
    );
  for (const dx of claim.diagnoses)
    if (!isIcd10CmFormat(normalizeIcd10(dx)))
      err(
        `"${dx}" is not an ICD-10-CM code (a letter, a digit, then up to five letters or digits, e.g. M17.11): correct the diagnosis in ${name}’s plan of care (${FIX_AT.plan(name)}), then rebuild the claim.`,
      );

  if (claim.lines.length === 0)
    err(
      `The claim has no billable lines (no units on its visits): check the visits’ minutes in ${FIX_AT.patient(name)}.`,
    );
  if (claim.lines.length > MAX_LINES)
    err(
      `The claim has ${claim.lines.length} lines and a claim takes at most ${MAX_LINES}: split it by billing each visit date on its own claim (${FIX_AT.period}).`,
    );
  errors.push(...missingCharges(claim));
  let sum = 0;
  for (const l of claim.lines) {
    sum += l.chargeCents;
    for (const m of lineProblems(claim, l)) err(m, serviceLabel(claim, l.dateOfService, l.code));
  }
  if (claim.chargeCents !== undefined && claim.chargeCents !== sum)
    err(
      `The claim total (${dollars(claim.chargeCents)}) does not equal the sum of its lines (${dollars(sum)}): rebuild the claim.`,
    );
  if ((claim.frequency === '7' || claim.frequency === '8') && !claim.payerClaimNumber)
    err(
      'A corrected or voided claim needs the payer’s claim number from its remittance (835): post the payer’s 835 for the original claim first.',
    );

  for (const f of findings) {
    const date = f.date ?? here;
    const where = f.date ? serviceLabel(claim, f.date, f.code) : here;
    const p = {
      where,
      message: `${f.finding.message} The note needs the therapist’s correction (${FIX_AT.visit(name, date)}).`,
    };
    if (f.finding.severity === 'error') errors.push(p);
    else if (f.finding.severity === 'warning') warnings.push({ where, message: f.finding.message });
  }
  return { ok: errors.length === 0, errors, warnings };
}
