import { sql } from 'kysely';
import { type ChainedFields, chainHash } from '../audit-chain.ts';
import type { Engine } from '../types.ts';
import { APPEND_ONLY_MESSAGE } from './0004-immutability-triggers.ts';
import type { KyselyAny, StoreMigration } from './migration.ts';

/** Rows read per page while filling the chain of existing entries. */
const PAGE = 1000;

/** Fills `seq` and `chain_hash` of one clinic's existing entries in (at, id) order, the log's own order. */
async function fillClinic(db: KyselyAny, clinicId: string): Promise<void> {
  let previous = '';
  let seq = 0;
  let after: { at: string; id: string } | undefined;
  for (;;) {
    let q = db.selectFrom('audit_log').selectAll().where('clinic_id', '=', clinicId);
    if (after) {
      const a = after;
      q = q.where((eb) => eb(eb.refTuple('at', 'id'), '>', eb.tuple(a.at, a.id)));
    }
    // Untyped migration handle: the row is the 0003 table's columns, which ChainedFields names (less seq).
    const rows = (await q.orderBy('at').orderBy('id').limit(PAGE).execute()) as Omit<ChainedFields, 'seq'>[];
    for (const row of rows) {
      seq += 1;
      previous = chainHash(previous, { ...row, seq });
      await db
        .updateTable('audit_log')
        .set({ seq, chain_hash: previous })
        .where('clinic_id', '=', clinicId)
        .where('id', '=', row.id)
        .execute();
    }
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    if (last) after = { at: last.at, id: last.id };
  }
}

/**
 * A hash chain over the audit log (issue 18): `seq` numbers each clinic's entries from 1 and `chain_hash` is
 * SHA-256 of the previous entry's hash and this entry, so `unitwise verify` can name the first altered or missing
 * row. Existing rows are chained in order here, with the append-only UPDATE trigger (0004) lifted for the fill only.
 */
async function up(db: KyselyAny, engine: Engine): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('seq', 'integer').execute();
  await db.schema.alterTable('audit_log').addColumn('chain_hash', 'text').execute();
  // Two writers can never take the same place in a clinic's chain: the loser's insert fails instead of forking it.
  await db.schema.createIndex('audit_log_seq_idx').on('audit_log').columns(['clinic_id', 'seq']).unique().execute();

  if (engine === 'sqlite') await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  else await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
  const clinics = await db.selectFrom('audit_log').select('clinic_id').distinct().orderBy('clinic_id').execute();
  for (const c of clinics) await fillClinic(db, c.clinic_id);
  // The same trigger as 0004 made, so the log is append-only again before the migration commits.
  if (engine === 'sqlite')
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '${sql.raw(APPEND_ONLY_MESSAGE)}'); END`.execute(
      db,
    );
  else await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
}

export const migration: StoreMigration = { name: '0016-audit-chain', up };
