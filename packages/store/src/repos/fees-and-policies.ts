import type { PayerPolicyInput } from '@unitwise/rules';
import type { Selectable } from 'kysely';
import type { FeeSchedulesTable, PayerPoliciesTable } from '../db/schema.ts';
import type { FeeScheduleRepository, FeeScheduleRow, PayerPolicyRepository, StoredPayerPolicy } from '../types.ts';
import { affected, inTransaction, newId, type RepoContext } from './context.ts';

/** Row to domain object. */
function toFeeRow(row: Selectable<FeeSchedulesTable>): FeeScheduleRow {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    payerPolicyId: row.payer_policy_id,
    code: row.code,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    cents: row.cents,
  };
}

/** Row to domain object. */
function toPolicy(row: Selectable<PayerPoliciesTable>): StoredPayerPolicy {
  return {
    clinicId: row.clinic_id,
    id: row.id,
    policy: JSON.parse(row.definition) as PayerPolicyInput,
    updatedAt: row.updated_at,
  };
}

/**
 * A clinic's contracted rates per payer policy and code, effective-dated.
 * @param ctx - database and clock
 */
export function feeScheduleRepository(ctx: RepoContext): FeeScheduleRepository {
  const { db } = ctx;
  return {
    async add(clinicId, input) {
      const rows = input.map(
        (r): Selectable<FeeSchedulesTable> => ({
          clinic_id: clinicId,
          id: newId(),
          payer_policy_id: r.payerPolicyId,
          code: r.code,
          effective_from: r.effectiveFrom,
          effective_to: r.effectiveTo ?? null,
          cents: r.cents,
        }),
      );
      if (rows.length === 0) return [];
      await inTransaction(db, async (trx) => {
        // Chunks keep each statement under SQLite's bound-parameter limit.
        for (let i = 0; i < rows.length; i += 500) {
          await trx
            .insertInto('fee_schedules')
            .values(rows.slice(i, i + 500))
            .execute();
        }
      });
      return rows.map(toFeeRow);
    },
    async list(clinicId, payerPolicyId, on) {
      let q = db
        .selectFrom('fee_schedules')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('payer_policy_id', '=', payerPolicyId);
      if (on) {
        q = q
          .where('effective_from', '<=', on)
          .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', on)]));
      }
      const rows = await q.orderBy('code').orderBy('effective_from').orderBy('id').execute();
      return rows.map(toFeeRow);
    },
    async remove(clinicId, rowId) {
      const r = await db
        .deleteFrom('fee_schedules')
        .where('clinic_id', '=', clinicId)
        .where('id', '=', rowId)
        .executeTakeFirst();
      return affected(r) > 0;
    },
  };
}

/**
 * A clinic's own payer policies (or overrides of the built-in ones), kept as the rules' PayerPolicyInput JSON.
 * @param ctx - database and clock
 */
export function payerPolicyRepository(ctx: RepoContext): PayerPolicyRepository {
  const { db } = ctx;
  return {
    async put(clinicId, policy) {
      const row = { clinic_id: clinicId, id: policy.id, definition: JSON.stringify(policy), updated_at: ctx.now() };
      await db
        .insertInto('payer_policies')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['clinic_id', 'id']).doUpdateSet({ definition: row.definition, updated_at: row.updated_at }),
        )
        .execute();
      return toPolicy(row);
    },
    async get(clinicId, policyId) {
      const row = await db
        .selectFrom('payer_policies')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('id', '=', policyId)
        .executeTakeFirst();
      return row && toPolicy(row);
    },
    async list(clinicId) {
      const rows = await db
        .selectFrom('payer_policies')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .orderBy('id')
        .execute();
      return rows.map(toPolicy);
    },
  };
}
