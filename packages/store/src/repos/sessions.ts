import type { Selectable } from 'kysely';
import type { ApiTokensTable, SessionsTable } from '../db/schema.ts';
import type { ApiToken, ApiTokenRepository, Session, SessionRepository } from '../types.ts';
import { affected, newId, normalizeInstant, type RepoContext } from './context.ts';

/** Row to domain object. */
function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    userId: row.user_id,
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Row to domain object. */
function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    userId: row.user_id,
    name: row.name,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/**
 * Browser sessions: only a hash of the cookie token is stored.
 * @param ctx - database and clock
 */
export function sessionRepository(ctx: RepoContext): SessionRepository {
  const { db } = ctx;
  return {
    async create(clinicId, input) {
      const row = {
        clinic_id: clinicId,
        id: newId(),
        user_id: input.userId,
        token_hash: input.tokenHash,
        csrf_token: input.csrfToken,
        created_at: ctx.now(),
        expires_at: normalizeInstant(input.expiresAt),
      };
      await db.insertInto('sessions').values(row).execute();
      return toSession(row);
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', ctx.now())
        .executeTakeFirst();
      return row && toSession(row);
    },
    async delete(clinicId, sessionId) {
      const r = await db
        .deleteFrom('sessions')
        .where('clinic_id', '=', clinicId)
        .where('id', '=', sessionId)
        .executeTakeFirst();
      return affected(r) > 0;
    },
    async deleteForUser(clinicId, userId) {
      const r = await db
        .deleteFrom('sessions')
        .where('clinic_id', '=', clinicId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return affected(r);
    },
    async touch(clinicId, sessionId, expiresAt) {
      const r = await db
        .updateTable('sessions')
        .set({ expires_at: normalizeInstant(expiresAt) })
        .where('clinic_id', '=', clinicId)
        .where('id', '=', sessionId)
        // An expired session stays expired: idle expiry must not be undone by a late request.
        .where('expires_at', '>', ctx.now())
        .executeTakeFirst();
      return affected(r) > 0;
    },
    async deleteExpired(now) {
      const r = await db
        .deleteFrom('sessions')
        .where('expires_at', '<=', now ? normalizeInstant(now) : ctx.now())
        .executeTakeFirst();
      return affected(r);
    },
  };
}

/**
 * Per-user API tokens for integrations: only a hash is stored.
 * @param ctx - database and clock
 */
export function apiTokenRepository(ctx: RepoContext): ApiTokenRepository {
  const { db } = ctx;
  return {
    async create(clinicId, input) {
      const row = {
        clinic_id: clinicId,
        id: newId(),
        user_id: input.userId,
        name: input.name,
        token_hash: input.tokenHash,
        created_at: ctx.now(),
        last_used_at: null,
        revoked_at: null,
      };
      await db.insertInto('api_tokens').values(row).execute();
      return toApiToken(row);
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row && toApiToken(row);
    },
    async list(clinicId, userId) {
      let q = db.selectFrom('api_tokens').selectAll().where('clinic_id', '=', clinicId);
      if (userId !== undefined) q = q.where('user_id', '=', userId);
      const rows = await q.orderBy('created_at').orderBy('id').execute();
      return rows.map(toApiToken);
    },
    async touch(clinicId, tokenId) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: ctx.now() })
        .where('clinic_id', '=', clinicId)
        .where('id', '=', tokenId)
        .execute();
    },
    async revoke(clinicId, tokenId) {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: ctx.now() })
        .where('clinic_id', '=', clinicId)
        .where('id', '=', tokenId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return affected(r) > 0;
    },
    async revokeForUser(clinicId, userId) {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: ctx.now() })
        .where('clinic_id', '=', clinicId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return affected(r);
    },
  };
}
