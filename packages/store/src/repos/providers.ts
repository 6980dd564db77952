import { type Credential, type Discipline, splitPersonName } from '@unitwise/rules';
import type { Selectable } from 'kysely';
import type { ProvidersTable } from '../db/schema.ts';
import type { Provider, ProviderRepository } from '../types.ts';
import { affected, newId, type RepoContext } from './context.ts';
import { decodeCursor, pageLimit, toPage } from './pagination.ts';

/** Row to domain object. */
function toProvider(row: Selectable<ProvidersTable>): Provider {
  const split = row.first_name === null || row.last_name === null ? splitPersonName(row.name) : null;
  return {
    id: row.id,
    clinicId: row.clinic_id,
    userId: row.user_id,
    name: row.name,
    firstName: row.first_name ?? split?.firstName ?? '',
    lastName: row.last_name ?? split?.lastName ?? '',
    npi: row.npi,
    discipline: row.discipline as Discipline,
    credential: row.credential as Credential,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Providers: the clinicians who furnish and sign services.
 * @param ctx - database and clock
 */
export function providerRepository(ctx: RepoContext): ProviderRepository {
  const { db } = ctx;
  const get = async (clinicId: string, providerId: string) => {
    const row = await db
      .selectFrom('providers')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('id', '=', providerId)
      .executeTakeFirst();
    return row && toProvider(row);
  };
  return {
    async create(clinicId, input) {
      const now = ctx.now();
      const split = splitPersonName(input.name);
      const row = {
        clinic_id: clinicId,
        id: newId(),
        user_id: input.userId ?? null,
        name: input.name,
        first_name: input.firstName ?? split.firstName,
        last_name: input.lastName ?? split.lastName,
        npi: input.npi,
        discipline: input.discipline,
        credential: input.credential,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('providers').values(row).execute();
      return toProvider(row);
    },
    get,
    async findByUser(clinicId, userId) {
      const row = await db
        .selectFrom('providers')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .executeTakeFirst();
      return row && toProvider(row);
    },
    async list(clinicId, page) {
      const limit = pageLimit(page);
      const after = decodeCursor(page?.cursor, 2);
      let q = db.selectFrom('providers').selectAll().where('clinic_id', '=', clinicId);
      if (after) q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(String(after[0]), String(after[1]))));
      const rows = await q
        .orderBy('name')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, (r) => [r.name, r.id], toProvider);
    },
    async update(clinicId, providerId, patch) {
      const set: Partial<ProvidersTable> = { updated_at: ctx.now() };
      if (patch.userId !== undefined) set.user_id = patch.userId;
      if (patch.name !== undefined) {
        set.name = patch.name;
        // A new display name without its parts: the parts follow it rather than keep the old person's name.
        if (patch.firstName === undefined && patch.lastName === undefined) {
          const split = splitPersonName(patch.name);
          set.first_name = split.firstName;
          set.last_name = split.lastName;
        }
      }
      if (patch.firstName !== undefined) set.first_name = patch.firstName;
      if (patch.lastName !== undefined) set.last_name = patch.lastName;
      if (patch.npi !== undefined) set.npi = patch.npi;
      if (patch.discipline !== undefined) set.discipline = patch.discipline;
      if (patch.credential !== undefined) set.credential = patch.credential;
      const r = await db
        .updateTable('providers')
        .set(set)
        .where('clinic_id', '=', clinicId)
        .where('id', '=', providerId)
        .executeTakeFirst();
      const provider = affected(r) > 0 ? await get(clinicId, providerId) : undefined;
      return provider ? { ok: true, value: provider } : { ok: false, reason: 'not-found' };
    },
  };
}
