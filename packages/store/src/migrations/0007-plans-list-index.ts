import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * The clinic-wide plan-of-care list pages by (start_date, id): without this index each page scans and sorts every
 * plan of the clinic (the primary key is (clinic_id, id); the patient index leads with patient_id).
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema
    .createIndex('plans_of_care_start_idx')
    .on('plans_of_care')
    .columns(['clinic_id', 'start_date', 'id'])
    .execute();
}

export const migration: StoreMigration = { name: '0007-plans-list-index', up };
