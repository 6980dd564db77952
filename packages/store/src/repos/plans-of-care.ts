import type { Discipline } from '@unitwise/rules';
import type { Kysely, Selectable } from 'kysely';
import type { Database, GoalsTable, PlansOfCareTable } from '../db/schema.ts';
import type { NewGoal, PlanOfCareRepository, StoredGoal, StoredPlanOfCare } from '../types.ts';
import { affected, fromJson, inTransaction, newId, type RepoContext } from './context.ts';
import { decodeCursor, pageLimit, toPage } from './pagination.ts';

/** Rows to domain object. */
function toPlan(row: Selectable<PlansOfCareTable>, goals: Selectable<GoalsTable>[]): StoredPlanOfCare {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    providerId: row.provider_id,
    discipline: row.discipline as Discipline,
    startDate: row.start_date,
    endDate: row.end_date,
    certifiedDate: row.certified_date,
    diagnoses: fromJson<string[]>(row.diagnoses, []),
    plannedCodes: fromJson<string[]>(row.planned_codes, []),
    goals: goals.map((g) => ({ id: g.id, text: g.text, ordinal: g.ordinal, status: g.status as StoredGoal['status'] })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Goal rows for a plan, in the order given. */
function goalRows(clinicId: string, planId: string, goals: readonly NewGoal[]): Selectable<GoalsTable>[] {
  return goals.map((g, ordinal) => ({
    clinic_id: clinicId,
    plan_id: planId,
    id: g.id ?? newId(),
    ordinal,
    text: g.text,
    status: g.status ?? 'active',
  }));
}

/** Goals of several plans of one clinic, by plan id, in order. */
async function goalsOf(
  db: Kysely<Database>,
  clinicId: string,
  planIds: string[],
): Promise<Map<string, Selectable<GoalsTable>[]>> {
  const out = new Map<string, Selectable<GoalsTable>[]>();
  if (planIds.length === 0) return out;
  const rows = await db
    .selectFrom('goals')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('ordinal')
    .execute();
  for (const r of rows) {
    const list = out.get(r.plan_id) ?? [];
    list.push(r);
    out.set(r.plan_id, list);
  }
  return out;
}

/** A plan row left-joined to one of its goals (goal columns null for a plan without goals). */
type PlanGoalRow = Selectable<PlansOfCareTable> & {
  goal_id: string | null;
  goal_ordinal: number | null;
  goal_text: string | null;
  goal_status: string | null;
};

/**
 * Plans from rows of plans left-joined to their goals, each plan's rows adjacent and its goals in order.
 * @param clinicId - the clinic
 * @param rows - the joined rows
 */
function groupPlans(clinicId: string, rows: readonly PlanGoalRow[]): StoredPlanOfCare[] {
  const plans: StoredPlanOfCare[] = [];
  let goals: Selectable<GoalsTable>[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as PlanGoalRow;
    const { goal_id, goal_ordinal, goal_text, goal_status, ...plan } = r;
    if (goal_id !== null && goal_ordinal !== null && goal_text !== null && goal_status !== null)
      goals.push({
        clinic_id: clinicId,
        plan_id: plan.id,
        id: goal_id,
        ordinal: goal_ordinal,
        text: goal_text,
        status: goal_status,
      });
    if (rows[i + 1]?.id !== plan.id) {
      plans.push(toPlan(plan, goals));
      goals = [];
    }
  }
  return plans;
}

/**
 * Plans of care with their goals, diagnoses and planned codes.
 * @param ctx - database and clock
 */
export function planOfCareRepository(ctx: RepoContext): PlanOfCareRepository {
  const { db } = ctx;
  const get = async (clinicId: string, planId: string, on: Kysely<Database> = db) => {
    const row = await on
      .selectFrom('plans_of_care')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('id', '=', planId)
      .executeTakeFirst();
    if (!row) return undefined;
    return toPlan(row, (await goalsOf(on, clinicId, [planId])).get(planId) ?? []);
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
        const now = ctx.now();
        const row = {
          clinic_id: clinicId,
          id: input.id ?? newId(),
          patient_id: input.patientId,
          provider_id: input.providerId ?? null,
          discipline: input.discipline,
          start_date: input.startDate,
          end_date: input.endDate,
          certified_date: input.certifiedDate ?? null,
          diagnoses: JSON.stringify(input.diagnoses ?? []),
          planned_codes: JSON.stringify(input.plannedCodes ?? []),
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('plans_of_care').values(row).execute();
        const goals = goalRows(clinicId, row.id, input.goals ?? []);
        if (goals.length > 0) await trx.insertInto('goals').values(goals).execute();
        return { ok: true, value: toPlan(row, goals) } as const;
      });
    },

    get: (clinicId, planId) => get(clinicId, planId),

    async listByPatient(clinicId, patientId) {
      // One statement (every visit save reads this): the plans left-joined to their goals, goal columns prefixed.
      const rows = await db
        .selectFrom('plans_of_care as p')
        .leftJoin('goals as g', (j) => j.onRef('g.clinic_id', '=', 'p.clinic_id').onRef('g.plan_id', '=', 'p.id'))
        .selectAll('p')
        .select(['g.id as goal_id', 'g.ordinal as goal_ordinal', 'g.text as goal_text', 'g.status as goal_status'])
        .where('p.clinic_id', '=', clinicId)
        .where('p.patient_id', '=', patientId)
        .orderBy('p.start_date')
        .orderBy('p.id')
        .orderBy('g.ordinal')
        .execute();
      return groupPlans(clinicId, rows);
    },

    async list(clinicId, query) {
      const limit = pageLimit(query);
      const after = decodeCursor(query?.cursor, 2);
      // One statement per page: the page of plans (limit + 1, the extra one only says there is more) in a CTE,
      // left-joined to its goals; index plans_of_care_start_idx serves the order and the cursor.
      const rows = await db
        .with('page', (w) => {
          let q = w.selectFrom('plans_of_care').selectAll().where('clinic_id', '=', clinicId);
          if (query?.patientId) q = q.where('patient_id', '=', query.patientId);
          if (query?.activeOn) q = q.where('start_date', '<=', query.activeOn).where('end_date', '>=', query.activeOn);
          if (after) {
            const [start, id] = after.map(String) as [string, string];
            q = q.where((eb) => eb(eb.refTuple('start_date', 'id'), '>', eb.tuple(start, id)));
          }
          return q
            .orderBy('start_date')
            .orderBy('id')
            .limit(limit + 1);
        })
        .selectFrom('page as p')
        .leftJoin('goals as g', (j) => j.onRef('g.clinic_id', '=', 'p.clinic_id').onRef('g.plan_id', '=', 'p.id'))
        .selectAll('p')
        .select(['g.id as goal_id', 'g.ordinal as goal_ordinal', 'g.text as goal_text', 'g.status as goal_status'])
        .orderBy('p.start_date')
        .orderBy('p.id')
        .orderBy('g.ordinal')
        .execute();
      return toPage(
        groupPlans(clinicId, rows),
        limit,
        (p) => [p.startDate, p.id],
        (p) => p,
      );
    },

    async update(clinicId, planId, patch) {
      return inTransaction(db, async (trx) => {
        const set: Partial<PlansOfCareTable> = { updated_at: ctx.now() };
        if (patch.providerId !== undefined) set.provider_id = patch.providerId;
        if (patch.discipline !== undefined) set.discipline = patch.discipline;
        if (patch.startDate !== undefined) set.start_date = patch.startDate;
        if (patch.endDate !== undefined) set.end_date = patch.endDate;
        if (patch.certifiedDate !== undefined) set.certified_date = patch.certifiedDate;
        if (patch.diagnoses !== undefined) set.diagnoses = JSON.stringify(patch.diagnoses);
        if (patch.plannedCodes !== undefined) set.planned_codes = JSON.stringify(patch.plannedCodes);
        const r = await trx
          .updateTable('plans_of_care')
          .set(set)
          .where('clinic_id', '=', clinicId)
          .where('id', '=', planId)
          .executeTakeFirst();
        if (affected(r) === 0) return { ok: false, reason: 'not-found' } as const;
        if (patch.goals) {
          await trx.deleteFrom('goals').where('clinic_id', '=', clinicId).where('plan_id', '=', planId).execute();
          const goals = goalRows(clinicId, planId, patch.goals);
          if (goals.length > 0) await trx.insertInto('goals').values(goals).execute();
        }
        const plan = await get(clinicId, planId, trx);
        return plan ? ({ ok: true, value: plan } as const) : ({ ok: false, reason: 'not-found' } as const);
      });
    },
  };
}
