import { toStoreError } from '../db/sql-errors.ts';
import type { Repositories } from '../types.ts';
import { auditLogRepository } from './audit-log.ts';
import { clinicRepository } from './clinics.ts';
import type { RepoContext } from './context.ts';
import { coverageRepository, payerRepository } from './coverages.ts';
import { feeScheduleRepository, payerPolicyRepository } from './fees-and-policies.ts';
import { guarded } from './guarded.ts';
import { idempotencyRepository } from './idempotency.ts';
import { patientRepository } from './patients.ts';
import { planOfCareRepository } from './plans-of-care.ts';
import { providerRepository } from './providers.ts';
import { apiTokenRepository, sessionRepository } from './sessions.ts';
import { userRepository } from './users.ts';
import { visitRepository } from './visits.ts';

/** Thrown inside a transaction to roll it back while handing a `{ ok: false }` result out unchanged. */
class Rollback {
  constructor(readonly value: unknown) {}
}

/** True for a `Result` that failed. */
function isFailure(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && value.ok === false;
}

/**
 * The repositories over a database or an open transaction.
 * @param ctx - database (or transaction), engine and clock
 */
export function createRepositories(ctx: RepoContext): Repositories {
  return {
    engine: ctx.engine,
    db: ctx.db,
    clinics: guarded(clinicRepository(ctx)),
    users: guarded(userRepository(ctx)),
    sessions: guarded(sessionRepository(ctx)),
    apiTokens: guarded(apiTokenRepository(ctx)),
    providers: guarded(providerRepository(ctx)),
    patients: guarded(patientRepository(ctx)),
    payers: guarded(payerRepository(ctx)),
    coverages: guarded(coverageRepository(ctx)),
    plansOfCare: guarded(planOfCareRepository(ctx)),
    visits: guarded(visitRepository(ctx)),
    feeSchedules: guarded(feeScheduleRepository(ctx)),
    payerPolicies: guarded(payerPolicyRepository(ctx)),
    idempotency: guarded(idempotencyRepository(ctx)),
    audit: guarded(auditLogRepository(ctx)),
    transaction: (fn) => runTransaction(ctx, fn),
  };
}

/**
 * Runs `fn` with repositories bound to one transaction; a throw or a `{ ok: false }` result rolls it all back.
 * Inside an open transaction, `fn` joins it.
 * @param ctx - where to open the transaction
 * @param fn - the work
 */
async function runTransaction<T>(ctx: RepoContext, fn: (tx: Repositories) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(createRepositories(ctx));
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const value = await fn(createRepositories({ ...ctx, db: trx }));
      if (isFailure(value)) throw new Rollback(value);
      return value;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw toStoreError(err);
  }
}
