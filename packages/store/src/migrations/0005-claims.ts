import { sql } from 'kysely';
import type { KyselyAny, StoreMigration } from './migration.ts';

// A copy, not an import: a shipped migration must not change when the package it names does.
const CLAIM_STATUSES = ['draft', 'ready', 'exported', 'paid', 'partly-paid', 'denied', 'corrected', 'voided'];

function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/**
 * Claims and remittances: the clinic's billing settings and counters, claims with their lines, visits and status
 * history, 837P exports, and posted 835 remittances with their claims, lines and adjustments. Every key leads with
 * clinic_id (Citus distribution column, see README); a unique (clinic_id, file_key) makes one 835 post once.
 */
async function up(db: KyselyAny): Promise<void> {
  // One row per clinic: billing provider, submitter/receiver (JSON) and the counters for CLM01 and ISA13/GS06.
  await db.schema
    .createTable('claim_settings')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('next_claim_seq', 'integer', (c) => c.notNull())
    .addColumn('next_control', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_settings_pkey', ['clinic_id'])
    .addForeignKeyConstraint('claim_settings_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .execute();

  await db.schema
    .createTable('claim_exports')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('interchange_control', 'integer', (c) => c.notNull())
    .addColumn('group_control', 'integer', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('charge_cents', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_exports_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('claim_exports_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .addUniqueConstraint('claim_exports_control_key', ['clinic_id', 'interchange_control'])
    .execute();
  await db.schema
    .createIndex('claim_exports_created_idx')
    .on('claim_exports')
    .columns(['clinic_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // CLM01, echoed as the 835's CLP01.
    .addColumn('claim_number', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('payer_id', 'text')
    .addColumn('payer_policy_id', 'text', (c) => c.notNull())
    .addColumn('rendering_npi', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('first_date', 'text', (c) => c.notNull())
    .addColumn('last_date', 'text', (c) => c.notNull())
    .addColumn('charge_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('patient_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claim', 'text', (c) => c.notNull())
    .addColumn('scrub_errors', 'text', (c) => c.notNull())
    .addColumn('scrub_warnings', 'text', (c) => c.notNull())
    .addColumn('payer_claim_number', 'text')
    .addColumn('replaces_claim_id', 'text')
    .addColumn('export_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claims_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('claims_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .addForeignKeyConstraint('claims_patient_fkey', ['clinic_id', 'patient_id'], 'patients', ['clinic_id', 'id'])
    .addUniqueConstraint('claims_number_key', ['clinic_id', 'claim_number'])
    // The statuses of @unitwise/edi CLAIM_STATUSES; frequency codes CLM05-3 1, 7, 8 (x12.md §3).
    .addCheckConstraint('claims_status_check', oneOf('status', CLAIM_STATUSES))
    .addCheckConstraint('claims_frequency_check', oneOf('frequency', ['1', '7', '8']))
    .execute();
  await db.schema
    .createIndex('claims_status_idx')
    .on('claims')
    .columns(['clinic_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('claims_created_idx').on('claims').columns(['clinic_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('claims_patient_idx').on('claims').columns(['clinic_id', 'patient_id']).execute();
  await db.schema.createIndex('claims_export_idx').on('claims').columns(['clinic_id', 'export_id']).execute();

  await db.schema
    .createTable('claim_lines')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('control_number', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('modifiers', 'text', (c) => c.notNull())
    .addColumn('date_of_service', 'text', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('charge_cents', 'integer', (c) => c.notNull())
    .addColumn('expected_cents', 'integer')
    .addColumn('paid_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contractual_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('patient_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('other_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('claim_lines_pkey', ['clinic_id', 'claim_id', 'ordinal'])
    .addForeignKeyConstraint('claim_lines_claim_fkey', ['clinic_id', 'claim_id'], 'claims', ['clinic_id', 'id'])
    .execute();

  // Which visits a claim bills: a visit on a live claim (not corrected or voided) is not built again.
  await db.schema
    .createTable('claim_visits')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_visits_pkey', ['clinic_id', 'visit_id', 'claim_id'])
    .addForeignKeyConstraint('claim_visits_claim_fkey', ['clinic_id', 'claim_id'], 'claims', ['clinic_id', 'id'])
    .addForeignKeyConstraint('claim_visits_visit_fkey', ['clinic_id', 'visit_id'], 'visits', ['clinic_id', 'id'])
    .execute();
  await db.schema.createIndex('claim_visits_claim_idx').on('claim_visits').columns(['clinic_id', 'claim_id']).execute();

  await db.schema
    .createTable('claim_events')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('claim_events_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('claim_events_claim_fkey', ['clinic_id', 'claim_id'], 'claims', ['clinic_id', 'id'])
    .execute();
  await db.schema
    .createIndex('claim_events_claim_idx')
    .on('claim_events')
    .columns(['clinic_id', 'claim_id', 'at'])
    .execute();

  await db.schema
    .createTable('remittances')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // edi remittanceKey: TRN traces + SHA-256 of the bytes; unique per clinic so a file posts once.
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('trace_numbers', 'text', (c) => c.notNull())
    .addColumn('payer_id', 'text', (c) => c.notNull())
    .addColumn('payer_name', 'text', (c) => c.notNull())
    .addColumn('payment_date', 'text')
    .addColumn('payment_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_cents', 'integer', (c) => c.notNull())
    .addColumn('contractual_cents', 'integer', (c) => c.notNull())
    .addColumn('patient_cents', 'integer', (c) => c.notNull())
    .addColumn('other_cents', 'integer', (c) => c.notNull())
    .addColumn('balance', 'text', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('unknown_claims', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('posted_by', 'text')
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('remittances_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('remittances_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .execute();
  await db.schema
    .createIndex('remittances_file_key_idx')
    .on('remittances')
    .columns(['clinic_id', 'file_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('remittances_posted_idx')
    .on('remittances')
    .columns(['clinic_id', 'posted_at', 'id'])
    .execute();

  await db.schema
    .createTable('remittance_claims')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('remittance_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('claim_id', 'text')
    .addColumn('claim_number', 'text', (c) => c.notNull())
    .addColumn('payer_status', 'text', (c) => c.notNull())
    .addColumn('payer_claim_number', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('new_status', 'text')
    .addColumn('status_error', 'text')
    .addColumn('paid_cents', 'integer', (c) => c.notNull())
    .addColumn('patient_cents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('remittance_claims_pkey', ['clinic_id', 'remittance_id', 'ordinal'])
    .addForeignKeyConstraint('remittance_claims_remit_fkey', ['clinic_id', 'remittance_id'], 'remittances', [
      'clinic_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('remittance_claims_claim_idx')
    .on('remittance_claims')
    .columns(['clinic_id', 'claim_id'])
    .execute();

  await db.schema
    .createTable('remittance_lines')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('remittance_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('claim_ordinal', 'integer', (c) => c.notNull())
    .addColumn('claim_id', 'text')
    .addColumn('control_number', 'text')
    .addColumn('matched_by', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('date_of_service', 'text')
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('charge_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_cents', 'integer', (c) => c.notNull())
    .addColumn('contractual_cents', 'integer', (c) => c.notNull())
    .addColumn('patient_cents', 'integer', (c) => c.notNull())
    .addColumn('other_cents', 'integer', (c) => c.notNull())
    .addColumn('expected_cents', 'integer')
    .addColumn('variance_cents', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('remarks', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('remittance_lines_pkey', ['clinic_id', 'remittance_id', 'ordinal'])
    .addForeignKeyConstraint('remittance_lines_remit_fkey', ['clinic_id', 'remittance_id'], 'remittances', [
      'clinic_id',
      'id',
    ])
    .execute();

  // CAS adjustments, claim level (line_ordinal null) or line level; payer and provider kept for the denial report.
  await db.schema
    .createTable('adjustments')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('remittance_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('claim_ordinal', 'integer', (c) => c.notNull())
    .addColumn('line_ordinal', 'integer')
    .addColumn('claim_id', 'text')
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payer_id', 'text', (c) => c.notNull())
    .addColumn('provider_npi', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('adjustments_pkey', ['clinic_id', 'remittance_id', 'ordinal'])
    .addForeignKeyConstraint('adjustments_remit_fkey', ['clinic_id', 'remittance_id'], 'remittances', [
      'clinic_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('adjustments_denial_idx')
    .on('adjustments')
    .columns(['clinic_id', 'kind', 'posted_at'])
    .execute();
}

export const migration: StoreMigration = { name: '0005-claims', up };
