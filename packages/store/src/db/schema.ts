/**
 * Table row types for Kysely, in the database's own snake_case. Portable across SQLite and PostgreSQL:
 * ids are UUID text made in app code, instants ISO-8601 text, JSON as text, booleans never (status words instead).
 * Every clinic-owned table leads its keys with `clinic_id` (Citus distribution column, see README).
 */

export interface ClinicsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  clinic_id: string;
  id: string;
  email: string;
  name: string;
  password_hash: string;
  password_salt: string;
  status: string;
  failed_sign_ins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** Global email uniqueness lives here, apart from `users`, so `users` can be distributed by clinic. */
export interface UserEmailsTable {
  email: string;
  clinic_id: string;
  user_id: string;
}

export interface UserRolesTable {
  clinic_id: string;
  user_id: string;
  role: string;
}

export interface SessionsTable {
  clinic_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  clinic_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ProvidersTable {
  clinic_id: string;
  id: string;
  user_id: string | null;
  name: string;
  npi: string;
  discipline: string;
  credential: string;
  /** From 0010; null only on rows the migration could not split. */
  first_name: string | null;
  last_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface PatientsTable {
  clinic_id: string;
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: string;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  phone: string | null;
  external_id: string | null;
  primary_therapist_id: string | null;
  /** JSON of the rules' PatientHistory. */
  history: string | null;
  /** JSON list of ICD-10-CM codes, principal first (0010). */
  diagnoses: string | null;
  referring_last_name: string | null;
  referring_first_name: string | null;
  referring_npi: string | null;
  created_at: string;
  updated_at: string;
}

export interface PayersTable {
  clinic_id: string;
  id: string;
  name: string;
  policy_id: string;
  x12_payer_id: string | null;
  created_at: string;
}

export interface CoveragesTable {
  clinic_id: string;
  id: string;
  patient_id: string;
  payer_id: string;
  member_id: string;
  group_number: string | null;
  priority: number;
  start_date: string;
  end_date: string | null;
  created_at: string;
}

export interface PlansOfCareTable {
  clinic_id: string;
  id: string;
  patient_id: string;
  provider_id: string | null;
  discipline: string;
  start_date: string;
  end_date: string;
  certified_date: string | null;
  /** JSON string[] of ICD-10-CM codes. */
  diagnoses: string;
  /** JSON string[] of CPT/HCPCS codes. */
  planned_codes: string;
  created_at: string;
  updated_at: string;
}

export interface GoalsTable {
  clinic_id: string;
  plan_id: string;
  id: string;
  ordinal: number;
  text: string;
  status: string;
}

export interface VisitsTable {
  clinic_id: string;
  id: string;
  patient_id: string;
  provider_id: string | null;
  provider_credential: string;
  date: string;
  discipline: string;
  note_type: string;
  time_in: string | null;
  time_out: string | null;
  total_timed_minutes: number | null;
  total_treatment_minutes: number | null;
  response: string | null;
  /** JSON of `VisitGoalStatus` (migration 0006), null when the note records none. */
  goal_status: string | null;
  status: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  signed_by: string | null;
  content_hash: string | null;
  /** The signer's name, credential and attested statement as signed (migration 0013); null on drafts. */
  signer_name: string | null;
  signer_credential: string | null;
  attestation: string | null;
  /** JSON list of the warnings the signer confirmed having seen (migration 0013). */
  warnings_confirmed: string | null;
}

export interface VisitServicesTable {
  clinic_id: string;
  visit_id: string;
  ordinal: number;
  code: string;
  minutes: number | null;
  assistant_minutes: number | null;
  units: number | null;
  /** JSON string[] or null. */
  modifiers: string | null;
  group_size: number | null;
  description: string | null;
  /** Assistance and cueing (0012); null on older notes, whose description holds both. */
  assistance: string | null;
  /** JSON string[] or null. */
  goal_ids: string | null;
}

export interface TimeSegmentsTable {
  clinic_id: string;
  id: string;
  visit_id: string;
  service_ordinal: number | null;
  activity_key: string | null;
  kind: string;
  started_at: string;
  ended_at: string | null;
}

export interface NonBillableTable {
  clinic_id: string;
  visit_id: string;
  ordinal: number;
  kind: string;
  minutes: number;
  note: string | null;
}

export interface AddendaTable {
  clinic_id: string;
  id: string;
  visit_id: string;
  author_id: string;
  text: string;
  created_at: string;
  hash: string;
}

export interface FindingsTable {
  clinic_id: string;
  visit_id: string;
  ordinal: number;
  rule: string;
  severity: string;
  message: string;
  service_index: number | null;
  citation: string | null;
}

export interface OverridesTable {
  clinic_id: string;
  id: string;
  visit_id: string;
  rule: string;
  service_index: number | null;
  reason: string;
  user_id: string;
  at: string;
}

export interface FeeSchedulesTable {
  clinic_id: string;
  id: string;
  payer_policy_id: string;
  code: string;
  effective_from: string;
  effective_to: string | null;
  cents: number;
}

export interface PayerPoliciesTable {
  clinic_id: string;
  id: string;
  /** JSON of the rules' PayerPolicyInput (effective-dated versions inside). */
  definition: string;
  updated_at: string;
}

export interface IdempotencyKeysTable {
  clinic_id: string;
  user_id: string;
  key: string;
  request_hash: string;
  response_status: number;
  response_body: string;
  created_at: string;
}

export interface AuditLogTable {
  clinic_id: string;
  id: string;
  user_id: string | null;
  at: string;
  action: string;
  patient_id: string | null;
  entity: string;
  entity_id: string | null;
  ip: string | null;
  /** JSON object without PHI text, or null. */
  detail: string | null;
  /** Place in the clinic's hash chain, from 1 (migration 0016); null only on rows written around the store. */
  seq: number | null;
  /** SHA-256 of the previous entry's chain hash and this entry (see audit-chain.ts). */
  chain_hash: string | null;
}

/** Every table of the schema, as Kysely sees it. Later migrations (claims) extend it with `db.withTables<...>()`. */
export interface Database {
  clinics: ClinicsTable;
  users: UsersTable;
  user_emails: UserEmailsTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  providers: ProvidersTable;
  patients: PatientsTable;
  payers: PayersTable;
  coverages: CoveragesTable;
  plans_of_care: PlansOfCareTable;
  goals: GoalsTable;
  visits: VisitsTable;
  visit_services: VisitServicesTable;
  time_segments: TimeSegmentsTable;
  non_billable: NonBillableTable;
  addenda: AddendaTable;
  findings: FindingsTable;
  overrides: OverridesTable;
  fee_schedules: FeeSchedulesTable;
  payer_policies: PayerPoliciesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
}
