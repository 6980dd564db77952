import type { Credential, Discipline, Finding, NonBillable, NoteType, Service, UnitResult } from '@unitwise/rules';

/** Roles as the server names them (packages/server/src/auth/roles.ts). */
export type Role = 'owner' | 'therapist' | 'assistant' | 'biller' | 'auditor';

export interface User {
  id: string;
  clinicId: string;
  name: string;
  email: string;
  roles: Role[];
  status?: 'active' | 'disabled';
}

export interface Session {
  user: User;
  /** Null for bearer-token callers; browser sessions always get one. */
  csrfToken: string | null;
}

/** A page of a list: `next` is the cursor of the following page, or null. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** A patient's postal address as the server keeps it. */
export interface PatientAddress {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface Patient {
  id: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  birthDate?: string;
  sex?: 'F' | 'M' | 'U';
  externalId?: string | null;
  primaryTherapistId?: string | null;
  address?: PatientAddress | null;
  phone?: string | null;
  /** ICD-10-CM codes from intake, principal first. */
  diagnoses?: string[];
  /** The physician or NPP who referred the patient (the claim's referring provider). */
  referringProvider?: { lastName: string; firstName: string; npi: string } | null;
  updatedAt?: string;
  /** Filled in by the app from the primary coverage's payer: the rules policy id. */
  payer?: string;
  history?: {
    treatmentDaysSinceProgressReport?: number;
    thresholdSpentCents?: { PT_SLP?: number; OT?: number };
  } | null;
}

export interface Coverage {
  id: string;
  patientId: string;
  payerId: string;
  memberId: string;
  groupNumber?: string | null;
  /** 1 primary, 2 secondary, 3 tertiary. */
  priority: number;
  startDate: string;
  endDate: string | null;
}

export interface GoalRecord {
  id: string;
  text: string;
  status?: 'active' | 'met' | 'discontinued';
}

export interface PlanOfCareRecord {
  id: string;
  patientId: string;
  discipline: Discipline;
  startDate: string;
  endDate: string;
  certifiedDate?: string | null;
  goals: GoalRecord[];
  plannedCodes?: string[];
  diagnoses?: string[];
}

export interface Provider {
  id: string;
  name: string;
  npi?: string;
  discipline?: Discipline;
  credential: Credential;
  userId?: string | null;
}

/** One engine line of a visit: the claim line with claimed units and modifiers. */
export interface EngineLine {
  code: string;
  minutes: number;
  units: number;
  claimedUnits: number | null;
  modifiers: string[];
}

export interface Estimate {
  payer?: string;
  totalCents: number;
  payerCents?: number;
  patientCents?: number;
}

/** A visit as the server stores it, with the engine's results of the last save. */
export interface VisitRecord {
  id: string;
  patientId: string;
  date: string;
  discipline: Discipline;
  noteType: NoteType;
  providerId: string | null;
  provider?: { id?: string; credential: Credential };
  timeIn?: string;
  timeOut?: string;
  totalTimedMinutes?: number;
  totalTreatmentMinutes?: number;
  services: Service[];
  nonBillable?: NonBillable[];
  response?: string;
  segments?: SegmentRecord[];
  status: 'draft' | 'signed';
  /** The server's instant of the last save. */
  updatedAt?: string;
  signedAt?: string | null;
  signedBy?: string | null;
  findings?: Finding[];
  units?: UnitResult;
  /** Units of the visit, as the list route's summary gives it (the detail route gives `units` instead). */
  totalUnits?: number;
  lines?: EngineLine[];
  estimate?: Estimate;
  addenda?: { id: string; text: string; createdAt: string; authorId?: string }[];
  overrides?: { rule: string; service?: number | null; reason: string; userId?: string; at?: string }[];
  version?: number;
  /** What the signer attested, kept with the signature (null on drafts and older notes). */
  attestation?: SignatureAttestation | null;
}

/** The attestation kept with a signature: who signed, as what, the words confirmed, the warnings seen. */
export interface SignatureAttestation {
  signerName: string;
  credential: string | null;
  statement: string;
  warningsConfirmed: { rule: string; service: number | null; message: string }[];
}

/** `POST /visits/{id}/sign`: overrides with reasons, the warnings confirmed, and the attestation confirmed. */
export interface SignRequest {
  overrides: { rule: string; service?: number; reason: string }[];
  warnings: { rule: string; service?: number }[];
  attest: boolean;
}

/** A timer run as the server stores it. */
export interface SegmentRecord {
  serviceOrdinal?: number | null;
  activityKey?: string | null;
  kind?: 'treatment' | NonBillable['kind'];
  startedAt: string;
  endedAt: string | null;
}

/** A timer run as the API takes it on a visit save: treatment toward a service, or non-billable time. */
export interface SegmentInput {
  kind: 'treatment' | NonBillable['kind'];
  /** Index in `services` of the activity a treatment run counts toward. */
  serviceOrdinal?: number;
  /** The draft's activity id, when it has no service (never on a save the web makes). */
  activityKey?: string;
  startedAt: string;
  /** Null while the timer runs. */
  endedAt: string | null;
}

export interface Payer {
  id: string;
  name: string;
  /** The rules policy id it follows: 'medicare', 'medicaid', 'commercial' or a clinic policy. */
  policyId: string;
  x12PayerId?: string | null;
}

/** One effective-dated fee of a payer policy, per unit. */
export interface FeeRow {
  id: string;
  payerPolicyId: string;
  code: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  cents: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  action: string;
  patientId: string | null;
  entity: string;
  entityId: string | null;
  ip: string | null;
  detail?: Record<string, unknown> | null;
  /** Names the server adds for readers of the log (null when unknown or not theirs to see). */
  userName?: string | null;
  patientName?: string | null;
  recordLabel?: string | null;
}
