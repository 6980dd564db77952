import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * Assistance and cueing kept apart from "what was done": one nullable text column on `visit_services` (null on
 * every note saved before, whose description holds both). Same statement on both engines; the triggers of 0004
 * already refuse changes to the services of a signed note, this column included.
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema.alterTable('visit_services').addColumn('assistance', 'text').execute();
}

export const migration: StoreMigration = { name: '0012-service-assistance', up };
