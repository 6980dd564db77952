import { sql } from 'kysely';
import type { Store } from '../../src/index.ts';

/**
 * Fault injection with a real trigger: audit_log refuses entries of one action until the returned function runs, so a
 * test can see what a write does when its audit entry cannot be written. Shared with the HTTP suite.
 * @param store - the store whose database gets the trigger
 * @param action - the audit action to refuse, e.g. 'visit.sign'
 */
export async function refuseAuditAction(store: Store, action: string): Promise<() => Promise<void>> {
  const db = store.db;
  if (store.engine === 'sqlite') {
    await sql`CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log WHEN NEW.action = ${sql.lit(action)}
      BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END`.execute(db);
    return async () => void (await sql`DROP TRIGGER audit_refused`.execute(db));
  }
  await sql`CREATE FUNCTION audit_refused() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.action = ${sql.lit(action)} THEN RAISE EXCEPTION 'audit refused by the test'; END IF; RETURN NEW; END $$`.execute(
    db,
  );
  await sql`CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_refused()`.execute(
    db,
  );
  return async () => void (await sql`DROP FUNCTION audit_refused() CASCADE`.execute(db));
}
