import { sql } from 'kysely';
import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * Billing holds: a biller keeps a signed visit off claims, with a reason, until released. Rows are kept after release
 * (who released it, when and why) so the visit's billing history stays readable; at most one hold stands per visit.
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema
    .createTable('visit_holds')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('held_by', 'text')
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('released_by', 'text')
    .addColumn('release_reason', 'text')
    .addColumn('released_at', 'text')
    .addPrimaryKeyConstraint('visit_holds_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('visit_holds_visit_fkey', ['clinic_id', 'visit_id'], 'visits', ['clinic_id', 'id'])
    .execute();
  // One standing hold per visit: two billers holding at once leave one row, the other gets a unique violation.
  await db.schema
    .createIndex('visit_holds_standing_idx')
    .on('visit_holds')
    .columns(['clinic_id', 'visit_id'])
    .unique()
    .where(sql.ref('released_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('visit_holds_visit_idx')
    .on('visit_holds')
    .columns(['clinic_id', 'visit_id', 'held_at'])
    .execute();
}

export const migration: StoreMigration = { name: '0011-visit-holds', up };
