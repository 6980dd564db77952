import { migration as m0001 } from './0001-core-tables.ts';
import { migration as m0002 } from './0002-clinical-tables.ts';
import { migration as m0003 } from './0003-fees-idempotency-audit.ts';
import { migration as m0004 } from './0004-immutability-triggers.ts';
import { migration as m0005 } from './0005-claims.ts';
import { migration as m0006 } from './0006-visit-goal-status.ts';
import { migration as m0007 } from './0007-plans-list-index.ts';
import { migration as m0008 } from './0008-posting-identity.ts';
import { migration as m0010 } from './0010-intake-and-provider-names.ts';
import { migration as m0011 } from './0011-visit-holds.ts';
import { migration as m0012 } from './0012-service-assistance.ts';
import { migration as m0013 } from './0013-visit-signature.ts';
import { migration as m0014 } from './0014-no-replace.ts';
import { migration as m0015 } from './0015-sign-in-attempts.ts';
import { migration as m0016 } from './0016-audit-chain.ts';
import type { StoreMigration } from './migration.ts';

export type { StoreMigration } from './migration.ts';

/**
 * Every migration, in the order they run. Forward-only: never edit or remove an entry that has shipped; add a new
 * file `NNNN-name.ts` with the next number and append it here (claims tables come next).
 */
export const MIGRATIONS: readonly StoreMigration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
];
