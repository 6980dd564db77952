/**
 * Row types of the claims tables (migration 0005), in the database's snake_case. The claims repository reads them
 * through `db.withTables<ClaimTables>()`. Money in integer cents, JSON as text, instants ISO-8601 text.
 */

// Type aliases, not interfaces: Kysely's withTables wants an index-signature-compatible shape.
export type ClaimSettingsTable = {
  clinic_id: string;
  settings: string;
  next_claim_seq: number;
  next_control: number;
  updated_at: string;
};

export type ClaimExportsTable = {
  clinic_id: string;
  id: string;
  interchange_control: number;
  group_control: number;
  claim_count: number;
  charge_cents: number;
  file_name: string;
  text: string;
  created_by: string | null;
  created_at: string;
};

export type ClaimsTable = {
  clinic_id: string;
  id: string;
  claim_number: string;
  patient_id: string;
  payer_id: string | null;
  payer_policy_id: string;
  rendering_npi: string | null;
  status: string;
  frequency: string;
  first_date: string;
  last_date: string;
  charge_cents: number;
  paid_cents: number;
  patient_cents: number;
  claim: string;
  scrub_errors: string;
  scrub_warnings: string;
  payer_claim_number: string | null;
  replaces_claim_id: string | null;
  export_id: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type ClaimLinesTable = {
  clinic_id: string;
  claim_id: string;
  ordinal: number;
  control_number: string;
  code: string;
  modifiers: string;
  date_of_service: string;
  units: number;
  charge_cents: number;
  expected_cents: number | null;
  paid_cents: number;
  contractual_cents: number;
  patient_cents: number;
  other_cents: number;
};

export type ClaimVisitsTable = {
  clinic_id: string;
  visit_id: string;
  claim_id: string;
};

export type ClaimEventsTable = {
  clinic_id: string;
  id: string;
  claim_id: string;
  at: string;
  event: string;
  from_status: string | null;
  to_status: string;
  user_id: string | null;
  detail: string | null;
};

export type RemittancesTable = {
  clinic_id: string;
  id: string;
  file_key: string;
  file_hash: string;
  file_name: string | null;
  trace_numbers: string;
  payer_id: string;
  payer_name: string;
  payment_date: string | null;
  payment_cents: number;
  paid_cents: number;
  contractual_cents: number;
  patient_cents: number;
  other_cents: number;
  balance: string;
  claim_count: number;
  unknown_claims: string;
  summary: string;
  posted_by: string | null;
  posted_at: string;
};

export type RemittanceClaimsTable = {
  clinic_id: string;
  remittance_id: string;
  ordinal: number;
  claim_id: string | null;
  claim_number: string;
  payer_status: string;
  payer_claim_number: string;
  event: string;
  new_status: string | null;
  status_error: string | null;
  paid_cents: number;
  patient_cents: number;
  /** Migration 0008. */
  claim_key: string | null;
  payment_key: string | null;
  unmatched_reason: string | null;
  unmatched_message: string | null;
};

/** Migration 0008: each posted payment's identity, unique per clinic. */
export type RemittancePaymentsTable = {
  clinic_id: string;
  payment_key: string;
  remittance_id: string;
  payer_id: string;
  trace_number: string;
  payment_cents: number;
  payment_date: string | null;
};

export type RemittanceLinesTable = {
  clinic_id: string;
  remittance_id: string;
  ordinal: number;
  claim_ordinal: number;
  claim_id: string | null;
  control_number: string | null;
  matched_by: string;
  code: string;
  date_of_service: string | null;
  units: number;
  charge_cents: number;
  paid_cents: number;
  contractual_cents: number;
  patient_cents: number;
  other_cents: number;
  expected_cents: number | null;
  variance_cents: number | null;
  kind: string;
  remarks: string;
};

export type AdjustmentsTable = {
  clinic_id: string;
  remittance_id: string;
  ordinal: number;
  claim_ordinal: number;
  line_ordinal: number | null;
  claim_id: string | null;
  group_code: string;
  reason: string;
  amount_cents: number;
  quantity: number | null;
  kind: string;
  payer_id: string;
  provider_npi: string;
  posted_at: string;
};

/** A billing hold on a visit (migration 0011); released rows are kept. */
export type VisitHoldsTable = {
  clinic_id: string;
  id: string;
  visit_id: string;
  reason: string;
  held_by: string | null;
  held_at: string;
  released_by: string | null;
  release_reason: string | null;
  released_at: string | null;
};

/** The tables migrations 0005 and 0008 add, and the holds of 0011. */
export type ClaimTables = {
  claim_settings: ClaimSettingsTable;
  claim_exports: ClaimExportsTable;
  claims: ClaimsTable;
  claim_lines: ClaimLinesTable;
  claim_visits: ClaimVisitsTable;
  claim_events: ClaimEventsTable;
  remittances: RemittancesTable;
  remittance_claims: RemittanceClaimsTable;
  remittance_payments: RemittancePaymentsTable;
  remittance_lines: RemittanceLinesTable;
  adjustments: AdjustmentsTable;
  visit_holds: VisitHoldsTable;
};
