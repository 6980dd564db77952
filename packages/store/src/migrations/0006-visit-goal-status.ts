import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * Goal status per goal on evaluation, progress report, re-evaluation and discharge notes: one nullable JSON text
 * column on `visits` (null when the note records none). Same statement on both engines; the visits triggers of 0004
 * already refuse any change to a signed row, this column included.
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema.alterTable('visits').addColumn('goal_status', 'text').execute();
}

export const migration: StoreMigration = { name: '0006-visit-goal-status', up };
