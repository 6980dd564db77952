import { sql } from 'kysely';
import type { Engine } from '../types.ts';
import { APPEND_ONLY_MESSAGE, SIGNED_MESSAGE } from './0004-immutability-triggers.ts';
import type { KyselyAny, StoreMigration } from './migration.ts';

/** Append-only tables keyed by (clinic_id, id) that a REPLACE could rewrite. */
const APPEND_ONLY = ['audit_log', 'addenda'] as const;

/**
 * SQLite: `INSERT OR REPLACE` deletes the old row without firing its DELETE triggers unless `recursive_triggers` is
 * on (sqlite.org/lang_conflict.html), and that pragma is per connection, so any other client could still rewrite.
 * A BEFORE INSERT trigger that refuses an existing key holds for every connection. Visit children already refuse
 * any insert on a signed visit (0004). PostgreSQL needs nothing: `ON CONFLICT DO UPDATE` fires the 0004 UPDATE
 * triggers (the test in store/test/no-replace.test.ts proves both).
 */
async function up(db: KyselyAny, engine: Engine): Promise<void> {
  if (engine !== 'sqlite') return;
  await sql`CREATE TRIGGER visits_signed_no_replace BEFORE INSERT ON visits FOR EACH ROW
    WHEN EXISTS (SELECT 1 FROM visits v WHERE v.clinic_id = NEW.clinic_id AND v.id = NEW.id AND v.status = 'signed')
    BEGIN SELECT RAISE(ABORT, '${sql.raw(SIGNED_MESSAGE)}'); END`.execute(db);
  for (const table of APPEND_ONLY) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_replace`)} BEFORE INSERT ON ${sql.table(table)} FOR EACH ROW
      WHEN EXISTS (SELECT 1 FROM ${sql.table(table)} o WHERE o.clinic_id = NEW.clinic_id AND o.id = NEW.id)
      BEGIN SELECT RAISE(ABORT, '${sql.raw(APPEND_ONLY_MESSAGE)}'); END`.execute(db);
  }
}

export const migration: StoreMigration = { name: '0014-no-replace', up };
