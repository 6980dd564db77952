import type { Credential, Discipline, Finding, NonBillable, NoteType, Service, UnitResult } from '@unitwise/rules';

/** Roles as the server names them (packages/server/src/auth/roles.ts). */
export type Role = 'owner' | 'therapist' | 'assistant' | 'biller' | 'auditor';

export interface User {
  id: string;
  clinicId: string;
  name: string;
  email: string;
  roles: Role[];
  providerId?: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

/** A page of a list: `next` is the cursor of the following page, or null. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface Patient {
  id: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  birthDate?: string;
  /** Policy id of the primary coverage ('medicare', 'medicaid', 'commercial', or a custom one). */
  payer?: string;
  history?: { treatmentDaysSinceProgressReport?: number; thresholdSpentCents?: { PT_SLP?: number; OT?: number } };
}

export interface Coverage {
  id: string;
  patientId: string;
  payerId: string;
  payerName?: string;
  policyId?: string;
  memberId?: string;
  priority?: string | number;
  startDate?: string;
  endDate?: string | null;
}

export interface GoalRecord {
  id: string;
  text: string;
  status?: string;
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

export interface Estimate {
  payer?: string;
  totalCents: number;
}

/** A visit as the server stores it, with the engine's results of the last save. */
export interface VisitRecord {
  id: string;
  patientId: string;
  date: string;
  discipline: Discipline;
  noteType: NoteType;
  providerId: string;
  credential?: Credential;
  timeIn?: string;
  timeOut?: string;
  totalTimedMinutes?: number;
  totalTreatmentMinutes?: number;
  services: Service[];
  nonBillable?: NonBillable[];
  response?: string;
  segments?: SegmentRecord[];
  status?: 'draft' | 'signed' | string;
  signedAt?: string | null;
  signedBy?: string | null;
  findings?: Finding[];
  units?: UnitResult;
  estimate?: Estimate;
  addenda?: { id: string; text: string; createdAt: string; authorName?: string }[];
  overrides?: { rule: string; service?: number; reason: string }[];
  version?: number;
  patientName?: string;
  payer?: string;
}

export interface SegmentRecord {
  service?: number;
  activity?: string;
  startedAt: string;
  endedAt: string;
  nonBillableKind?: NonBillable['kind'];
}

export interface Payer {
  id: string;
  name: string;
  policyId?: string;
  unitMethod?: string;
}

export interface FeeSchedule {
  id: string;
  payerId?: string;
  name?: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  entries: { code: string; cents: number }[];
}

export interface AuditEntry {
  id: string;
  at: string;
  userId?: string;
  userName?: string;
  action: string;
  patientId?: string | null;
  entity?: string;
  entityId?: string;
  ip?: string;
}
