import { sql } from 'kysely';
import type { KyselyAny, StoreMigration } from './migration.ts';

/** Check constraint text: `column in ('a', 'b')`. */
function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

const DISCIPLINES = ['PT', 'OT', 'SLP'];

/** A visit child table's foreign key to its visit; children go with a deleted draft (triggers guard signed ones). */
const VISIT_FK = ['clinic_id', 'visit_id'] as const;

/** Plans of care and goals; visits with services, timer segments, non-billable time, addenda, findings, overrides. */
async function up(db: KyselyAny): Promise<void> {
  await db.schema
    .createTable('plans_of_care')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text')
    .addColumn('discipline', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('certified_date', 'text')
    .addColumn('diagnoses', 'text', (c) => c.notNull())
    .addColumn('planned_codes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plans_of_care_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('plans_of_care_patient_fkey', ['clinic_id', 'patient_id'], 'patients', ['clinic_id', 'id'])
    .addForeignKeyConstraint('plans_of_care_provider_fkey', ['clinic_id', 'provider_id'], 'providers', [
      'clinic_id',
      'id',
    ])
    .addCheckConstraint('plans_of_care_discipline_check', oneOf('discipline', DISCIPLINES))
    .execute();
  await db.schema
    .createIndex('plans_of_care_patient_idx')
    .on('plans_of_care')
    .columns(['clinic_id', 'patient_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('goals')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('goals_pkey', ['clinic_id', 'plan_id', 'id'])
    .addForeignKeyConstraint('goals_plan_fkey', ['clinic_id', 'plan_id'], 'plans_of_care', ['clinic_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .addCheckConstraint('goals_status_check', oneOf('status', ['active', 'met', 'discontinued']))
    .execute();

  await db.schema
    .createTable('visits')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text')
    .addColumn('provider_credential', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('discipline', 'text', (c) => c.notNull())
    .addColumn('note_type', 'text', (c) => c.notNull())
    .addColumn('time_in', 'text')
    .addColumn('time_out', 'text')
    .addColumn('total_timed_minutes', 'integer')
    .addColumn('total_treatment_minutes', 'integer')
    .addColumn('response', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'text')
    .addColumn('content_hash', 'text')
    .addPrimaryKeyConstraint('visits_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('visits_patient_fkey', ['clinic_id', 'patient_id'], 'patients', ['clinic_id', 'id'])
    .addForeignKeyConstraint('visits_provider_fkey', ['clinic_id', 'provider_id'], 'providers', ['clinic_id', 'id'])
    .addCheckConstraint('visits_status_check', oneOf('status', ['draft', 'signed']))
    .addCheckConstraint('visits_discipline_check', oneOf('discipline', DISCIPLINES))
    .addCheckConstraint(
      'visits_note_type_check',
      oneOf('note_type', ['evaluation', 're-evaluation', 'daily', 'progress-report', 'discharge']),
    )
    .execute();
  await db.schema
    .createIndex('visits_patient_date_idx')
    .on('visits')
    .columns(['clinic_id', 'patient_id', 'date', 'id'])
    .execute();
  await db.schema.createIndex('visits_date_idx').on('visits').columns(['clinic_id', 'date', 'id']).execute();
  await db.schema
    .createIndex('visits_provider_date_idx')
    .on('visits')
    .columns(['clinic_id', 'provider_id', 'date'])
    .execute();

  await db.schema
    .createTable('visit_services')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('assistant_minutes', 'integer')
    .addColumn('units', 'integer')
    .addColumn('modifiers', 'text')
    .addColumn('group_size', 'integer')
    .addColumn('description', 'text')
    .addColumn('goal_ids', 'text')
    .addPrimaryKeyConstraint('visit_services_pkey', ['clinic_id', 'visit_id', 'ordinal'])
    .addForeignKeyConstraint('visit_services_visit_fkey', [...VISIT_FK], 'visits', ['clinic_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('time_segments')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('service_ordinal', 'integer')
    .addColumn('activity_key', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('time_segments_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('time_segments_visit_fkey', [...VISIT_FK], 'visits', ['clinic_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .addCheckConstraint(
      'time_segments_kind_check',
      oneOf('kind', ['treatment', 'rest', 'setup', 'documentation', 'waiting', 'other']),
    )
    .execute();
  await db.schema
    .createIndex('time_segments_visit_idx')
    .on('time_segments')
    .columns(['clinic_id', 'visit_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('non_billable')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('non_billable_pkey', ['clinic_id', 'visit_id', 'ordinal'])
    .addForeignKeyConstraint('non_billable_visit_fkey', [...VISIT_FK], 'visits', ['clinic_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .addCheckConstraint(
      'non_billable_kind_check',
      oneOf('kind', ['rest', 'setup', 'documentation', 'waiting', 'other']),
    )
    .execute();

  await db.schema
    .createTable('addenda')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('addenda_pkey', ['clinic_id', 'id'])
    // No cascade: a visit with addenda is signed, and signed visits are never deleted.
    .addForeignKeyConstraint('addenda_visit_fkey', [...VISIT_FK], 'visits', ['clinic_id', 'id'])
    .execute();
  await db.schema
    .createIndex('addenda_visit_idx')
    .on('addenda')
    .columns(['clinic_id', 'visit_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('findings')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('service_index', 'integer')
    .addColumn('citation', 'text')
    .addPrimaryKeyConstraint('findings_pkey', ['clinic_id', 'visit_id', 'ordinal'])
    .addForeignKeyConstraint('findings_visit_fkey', [...VISIT_FK], 'visits', ['clinic_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .addCheckConstraint('findings_severity_check', oneOf('severity', ['error', 'warning', 'info']))
    .execute();
  await db.schema.createIndex('findings_rule_idx').on('findings').columns(['clinic_id', 'rule']).execute();

  await db.schema
    .createTable('overrides')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('service_index', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('overrides_pkey', ['clinic_id', 'id'])
    .addForeignKeyConstraint('overrides_visit_fkey', [...VISIT_FK], 'visits', ['clinic_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('overrides_visit_idx').on('overrides').columns(['clinic_id', 'visit_id']).execute();
}

export const migration: StoreMigration = { name: '0002-clinical-tables', up };
