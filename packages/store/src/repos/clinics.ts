import type { Selectable } from 'kysely';
import type { ClinicsTable } from '../db/schema.ts';
import type { Clinic, ClinicRepository } from '../types.ts';
import { affected, newId, type RepoContext } from './context.ts';

/** Row to domain object. */
function toClinic(row: Selectable<ClinicsTable>): Clinic {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

/**
 * Clinics, the tenants. A clinic's own id is its scope.
 * @param ctx - database and clock
 */
export function clinicRepository(ctx: RepoContext): ClinicRepository {
  const { db } = ctx;
  return {
    async create(input) {
      const row = { id: input.id ?? newId(), name: input.name, created_at: ctx.now() };
      await db.insertInto('clinics').values(row).execute();
      return toClinic(row);
    },
    async get(clinicId) {
      const row = await db.selectFrom('clinics').selectAll().where('id', '=', clinicId).executeTakeFirst();
      return row && toClinic(row);
    },
    async rename(clinicId, name) {
      const done = affected(
        await db.updateTable('clinics').set({ name }).where('id', '=', clinicId).executeTakeFirst(),
      );
      if (done === 0) return { ok: false, reason: 'not-found' };
      const row = await db.selectFrom('clinics').selectAll().where('id', '=', clinicId).executeTakeFirstOrThrow();
      return { ok: true, value: toClinic(row) };
    },
  };
}
