import { splitPersonName } from '@unitwise/rules';
import type { KyselyAny, StoreMigration } from './migration.ts';

/**
 * What a claim needs from intake and from providers: the patient's diagnoses (JSON list of ICD-10-CM codes) and
 * referring provider (2310A NM1*DN: last name, first name, NPI), and each provider's first and last name apart from
 * the credential (2310B NM1*82 takes the last name alone). Existing providers get their parts split from `name`.
 */
async function up(db: KyselyAny): Promise<void> {
  await db.schema.alterTable('patients').addColumn('diagnoses', 'text').execute();
  await db.schema.alterTable('patients').addColumn('referring_last_name', 'text').execute();
  await db.schema.alterTable('patients').addColumn('referring_first_name', 'text').execute();
  await db.schema.alterTable('patients').addColumn('referring_npi', 'text').execute();
  await db.schema.alterTable('providers').addColumn('first_name', 'text').execute();
  await db.schema.alterTable('providers').addColumn('last_name', 'text').execute();
  // A data step, small by nature (a clinic has tens of providers): names are split once, here, not on every read.
  const rows: { clinic_id: string; id: string; name: string }[] = await db
    .selectFrom('providers')
    .select(['clinic_id', 'id', 'name'])
    .execute();
  for (const r of rows) {
    const parts = splitPersonName(r.name);
    await db
      .updateTable('providers')
      .set({ first_name: parts.firstName, last_name: parts.lastName })
      .where('clinic_id', '=', r.clinic_id)
      .where('id', '=', r.id)
      .execute();
  }
}

export const migration: StoreMigration = { name: '0010-intake-and-provider-names', up };
