/**
 * `unitwise verify` as a real process on a real SQLite file: a clean database exits 0, an audit entry changed around
 * the append-only trigger exits 1 naming that entry (and no note text or names), bad input exits 2.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashVisitContent, openStore } from '@unitwise/store';
import BetterSqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, SPAWN_TIMEOUT, spawnCliAsync } from './helpers.ts';

describe('unitwise verify (real process, SQLite)', () => {
  let dir = '';
  let url = '';
  let file = '';
  let changedId = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'unitwise-verify-'));
    file = path.join(dir, 'clinic.db');
    url = `sqlite:${file}`;
    const store = await openStore(url);
    const clinicId = (await store.clinics.create({ name: 'Verify' })).id;
    const patient = await store.patients.create(clinicId, {
      firstName: 'Vera',
      lastName: 'Secretname',
      birthDate: '1950-02-02',
      sex: 'F',
    });
    const visit = await store.visits.create(clinicId, {
      patientId: patient.id,
      date: '2026-03-03',
      discipline: 'PT',
      provider: { credential: 'PT' },
      response: 'Private note text.',
      services: [{ code: '97110', minutes: 23, modifiers: ['GP'] }],
    });
    if (!visit.ok) throw new Error(visit.reason);
    const signed = await store.visits.sign(clinicId, visit.value.id, {
      expectedVersion: 1,
      userId: 'u',
      contentHash: hashVisitContent(visit.value),
    });
    if (!signed.ok) throw new Error(signed.reason);
    for (let i = 0; i < 5; i++) {
      const e = await store.audit.append(clinicId, { action: 'visit.read', entity: 'visit', patientId: patient.id });
      if (i === 2) changedId = e.id;
    }
    await store.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'exits 0 on a clean database, then 1 naming the changed audit entry',
    async () => {
      const clean = await spawnCliAsync(['verify', '--database-url', url]);
      expect(clean.stdout).toMatch(/^ok: 1 signed note\(s\) and 5 audit entries in 1 clinic\(s\) match\./);
      expect(clean.code).toBe(0);

      const raw = new BetterSqlite(file);
      raw.exec('DROP TRIGGER audit_log_no_update');
      raw.prepare("UPDATE audit_log SET action = 'visit.list' WHERE id = ?").run(changedId);
      raw.close();

      const r = await spawnCliAsync(['verify', '--database-url', url, '--json']);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { ok: boolean; mismatches: { table: string; id: string }[] };
      expect(out.ok).toBe(false);
      expect(out.mismatches.map((m) => [m.table, m.id])).toEqual([['audit_log', changedId]]);
      expect(r.stdout + r.stderr).not.toMatch(/Private note|Secretname|Vera/);
    },
    SPAWN_TIMEOUT * 3,
  );

  it(
    'exits 2 on bad input, without a stack trace or creating a file',
    async () => {
      const missing = await spawnCliAsync(['verify', '--database-url', `sqlite:${path.join(dir, 'none.db')}`]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/no database at/);
      const scheme = await spawnCliAsync(['verify', '--database-url', 'mysql://x']);
      expect(scheme.code).toBe(2);
      expect(scheme.stderr).toMatch(/sqlite: or postgres/);
      const flag = await spawnCliAsync(['verify', '--bogus']);
      expect(flag.code).toBe(2);
      for (const r of [missing, scheme, flag]) expect(hasStackTrace(r.stderr)).toBe(false);
    },
    SPAWN_TIMEOUT * 3,
  );
});
