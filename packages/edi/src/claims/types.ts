import type { Finding, Visit } from '@unitwise/rules';
import type { Problem } from '../problem.ts';
import type { Address, BillingProvider, Claim, ReferringProvider, RenderingProvider } from '../x837/types.ts';
import type { ClaimStatus } from './status.ts';

/** A patient's coverage: who the insured is and the member id. */
export interface Coverage {
  memberId: string;
  /** SBR09 claim filing indicator: MB Medicare Part B, MC Medicaid, CI commercial, HM HMO, BL Blue Cross. */
  filingIndicator: string;
  /** Individual relationship of the patient to the subscriber: 18 self (default), 01 spouse, 19 child, G8 other. */
  relationship?: string;
  /** The insured when the patient is not the subscriber. */
  subscriber?: { lastName: string; firstName: string; birthDate?: string; sex?: 'F' | 'M' | 'U'; address?: Address };
  groupNumber?: string;
  payerResponsibility?: 'P' | 'S' | 'T';
  priorAuthorization?: string;
}

/** The patient's identity for the claim (kept out of logs). */
export interface ClaimPatient {
  id: string;
  lastName: string;
  firstName: string;
  birthDate?: string;
  sex?: 'F' | 'M' | 'U';
  address?: Address;
  coverage: Coverage;
}

/** The payer a claim goes to. */
export interface ClaimPayer {
  /** Payer id in NM1*PR (PI qualifier). */
  id: string;
  name: string;
  /** The rules-engine policy id (`medicare`, `medicaid`, `commercial` or a custom one). */
  policyId: string;
}

/** A signed visit with what a claim needs around it. */
export interface SignedVisit {
  visit: Visit;
  patient: ClaimPatient;
  payer: ClaimPayer;
  /** Who furnished the visit; absent or equal to the billing NPI: no 2310B. */
  rendering?: RenderingProvider;
  /** Who referred the patient and certifies the plan (2310A); absent: none is sent. */
  referring?: ReferringProvider;
  /** ICD-10-CM codes from the plan of care, principal first. */
  diagnoses: string[];
  /** Place of service (default 11, office). */
  placeOfService?: string;
  /** Units per service index, as the engine computed them; absent: `service.units`, else the engine now. */
  units?: number[];
  /** Add KX: the year's therapy spend passed the threshold and care stays medically necessary. */
  kx?: boolean;
  /** The rule engine's findings on this visit; error-severity ones hold the claim back. */
  findings?: Finding[];
}

/** A built claim, ready for scrubbing and export. */
export interface BuiltClaim {
  claim: Claim;
  status: ClaimStatus;
  patientId: string;
  payerPolicyId: string;
  visitIds: string[];
  /** Per line, the amount the payer is expected to pay (from the rules engine's pricing), for variance checks. */
  expectedCents: (number | null)[];
  /** Findings of the visits, with the visit id, its date and the service's code. */
  findings: { visitId: string; date?: string; code?: string; finding: Finding }[];
  /** Problems found while building (no charge for a code, more than four modifiers). */
  problems: Problem[];
}

/** How to group and number claims. */
export interface BuildClaimsInput {
  visits: SignedVisit[];
  billingProvider: BillingProvider;
  /** The clinic's charge per unit, by code, in cents (its usual fee, not the payer's allowed amount). */
  chargeMaster: Readonly<Record<string, number>>;
  /** One claim per patient + payer + rendering provider and: each visit date, each calendar month, or all dates. */
  period: 'visit' | 'month' | 'all';
  /** CLM01 = prefix + sequence (zero-padded to 6); keep prefix + 6 digits within 20 characters. */
  claimIdPrefix: string;
  firstSequence: number;
}
