import type { KyselyAny, StoreMigration } from './migration.ts';

/** Fee schedules and payer policies (effective-dated), idempotency keys, and the audit log. */
async function up(db: KyselyAny): Promise<void> {
  await db.schema
    .createTable('fee_schedules')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payer_policy_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('cents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('fee_schedules_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('fee_schedules_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .execute();
  await db.schema
    .createIndex('fee_schedules_lookup_idx')
    .on('fee_schedules')
    .columns(['clinic_id', 'payer_policy_id', 'code', 'effective_from'])
    .execute();

  await db.schema
    .createTable('payer_policies')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payer_policies_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('payer_policies_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['clinic_id', 'user_id', 'key'])
    .addForeignKeyConstraint('idempotency_keys_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_created_idx')
    .on('idempotency_keys')
    .columns(['clinic_id', 'created_at'])
    .execute();

  // No foreign keys to users or patients: the log outlives what it mentions.
  await db.schema
    .createTable('audit_log')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('audit_log_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('audit_log_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['clinic_id', 'at', 'id']).execute();
  await db.schema
    .createIndex('audit_log_patient_idx')
    .on('audit_log')
    .columns(['clinic_id', 'patient_id', 'at'])
    .execute();
}

export const migration: StoreMigration = { name: '0003-fees-idempotency-audit', up };
