/**
 * Migration 0014 on every engine: a signed visit, an addendum and an audit entry cannot be rewritten by an insert that
 * replaces an existing row (SQLite `INSERT OR REPLACE` / `REPLACE`, `ON CONFLICT DO UPDATE` on both engines), from a
 * raw connection of its own that has `recursive_triggers` off, as any other client would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.ts';
import { steppingClock, type Target, targetFactories } from './helpers/targets.ts';

/** The error a raw statement fails with, or 'no error'. */
async function rawError(target: Target, sqlText: string, params: unknown[]): Promise<string> {
  try {
    await target.raw(sqlText, params);
    return 'no error';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const VISIT_COLS =
  'clinic_id, id, patient_id, provider_credential, date, discipline, note_type, status, version, created_at, updated_at';
const AUDIT_COLS = 'clinic_id, id, at, entity';

for (const factory of await targetFactories()) {
  const title = factory.skip
    ? `no replace of signed rows on ${factory.engine} (skipped: ${factory.skip})`
    : `no replace of signed rows on ${factory.engine}`;
  describe.skipIf(factory.skip !== undefined)(title, () => {
    let target: Target;
    let store: Store;
    let clinicId = '';
    let visitId = '';
    let auditId = '';
    let addendumId = '';
    const p = (n: number) => (factory.engine === 'sqlite' ? '?' : `$${n}`);

    beforeAll(async () => {
      target = factory.make();
      store = await openStore(target.url, { clock: steppingClock() });
      clinicId = (await store.clinics.create({ name: 'Replace' })).id;
      const patient = await store.patients.create(clinicId, {
        firstName: 'Rae',
        lastName: 'Replace',
        birthDate: '1950-02-02',
        sex: 'F',
      });
      const visit = await store.visits.create(clinicId, {
        patientId: patient.id,
        date: '2026-03-03',
        discipline: 'PT',
        provider: { credential: 'PT' },
        response: 'Tolerated well.',
        services: [{ code: '97110', minutes: 23, modifiers: ['GP'] }],
      });
      if (!visit.ok) throw new Error(visit.reason);
      visitId = visit.value.id;
      const signed = await store.visits.sign(clinicId, visitId, { expectedVersion: 1, userId: 'u', contentHash: 'h' });
      if (!signed.ok) throw new Error(signed.reason);
      const addendum = await store.visits.addAddendum(clinicId, visitId, { authorId: 'u', text: 'Late entry.' });
      if (!addendum.ok) throw new Error(addendum.reason);
      addendumId = addendum.value.id;
      auditId = (await store.audit.append(clinicId, { action: 'visit.sign', entity: 'visit', entityId: visitId })).id;
    });
    afterAll(async () => {
      await store?.close();
      await target?.dispose();
    });

    const replaces = (): { name: string; sql: string; id: () => string }[] => {
      const upsert = (table: string, cols: string, set: string, value: string) =>
        `INSERT INTO ${table} (${cols}) SELECT ${cols.replace(set, `${value} AS ${set}`)} FROM ${table} WHERE id = ${p(1)}
         ON CONFLICT (clinic_id, id) DO UPDATE SET ${set} = excluded.${set}`;
      const visitUpsert = upsert('visits', `${VISIT_COLS}, response`, 'response', "'rewritten'");
      const auditUpsert = upsert('audit_log', `${AUDIT_COLS}, action`, 'action', "'patient.read'");
      const addendumUpsert = upsert(
        'addenda',
        'clinic_id, id, visit_id, author_id, created_at, hash, text',
        'text',
        "'x'",
      );
      const list = [
        { name: 'visit ON CONFLICT DO UPDATE', sql: visitUpsert, id: () => visitId },
        { name: 'audit ON CONFLICT DO UPDATE', sql: auditUpsert, id: () => auditId },
        { name: 'addendum ON CONFLICT DO UPDATE', sql: addendumUpsert, id: () => addendumId },
      ];
      if (factory.engine === 'sqlite') {
        list.push(
          {
            name: 'visit INSERT OR REPLACE',
            sql: `INSERT OR REPLACE INTO visits (${VISIT_COLS}, response) SELECT ${VISIT_COLS}, 'rewritten' FROM visits WHERE id = ?`,
            id: () => visitId,
          },
          {
            name: 'visit REPLACE back to draft',
            sql: `REPLACE INTO visits (${VISIT_COLS}) SELECT ${VISIT_COLS.replace('status', "'draft'")} FROM visits WHERE id = ?`,
            id: () => visitId,
          },
          {
            name: 'audit INSERT OR REPLACE',
            sql: `INSERT OR REPLACE INTO audit_log (${AUDIT_COLS}, action) SELECT ${AUDIT_COLS}, 'patient.read' FROM audit_log WHERE id = ?`,
            id: () => auditId,
          },
          {
            name: 'addendum INSERT OR REPLACE',
            sql: `INSERT OR REPLACE INTO addenda (clinic_id, id, visit_id, author_id, created_at, hash, text)
              SELECT clinic_id, id, visit_id, author_id, created_at, hash, 'x' FROM addenda WHERE id = ?`,
            id: () => addendumId,
          },
        );
      }
      return list;
    };

    it('refuses every replacing insert and leaves the rows as they were', async () => {
      if (factory.engine === 'sqlite') {
        // The raw connection is a client like any other: recursive triggers are off there, so 0004 alone would not fire.
        expect(await target.raw('PRAGMA recursive_triggers')).toEqual([{ recursive_triggers: 0 }]);
      }
      const before = await store.visits.get(clinicId, visitId);
      const auditBefore = await target.raw(`SELECT * FROM audit_log WHERE id = ${p(1)}`, [auditId]);
      for (const r of replaces()) {
        expect(await rawError(target, r.sql, [r.id()]), r.name).toMatch(/signed visit is immutable|append-only/);
      }
      expect(await store.visits.get(clinicId, visitId)).toEqual(before);
      expect(await target.raw(`SELECT * FROM audit_log WHERE id = ${p(1)}`, [auditId])).toEqual(auditBefore);
    });

    it('still lets a draft be replaced and new audit entries be appended', async () => {
      const patient = (await store.patients.list(clinicId)).items[0];
      if (!patient) throw new Error('no patient');
      const draft = await store.visits.create(clinicId, {
        patientId: patient.id,
        date: '2026-03-04',
        discipline: 'PT',
        provider: { credential: 'PT' },
        services: [],
      });
      if (!draft.ok) throw new Error(draft.reason);
      const upsert = `INSERT INTO visits (${VISIT_COLS}, response) SELECT ${VISIT_COLS}, 'draft text' FROM visits WHERE id = ${p(1)}
        ON CONFLICT (clinic_id, id) DO UPDATE SET response = excluded.response`;
      expect(await rawError(target, upsert, [draft.value.id])).toBe('no error');
      await store.audit.append(clinicId, { action: 'visit.read', entity: 'visit', entityId: draft.value.id });
      expect((await store.visits.get(clinicId, draft.value.id))?.response).toBe('draft text');
    });
  });
}
