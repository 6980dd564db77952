import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * The signature's attestation, kept with the signature on `visits`: the signer's name and credential as signed,
 * the statement they confirmed, and the warnings they saw and confirmed (JSON list). Null on drafts and on notes
 * signed before this migration. Same statements on both engines; the 0004 triggers freeze them once signed.
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema.alterTable('visits').addColumn('signer_name', 'text').execute();
  await db.schema.alterTable('visits').addColumn('signer_credential', 'text').execute();
  await db.schema.alterTable('visits').addColumn('attestation', 'text').execute();
  await db.schema.alterTable('visits').addColumn('warnings_confirmed', 'text').execute();
}

export const migration: StoreMigration = { name: '0013-visit-signature', up };
