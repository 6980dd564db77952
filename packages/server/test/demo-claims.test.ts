/**
 * The demo clinic, freshly seeded, bills as a real clinic would on both engines: its billing settings and charges
 * are complete, so building claims gives ready claims; the 837P it exports passes the 837P checker (in process and
 * through `unitwise claims check`); the only held claims are those of the planted plan-of-care diagnosis typo, and
 * the planted note warnings ride along on ready claims. Its visits vary minutes and wording like a caseload.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { read837 } from '@unitwise/edi';
import { npiProblem, SAMPLE_CHARGE_MASTER } from '@unitwise/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BILLING, DEMO_CLINIC_ID, DEMO_PASSWORD, DEMO_STAFF, DIAGNOSIS_TYPO } from '../src/seed/demo-data.ts';
import { mistakeOf, seedDemo } from '../src/seed/seed-demo.ts';
import { engineTargets } from './helpers/engines.ts';
import { type Auth, call, type Harness, makeHarness, signIn } from './helpers/harness.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Built {
  id: string;
  patientId: string;
  status: string;
  visitIds: string[];
  scrubErrors: { where: string; message: string }[];
  scrubWarnings: { where: string; message: string }[];
  lines: { code: string; units: number; chargeCents: number }[];
}

it('the demo identifiers pass their checks', () => {
  expect(npiProblem(DEMO_BILLING.billingProvider.npi)).toBeNull();
  for (const s of DEMO_STAFF) if (s.provider) expect(npiProblem(s.provider.npi), s.name).toBeNull();
});

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `the freshly seeded demo builds claims that can be sent, on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let biller: Auth;
      let built: Built[] = [];
      let typoPatientId = '';

      beforeAll(async () => {
        h = await makeHarness(engine);
        await seedDemo(h.store, h.clock);
        biller = await signIn(h.app, 'biller@demo.unitwise.test', DEMO_PASSWORD);
        const patients = await h.store.patients.list(DEMO_CLINIC_ID, { limit: 100 });
        typoPatientId = patients.items.find((p) => p.externalId === `MRN-${1001 + DIAGNOSIS_TYPO.patient}`)?.id ?? '';
      });
      afterAll(async () => {
        await h?.close();
      });

      it('comes with its billing settings and a charge for every catalog code', async () => {
        const r = await call(h.app, biller, 'GET', '/api/v1/claim-settings');
        expect(r.status).toBe(200);
        expect(r.body.configured).toBe(true);
        expect(r.body.settings.billingProvider.npi).toBe(DEMO_BILLING.billingProvider.npi);
        expect(r.body.settings.chargeMaster).toEqual(SAMPLE_CHARGE_MASTER.charges);
      });

      it('builds mostly ready claims; held are exactly the claims of the planted diagnosis typo', async () => {
        const r = await call(h.app, biller, 'POST', '/api/v1/claims/build', {});
        expect(r.status, r.text).toBe(201);
        built = r.body.items;
        expect(r.body.skipped).toEqual([]);
        const held = built.filter((c) => c.status === 'draft');
        expect(r.body.held).toBe(held.length);
        expect(r.body.ready).toBe(built.length - held.length);
        expect(r.body.ready).toBeGreaterThan(built.length * 0.85);
        expect(typoPatientId).not.toBe('');
        expect(new Set(held.map((c) => c.patientId))).toEqual(new Set([typoPatientId]));
        expect(held.length).toBe(built.filter((c) => c.patientId === typoPatientId).length);
        for (const c of held) {
          expect(c.scrubErrors).toHaveLength(1);
          expect(c.scrubErrors[0]?.message).toMatch(
            /^"169\.351" is not an ICD-10-CM code .*correct the diagnosis in .+’s plan of care \(Patients → .+ → Plans of care\)/,
          );
          expect(c.scrubErrors[0]?.where).toMatch(/^\S+ \S+, \d{4}-\d{2}-\d{2}$/);
        }
        for (const c of built)
          for (const l of c.lines)
            expect(l.chargeCents, l.code).toBe(l.units * (SAMPLE_CHARGE_MASTER.charges[l.code] ?? 0));
      });

      it('carries the planted note warnings on ready claims, in words naming patient and date', async () => {
        const warned = built.filter((c) => c.status === 'ready' && c.scrubWarnings.length > 0);
        expect(warned.length).toBeGreaterThanOrEqual(2);
        const texts = warned.flatMap((c) => c.scrubWarnings.map((w) => `${w.where}: ${w.message}`));
        // The planted "Therapeutic activities as tolerated" note is an error since issue 15 (no task, parameters or
        // assistance), so it stays an unsigned draft and rides on no claim; the clone warning still does.
        expect(texts.some((t) => /Therapeutic activities/.test(t))).toBe(false);
        expect(texts.some((t) => /word for word|same description/i.test(t))).toBe(true);
        for (const t of texts) expect(t).not.toMatch(/\/api\/|[0-9a-f]{8}-[0-9a-f]{4}-/);
      });

      it('exports an 837P that the 837P checker passes, with the pay-to address', async () => {
        const r = await call(h.app, biller, 'POST', '/api/v1/claims/export', {});
        expect(r.status, r.text).toBe(201);
        expect(r.body.claimCount).toBe(built.filter((c) => c.status === 'ready').length);
        const file = await call(h.app, biller, 'GET', r.body.download);
        const checked = read837(file.text);
        expect(checked.errors).toEqual([]);
        expect(checked.claims).toHaveLength(r.body.claimCount);
        expect(file.text).toContain(`NM1*85*2*RIVERSIDE THERAPY (DEMO)*****XX*${DEMO_BILLING.billingProvider.npi}~`);
        expect(file.text).toMatch(/NM1\*87\*2~\s*N3\*PO BOX 4410~\s*N4\*SPRINGFIELD\*IL\*627084410~/);
        if (engine.name !== 'sqlite') return;
        // The command a biller or clearinghouse would run on the file: a real process.
        const dir = mkdtempSync(path.join(tmpdir(), 'uw-demo-837-'));
        try {
          const f = path.join(dir, 'demo.837');
          writeFileSync(f, file.text);
          const cli = spawnSync(
            process.execPath,
            ['--import', 'tsx', 'packages/cli/src/main.ts', 'claims', 'check', f, '--json'],
            { cwd: REPO, encoding: 'utf8', timeout: 60_000 },
          );
          expect(cli.status, cli.stderr).toBe(0);
          expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, errors: [] });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }, 90_000);

      it('once the plan’s diagnosis is corrected, rebuilding makes the held claims ready', async () => {
        const owner = await signIn(h.app, 'owner@demo.unitwise.test', DEMO_PASSWORD);
        const plans = await h.store.plansOfCare.listByPatient(DEMO_CLINIC_ID, typoPatientId);
        const plan = plans.find((p) => p.diagnoses.includes(DIAGNOSIS_TYPO.typed));
        const fixed = await call(h.app, owner, 'PATCH', `/api/v1/plans-of-care/${plan?.id}`, {
          diagnoses: [DIAGNOSIS_TYPO.meant],
        });
        expect(fixed.status, fixed.text).toBe(200);
        for (const c of built.filter((x) => x.status === 'draft')) {
          const r = await call(h.app, biller, 'POST', `/api/v1/claims/${c.id}/rebuild`, {});
          expect(r.status, r.text).toBe(200);
          expect(r.body).toMatchObject({ status: 'ready', scrubErrors: [] });
        }
      });

      it('varies minutes and wording like a caseload, and flags only the planted mistakes', async () => {
        const page = await h.store.visits.list(DEMO_CLINIC_ID, { limit: 500 });
        const visits = await Promise.all(page.items.map((v) => h.store.visits.get(DEMO_CLINIC_ID, v.id)));
        const minutes97530 = new Set<number>();
        const all = new Set<string>();
        let repeats = 0;
        const byPatient = new Map<string, Set<string>>();
        for (const v of visits)
          for (const s of v?.services ?? []) {
            if (s.code === '97530' && s.minutes !== undefined) minutes97530.add(s.minutes);
            if (!v || !s.description) continue;
            all.add(s.description);
            const seen = byPatient.get(v.patientId) ?? new Set<string>();
            if (seen.has(s.description)) repeats += 1;
            seen.add(s.description);
            byPatient.set(v.patientId, seen);
          }
        expect(minutes97530.size).toBeGreaterThanOrEqual(10);
        expect(all.size).toBeGreaterThan(300);
        // Within one patient's notes only the two planted clones repeat a description.
        expect(repeats).toBe(2);
        const wording = visits.flatMap((v) =>
          (v?.findings ?? []).filter((f) => f.rule === 'code-mismatch' || f.rule === 'vague-description'),
        );
        expect(wording.map((f) => f.rule)).toEqual(['vague-description', 'vague-description']);
        expect(mistakeOf(4, 6)).toBe('vague');
      });
    },
  );
}
