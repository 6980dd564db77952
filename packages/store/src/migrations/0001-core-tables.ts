import { sql } from 'kysely';
import type { KyselyAny, StoreMigration } from './migration.ts';

/** Check constraint text: `column in ('a', 'b')`. */
function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** Tenancy, accounts, people and payers: clinics, users, roles, sessions, tokens, providers, patients, coverages. */
async function up(db: KyselyAny): Promise<void> {
  await db.schema
    .createTable('clinics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_salt', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('users_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('users_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .addCheckConstraint('users_status_check', oneOf('status', ['active', 'disabled']))
    .execute();

  // Global uniqueness of email, kept apart so that `users` stays distributable by clinic (README, Citus).
  await db.schema
    .createTable('user_emails')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('user_emails_user_fkey', ['clinic_id', 'user_id'], 'users', ['clinic_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pkey', ['clinic_id', 'user_id', 'role'])
    .addForeignKeyConstraint('user_roles_user_fkey', ['clinic_id', 'user_id'], 'users', ['clinic_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .addCheckConstraint(
      'user_roles_role_check',
      oneOf('role', ['owner', 'therapist', 'assistant', 'biller', 'auditor']),
    )
    .execute();

  for (const table of ['sessions', 'api_tokens'] as const) {
    let t = db.schema
      .createTable(table)
      .addColumn('clinic_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull());
    t =
      table === 'sessions'
        ? t.addColumn('csrf_token', 'text', (c) => c.notNull()).addColumn('expires_at', 'text', (c) => c.notNull())
        : t
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('last_used_at', 'text')
            .addColumn('revoked_at', 'text');
    await t
      .addPrimaryKeyConstraint(`${table}_pkey`, ['clinic_id', 'id'])
      .addForeignKeyConstraint(`${table}_user_fkey`, ['clinic_id', 'user_id'], 'users', ['clinic_id', 'id'], (f) =>
        f.onDelete('cascade'),
      )
      .execute();
    // Looked up by token alone (the request carries nothing else); not unique so it stays legal on Citus.
    await db.schema.createIndex(`${table}_token_hash_idx`).on(table).column('token_hash').execute();
    await db.schema.createIndex(`${table}_user_idx`).on(table).columns(['clinic_id', 'user_id']).execute();
  }

  await db.schema
    .createTable('providers')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('npi', 'text', (c) => c.notNull())
    .addColumn('discipline', 'text', (c) => c.notNull())
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('providers_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('providers_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .addForeignKeyConstraint('providers_user_fkey', ['clinic_id', 'user_id'], 'users', ['clinic_id', 'id'])
    .addCheckConstraint('providers_discipline_check', oneOf('discipline', ['PT', 'OT', 'SLP']))
    .addCheckConstraint('providers_credential_check', oneOf('credential', ['PT', 'PTA', 'OT', 'OTA', 'SLP', 'SLPA']))
    .execute();
  await db.schema.createIndex('providers_user_idx').on('providers').columns(['clinic_id', 'user_id']).execute();

  await db.schema
    .createTable('patients')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('address_line1', 'text')
    .addColumn('address_line2', 'text')
    .addColumn('city', 'text')
    .addColumn('state', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('phone', 'text')
    .addColumn('external_id', 'text')
    .addColumn('primary_therapist_id', 'text')
    .addColumn('history', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('patients_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('patients_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .addForeignKeyConstraint('patients_therapist_fkey', ['clinic_id', 'primary_therapist_id'], 'providers', [
      'clinic_id',
      'id',
    ])
    .addCheckConstraint('patients_sex_check', oneOf('sex', ['F', 'M', 'U']))
    .execute();
  await db.schema
    .createIndex('patients_name_idx')
    .on('patients')
    .columns(['clinic_id', 'last_name', 'first_name', 'id'])
    .execute();
  await db.schema.createIndex('patients_external_idx').on('patients').columns(['clinic_id', 'external_id']).execute();

  await db.schema
    .createTable('payers')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('x12_payer_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payers_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('payers_clinic_fkey', ['clinic_id'], 'clinics', ['id'])
    .execute();

  await db.schema
    .createTable('coverages')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('payer_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('group_number', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coverages_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('coverages_patient_fkey', ['clinic_id', 'patient_id'], 'patients', ['clinic_id', 'id'])
    .addForeignKeyConstraint('coverages_payer_fkey', ['clinic_id', 'payer_id'], 'payers', ['clinic_id', 'id'])
    .execute();
  await db.schema.createIndex('coverages_patient_idx').on('coverages').columns(['clinic_id', 'patient_id']).execute();
}

export const migration: StoreMigration = { name: '0001-core-tables', up };
