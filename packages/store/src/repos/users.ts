import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, UsersTable } from '../db/schema.ts';
import { isUniqueViolation } from '../db/sql-errors.ts';
import type { Role, User, UserRepository, UserStatus } from '../types.ts';
import { affected, inTransaction, newId, normalizeInstant, type RepoContext } from './context.ts';
import { decodeCursor, pageLimit, toPage } from './pagination.ts';

/** Row plus roles to domain object (no password fields). */
function toUser(row: Selectable<UsersTable>, roles: Role[]): User {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    email: row.email,
    name: row.name,
    status: row.status as UserStatus,
    roles,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Roles of several users of one clinic, by user id, in a stable order. */
async function rolesOf(db: Kysely<Database>, clinicId: string, userIds: string[]): Promise<Map<string, Role[]>> {
  const out = new Map<string, Role[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('clinic_id', '=', clinicId)
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push(r.role as Role);
    out.set(r.user_id, list);
  }
  return out;
}

/** Distinct roles, for inserting. */
function uniqueRoles(roles: readonly Role[]): Role[] {
  return [...new Set(roles)];
}

/**
 * Users and their roles. Email is unique across clinics (table user_emails) because sign-in starts from it.
 * @param ctx - database and clock
 */
export function userRepository(ctx: RepoContext): UserRepository {
  const { db } = ctx;

  async function get(clinicId: string, userId: string): Promise<User | undefined> {
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) return undefined;
    return toUser(row, (await rolesOf(db, clinicId, [userId])).get(userId) ?? []);
  }

  return {
    async create(clinicId, input) {
      const email = input.email.trim().toLowerCase();
      try {
        return await inTransaction(db, async (trx) => {
          const clinic = await trx.selectFrom('clinics').select('id').where('id', '=', clinicId).executeTakeFirst();
          if (!clinic) return { ok: false, reason: 'clinic-not-found' } as const;
          const taken = await trx
            .selectFrom('user_emails')
            .select('email')
            .where('email', '=', email)
            .executeTakeFirst();
          if (taken) return { ok: false, reason: 'email-taken' } as const;
          const now = ctx.now();
          const row = {
            clinic_id: clinicId,
            id: newId(),
            email,
            name: input.name,
            password_hash: input.passwordHash,
            password_salt: input.passwordSalt,
            status: input.status ?? 'active',
            failed_sign_ins: 0,
            locked_until: null,
            created_at: now,
            updated_at: now,
          };
          await trx.insertInto('users').values(row).execute();
          await trx.insertInto('user_emails').values({ email, clinic_id: clinicId, user_id: row.id }).execute();
          const roles = uniqueRoles(input.roles);
          if (roles.length > 0) {
            await trx
              .insertInto('user_roles')
              .values(roles.map((role) => ({ clinic_id: clinicId, user_id: row.id, role })))
              .execute();
          }
          return { ok: true, value: toUser(row, [...roles].sort()) } as const;
        });
      } catch (err) {
        // Two sign-ups racing for one email: the primary key of user_emails decides.
        if (isUniqueViolation(err)) return { ok: false, reason: 'email-taken' };
        throw err;
      }
    },

    get,

    async list(clinicId, page) {
      const limit = pageLimit(page);
      const after = decodeCursor(page?.cursor, 2);
      let q = db.selectFrom('users').selectAll().where('clinic_id', '=', clinicId);
      if (after) q = q.where((eb) => eb(eb.refTuple('email', 'id'), '>', eb.tuple(String(after[0]), String(after[1]))));
      const rows = await q
        .orderBy('email')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      const roles = await rolesOf(
        db,
        clinicId,
        rows.map((r) => r.id),
      );
      return toPage(
        rows,
        limit,
        (r) => [r.email, r.id],
        (r) => toUser(r, roles.get(r.id) ?? []),
      );
    },

    async findCredentialsByEmail(email) {
      const row = await db
        .selectFrom('user_emails as e')
        .innerJoin('users as u', (j) => j.onRef('u.clinic_id', '=', 'e.clinic_id').onRef('u.id', '=', 'e.user_id'))
        .selectAll('u')
        .where('e.email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      if (!row) return undefined;
      const roles = (await rolesOf(db, row.clinic_id, [row.id])).get(row.id) ?? [];
      return { user: toUser(row, roles), passwordHash: row.password_hash, passwordSalt: row.password_salt };
    },

    async update(clinicId, userId, patch) {
      return inTransaction(db, async (trx) => {
        const set: Partial<UsersTable> = { updated_at: ctx.now() };
        if (patch.name !== undefined) set.name = patch.name;
        if (patch.status !== undefined) set.status = patch.status;
        if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
        if (patch.passwordSalt !== undefined) set.password_salt = patch.passwordSalt;
        const done = affected(
          await trx
            .updateTable('users')
            .set(set)
            .where('clinic_id', '=', clinicId)
            .where('id', '=', userId)
            .executeTakeFirst(),
        );
        if (done === 0) return { ok: false, reason: 'not-found' } as const;
        if (patch.roles) {
          await trx.deleteFrom('user_roles').where('clinic_id', '=', clinicId).where('user_id', '=', userId).execute();
          const roles = uniqueRoles(patch.roles);
          if (roles.length > 0) {
            await trx
              .insertInto('user_roles')
              .values(roles.map((role) => ({ clinic_id: clinicId, user_id: userId, role })))
              .execute();
          }
        }
        const user = await userRepository({ ...ctx, db: trx }).get(clinicId, userId);
        return user ? ({ ok: true, value: user } as const) : ({ ok: false, reason: 'not-found' } as const);
      });
    },

    async recordFailedSignIn(clinicId, userId, lockUntil) {
      const row = await db
        .updateTable('users')
        .set((eb) => ({
          failed_sign_ins: eb('failed_sign_ins', '+', 1),
          ...(lockUntil !== undefined ? { locked_until: lockUntil === null ? null : normalizeInstant(lockUntil) } : {}),
        }))
        .where('clinic_id', '=', clinicId)
        .where('id', '=', userId)
        .returning('failed_sign_ins')
        .executeTakeFirst();
      return row ? { ok: true, value: row.failed_sign_ins } : { ok: false, reason: 'not-found' };
    },

    async beginSignInAttempt(clinicId, userId, { now, holds }) {
      const at = normalizeInstant(now);
      const count = sql<number>`failed_sign_ins + 1`;
      // Highest threshold first, so the CASE picks the hold of the largest threshold the new count has reached.
      const ordered = [...holds].sort((x, y) => y.failures - x.failures);
      const hold = ordered.length
        ? sql<string | null>`CASE ${sql.join(
            ordered.map((h) => sql`WHEN ${count} >= ${h.failures} THEN ${normalizeInstant(h.until)}`),
            sql` `,
          )} ELSE locked_until END`
        : sql<string | null>`locked_until`;
      const row = await db
        .updateTable('users')
        .set({ failed_sign_ins: count, locked_until: hold })
        .where('clinic_id', '=', clinicId)
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
        .returning('failed_sign_ins')
        .executeTakeFirst();
      if (row) return { ok: true, value: row.failed_sign_ins };
      return (await get(clinicId, userId)) ? { ok: false, reason: 'held' } : { ok: false, reason: 'not-found' };
    },

    async recordSignIn(clinicId, userId) {
      const done = affected(
        await db
          .updateTable('users')
          .set({ failed_sign_ins: 0, locked_until: null })
          .where('clinic_id', '=', clinicId)
          .where('id', '=', userId)
          .executeTakeFirst(),
      );
      const user = done === 0 ? undefined : await get(clinicId, userId);
      return user ? { ok: true, value: user } : { ok: false, reason: 'not-found' };
    },
  };
}
