/** startServer on a SQLite file: migrate, seed the demo clinic once, print sign-ins (never patient names), stop. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CLINIC_ID, DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo-data.ts';
import { startServer } from '../src/server.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'unitwise-server-'));
const databaseUrl = `sqlite:${path.join(dir, 'nested', 'unitwise.db')}`;
const clock = () => new Date('2026-03-02T15:00:00.000Z');

describe('startServer', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the database, seeds the demo clinic, prints the sign-ins and serves the API', async () => {
    const lines: string[] = [];
    const s = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      clock,
      handleSignals: false,
      print: (l) => lines.push(l),
    });
    try {
      const banner = lines.join('\n');
      expect(banner).toContain(s.url);
      expect(banner).toContain(DEMO_PASSWORD);
      for (const staff of DEMO_STAFF) expect(banner).toContain(staff.email);
      const patients = await s.store.patients.list(DEMO_CLINIC_ID, { limit: 100 });
      expect(patients.items).toHaveLength(20);
      for (const p of patients.items) expect(banner).not.toContain(p.lastName);
      const payers = await s.store.payers.list(DEMO_CLINIC_ID);
      expect(payers.map((p) => p.policyId).sort()).toEqual(['commercial', 'medicaid', 'medicare']);
      for (const p of patients.items)
        expect(await s.store.coverages.listByPatient(DEMO_CLINIC_ID, p.id)).toHaveLength(1);
      const providers = await s.store.providers.list(DEMO_CLINIC_ID);
      expect(providers.items.map((p) => p.credential).sort()).toEqual(['OT', 'PT', 'PTA', 'SLP']);
      const visits = await s.store.visits.list(DEMO_CLINIC_ID, { limit: 500 });
      expect(visits.items.length).toBeGreaterThanOrEqual(150);
      expect(visits.items.some((v) => v.status === 'signed')).toBe(true);
      expect(visits.items.some((v) => v.status === 'draft')).toBe(true);
      const rules = new Set<string>();
      for (const v of visits.items.filter((x) => x.status === 'draft')) {
        for (const f of (await s.store.visits.get(DEMO_CLINIC_ID, v.id))?.findings ?? []) rules.add(f.rule);
      }
      // The demo's planted mistakes are found by the engine.
      expect([...rules]).toEqual(
        expect.arrayContaining(['units-exceed-minutes', 'not-one-on-one', 'progress-report-due', 'plan-not-certified']),
      );
      const res = await fetch(`${s.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'pt@demo.unitwise.test', password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('does not seed twice', async () => {
    const lines: string[] = [];
    const s = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      clock,
      handleSignals: false,
      print: (l) => lines.push(l),
    });
    try {
      expect(s.seed?.created).toBe(false);
      expect((await s.store.patients.list(DEMO_CLINIC_ID, { limit: 100 })).items).toHaveLength(20);
    } finally {
      await s.close();
    }
    await s.closed;
  });
});
