import { sql } from 'kysely';
import type { Engine } from '../types.ts';
import type { KyselyAny, StoreMigration } from './migration.ts';

/** Messages the repositories recognise (errors.ts); they name no patient data. */
export const SIGNED_MESSAGE = 'unitwise: signed visit is immutable';
export const APPEND_ONLY_MESSAGE = 'unitwise: table is append-only';

/** Tables whose rows belong to one visit and freeze when it is signed. */
const VISIT_CHILDREN = ['visit_services', 'time_segments', 'non_billable', 'findings', 'overrides'] as const;
/** Tables that only ever grow. */
const APPEND_ONLY = ['audit_log', 'addenda'] as const;

/** SQLite: BEFORE triggers that RAISE(ABORT) inside the statement, so the whole statement (and transaction) fails. */
async function sqliteTriggers(db: KyselyAny): Promise<void> {
  const abort = sql.raw(`SELECT RAISE(ABORT, '${SIGNED_MESSAGE}');`);
  await sql`CREATE TRIGGER visits_signed_no_update BEFORE UPDATE ON visits FOR EACH ROW
    WHEN OLD.status = 'signed' BEGIN ${abort} END`.execute(db);
  await sql`CREATE TRIGGER visits_signed_no_delete BEFORE DELETE ON visits FOR EACH ROW
    WHEN OLD.status = 'signed' BEGIN ${abort} END`.execute(db);
  const signed = (row: 'NEW' | 'OLD') =>
    sql.raw(
      `EXISTS (SELECT 1 FROM visits v WHERE v.clinic_id = ${row}.clinic_id AND v.id = ${row}.visit_id AND v.status = 'signed')`,
    );
  for (const table of VISIT_CHILDREN) {
    const t = sql.table(table);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_signed_no_insert`)} BEFORE INSERT ON ${t} FOR EACH ROW
      WHEN ${signed('NEW')} BEGIN ${abort} END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_signed_no_update`)} BEFORE UPDATE ON ${t} FOR EACH ROW
      WHEN ${signed('OLD')} OR ${signed('NEW')} BEGIN ${abort} END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_signed_no_delete`)} BEFORE DELETE ON ${t} FOR EACH ROW
      WHEN ${signed('OLD')} BEGIN ${abort} END`.execute(db);
  }
  const refuse = sql.raw(`SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}');`);
  for (const table of APPEND_ONLY) {
    const t = sql.table(table);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${t} BEGIN ${refuse} END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${t} BEGIN ${refuse} END`.execute(db);
  }
}

/**
 * PostgreSQL: plpgsql trigger functions. `SET search_path FROM CURRENT` pins the schema the tables were made in, so
 * the functions find `visits` whatever the caller's search path. TRUNCATE is refused too (it skips row triggers).
 */
async function postgresTriggers(db: KyselyAny): Promise<void> {
  await sql`CREATE FUNCTION unitwise_visit_immutable() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
      IF OLD.status = 'signed' THEN
        RAISE EXCEPTION '${sql.raw(SIGNED_MESSAGE)}' USING ERRCODE = 'P0001';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE FUNCTION unitwise_visit_child_immutable() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
      IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM visits v
          WHERE v.clinic_id = OLD.clinic_id AND v.id = OLD.visit_id AND v.status = 'signed') THEN
        RAISE EXCEPTION '${sql.raw(SIGNED_MESSAGE)}' USING ERRCODE = 'P0001';
      END IF;
      IF TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM visits v
          WHERE v.clinic_id = NEW.clinic_id AND v.id = NEW.visit_id AND v.status = 'signed') THEN
        RAISE EXCEPTION '${sql.raw(SIGNED_MESSAGE)}' USING ERRCODE = 'P0001';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE FUNCTION unitwise_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${sql.raw(APPEND_ONLY_MESSAGE)}' USING ERRCODE = 'P0001';
    END $$`.execute(db);
  await sql`CREATE FUNCTION unitwise_signed_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${sql.raw(SIGNED_MESSAGE)}' USING ERRCODE = 'P0001';
    END $$`.execute(db);

  await sql`CREATE TRIGGER visits_signed_immutable BEFORE UPDATE OR DELETE ON visits
    FOR EACH ROW EXECUTE FUNCTION unitwise_visit_immutable()`.execute(db);
  await sql`CREATE TRIGGER visits_no_truncate BEFORE TRUNCATE ON visits
    FOR EACH STATEMENT EXECUTE FUNCTION unitwise_signed_no_truncate()`.execute(db);
  for (const table of VISIT_CHILDREN) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_signed_immutable`)} BEFORE INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION unitwise_visit_child_immutable()`.execute(db);
  }
  for (const table of APPEND_ONLY) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION unitwise_append_only()`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION unitwise_append_only()`.execute(db);
  }
}

/** A signed visit and everything attached to it never change; the audit log and addenda only grow. */
async function up(db: KyselyAny, engine: Engine): Promise<void> {
  await (engine === 'sqlite' ? sqliteTriggers(db) : postgresTriggers(db));
}

export const migration: StoreMigration = { name: '0004-immutability-triggers', up };
