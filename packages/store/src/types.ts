/**
 * The public types of @unitwise/store: rows as domain objects, inputs, results and the `Store` with its repositories.
 * Every repository method takes `clinicId` first and scopes every query by it: an id of another clinic behaves
 * exactly like a missing id (undefined / `{ ok: false, reason: 'not-found' }`).
 * Instants are ISO-8601 UTC strings; dates of service `YYYY-MM-DD`; money integer cents.
 */
import type {
  Cents,
  Credential,
  Discipline,
  Finding,
  Goal,
  IsoDate,
  NonBillable,
  NoteType,
  PatientHistory,
  PayerPolicyInput,
  Visit,
} from '@unitwise/rules';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/** An ISO-8601 UTC instant, e.g. `2026-01-05T14:03:00.000Z`. */
export type Instant = string;

// ---------------------------------------------------------------- results and pages

/** Errors are data: a method that can fail for an expected reason returns one of these. */
export type Result<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R };

/** Keyset pagination: pass `nextCursor` back as `cursor` for the next page; `null` means the last page. */
export interface PageRequest {
  /** 1..500, default 50. */
  limit?: number;
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------- clinics, users, roles

export interface Clinic {
  id: string;
  name: string;
  createdAt: Instant;
}

export const ROLES = ['owner', 'therapist', 'assistant', 'biller', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** A login. The password hash never leaves the store except through `users.findCredentialsByEmail`. */
export interface User {
  id: string;
  clinicId: string;
  /** Stored lower-cased; unique across all clinics. */
  email: string;
  name: string;
  status: UserStatus;
  roles: Role[];
  failedSignIns: number;
  lockedUntil: Instant | null;
  createdAt: Instant;
  updatedAt: Instant;
}

/** What sign-in needs: the user plus the scrypt hash and salt (hashing is the server's job). */
export interface UserCredentials {
  user: User;
  passwordHash: string;
  passwordSalt: string;
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  passwordSalt: string;
  roles: Role[];
  status?: UserStatus;
}

export interface UserPatch {
  name?: string;
  status?: UserStatus;
  roles?: Role[];
  passwordHash?: string;
  passwordSalt?: string;
}

// ---------------------------------------------------------------- sessions and API tokens

export interface Session {
  id: string;
  clinicId: string;
  userId: string;
  /** SHA-256 (or similar) of the cookie token; the token itself is never stored. */
  tokenHash: string;
  csrfToken: string;
  createdAt: Instant;
  expiresAt: Instant;
}

export interface NewSession {
  userId: string;
  tokenHash: string;
  csrfToken: string;
  expiresAt: Instant;
}

export interface ApiToken {
  id: string;
  clinicId: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: Instant;
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
}

export interface NewApiToken {
  userId: string;
  name: string;
  tokenHash: string;
}

// ---------------------------------------------------------------- providers and patients

export interface Provider {
  id: string;
  clinicId: string;
  /** The login of this provider, if any. */
  userId: string | null;
  /** The name as shown, e.g. `Olga Therapist, OT`. */
  name: string;
  /** First and last name apart from the credential, as the 837P's NM1*82 takes them. */
  firstName: string;
  lastName: string;
  /** 10-digit National Provider Identifier. */
  npi: string;
  discipline: Discipline;
  credential: Credential;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface NewProvider {
  userId?: string | null;
  name: string;
  /** Absent: split from `name` (the part before a comma; the last word is the last name). */
  firstName?: string;
  lastName?: string;
  npi: string;
  discipline: Discipline;
  credential: Credential;
}

export type ProviderPatch = Partial<NewProvider>;

export const SEXES = ['F', 'M', 'U'] as const;
export type Sex = (typeof SEXES)[number];

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  /** Two-letter state code. */
  state: string;
  postalCode: string;
}

/** The physician or NPP who referred the patient and certifies the plan of care (837P 2310A NM1*DN). */
export interface ReferringProvider {
  lastName: string;
  firstName: string;
  /** 10-digit NPI. */
  npi: string;
}

export interface Patient {
  id: string;
  clinicId: string;
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  sex: Sex;
  address: Address | null;
  phone: string | null;
  /** The clinic's own id for the patient (MRN or an external system's id). */
  externalId: string | null;
  /** Provider id of the primary therapist. */
  primaryTherapistId: string | null;
  /** State before the first stored visit, for the rules engine (progress-report count, KX spend). */
  history: PatientHistory | null;
  /** ICD-10-CM codes from intake, principal first (a plan of care's diagnoses take precedence on its claims). */
  diagnoses: string[];
  referringProvider: ReferringProvider | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface NewPatient {
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  sex: Sex;
  address?: Address | null;
  phone?: string | null;
  externalId?: string | null;
  primaryTherapistId?: string | null;
  history?: PatientHistory | null;
  diagnoses?: string[];
  referringProvider?: ReferringProvider | null;
}

export type PatientPatch = Partial<NewPatient>;

export interface PatientQuery extends PageRequest {
  /** Case-insensitive substring of first or last name. */
  search?: string;
  primaryTherapistId?: string;
}

// ---------------------------------------------------------------- payers and coverages

export interface Payer {
  id: string;
  clinicId: string;
  name: string;
  /** Rules-engine policy id: 'medicare' | 'medicaid' | 'commercial' or a clinic policy id. */
  policyId: string;
  /** The payer id used in X12 (NM1*PR ... PI). */
  x12PayerId: string | null;
  createdAt: Instant;
}

export interface NewPayer {
  name: string;
  policyId: string;
  x12PayerId?: string | null;
}

export interface Coverage {
  id: string;
  clinicId: string;
  patientId: string;
  payerId: string;
  memberId: string;
  groupNumber: string | null;
  /** 1 primary, 2 secondary, 3 tertiary. */
  priority: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
  createdAt: Instant;
}

export interface NewCoverage {
  patientId: string;
  payerId: string;
  memberId: string;
  groupNumber?: string | null;
  priority?: number;
  startDate: IsoDate;
  endDate?: IsoDate | null;
}

export type CoveragePatch = Partial<Omit<NewCoverage, 'patientId'>>;

// ---------------------------------------------------------------- plans of care

/** A goal as stored: the rules' `{ id, text }` plus its order and status. */
export interface StoredGoal extends Goal {
  ordinal: number;
  status: 'active' | 'met' | 'discontinued';
}

export interface StoredPlanOfCare {
  id: string;
  clinicId: string;
  patientId: string;
  providerId: string | null;
  discipline: Discipline;
  startDate: IsoDate;
  endDate: IsoDate;
  certifiedDate: IsoDate | null;
  diagnoses: string[];
  plannedCodes: string[];
  goals: StoredGoal[];
  createdAt: Instant;
  updatedAt: Instant;
}

export interface NewGoal {
  /** Given ids are kept (so services can refer to them); absent: the store makes a UUID. */
  id?: string;
  text: string;
  status?: StoredGoal['status'];
}

export interface NewPlanOfCare {
  id?: string;
  patientId: string;
  providerId?: string | null;
  discipline: Discipline;
  startDate: IsoDate;
  endDate: IsoDate;
  certifiedDate?: IsoDate | null;
  diagnoses?: string[];
  plannedCodes?: string[];
  goals?: NewGoal[];
}

/** `goals`, when given, replaces the plan's goals (ids given are kept). */
export type PlanOfCarePatch = Partial<Omit<NewPlanOfCare, 'id' | 'patientId'>>;

export interface PlanOfCareQuery extends PageRequest {
  /** Only plans in force on this date: startDate <= activeOn <= endDate. */
  activeOn?: IsoDate;
  patientId?: string;
}

// ---------------------------------------------------------------- visits

export const VISIT_STATUSES = ['draft', 'signed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const SEGMENT_KINDS = ['treatment', 'rest', 'setup', 'documentation', 'waiting', 'other'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** How a plan-of-care goal stands on an evaluation, progress report, re-evaluation or discharge note. */
export const GOAL_STATUSES = ['not-started', 'progressing', 'met', 'not-met', 'discontinued'] as const;
export type GoalStatusValue = (typeof GOAL_STATUSES)[number];

/** One goal's status on a note, with the measure taken (e.g. "sit to stand x5 in 14 s") and a free note. */
export interface GoalStatusEntry {
  status: GoalStatusValue;
  measure?: string;
  note?: string;
}

/** Goal status per goal id, as recorded on a note. */
export type VisitGoalStatus = Record<string, GoalStatusEntry>;

/** One run of a timer. */
export interface TimeSegment {
  id: string;
  /** Index in `visit.services` the run counts toward, or null. */
  serviceOrdinal: number | null;
  /** Free key of the activity (e.g. 'sit-to-stand'), or null. */
  activityKey: string | null;
  kind: SegmentKind;
  startedAt: Instant;
  /** Null while the timer runs. */
  endedAt: Instant | null;
}

export interface NewTimeSegment {
  id?: string;
  serviceOrdinal?: number | null;
  activityKey?: string | null;
  kind: SegmentKind;
  startedAt: Instant;
  endedAt?: Instant | null;
}

/**
 * A visit as stored: the rules' `Visit` (clinical content, `services`, `nonBillable` always present)
 * plus the store's fields. `provider.id` equals `providerId` when set.
 */
export interface StoredVisit extends Visit {
  clinicId: string;
  providerId: string | null;
  noteType: NoteType;
  nonBillable: NonBillable[];
  status: VisitStatus;
  /** Starts at 1; every successful write adds 1 (optimistic concurrency, the API's ETag). */
  version: number;
  createdBy: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  signedAt: Instant | null;
  signedBy: string | null;
  /** SHA-256 of the canonical clinical content at signing (see `hashVisitContent`). */
  contentHash: string | null;
  /** What the signer attested, kept with the signature; null on drafts and notes signed before it was asked. */
  attestation: SignatureAttestation | null;
  /** Goal status per goal id; absent when the note records none. */
  goalStatus?: VisitGoalStatus;
}

/** A warning the signer saw and confirmed before signing. */
export interface ConfirmedWarning {
  rule: string;
  /** Index in `visit.services`, or null for a visit-level finding. */
  service: number | null;
  message: string;
}

/** The attestation that ends signing: who signed, as what, the statement confirmed, and the warnings seen. */
export interface SignatureAttestation {
  signerName: string;
  /** The signer's credential (PT, PTA, …); null for a signer without a provider record. */
  credential: string | null;
  /** The words the signer confirmed. */
  statement: string;
  warningsConfirmed: ConfirmedWarning[];
}

export interface Override {
  id: string;
  visitId: string;
  rule: string;
  /** Index in `visit.services`, or null for a visit-level finding. */
  service: number | null;
  reason: string;
  userId: string;
  at: Instant;
}

export interface NewOverride {
  rule: string;
  service?: number | null;
  reason: string;
  userId: string;
}

export interface Addendum {
  id: string;
  visitId: string;
  authorId: string;
  text: string;
  createdAt: Instant;
  /** SHA-256 of visit id, author, time and text. */
  hash: string;
}

export interface NewAddendum {
  authorId: string;
  text: string;
}

/** A visit with everything attached to it. */
export interface VisitDetail extends StoredVisit {
  segments: TimeSegment[];
  findings: Finding[];
  overrides: Override[];
  addenda: Addendum[];
}

/**
 * The clinical content to create or replace a visit: the rules' `Visit` without store fields.
 * `id` is optional on create (the store makes a UUID).
 */
export interface VisitInput extends Omit<Visit, 'id'> {
  id?: string;
  /** Goal status per goal id (progress notes); an empty record is stored as none. */
  goalStatus?: VisitGoalStatus | undefined;
  /** Timer runs; when given on update, they replace the stored ones. */
  segments?: NewTimeSegment[];
  /** The engine's findings for this content; when given on update, they replace the stored ones. */
  findings?: Finding[];
}

export interface VisitQuery extends PageRequest {
  patientId?: string;
  providerId?: string;
  /** Dates of service, inclusive. */
  from?: IsoDate;
  to?: IsoDate;
  status?: VisitStatus;
}

export type VisitWriteFailure = 'not-found' | 'conflict' | 'signed';

/** The columns a write route checks before it runs the engine: who, whose, and whether it may still change. */
export interface VisitHead {
  id: string;
  patientId: string;
  providerId: string | null;
  date: IsoDate;
  status: VisitStatus;
  version: number;
  /** The visit's provider's login and credential (null without a provider), so a save need not read it again. */
  provider: Pick<Provider, 'userId' | 'credential'> | null;
  /** The patient's history before this system, which the engine reads. */
  patientHistory: PatientHistory | null;
}

/** An earlier visit as the engine replays it for history: its content without the non-billable time. */
export type HistoryVisit = Pick<
  StoredVisit,
  'id' | 'patientId' | 'date' | 'discipline' | 'noteType' | 'provider' | 'services' | 'nonBillable' | 'version'
> &
  Partial<Pick<StoredVisit, 'timeIn' | 'timeOut' | 'totalTimedMinutes' | 'totalTreatmentMinutes'>>;

// ---------------------------------------------------------------- fees, policies, idempotency, audit

export interface FeeScheduleRow {
  id: string;
  clinicId: string;
  payerPolicyId: string;
  code: string;
  effectiveFrom: IsoDate;
  /** Inclusive; null: still in force. */
  effectiveTo: IsoDate | null;
  /** Per unit. */
  cents: Cents;
}

export interface NewFeeScheduleRow {
  payerPolicyId: string;
  code: string;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate | null;
  cents: Cents;
}

/** A clinic's own payer policy (or override of a built-in one): the rules' `PayerPolicyInput`, effective-dated inside. */
export interface StoredPayerPolicy {
  clinicId: string;
  id: string;
  policy: PayerPolicyInput;
  updatedAt: Instant;
}

export interface IdempotencyRecord {
  clinicId: string;
  userId: string;
  key: string;
  /** Hash of method, path and body of the first request; a retry with another hash is a client error. */
  requestHash: string;
  responseStatus: number;
  /** The response body as sent (JSON text). */
  responseBody: string;
  createdAt: Instant;
}

export interface NewIdempotencyRecord {
  userId: string;
  key: string;
  requestHash: string;
  responseStatus: number;
  responseBody: string;
}

export interface AuditEntry {
  id: string;
  clinicId: string;
  /** Null for unauthenticated events (failed sign-in). */
  userId: string | null;
  at: Instant;
  /** e.g. 'patient.read', 'visit.update', 'visit.sign', 'session.create'. */
  action: string;
  patientId: string | null;
  /** e.g. 'patient', 'visit', 'user'. */
  entity: string;
  entityId: string | null;
  ip: string | null;
  /** Ids, counts, field names; never note text or names (no PHI). */
  detail: Record<string, unknown> | null;
}

export interface NewAuditEntry {
  action: string;
  entity: string;
  userId?: string | null;
  patientId?: string | null;
  entityId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
  /** Defaults to the store's clock. */
  at?: Instant;
}

export interface AuditQuery extends PageRequest {
  userId?: string;
  patientId?: string;
  action?: string;
  entity?: string;
  /** Instants, inclusive. */
  from?: Instant;
  to?: Instant;
  /** Leaves out list views (actions ending in `.list`), which outnumber the reads and writes of single records. */
  hideLists?: boolean;
}

/** What an audit entry points at, for naming it. */
export interface AuditRef {
  userId: string | null;
  patientId: string | null;
  entity: string;
  entityId: string | null;
}

/** Names for an audit-log page: users and patients by id, and records by `entity:id`. */
export interface AuditLabels {
  users: Record<string, string>;
  patients: Record<string, string>;
  records: Record<string, string>;
}

// ---------------------------------------------------------------- repositories

export interface ClinicRepository {
  /** Creates a clinic; `id` optional. */
  create(input: { id?: string; name: string }): Promise<Clinic>;
  get(clinicId: string): Promise<Clinic | undefined>;
  rename(clinicId: string, name: string): Promise<Result<Clinic, 'not-found'>>;
}

export interface UserRepository {
  create(clinicId: string, input: NewUser): Promise<Result<User, 'email-taken' | 'clinic-not-found'>>;
  get(clinicId: string, userId: string): Promise<User | undefined>;
  list(clinicId: string, page?: PageRequest): Promise<Page<User>>;
  /** Across clinics (email is unique globally): for sign-in only. */
  findCredentialsByEmail(email: string): Promise<UserCredentials | undefined>;
  update(clinicId: string, userId: string, patch: UserPatch): Promise<Result<User, 'not-found'>>;
  /** Adds 1 to the failed sign-in count and sets `lockedUntil` when given; returns the new count. */
  recordFailedSignIn(
    clinicId: string,
    userId: string,
    lockUntil?: Instant | null,
  ): Promise<Result<number, 'not-found'>>;
  /**
   * Counts one sign-in attempt before the password is checked, in one UPDATE, unless the account is held at `now`
   * ('held'). The same statement sets the hold for the new count (the `until` of the largest `failures` it reached),
   * so parallel attempts cannot all see an unheld account. A right password then calls `recordSignIn`.
   */
  beginSignInAttempt(
    clinicId: string,
    userId: string,
    input: { now: Instant; holds: readonly { failures: number; until: Instant }[] },
  ): Promise<Result<number, 'not-found' | 'held'>>;
  /** Zeroes the failed count and clears the lock. */
  recordSignIn(clinicId: string, userId: string): Promise<Result<User, 'not-found'>>;
}

export interface SessionRepository {
  create(clinicId: string, input: NewSession): Promise<Session>;
  /** Across clinics (the cookie is all the request has); expired sessions are not returned. */
  findByTokenHash(tokenHash: string): Promise<Session | undefined>;
  delete(clinicId: string, sessionId: string): Promise<boolean>;
  deleteForUser(clinicId: string, userId: string): Promise<number>;
  /** Removes sessions that expired before `now` (default: the clock); returns how many. */
  deleteExpired(now?: Instant): Promise<number>;
  /**
   * Moves a live session's expiry to `expiresAt` (idle expiry: the caller passes now + the idle time). False when the
   * session is gone or already expired, which is never revived.
   */
  touch(clinicId: string, sessionId: string, expiresAt: Instant): Promise<boolean>;
}

export interface ApiTokenRepository {
  create(clinicId: string, input: NewApiToken): Promise<ApiToken>;
  /** Across clinics; revoked tokens are not returned. */
  findByTokenHash(tokenHash: string): Promise<ApiToken | undefined>;
  list(clinicId: string, userId?: string): Promise<ApiToken[]>;
  touch(clinicId: string, tokenId: string): Promise<void>;
  revoke(clinicId: string, tokenId: string): Promise<boolean>;
  /** Revokes every live token of one user (a deactivated user); returns how many. */
  revokeForUser(clinicId: string, userId: string): Promise<number>;
}

export interface ProviderRepository {
  create(clinicId: string, input: NewProvider): Promise<Provider>;
  get(clinicId: string, providerId: string): Promise<Provider | undefined>;
  findByUser(clinicId: string, userId: string): Promise<Provider | undefined>;
  list(clinicId: string, page?: PageRequest): Promise<Page<Provider>>;
  update(clinicId: string, providerId: string, patch: ProviderPatch): Promise<Result<Provider, 'not-found'>>;
}

export interface PatientRepository {
  create(clinicId: string, input: NewPatient): Promise<Patient>;
  get(clinicId: string, patientId: string): Promise<Patient | undefined>;
  /** Ordered by last name, first name, id. */
  list(clinicId: string, query?: PatientQuery): Promise<Page<Patient>>;
  update(clinicId: string, patientId: string, patch: PatientPatch): Promise<Result<Patient, 'not-found'>>;
}

export interface PayerRepository {
  create(clinicId: string, input: NewPayer): Promise<Payer>;
  get(clinicId: string, payerId: string): Promise<Payer | undefined>;
  list(clinicId: string): Promise<Payer[]>;
  update(clinicId: string, payerId: string, patch: Partial<NewPayer>): Promise<Result<Payer, 'not-found'>>;
}

export interface CoverageRepository {
  create(clinicId: string, input: NewCoverage): Promise<Result<Coverage, 'patient-not-found' | 'payer-not-found'>>;
  get(clinicId: string, coverageId: string): Promise<Coverage | undefined>;
  /** Ordered by priority, start date. */
  listByPatient(clinicId: string, patientId: string): Promise<Coverage[]>;
  /** The coverage of lowest priority number in force on `date`. */
  primaryOn(clinicId: string, patientId: string, date: IsoDate): Promise<(Coverage & { payer: Payer }) | undefined>;
  update(clinicId: string, coverageId: string, patch: CoveragePatch): Promise<Result<Coverage, 'not-found'>>;
}

export interface PlanOfCareRepository {
  create(clinicId: string, input: NewPlanOfCare): Promise<Result<StoredPlanOfCare, 'patient-not-found'>>;
  get(clinicId: string, planId: string): Promise<StoredPlanOfCare | undefined>;
  /** Ordered by start date. */
  listByPatient(clinicId: string, patientId: string): Promise<StoredPlanOfCare[]>;
  /**
   * A page of the clinic's plans with their goals, ordered by start date then id (keyset cursor on both).
   * @param clinicId - the clinic
   * @param query - page, and optional filters: in force on a date, one patient
   */
  list(clinicId: string, query?: PlanOfCareQuery): Promise<Page<StoredPlanOfCare>>;
  update(clinicId: string, planId: string, patch: PlanOfCarePatch): Promise<Result<StoredPlanOfCare, 'not-found'>>;
}

/** What the visit list adds to a page of visits, keyed by visit id. */
export interface VisitListExtras {
  findings: Map<string, Finding[]>;
  /** The policy id of the payer of the primary coverage in force on the visit's date; absent without coverage. */
  payerPolicy: Map<string, string>;
}

export interface VisitRepository {
  create(
    clinicId: string,
    input: VisitInput,
    opts?: { createdBy?: string | null },
  ): Promise<Result<VisitDetail, 'patient-not-found' | 'provider-not-found'>>;
  get(clinicId: string, visitId: string): Promise<VisitDetail | undefined>;
  /**
   * Patient, provider, status and version of a visit, with the provider's login and credential and the patient's
   * history, in one statement (what a write checks first).
   */
  head(clinicId: string, visitId: string): Promise<VisitHead | undefined>;
  /**
   * A patient's visits dated on or before `to`, newest first, at most `limit`, each with its services in one
   * statement; `nonBillable` is always empty (the engine's history does not read it).
   */
  history(clinicId: string, patientId: string, to: string, limit: number): Promise<HistoryVisit[]>;
  /**
   * The same visits as `history` (same order and limit), only id, date and version, read from the index: enough to
   * tell whether a replayed history is still current.
   */
  historyVersions(
    clinicId: string,
    patientId: string,
    to: string,
    limit: number,
  ): Promise<{ id: string; date: string; version: number }[]>;
  /** Newest date first; each item with its services and non-billable time. */
  list(clinicId: string, query?: VisitQuery): Promise<Page<StoredVisit>>;
  /** Stored findings and primary payer policy (on each visit's date) of listed visits, in two statements. */
  listExtras(clinicId: string, visitIds: readonly string[]): Promise<VisitListExtras>;
  /**
   * Replaces the clinical content (services, non-billable, and segments/findings when given) if the stored version is
   * `expectedVersion`; adds 1 to the version. The visit's id and patient never change (`input.patientId` is ignored).
   * `before`, the head the caller read at `expectedVersion`: date and provider equal to it are not rewritten, which
   * spares the indexes on them (the version check guarantees the row still holds them).
   */
  update(
    clinicId: string,
    visitId: string,
    expectedVersion: number,
    input: VisitInput,
    before?: Pick<VisitHead, 'date' | 'providerId'>,
  ): Promise<Result<VisitDetail, VisitWriteFailure | 'provider-not-found'>>;
  /** Replaces the findings of a draft (does not change the version). */
  replaceFindings(
    clinicId: string,
    visitId: string,
    findings: Finding[],
  ): Promise<Result<true, 'not-found' | 'signed'>>;
  /** Adds a timer run to a draft. */
  addSegment(
    clinicId: string,
    visitId: string,
    segment: NewTimeSegment,
  ): Promise<Result<TimeSegment, 'not-found' | 'signed'>>;
  /** Stops a running timer of a draft. */
  endSegment(
    clinicId: string,
    visitId: string,
    segmentId: string,
    endedAt: Instant,
  ): Promise<Result<TimeSegment, 'not-found' | 'signed'>>;
  /** Signs a draft at `expectedVersion`; from then on the visit and its children never change. */
  sign(
    clinicId: string,
    visitId: string,
    input: { expectedVersion: number; userId: string; contentHash: string; attestation?: SignatureAttestation },
  ): Promise<Result<VisitDetail, VisitWriteFailure>>;
  /** Addenda correct signed notes; a draft is edited instead ('not-signed'). */
  addAddendum(
    clinicId: string,
    visitId: string,
    input: NewAddendum,
  ): Promise<Result<Addendum, 'not-found' | 'not-signed'>>;
  addOverride(clinicId: string, visitId: string, input: NewOverride): Promise<Result<Override, 'not-found' | 'signed'>>;
  /** Deletes a draft (never a signed visit). */
  deleteDraft(clinicId: string, visitId: string): Promise<Result<true, 'not-found' | 'signed'>>;
}

export interface FeeScheduleRepository {
  /** Adds rows; all-or-nothing. */
  add(clinicId: string, rows: NewFeeScheduleRow[]): Promise<FeeScheduleRow[]>;
  /** Rows of a policy; with `on`, only those in force on that date. Ordered by code, effective date. */
  list(clinicId: string, payerPolicyId: string, on?: IsoDate): Promise<FeeScheduleRow[]>;
  remove(clinicId: string, rowId: string): Promise<boolean>;
}

export interface PayerPolicyRepository {
  /** Inserts or replaces the clinic's policy of `policy.id`. */
  put(clinicId: string, policy: PayerPolicyInput): Promise<StoredPayerPolicy>;
  get(clinicId: string, policyId: string): Promise<StoredPayerPolicy | undefined>;
  list(clinicId: string): Promise<StoredPayerPolicy[]>;
}

export interface IdempotencyRepository {
  get(clinicId: string, userId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Stores the first response under the key; when the key exists already, keeps and returns the stored record. */
  put(clinicId: string, input: NewIdempotencyRecord): Promise<{ created: boolean; record: IdempotencyRecord }>;
  /** Removes records created before `before`; returns how many. */
  purge(before: Instant): Promise<number>;
}

export interface AuditLogRepository {
  /** Appends one entry (the table refuses UPDATE and DELETE). */
  append(clinicId: string, entry: NewAuditEntry): Promise<AuditEntry>;
  /**
   * Appends entries of any clinics in one statement per 500 (a server's batch of concurrent requests: one commit).
   * All or none are written.
   */
  appendMany(entries: readonly (NewAuditEntry & { clinicId: string })[]): Promise<void>;
  /** Newest first. */
  list(clinicId: string, query?: AuditQuery): Promise<Page<AuditEntry>>;
  /** Names of the users, patients and records the entries mention (for the audit screen; never for stdout). */
  labels(clinicId: string, refs: readonly AuditRef[]): Promise<AuditLabels>;
}

/** Which database is behind the store. */
export type Engine = 'sqlite' | 'postgres';

/** The repositories; inside `transaction`, the same shape bound to one transaction. */
export interface Repositories {
  readonly engine: Engine;
  /**
   * The Kysely instance (or open transaction) under the repositories, for packages that add their own tables in later
   * migrations (claims): `db.withTables<ClaimTables>()`. Scope every query by clinic_id.
   */
  readonly db: Kysely<Database>;
  readonly clinics: ClinicRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly providers: ProviderRepository;
  readonly patients: PatientRepository;
  readonly payers: PayerRepository;
  readonly coverages: CoverageRepository;
  readonly plansOfCare: PlanOfCareRepository;
  readonly visits: VisitRepository;
  readonly feeSchedules: FeeScheduleRepository;
  readonly payerPolicies: PayerPolicyRepository;
  readonly idempotency: IdempotencyRepository;
  readonly audit: AuditLogRepository;
  /**
   * Runs `fn` in one transaction: if it throws, or returns `{ ok: false }`, nothing it wrote stays.
   * Nested calls join the outer transaction.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
}

export interface Store extends Repositories {
  /** Runs the pending migrations (openStore does this already); returns the names applied. */
  migrate(): Promise<string[]>;
  /** Closes the database (pool / file handle). */
  close(): Promise<void>;
  /**
   * Runs `fn` while no other process runs work under the same name: a PostgreSQL advisory lock; on SQLite, where one
   * server process owns the file, it simply runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Tells every process subscribed to `channel` (PostgreSQL NOTIFY); on SQLite, with one process, nothing to tell. */
  broadcast(channel: string): Promise<void>;
  /**
   * Calls `handler` whenever any process broadcasts on `channel` (PostgreSQL LISTEN; a no-op on SQLite). `onLost`
   * runs when the listening connection drops, since broadcasts may then have been missed.
   * @returns a function that stops listening
   */
  subscribe(channel: string, handler: () => void, onLost?: () => void): Promise<() => Promise<void>>;
  /** The migrations not yet applied; throws when the database cannot be reached (for readiness checks). */
  pendingMigrations(): Promise<string[]>;
}

export interface OpenStoreOptions {
  /** The store's clock for createdAt/updatedAt/audit times; tests pass a fixed one. */
  clock?: () => Date;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  /**
   * On SQLite, claim the file for this process and fail with StoreError('locked') when another process holds it (the
   * server does this; one-shot CLI commands do not). Ignored on PostgreSQL and in memory.
   */
  claimFile?: boolean;
}
