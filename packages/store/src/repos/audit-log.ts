import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema.ts';
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

/** A new entry as its row (a fresh id; `at` normalised, or the store's clock). */
function toRow(clinicId: string, entry: NewAuditEntry, now: () => string): Selectable<AuditLogTable> {
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
 * The audit log: who did what to which patient's data, when and from where. Append-only (triggers refuse UPDATE
 * and DELETE in both engines). `detail` carries ids and counts, never note text or names.
 * @param ctx - database and clock
 */
export function auditLogRepository(ctx: RepoContext): AuditLogRepository {
  const { db } = ctx;
  return {
    async append(clinicId, entry) {
      const row = toRow(clinicId, entry, () => ctx.now());
      await db.insertInto('audit_log').values(row).execute();
      return toEntry(row);
    },
    async appendMany(entries) {
      if (entries.length === 0) return;
      const rows = entries.map((e) => toRow(e.clinicId, e, () => ctx.now()));
      if (rows.length <= BATCH_ROWS) {
        await db.insertInto('audit_log').values(rows).execute();
        return;
      }
      await inTransaction(db, async (trx) => {
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
