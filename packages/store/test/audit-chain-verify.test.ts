/**
 * The tamper check (issue 18) on every engine: the audit log's hash chain (migration 0016) and signed notes'
 * content hashes verify on a clean database, and each kind of change made around the store's triggers is named:
 * an edited signed note, an edited audit entry, a deleted audit entry. Concurrent audit batches keep one chain.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.ts';
import { hashVisitContent, MIGRATIONS, openStore, runMigrations, type Store, verifyDatabase } from '../src/index.ts';
import { steppingClock, type Target, targetFactories } from './helpers/targets.ts';

interface Seeded {
  target: Target;
  store: Store;
  clinicId: string;
  visitId: string;
  auditIds: string[];
}

/** A clinic with one signed note and ten audit entries, plus a second clinic with entries of its own. */
async function seed(target: Target): Promise<Seeded> {
  const store = await openStore(target.url, { clock: steppingClock() });
  const clinicId = (await store.clinics.create({ name: 'Chain' })).id;
  const other = (await store.clinics.create({ name: 'Other' })).id;
  const patient = await store.patients.create(clinicId, {
    firstName: 'Cora',
    lastName: 'Chain',
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
  const signed = await store.visits.sign(clinicId, visit.value.id, {
    expectedVersion: 1,
    userId: 'u',
    contentHash: hashVisitContent(visit.value),
  });
  if (!signed.ok) throw new Error(signed.reason);
  const auditIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const e = await store.audit.append(clinicId, { action: 'visit.read', entity: 'visit', entityId: visit.value.id });
    auditIds.push(e.id);
    await store.audit.append(other, { action: 'patient.list', entity: 'patient' });
  }
  return { target, store, clinicId, visitId: visit.value.id, auditIds };
}

for (const factory of await targetFactories()) {
  const pg = factory.engine === 'postgres';
  const title = factory.skip
    ? `audit chain and verify on ${factory.engine} (skipped: ${factory.skip})`
    : `audit chain and verify on ${factory.engine}`;
  describe.skipIf(factory.skip !== undefined)(title, () => {
    const open: Seeded[] = [];
    const p = (n: number) => (pg ? `$${n}` : '?');
    /** Runs SQL on the raw connection with the immutability triggers out of the way, as an intruder with DB access. */
    async function bypass(s: Seeded, sqlText: string, params: unknown[], sqliteTriggers: string[]) {
      if (pg) {
        await s.target.raw('SET session_replication_role = replica');
        await s.target.raw(sqlText, params);
        await s.target.raw('SET session_replication_role = origin');
      } else {
        for (const t of sqliteTriggers) await s.target.raw(`DROP TRIGGER ${t}`);
        await s.target.raw(sqlText, params);
      }
    }
    async function fresh(): Promise<Seeded> {
      const s = await seed(factory.make());
      open.push(s);
      return s;
    }
    afterEach(async () => {
      for (const s of open.splice(0)) {
        await s.store.close();
        await s.target.dispose();
      }
    });

    it('migration 0016 chains the entries already there in time order, and new ones follow them', async () => {
      const target = factory.make();
      const before = MIGRATIONS.filter((m) => m.name < '0016');
      const conn = await connect(target.url);
      await runMigrations(conn.db, conn.engine, before);
      await conn.db
        .insertInto('clinics')
        .values({ id: 'c1', name: 'Old', created_at: '2025-01-01T00:00:00.000Z' })
        .execute();
      // Inserted out of time order: the chain must follow `at`, not insertion.
      for (const [id, at] of [
        ['b', '2025-02-02T00:00:00.000Z'],
        ['a', '2025-01-01T00:00:00.000Z'],
        ['c', '2025-03-03T00:00:00.000Z'],
      ] as const)
        await target.raw(
          `INSERT INTO audit_log (clinic_id, id, at, action, entity) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 'visit.read', 'visit')`,
          ['c1', id, at],
        );
      await conn.close();
      const store = await openStore(target.url, { clock: steppingClock('2026-01-01T00:00:00.000Z') });
      open.push({ target, store, clinicId: 'c1', visitId: '', auditIds: [] });
      const added = await store.audit.append('c1', { action: 'visit.list', entity: 'visit' });
      const rows = (await target.raw(`SELECT id, seq FROM audit_log ORDER BY seq`)) as { id: string; seq: number }[];
      expect(rows.map((r) => [r.id, Number(r.seq)])).toEqual([
        ['a', 1],
        ['b', 2],
        ['c', 3],
        [added.id, 4],
      ]);
      expect(await verifyDatabase(target.url)).toEqual({
        clinics: 1,
        signedVisits: 0,
        auditEntries: 4,
        mismatches: [],
      });
      // The fill lifted the UPDATE trigger only while it ran.
      await expect(target.raw(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    });

    it('a clean database verifies, and the triggers still refuse changing the log', async () => {
      const s = await fresh();
      const report = await verifyDatabase(s.target.url);
      expect(report).toEqual({ clinics: 2, signedVisits: 1, auditEntries: 20, mismatches: [] });
      const rows = (await s.target.raw(`SELECT seq, chain_hash FROM audit_log WHERE clinic_id = ${p(1)} ORDER BY seq`, [
        s.clinicId,
      ])) as { seq: number; chain_hash: string }[];
      expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(new Set(rows.map((r) => r.chain_hash)).size).toBe(10);
      await expect(
        s.target.raw(`UPDATE audit_log SET action = 'x' WHERE clinic_id = ${p(1)}`, [s.clinicId]),
      ).rejects.toThrow(/append-only/);
      await expect(s.target.raw(`DELETE FROM audit_log WHERE clinic_id = ${p(1)}`, [s.clinicId])).rejects.toThrow(
        /append-only/,
      );
    });

    it("editing a signed note's response around the triggers names that visit", async () => {
      const s = await fresh();
      await bypass(
        s,
        `UPDATE visits SET response = ${p(1)} WHERE clinic_id = ${p(2)} AND id = ${p(3)}`,
        ['Edited later.', s.clinicId, s.visitId],
        ['visits_signed_no_update'],
      );
      const report = await verifyDatabase(s.target.url);
      expect(report.mismatches).toEqual([
        {
          table: 'visits',
          clinicId: s.clinicId,
          id: s.visitId,
          differs: expect.stringMatching(/^content hash differs/),
        },
      ]);
      // Hashes and ids only: the note's text never appears in what verify says.
      expect(JSON.stringify(report)).not.toMatch(/Edited later|Tolerated|Cora|Chain/);
    });

    it("changing an audit entry's action names that entry", async () => {
      const s = await fresh();
      const changed = s.auditIds[4];
      await bypass(
        s,
        `UPDATE audit_log SET action = 'patient.list' WHERE clinic_id = ${p(1)} AND id = ${p(2)}`,
        [s.clinicId, changed],
        ['audit_log_no_update'],
      );
      const report = await verifyDatabase(s.target.url);
      expect(report.mismatches).toEqual([
        {
          table: 'audit_log',
          clinicId: s.clinicId,
          id: changed,
          differs: expect.stringMatching(/^chain hash differs/),
        },
      ]);
    });

    it('deleting an audit entry breaks the chain at the next entry', async () => {
      const s = await fresh();
      await bypass(
        s,
        `DELETE FROM audit_log WHERE clinic_id = ${p(1)} AND id = ${p(2)}`,
        [s.clinicId, s.auditIds[6]],
        ['audit_log_no_delete'],
      );
      const report = await verifyDatabase(s.target.url);
      expect(report.mismatches).toEqual([
        {
          table: 'audit_log',
          clinicId: s.clinicId,
          id: s.auditIds[7],
          differs: expect.stringMatching(/sequence jumps from 6 to 8/),
        },
      ]);
    });

    it('reports progress every 5,000 entries on a large log', async () => {
      const s = await fresh();
      await s.store.audit.appendMany(
        Array.from({ length: 10_000 }, () => ({ clinicId: s.clinicId, action: 'visit.list', entity: 'visit' })),
      );
      const calls: [string, number][] = [];
      const report = await verifyDatabase(s.target.url, (what, n) => calls.push([what, n]));
      expect(report.mismatches).toEqual([]);
      expect(calls).toEqual([
        ['audit_log', 5000],
        ['audit_log', 10_000],
      ]);
    });

    // PostgreSQL: four stores (pools) of their own. SQLite: one store, as a process has; better-sqlite3 is synchronous,
    // so a second connection in this process would busy-wait on the event loop the first one needs to commit.
    it('four concurrent batches keep one chain that verifies', async () => {
      const s = await fresh();
      const writers: Store[] = [];
      for (let i = 0; i < 4; i++) writers.push(pg ? await openStore(s.target.url) : s.store);
      try {
        await Promise.all(
          writers.map((w, i) =>
            (async () => {
              for (let round = 0; round < 5; round++)
                await w.audit.appendMany(
                  Array.from({ length: 30 }, (_, k) => ({
                    clinicId: s.clinicId,
                    action: 'visit.list',
                    entity: 'visit',
                    detail: { writer: i, round, k },
                  })),
                );
            })(),
          ),
        );
      } finally {
        if (pg) for (const w of writers) await w.close();
      }
      const report = await verifyDatabase(s.target.url);
      expect(report.mismatches).toEqual([]);
      expect(report.auditEntries).toBe(20 + 4 * 5 * 30);
    });
  });
}
