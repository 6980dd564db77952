/** A postal address. Billing provider ZIPs must have 9 digits (TR3 2010AA N403). */
export interface Address {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
}

/** The clinic that bills (2010AA). */
export interface BillingProvider {
  /** Organization name (or the provider's last name when `person`). */
  name: string;
  firstName?: string;
  /** True when the billing provider is a person (NM102 = 1). */
  person?: boolean;
  npi: string;
  /** Employer identification number, 9 digits without the hyphen (REF*EI). */
  taxId: string;
  address: Address;
  /** Health care provider taxonomy (PRV*BI*PXC), e.g. 225100000X physical therapist. */
  taxonomy?: string;
  /** Where payments go when not the street address above, e.g. a PO box (2010AB NM1*87, N3, N4). */
  payToAddress?: Address;
}

/** Who sends the file (1000A) and who receives it (1000B). */
export interface Party {
  name: string;
  /** ISA06/GS02 (submitter) or ISA08/GS03 (receiver); NM109 with qualifier 46. */
  id: string;
  contactName?: string;
  phone?: string;
}

/** The insured (2010BA). */
export interface Subscriber {
  memberId: string;
  lastName: string;
  firstName: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  sex?: 'F' | 'M' | 'U';
  address?: Address;
  groupNumber?: string;
  /** SBR09 claim filing indicator: MB Medicare Part B, MC Medicaid, CI commercial, BL, HM, 16, … */
  filingIndicator: string;
  /** SBR01: P primary, S secondary, T tertiary. */
  payerResponsibility?: 'P' | 'S' | 'T';
}

/** The patient when not the subscriber (2000C/2010CA). */
export interface DependentPatient {
  /** PAT01 individual relationship code: 01 spouse, 19 child, G8 other. */
  relationship: string;
  lastName: string;
  firstName: string;
  birthDate?: string;
  sex?: 'F' | 'M' | 'U';
  address?: Address;
}

/** The rendering provider (2310B), sent only when different from the billing provider. */
export interface RenderingProvider {
  npi: string;
  lastName: string;
  firstName?: string;
  taxonomy?: string;
}

/** The referring provider (2310A NM1*DN): for therapy, the physician or NPP who certifies the plan of care. */
export interface ReferringProvider {
  npi: string;
  lastName: string;
  firstName?: string;
}

/** One service line (2400). */
export interface ClaimLine {
  code: string;
  /** At most 4 two-character modifiers, in order. */
  modifiers: string[];
  chargeCents: number;
  units: number;
  /** 1-based pointers into the claim's diagnoses; 1 to 4 of them. */
  diagnosisPointers: number[];
  /** `YYYY-MM-DD`. */
  dateOfService: string;
  /** REF*6R line item control number, echoed in the 835's REF*6R. */
  controlNumber: string;
  /** SV105, only when it differs from the claim's place of service. */
  placeOfService?: string;
}

/** Claim frequency (CLM05-3): 1 original, 7 replacement, 8 void. */
export type ClaimFrequency = '1' | '7' | '8';

/** One claim (2300). */
export interface Claim {
  /** CLM01, our patient control number, echoed as the 835's CLP01 (at most 20 characters). */
  claimId: string;
  frequency: ClaimFrequency;
  /** REF*F8: the payer's claim control number (835 CLP07), required for 7 and 8. */
  payerClaimNumber?: string;
  /** CLM05-1 place of service: 11 office, 12 home, 22 outpatient hospital, 02/10 telehealth. */
  placeOfService: string;
  /** ICD-10-CM codes; the first is principal (ABK), the rest ABF; at most 12. Dots are removed when written. */
  diagnoses: string[];
  subscriber: Subscriber;
  patient?: DependentPatient;
  payer: { name: string; id: string };
  /** 2310A; Medicare requires it on outpatient therapy claims (the certifying physician/NPP). */
  referring?: ReferringProvider;
  rendering?: RenderingProvider;
  priorAuthorization?: string;
  /** Total charge as the biller expects it; the writer always sends ΣSV102 and the scrubber compares the two. */
  chargeCents?: number;
  lines: ClaimLine[];
}

/** Control numbers and the clock, passed in: the writer has no clock of its own. */
export interface Envelope {
  /** ISA13, 1..999999999. */
  interchangeControl: number;
  /** GS06. */
  groupControl: number;
  /** ST02 of the first transaction set (default 1). */
  firstTransactionControl?: number;
  /** ISO-8601 instant the file is created. */
  createdAt: string;
  /** ISA15: T test, P production. */
  usage: 'T' | 'P';
  /** BHT03 batch reference (default the interchange control number). */
  batchId?: string;
}

/** What the 837P writer needs. */
export interface ClaimBatch {
  submitter: Party;
  receiver: Party;
  billingProvider: BillingProvider;
  envelope: Envelope;
  claims: Claim[];
}
