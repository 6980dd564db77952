import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * Sign-in attempts per client address per fixed one-minute window, in the database so that every server process
 * counts the same attempts (issue 10). No clinic: the address is counted before anyone is known.
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_attempts_pkey', ['address', 'window_start'])
    .execute();
  // Old windows are pruned by start time.
  await db.schema.createIndex('sign_in_attempts_window').on('sign_in_attempts').column('window_start').execute();
}

export const migration: StoreMigration = { name: '0015-sign-in-attempts', up };
