import type { Selectable } from 'kysely';
import type { IdempotencyKeysTable } from '../db/schema.ts';
import type { IdempotencyRecord, IdempotencyRepository } from '../types.ts';
import { affected, normalizeInstant, type RepoContext } from './context.ts';

/** Row to domain object. */
function toRecord(row: Selectable<IdempotencyKeysTable>): IdempotencyRecord {
  return {
    clinicId: row.clinic_id,
    userId: row.user_id,
    key: row.key,
    requestHash: row.request_hash,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    createdAt: row.created_at,
  };
}

/**
 * Responses of creating POSTs by Idempotency-Key, per clinic and user, so a retry gets the first answer.
 * @param ctx - database and clock
 */
export function idempotencyRepository(ctx: RepoContext): IdempotencyRepository {
  const { db } = ctx;
  const get = async (clinicId: string, userId: string, key: string) => {
    const row = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && toRecord(row);
  };
  return {
    get,
    async put(clinicId, input) {
      const row = {
        clinic_id: clinicId,
        user_id: input.userId,
        key: input.key,
        request_hash: input.requestHash,
        response_status: input.responseStatus,
        response_body: input.responseBody,
        created_at: ctx.now(),
      };
      // ON CONFLICT DO NOTHING: of two racing first requests, one stores; the other reads what it stored.
      const r = await db
        .insertInto('idempotency_keys')
        .values(row)
        .onConflict((oc) => oc.columns(['clinic_id', 'user_id', 'key']).doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) > 0) return { created: true, record: toRecord(row) };
      const existing = await get(clinicId, input.userId, input.key);
      return { created: false, record: existing ?? toRecord(row) };
    },
    async purge(before) {
      const r = await db
        .deleteFrom('idempotency_keys')
        .where('created_at', '<', normalizeInstant(before))
        .executeTakeFirst();
      return affected(r);
    },
  };
}
