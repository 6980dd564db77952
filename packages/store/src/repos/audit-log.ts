import { type Kysely, type Selectable, sql } from 'kysely';
import { chainHash } from '../audit-chain.ts';
import type { AuditLogTable, Database } from '../db/schema.ts';
import type { AuditEntry, AuditLogRepository, NewAuditEntry } from '../types.ts';
import { auditLabels } from './audit-labels.ts';
import { fromJson, inTransaction, newId, normalizeInstant, type RepoContext, toJson } from './context.ts';
import { decodeCursor, pageLimit, toPage } from './pagination.ts';

/** Row to domain object. */
function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    userId: row.user_id,
    at: row.at,
    action: row.action,
    patientId: row.patient_id,
    entity: row.entity,
    entityId: row.entity_id,
    ip: row.ip,
    detail: fromJson<Record<string, unknown> | null>(row.detail, null),
  };
}

/** Rows per INSERT: 10 columns each stays far under both engines' limit on bound parameters. */
const BATCH_ROWS = 500;

/** An audit row before it has its place in the chain. */
type UnchainedRow = Omit<Selectable<AuditLogTable>, 'seq' | 'chain_hash'>;

/** A new entry as its row (a fresh id; `at` normalised, or the store's clock). */
function toRow(clinicId: string, entry: NewAuditEntry, now: () => string): UnchainedRow {
  return {
    clinic_id: clinicId,
    id: newId(),
    user_id: entry.userId ?? null,
    at: entry.at ? normalizeInstant(entry.at) : now(),
    action: entry.action,
    patient_id: entry.patientId ?? null,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    ip: entry.ip ?? null,
    detail: toJson(entry.detail),
  };
}

/**
 * Gives each row its `seq` and `chain_hash` after the clinic's last entry, inside the caller's transaction. On
 * PostgreSQL a per-clinic advisory transaction lock (released at commit) makes concurrent writers take turns, taken
 * in clinic-id order so two batches never wait on each other in a cycle; SQLite's BEGIN IMMEDIATE already serialises
 * writers. The unique (clinic_id, seq) index refuses a fork should anything slip past.
 */
async function chainRows(trx: Kysely<Database>, engine: RepoContext['engine'], rows: UnchainedRow[]) {
  const clinics = [...new Set(rows.map((r) => r.clinic_id))].sort();
  const tail = new Map<string, { seq: number; hash: string }>();
  for (const clinicId of clinics) {
    if (engine === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`unitwise:audit-chain:${clinicId}`}))`.execute(trx);
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'chain_hash'])
      .where('clinic_id', '=', clinicId)
      .where('seq', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    tail.set(clinicId, { seq: last?.seq ?? 0, hash: last?.chain_hash ?? '' });
  }
  return rows.map((row): Selectable<AuditLogTable> => {
    const prev = tail.get(row.clinic_id) ?? { seq: 0, hash: '' };
    const seq = prev.seq + 1;
    const hash = chainHash(prev.hash, { ...row, seq });
    tail.set(row.clinic_id, { seq, hash });
    return { ...row, seq, chain_hash: hash };
  });
}

/**
 * The audit log: who did what to which patient's data, when and from where. Append-only (triggers refuse UPDATE
 * and DELETE in both engines). `detail` carries ids and counts, never note text or names.
 * @param ctx - database and clock
 */
export function auditLogRepository(ctx: RepoContext): AuditLogRepository {
  const { db } = ctx;
  return {
    async append(clinicId, entry) {
      const unchained = toRow(clinicId, entry, () => ctx.now());
      const [row] = await inTransaction(db, async (trx) => {
        const chained = await chainRows(trx, ctx.engine, [unchained]);
        await trx.insertInto('audit_log').values(chained).execute();
        return chained;
      });
      return toEntry(row ?? { ...unchained, seq: null, chain_hash: null });
    },
    async appendMany(entries) {
      if (entries.length === 0) return;
      const unchained = entries.map((e) => toRow(e.clinicId, e, () => ctx.now()));
      await inTransaction(db, async (trx) => {
        const rows = await chainRows(trx, ctx.engine, unchained);
        for (let i = 0; i < rows.length; i += BATCH_ROWS)
          await trx
            .insertInto('audit_log')
            .values(rows.slice(i, i + BATCH_ROWS))
            .execute();
      });
    },
    async list(clinicId, query) {
      const limit = pageLimit(query);
      const after = decodeCursor(query?.cursor, 2);
      let q = db.selectFrom('audit_log').selectAll().where('clinic_id', '=', clinicId);
      if (query?.userId) q = q.where('user_id', '=', query.userId);
      if (query?.patientId) q = q.where('patient_id', '=', query.patientId);
      if (query?.action) q = q.where('action', '=', query.action);
      if (query?.entity) q = q.where('entity', '=', query.entity);
      if (query?.hideLists) q = q.where('action', 'not like', '%.list');
      if (query?.from) q = q.where('at', '>=', normalizeInstant(query.from));
      if (query?.to) q = q.where('at', '<=', normalizeInstant(query.to));
      if (after) q = q.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(String(after[0]), String(after[1]))));
      const rows = await q
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, (r) => [r.at, r.id], toEntry);
    },
    labels: (clinicId, refs) => auditLabels(db, clinicId, refs),
  };
}
