import type { Finding } from '@unitwise/rules';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { VisitListExtras } from '../types.ts';
import { toFinding } from './visit-rows.ts';

/**
 * The stored findings and the primary payer policy of a page of visits, in two statements whatever the page size
 * (what the visit list needs to summarise each visit without reading them one by one).
 * @param db - the database
 * @param clinicId - the clinic; every statement is scoped by it
 * @param visitIds - the page's visit ids
 */
export async function readListExtras(
  db: Kysely<Database>,
  clinicId: string,
  visitIds: readonly string[],
): Promise<VisitListExtras> {
  const findings = new Map<string, Finding[]>();
  const payerPolicy = new Map<string, string>();
  if (visitIds.length === 0) return { findings, payerPolicy };
  const [findingRows, coverageRows] = await Promise.all([
    db
      .selectFrom('findings')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('visit_id', 'in', visitIds)
      .orderBy('visit_id')
      .orderBy('ordinal')
      .execute(),
    // The primary coverage in force on each visit's date, as coverages.primaryOn picks it (priority, newest start).
    db
      .selectFrom('visits as v')
      .innerJoin('coverages as c', (j) =>
        j
          .onRef('c.clinic_id', '=', 'v.clinic_id')
          .onRef('c.patient_id', '=', 'v.patient_id')
          .onRef('c.start_date', '<=', 'v.date'),
      )
      .innerJoin('payers as p', (j) => j.onRef('p.clinic_id', '=', 'c.clinic_id').onRef('p.id', '=', 'c.payer_id'))
      .select(['v.id as visit_id', 'p.policy_id as policy_id'])
      .where('v.clinic_id', '=', clinicId)
      .where('v.id', 'in', visitIds)
      .where((eb) => eb.or([eb('c.end_date', 'is', null), eb('c.end_date', '>=', eb.ref('v.date'))]))
      .orderBy('v.id')
      .orderBy('c.priority')
      .orderBy('c.start_date', 'desc')
      .execute(),
  ]);
  for (const r of findingRows) {
    let list = findings.get(r.visit_id);
    if (!list) {
      list = [];
      findings.set(r.visit_id, list);
    }
    list.push(toFinding(r));
  }
  // Rows come in priority order per visit: the first one is the primary.
  for (const r of coverageRows) if (!payerPolicy.has(r.visit_id)) payerPolicy.set(r.visit_id, r.policy_id);
  return { findings, payerPolicy };
}
