import type { Kysely } from 'kysely';
import type { ClaimTables } from '../claims/tables.ts';
import type { Database } from '../db/schema.ts';
import type { AuditLabels, AuditRef } from '../types.ts';

/** Words for a note type in a label. */
const NOTE_WORDS: Record<string, string> = {
  evaluation: 'evaluation',
  're-evaluation': 're-evaluation',
  daily: 'daily note',
  'progress-report': 'progress report',
  discharge: 'discharge summary',
};

/** The distinct non-null ids of one entity among the refs. */
function idsOf(refs: readonly AuditRef[], entity: string): string[] {
  return [...new Set(refs.filter((r) => r.entity === entity && r.entityId).map((r) => r.entityId as string))];
}

/** Runs `load` only when there are ids: an empty IN list is not valid SQL on every engine. */
async function when<T>(ids: readonly string[], load: () => Promise<T[]>): Promise<T[]> {
  return ids.length === 0 ? [] : load();
}

/**
 * Names for the ids an audit-log page mentions: users, patients ("Last, First") and one label per record
 * (`entity:id` → "PT daily note of 2026-03-02"), one statement per kind of record and every statement scoped by clinic.
 * A record that no longer exists gets no label.
 * @param db - the database
 * @param clinicId - the clinic
 * @param refs - the page's entries
 */
export async function auditLabels(
  db: Kysely<Database>,
  clinicId: string,
  refs: readonly AuditRef[],
): Promise<AuditLabels> {
  const cdb = db.withTables<ClaimTables>();
  const userIds = [...new Set(refs.flatMap((r) => [r.userId, r.entity === 'user' ? r.entityId : null]))].filter(
    (x): x is string => !!x,
  );
  const patientIds = [
    ...new Set(refs.flatMap((r) => [r.patientId, r.entity === 'patient' ? r.entityId : null])),
  ].filter((x): x is string => !!x);
  // Sub-records of a note are labelled by their note.
  const sub = { addendum: 'addenda', override: 'overrides', segment: 'time_segments' } as const;
  const subRows = await Promise.all(
    (Object.keys(sub) as (keyof typeof sub)[]).map(async (entity) => {
      const ids = idsOf(refs, entity);
      const rows = await when(ids, () =>
        db
          .selectFrom(sub[entity])
          .select(['id', 'visit_id'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids)
          .execute(),
      );
      return rows.map((r) => ({ entity, id: r.id, visitId: r.visit_id }));
    }),
  );
  const visitIds = [...new Set([...idsOf(refs, 'visit'), ...subRows.flat().map((r) => r.visitId)])];
  const [users, patients, providers, payers, visits, plans, coverages, claims, remits, exports, tokens] =
    await Promise.all([
      when(userIds, () =>
        db
          .selectFrom('users')
          .select(['id', 'name'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', userIds)
          .execute(),
      ),
      when(patientIds, () =>
        db
          .selectFrom('patients')
          .select(['id', 'first_name', 'last_name'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', patientIds)
          .execute(),
      ),
      byIds(idsOf(refs, 'provider'), (ids) =>
        db
          .selectFrom('providers')
          .select(['id', 'name'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids)
          .execute(),
      ),
      byIds(idsOf(refs, 'payer'), (ids) =>
        db
          .selectFrom('payers')
          .select(['id', 'name'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids)
          .execute(),
      ),
      when(visitIds, () =>
        db
          .selectFrom('visits')
          .select(['id', 'date', 'discipline', 'note_type'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', visitIds)
          .execute(),
      ),
      byIds(idsOf(refs, 'plan-of-care'), (ids) =>
        db
          .selectFrom('plans_of_care')
          .select(['id', 'discipline', 'start_date'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids)
          .execute(),
      ),
      byIds(idsOf(refs, 'coverage'), (ids) =>
        db
          .selectFrom('coverages as c')
          .innerJoin('payers as p', (j) => j.onRef('p.clinic_id', '=', 'c.clinic_id').onRef('p.id', '=', 'c.payer_id'))
          .select(['c.id as id', 'p.name as name'])
          .where('c.clinic_id', '=', clinicId)
          .where('c.id', 'in', ids)
          .execute(),
      ),
      byIds(idsOf(refs, 'claim'), (ids) =>
        cdb
          .selectFrom('claims')
          .select(['id', 'claim_number'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids)
          .execute(),
      ),
      byIds(idsOf(refs, 'remittance'), (ids) =>
        cdb
          .selectFrom('remittances')
          .select(['id', 'payer_name', 'payment_date'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids)
          .execute(),
      ),
      byIds(idsOf(refs, 'claim-export'), (ids) =>
        cdb
          .selectFrom('claim_exports')
          .select(['id', 'file_name'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids)
          .execute(),
      ),
      byIds(idsOf(refs, 'api-token'), (ids) =>
        db
          .selectFrom('api_tokens')
          .select(['id', 'name'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids)
          .execute(),
      ),
    ]);
  const records: Record<string, string> = {};
  const noteLabel = new Map(
    visits.map((v) => [v.id, `${v.discipline} ${NOTE_WORDS[v.note_type] ?? v.note_type} of ${v.date}`]),
  );
  for (const [id, label] of noteLabel) records[`visit:${id}`] = label;
  const subWords = { addendum: 'Addendum to the', override: 'Override on the', segment: 'Timer run in the' };
  for (const r of subRows.flat()) {
    const note = noteLabel.get(r.visitId);
    if (note) records[`${r.entity}:${r.id}`] = `${subWords[r.entity]} ${note}`;
  }
  for (const u of users) records[`user:${u.id}`] = u.name;
  for (const p of patients) records[`patient:${p.id}`] = `${p.last_name}, ${p.first_name}`;
  for (const p of providers) records[`provider:${p.id}`] = p.name;
  for (const p of payers) records[`payer:${p.id}`] = p.name;
  for (const p of plans) records[`plan-of-care:${p.id}`] = `${p.discipline} plan of care from ${p.start_date}`;
  for (const c of coverages) records[`coverage:${c.id}`] = `${c.name} coverage`;
  for (const c of claims) records[`claim:${c.id}`] = `Claim ${c.claim_number}`;
  for (const r of remits)
    records[`remittance:${r.id}`] = `835 from ${r.payer_name}${r.payment_date ? ` paid ${r.payment_date}` : ''}`;
  for (const e of exports) records[`claim-export:${e.id}`] = `837P file ${e.file_name}`;
  for (const t of tokens) records[`api-token:${t.id}`] = `API token “${t.name}”`;
  return {
    users: Object.fromEntries(users.map((u) => [u.id, u.name])),
    patients: Object.fromEntries(patients.map((p) => [p.id, `${p.last_name}, ${p.first_name}`])),
    records,
  };
}

/** `when` for one entity's ids. */
function byIds<T>(ids: readonly string[], load: (ids: readonly string[]) => Promise<T[]>): Promise<T[]> {
  return when(ids, () => load(ids));
}
