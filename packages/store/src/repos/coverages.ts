import type { Selectable } from 'kysely';
import type { CoveragesTable, PayersTable } from '../db/schema.ts';
import type { Coverage, CoverageRepository, Payer, PayerRepository } from '../types.ts';
import { affected, inTransaction, newId, type RepoContext } from './context.ts';

/** Row to domain object. */
function toPayer(row: Selectable<PayersTable>): Payer {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    name: row.name,
    policyId: row.policy_id,
    x12PayerId: row.x12_payer_id,
    createdAt: row.created_at,
  };
}

/** Row to domain object. */
function toCoverage(row: Selectable<CoveragesTable>): Coverage {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    payerId: row.payer_id,
    memberId: row.member_id,
    groupNumber: row.group_number,
    priority: row.priority,
    startDate: row.start_date,
    endDate: row.end_date,
    createdAt: row.created_at,
  };
}

/**
 * Payers a clinic bills, each tied to a rules-engine policy.
 * @param ctx - database and clock
 */
export function payerRepository(ctx: RepoContext): PayerRepository {
  const { db } = ctx;
  const get = async (clinicId: string, payerId: string) => {
    const row = await db
      .selectFrom('payers')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('id', '=', payerId)
      .executeTakeFirst();
    return row && toPayer(row);
  };
  return {
    async create(clinicId, input) {
      const row = {
        clinic_id: clinicId,
        id: newId(),
        name: input.name,
        policy_id: input.policyId,
        x12_payer_id: input.x12PayerId ?? null,
        created_at: ctx.now(),
      };
      await db.insertInto('payers').values(row).execute();
      return toPayer(row);
    },
    get,
    async list(clinicId) {
      const rows = await db
        .selectFrom('payers')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toPayer);
    },
    async update(clinicId, payerId, patch) {
      const set: Partial<PayersTable> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.policyId !== undefined) set.policy_id = patch.policyId;
      if (patch.x12PayerId !== undefined) set.x12_payer_id = patch.x12PayerId;
      if (Object.keys(set).length === 0) {
        const payer = await get(clinicId, payerId);
        return payer ? { ok: true, value: payer } : { ok: false, reason: 'not-found' };
      }
      const r = await db
        .updateTable('payers')
        .set(set)
        .where('clinic_id', '=', clinicId)
        .where('id', '=', payerId)
        .executeTakeFirst();
      const payer = affected(r) > 0 ? await get(clinicId, payerId) : undefined;
      return payer ? { ok: true, value: payer } : { ok: false, reason: 'not-found' };
    },
  };
}

/**
 * A patient's insurance: which payer, member id, priority and dates.
 * @param ctx - database and clock
 */
export function coverageRepository(ctx: RepoContext): CoverageRepository {
  const { db } = ctx;
  const get = async (clinicId: string, coverageId: string) => {
    const row = await db
      .selectFrom('coverages')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('id', '=', coverageId)
      .executeTakeFirst();
    return row && toCoverage(row);
  };
  return {
    async create(clinicId, input) {
      return inTransaction(db, async (trx) => {
        const patient = await trx
          .selectFrom('patients')
          .select('id')
          .where('clinic_id', '=', clinicId)
          .where('id', '=', input.patientId)
          .executeTakeFirst();
        if (!patient) return { ok: false, reason: 'patient-not-found' } as const;
        const payer = await trx
          .selectFrom('payers')
          .select('id')
          .where('clinic_id', '=', clinicId)
          .where('id', '=', input.payerId)
          .executeTakeFirst();
        if (!payer) return { ok: false, reason: 'payer-not-found' } as const;
        const row = {
          clinic_id: clinicId,
          id: newId(),
          patient_id: input.patientId,
          payer_id: input.payerId,
          member_id: input.memberId,
          group_number: input.groupNumber ?? null,
          priority: input.priority ?? 1,
          start_date: input.startDate,
          end_date: input.endDate ?? null,
          created_at: ctx.now(),
        };
        await trx.insertInto('coverages').values(row).execute();
        return { ok: true, value: toCoverage(row) } as const;
      });
    },
    get,
    async listByPatient(clinicId, patientId) {
      const rows = await db
        .selectFrom('coverages')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('patient_id', '=', patientId)
        .orderBy('priority')
        .orderBy('start_date')
        .orderBy('id')
        .execute();
      return rows.map(toCoverage);
    },
    async primaryOn(clinicId, patientId, date) {
      const row = await db
        .selectFrom('coverages as c')
        .innerJoin('payers as p', (j) => j.onRef('p.clinic_id', '=', 'c.clinic_id').onRef('p.id', '=', 'c.payer_id'))
        .selectAll('c')
        .select([
          'p.name as payer_name',
          'p.policy_id as payer_policy_id',
          'p.x12_payer_id as payer_x12_payer_id',
          'p.created_at as payer_created_at',
        ])
        .where('c.clinic_id', '=', clinicId)
        .where('c.patient_id', '=', patientId)
        .where('c.start_date', '<=', date)
        .where((eb) => eb.or([eb('c.end_date', 'is', null), eb('c.end_date', '>=', date)]))
        .orderBy('c.priority')
        .orderBy('c.start_date', 'desc')
        .executeTakeFirst();
      if (!row) return undefined;
      const payer: Payer = {
        id: row.payer_id,
        clinicId,
        name: row.payer_name,
        policyId: row.payer_policy_id,
        x12PayerId: row.payer_x12_payer_id,
        createdAt: row.payer_created_at,
      };
      return { ...toCoverage(row), payer };
    },
    async update(clinicId, coverageId, patch) {
      const set: Partial<CoveragesTable> = {};
      if (patch.payerId !== undefined) set.payer_id = patch.payerId;
      if (patch.memberId !== undefined) set.member_id = patch.memberId;
      if (patch.groupNumber !== undefined) set.group_number = patch.groupNumber;
      if (patch.priority !== undefined) set.priority = patch.priority;
      if (patch.startDate !== undefined) set.start_date = patch.startDate;
      if (patch.endDate !== undefined) set.end_date = patch.endDate;
      if (Object.keys(set).length > 0) {
        const r = await db
          .updateTable('coverages')
          .set(set)
          .where('clinic_id', '=', clinicId)
          .where('id', '=', coverageId)
          .executeTakeFirst();
        if (affected(r) === 0) return { ok: false, reason: 'not-found' };
      }
      const coverage = await get(clinicId, coverageId);
      return coverage ? { ok: true, value: coverage } : { ok: false, reason: 'not-found' };
    },
  };
}
