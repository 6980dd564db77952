import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * One payment posts once, whatever bytes carry it (issue 16). `remittance_payments` holds each posted payment's
 * identity (edi `paymentIdentity`: payer id + TRN02 + BPR02 + BPR16), unique per clinic; `remittance_claims.claim_key`
 * holds each posted claim payment's identity (edi `claimPaymentKey`: CLP01 + CLP07 + payment or reversal + n), unique
 * per clinic (NULL, for claims that did not match and posted nothing, never collides). The file key (bytes) stops
 * being unique: a payment re-sent once its missing claims were exported posts those claims as a second record.
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema
    .createTable('remittance_payments')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('payment_key', 'text', (c) => c.notNull())
    .addColumn('remittance_id', 'text', (c) => c.notNull())
    .addColumn('payer_id', 'text', (c) => c.notNull())
    .addColumn('trace_number', 'text', (c) => c.notNull())
    .addColumn('payment_cents', 'integer', (c) => c.notNull())
    .addColumn('payment_date', 'text')
    // The primary key is the unique identity: two concurrent posts of one payment leave one row.
    .addPrimaryKeyConstraint('remittance_payments_pkey', ['clinic_id', 'payment_key'])
    .addForeignKeyConstraint('remittance_payments_remit_fkey', ['clinic_id', 'remittance_id'], 'remittances', [
      'clinic_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('remittance_payments_trace_idx')
    .on('remittance_payments')
    .columns(['clinic_id', 'payer_id', 'trace_number'])
    .execute();

  await db.schema.alterTable('remittance_claims').addColumn('claim_key', 'text').execute();
  await db.schema.alterTable('remittance_claims').addColumn('payment_key', 'text').execute();
  await db.schema.alterTable('remittance_claims').addColumn('unmatched_reason', 'text').execute();
  await db.schema.alterTable('remittance_claims').addColumn('unmatched_message', 'text').execute();
  await db.schema
    .createIndex('remittance_claims_key_idx')
    .on('remittance_claims')
    .columns(['clinic_id', 'claim_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('remittance_claims_payment_idx')
    .on('remittance_claims')
    .columns(['clinic_id', 'payment_key'])
    .execute();

  await db.schema.dropIndex('remittances_file_key_idx').execute();
  await db.schema
    .createIndex('remittances_file_key_idx')
    .on('remittances')
    .columns(['clinic_id', 'file_key'])
    .execute();
}

export const migration: StoreMigration = { name: '0008-posting-identity', up };
