/**
 * A biller's day over HTTP on both engines: charge review paged with payer names, claims and holds; a visit held
 * and released with reasons (stored, audited, and a held visit built into no claim); the build preview counting by
 * payer what a date-range build then bills; every held claim rebuilt in one action; the claim detail page's data
 * (lines, scrub results, history by name, its 837P, 835 payments and adjustments in plain words); the remittance
 * detail with matched and unmatched claims; the denial report naming the payer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { make835 } from './helpers/claims-835.ts';
import { SETTINGS_BODY } from './helpers/claims-fixtures.ts';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';
import { signConfirmed } from './helpers/sign.ts';

const MARCH = 'from=2026-03-01&to=2026-03-31';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `a biller's day on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let b: TestClinic;
      let biller: Auth;
      let pt: Auth;
      let auditor: Auth;
      let otherBiller: Auth;
      const payers: Record<'commercial' | 'medicaid', string> = { commercial: '', medicaid: '' };
      // visit ids by name: c1, c2 commercial; m1 Medicaid; early (February, outside the range); nodx1, nodx2 held
      const visits: Record<string, string> = {};
      const plans: Record<string, string> = {};

      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'billerday');
        b = await makeClinic(h.store, 'otherday');
        biller = { bearer: a.staff.biller.token };
        pt = { bearer: a.staff.therapist.token };
        auditor = { bearer: a.staff.auditor.token };
        otherBiller = { bearer: b.staff.biller.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      /** A patient covered by the payer, with a certified plan and one signed visit on the date. */
      async function signedVisit(name: string, payerId: string, date: string, diagnoses: string[]): Promise<string> {
        const p = await call(h.app, pt, 'POST', '/api/v1/patients', {
          firstName: name,
          lastName: 'Daycase',
          birthDate: '1950-02-03',
          sex: 'M',
          // Mid-episode: evaluated before these records (evaluation-missing is not what these tests are about).
          history: { treatmentDaysSinceProgressReport: 0 },
          // A claim needs the patient's address (837P 2010BA N3/N4).
          address: { line1: '9 Day St', city: 'Dayton', state: 'OH', postalCode: '45402' },
        });
        expect(p.status, p.text).toBe(201);
        const cov = await call(h.app, biller, 'POST', '/api/v1/coverages', {
          patientId: p.body.id,
          payerId,
          memberId: `MEM${name}`,
          startDate: '2026-01-01',
        });
        expect(cov.status, cov.text).toBe(201);
        const plan = await call(h.app, pt, 'POST', '/api/v1/plans-of-care', {
          patientId: p.body.id,
          discipline: 'PT',
          startDate: '2026-02-20',
          endDate: '2026-05-20',
          certifiedDate: '2026-02-22',
          diagnoses,
          plannedCodes: ['97110'],
          goals: [{ id: 'g1', text: 'Patient will climb 12 stairs with one rail and supervision within 6 weeks.' }],
        });
        expect(plan.status, plan.text).toBe(201);
        plans[name] = plan.body.id;
        const { provider, ...content } = cleanVisit(p.body.id, a.staff.therapist.providerId ?? '', false);
        const v = await call(h.app, pt, 'POST', '/api/v1/visits', { ...content, date, providerId: provider.id });
        expect(v.status, v.text).toBe(201);
        const signed = await signConfirmed(h.app, pt, v.body.id);
        expect(signed.status, signed.text).toBe(200);
        return v.body.id;
      }

      it('sets up two payers and signed visits in and out of March', async () => {
        expect((await call(h.app, biller, 'PUT', '/api/v1/claim-settings', SETTINGS_BODY)).status).toBe(200);
        for (const [key, body] of [
          ['commercial', { name: 'Example Commercial Plan', policyId: 'commercial', x12PayerId: '60054' }],
          ['medicaid', { name: 'Example State Medicaid', policyId: 'medicaid', x12PayerId: '77027' }],
        ] as const) {
          const r = await call(h.app, biller, 'POST', '/api/v1/payers', body);
          expect(r.status, r.text).toBe(201);
          payers[key] = r.body.id;
        }
        visits.c1 = await signedVisit('Cee1', payers.commercial, '2026-03-02', ['M17.11']);
        visits.c2 = await signedVisit('Cee2', payers.commercial, '2026-03-02', ['M17.11']);
        visits.m1 = await signedVisit('Em1', payers.medicaid, '2026-03-02', ['M17.11']);
        visits.early = await signedVisit('Early', payers.commercial, '2026-02-25', ['M17.11']);
      });

      it('holds a visit with a reason: stored, audited without the words, refused twice, and only for billing roles', async () => {
        const bad = await call(h.app, biller, 'POST', `/api/v1/visits/${visits.c2}/hold`, { reason: '  ' });
        expect(bad.status).toBe(400);
        expect(bad.body.errors[0].path).toBe('reason');
        expect((await call(h.app, pt, 'POST', `/api/v1/visits/${visits.c2}/hold`, { reason: 'x' })).status).toBe(403);
        const r = await call(h.app, biller, 'POST', `/api/v1/visits/${visits.c2}/hold`, {
          reason: 'Waiting for the referral from Dr Example',
        });
        expect(r.status, r.text).toBe(201);
        expect(r.body).toMatchObject({ visitId: visits.c2, reason: 'Waiting for the referral from Dr Example' });
        const again = await call(h.app, biller, 'POST', `/api/v1/visits/${visits.c2}/hold`, { reason: 'again' });
        expect(again.status).toBe(409);
        expect(again.body.detail).toMatch(/already on hold/);
        const other = await call(h.app, otherBiller, 'POST', `/api/v1/visits/${visits.c1}/hold`, { reason: 'x' });
        expect(other.status).toBe(404);
        const events = await h.store.audit.list(a.clinicId, { action: 'visit.hold' });
        expect(events.items).toHaveLength(1);
        expect(events.items[0]).toMatchObject({ entityId: visits.c2 });
        expect(JSON.stringify(events.items)).not.toContain('referral');
        const history = await call(h.app, auditor, 'GET', `/api/v1/visits/${visits.c2}/holds`);
        expect(history.body.items.map((x: { reason: string }) => x.reason)).toEqual([
          'Waiting for the referral from Dr Example',
        ]);
      });

      it('pages charge review with payer names, holds and filters', async () => {
        const all = await call(h.app, biller, 'GET', `/api/v1/charges?${MARCH}`);
        expect(all.status, all.text).toBe(200);
        expect(all.body.items).toHaveLength(3);
        const byId = new Map(all.body.items.map((r: { id: string }) => [r.id, r]));
        expect(byId.get(visits.m1)).toMatchObject({
          payer: { id: payers.medicaid, name: 'Example State Medicaid' },
          patientName: 'Daycase, Em1',
          claim: null,
          hold: null,
        });
        expect(byId.get(visits.c2)).toMatchObject({
          hold: { reason: 'Waiting for the referral from Dr Example', heldByName: 'biller billerday' },
        });
        // The payer is named, not given as the policy id its rules come from.
        expect(byId.get(visits.c1)).toMatchObject({ payer: { name: 'Example Commercial Plan' } });
        const medicaid = await call(h.app, biller, 'GET', `/api/v1/charges?${MARCH}&payerId=${payers.medicaid}`);
        expect(medicaid.body.items.map((r: { id: string }) => r.id)).toEqual([visits.m1]);
        const held = await call(h.app, auditor, 'GET', `/api/v1/charges?${MARCH}&state=held`);
        expect(held.body.items.map((r: { id: string }) => r.id)).toEqual([visits.c2]);
        // Pages of one: every visit once, then no next page.
        const seen: string[] = [];
        let next: string | null = null;
        let pages = 0;
        do {
          const page = await call(
            h.app,
            biller,
            'GET',
            `/api/v1/charges?limit=1${next ? `&cursor=${encodeURIComponent(next)}` : ''}`,
          );
          expect(page.status, page.text).toBe(200);
          seen.push(...page.body.items.map((r: { id: string }) => r.id));
          next = page.body.next;
          pages += 1;
        } while (next && pages < 10);
        expect(seen.sort()).toEqual([visits.c1, visits.c2, visits.m1, visits.early].sort());
        expect((await call(h.app, pt, 'GET', '/api/v1/charges')).status).toBe(403);
        expect((await call(h.app, otherBiller, 'GET', '/api/v1/charges')).body.items).toEqual([]);
      });

      it('previews a date-range build by payer, writing nothing, and the build bills exactly that', async () => {
        const preview = await call(h.app, biller, 'GET', `/api/v1/claims/build-preview?${MARCH}`);
        expect(preview.status, preview.text).toBe(200);
        expect(preview.body).toMatchObject({
          signed: 3,
          toBill: 2,
          onHold: 1,
          alreadyClaimed: 0,
          noCoverage: 0,
          truncated: false,
        });
        expect(preview.body.byPayer).toEqual(
          expect.arrayContaining([
            { payerId: payers.commercial, payerName: 'Example Commercial Plan', visits: 1 },
            { payerId: payers.medicaid, payerName: 'Example State Medicaid', visits: 1 },
          ]),
        );
        expect((await call(h.app, biller, 'GET', '/api/v1/claims')).body.items).toEqual([]);
        const built = await call(h.app, biller, 'POST', '/api/v1/claims/build', {
          from: '2026-03-01',
          to: '2026-03-31',
        });
        expect(built.status, built.text).toBe(201);
        expect(built.body.items).toHaveLength(2);
        expect(built.body.skipped).toEqual([
          { visitId: visits.c2, reason: 'The visit is on hold: Waiting for the referral from Dr Example' },
        ]);
        const claimed = new Set(built.body.items.flatMap((c: { visitIds: string[] }) => c.visitIds));
        expect(claimed).toEqual(new Set([visits.c1, visits.m1]));
        const after = await call(h.app, biller, 'GET', `/api/v1/claims/build-preview?${MARCH}`);
        expect(after.body).toMatchObject({ toBill: 0, alreadyClaimed: 2, onHold: 1, byPayer: [] });
        const onClaim = await call(h.app, biller, 'GET', `/api/v1/charges?${MARCH}&state=claimed`);
        expect(onClaim.body.items.map((r: { claim: { status: string } }) => r.claim.status)).toEqual([
          'ready',
          'ready',
        ]);
      });

      it('refuses to hold a visit already on a claim, and releases a hold with a reason so the next build bills it', async () => {
        const onClaim = await call(h.app, biller, 'POST', `/api/v1/visits/${visits.c1}/hold`, { reason: 'late' });
        expect(onClaim.status).toBe(409);
        expect(onClaim.body.detail).toMatch(/already on claim UW\d{6}/);
        const released = await call(h.app, biller, 'POST', `/api/v1/visits/${visits.c2}/release`, {
          reason: 'Referral received',
        });
        expect(released.status, released.text).toBe(200);
        expect(released.body).toMatchObject({ releaseReason: 'Referral received' });
        expect(released.body.releasedAt).not.toBeNull();
        expect((await call(h.app, biller, 'POST', `/api/v1/visits/${visits.c2}/release`, { reason: 'x' })).status).toBe(
          409,
        );
        expect((await h.store.audit.list(a.clinicId, { action: 'visit.release' })).items).toHaveLength(1);
        const built = await call(h.app, biller, 'POST', '/api/v1/claims/build', {
          from: '2026-03-01',
          to: '2026-03-31',
        });
        expect(built.body.items.flatMap((c: { visitIds: string[] }) => c.visitIds)).toEqual([visits.c2]);
      });

      it('never bills a visit that a hold placed at the same time kept: the hold or the claim wins, never both', async () => {
        for (let round = 0; round < 3; round++) {
          const visitId = await signedVisit(`Race${round}`, payers.medicaid, '2026-03-03', ['M17.11']);
          const [hold, build] = await Promise.all([
            call(h.app, biller, 'POST', `/api/v1/visits/${visitId}/hold`, { reason: 'Race' }),
            call(h.app, biller, 'POST', '/api/v1/claims/build', { visitIds: [visitId] }),
          ]);
          expect(build.status, build.text).toBe(201);
          const onClaim = build.body.items.length === 1;
          expect(hold.status, hold.text).toBe(onClaim ? 409 : 201);
          const row = (
            await call(h.app, biller, 'GET', `/api/v1/charges?from=2026-03-03&to=2026-03-03`)
          ).body.items.find((r: { id: string }) => r.id === visitId);
          expect(Boolean(row.claim) !== Boolean(row.hold), JSON.stringify(row)).toBe(true);
          if (!onClaim) await call(h.app, biller, 'POST', `/api/v1/visits/${visitId}/release`, { reason: 'Race over' });
        }
        // Those released visits are billed by the next build; leave none open for the tests that follow.
        await call(h.app, biller, 'POST', '/api/v1/claims/build', { from: '2026-03-03', to: '2026-03-03' });
      });

      it('rebuilds every held claim in one action: the fixed one becomes ready, the other stays held with its reason', async () => {
        visits.nodx1 = await signedVisit('Nodx1', payers.commercial, '2026-03-02', []);
        visits.nodx2 = await signedVisit('Nodx2', payers.commercial, '2026-03-02', []);
        const built = await call(h.app, biller, 'POST', '/api/v1/claims/build', {
          from: '2026-03-01',
          to: '2026-03-31',
        });
        expect(built.body.held).toBe(2);
        const fixed = await call(h.app, pt, 'PATCH', `/api/v1/plans-of-care/${plans.Nodx1}`, { diagnoses: ['M17.11'] });
        expect(fixed.status, fixed.text).toBe(200);
        expect((await call(h.app, auditor, 'POST', '/api/v1/claims/rebuild-held', {})).status).toBe(403);
        const r = await call(h.app, biller, 'POST', '/api/v1/claims/rebuild-held', {});
        expect(r.status, r.text).toBe(200);
        expect(r.body).toMatchObject({ checked: 2, failed: [], remaining: false });
        expect(r.body.ready).toHaveLength(1);
        expect(r.body.stillHeld).toHaveLength(1);
        expect(r.body.stillHeld[0].reasons.join(' ')).toMatch(/ICD-10-CM diagnosis/);
        const ready = await call(h.app, biller, 'GET', `/api/v1/claims/${r.body.ready[0].id}`);
        expect(ready.body.visitIds).toEqual([visits.nodx1]);
        expect(ready.body.events.map((e: { event: string }) => e.event)).toEqual(['built', 'rebuilt']);
        expect((await h.store.audit.list(a.clinicId, { action: 'claim.rebuild' })).items).toHaveLength(2);
        const again = await call(h.app, otherBiller, 'POST', '/api/v1/claims/rebuild-held', {});
        expect(again.body).toMatchObject({ checked: 0, ready: [], stillHeld: [] });
      });

      let paidId = '';
      let remitId = '';
      it('shows a claim in full: lines, scrub results, history by name, its 837P, 835 payments in plain words', async () => {
        const exported = await call(h.app, biller, 'POST', '/api/v1/claims/export', {});
        expect(exported.status, exported.text).toBe(201);
        const list = (await call(h.app, biller, 'GET', '/api/v1/claims?status=exported')).body.items as {
          id: string;
          claimNumber: string;
          visitIds?: string[];
          lines?: unknown;
        }[];
        const details = await Promise.all(
          list.map(async (c) => (await call(h.app, biller, 'GET', `/api/v1/claims/${c.id}`)).body),
        );
        const paid = details.find((c) => c.visitIds[0] === visits.c1);
        const denied = details.find((c) => c.visitIds[0] === visits.c2);
        paidId = paid.id;
        const line = (
          c: typeof paid,
          paidCents: number,
          adjustments: { group: string; reason: string; amountCents: number }[],
          remarks?: string[],
        ) => ({
          code: '97110',
          modifiers: ['GP'],
          chargeCents: 9000,
          paidCents,
          units: 2,
          date: c.lines[0].dateOfService,
          control: c.lines[0].controlNumber,
          adjustments,
          ...(remarks ? { remarks } : {}),
        });
        const text = make835({
          trace: 'DAY1',
          claims: [
            {
              claimNumber: paid.claimNumber,
              status: '1',
              payerClaimNumber: 'PCN-DAY-1',
              // The patient as our claim named them: an 835 matches only a claim of the same patient.
              patient: { lastName: 'Daycase', firstName: 'Cee1', memberId: 'MEMCee1' },
              lines: [line(paid, 6000, [{ group: 'CO', reason: '45', amountCents: 3000 }])],
            },
            {
              claimNumber: denied.claimNumber,
              status: '4',
              payerClaimNumber: 'PCN-DAY-2',
              patient: { lastName: 'Daycase', firstName: 'Cee2', memberId: 'MEMCee2' },
              lines: [line(denied, 0, [{ group: 'CO', reason: '50', amountCents: 9000 }], ['N115'])],
            },
            {
              claimNumber: 'NOTOURS01',
              status: '1',
              payerClaimNumber: 'PCN-DAY-3',
              lines: [
                {
                  code: '97530',
                  chargeCents: 5000,
                  paidCents: 5000,
                  units: 1,
                  date: '2026-03-02',
                  adjustments: [],
                },
              ],
            },
          ],
        });
        const posted = await call(h.app, biller, 'POST', '/api/v1/remittances', { text, fileName: 'day.835' });
        expect(posted.status, posted.text).toBe(201);
        remitId = posted.body.id;

        const d = await call(h.app, auditor, 'GET', `/api/v1/claims/${paid.id}/detail`);
        expect(d.status, d.text).toBe(200);
        expect(d.body).toMatchObject({
          claimNumber: paid.claimNumber,
          status: 'partly-paid',
          patient: { name: 'Daycase, Cee1' },
          payer: { id: payers.commercial, name: 'Example Commercial Plan' },
          scrubErrors: [],
          visits: [{ id: visits.c1, date: '2026-03-02', status: 'signed' }],
          export: { id: exported.body.id, fileName: exported.body.fileName, download: exported.body.download },
        });
        expect(d.body.lines[0]).toMatchObject({ code: '97110', units: 2, paidCents: 6000, contractualCents: 3000 });
        expect(d.body.events.map((e: { event: string; by: string | null }) => [e.event, e.by])).toEqual([
          ['built', 'biller billerday'],
          ['exported', 'biller billerday'],
          ['partly-paid', 'biller billerday'],
        ]);
        expect(d.body.postings).toHaveLength(1);
        const p = d.body.postings[0];
        expect(p).toMatchObject({
          remittanceId: remitId,
          traceNumbers: ['DAY1'],
          payerName: 'EXAMPLE COMMERCIAL PLAN',
          payerStatus: '1',
          payerStatusText: 'Processed as primary',
          payerClaimNumber: 'PCN-DAY-1',
          paidCents: 6000,
        });
        expect(p.lines[0].adjustments[0]).toMatchObject({ group: 'CO', reason: '45', amountCents: 3000 });
        expect(p.lines[0].adjustments[0].explanation).toMatch(/\w{4,} \w{4,}/);
        expect(p.lines[0].adjustments[0].groupText.length).toBeGreaterThan(5);
        const file = await call(h.app, biller, 'GET', d.body.export.download);
        expect(file.status).toBe(200);
        expect(file.text).toContain(`CLM*${paid.claimNumber}*`);

        const dd = await call(h.app, biller, 'GET', `/api/v1/claims/${denied.id}/detail`);
        expect(dd.body.status).toBe('denied');
        expect(dd.body.postings[0].payerStatusText).toBe('Denied');
        expect(dd.body.postings[0].lines[0].remarks[0]).toMatchObject({ code: 'N115' });
        expect(dd.body.postings[0].lines[0].remarks[0].explanation.length).toBeGreaterThan(10);

        expect((await call(h.app, pt, 'GET', `/api/v1/claims/${paid.id}/detail`)).status).toBe(403);
        const other = await call(h.app, otherBiller, 'GET', `/api/v1/claims/${paid.id}/detail`);
        expect(other.status).toBe(404);
        expect(other.text).not.toContain('Daycase');
        const readEvents = await h.store.audit.list(a.clinicId, { action: 'claim.read' });
        expect(readEvents.items.some((e) => e.entityId === paid.id)).toBe(true);
      });

      it('shows a remittance with its claims and lines, matched or not, amounts and adjustments', async () => {
        const r = await call(h.app, auditor, 'GET', `/api/v1/remittances/${remitId}`);
        expect(r.status, r.text).toBe(200);
        expect(r.body).toMatchObject({ payerName: 'EXAMPLE COMMERCIAL PLAN', claimCount: 3, paidCents: 6000 });
        // 6000: the claim that is not ours (NOTOURS01) posts nothing, so only the matched payment counts.
        expect(r.body.claims.map((c: { claimId: string | null }) => c.claimId)).toEqual([
          paidId,
          expect.any(String),
          null,
        ]);
        expect(r.body.claims[0].lines[0]).toMatchObject({ matchedBy: 'line-control', paidCents: 6000 });
        expect(r.body.claims[1].lines[0].adjustments[0]).toMatchObject({ group: 'CO', reason: '50' });
        expect(r.body.claims[1].lines[0].adjustments[0].explanation.length).toBeGreaterThan(10);
        expect(r.body.claims[2]).toMatchObject({ claimNumber: 'NOTOURS01', claimId: null });
        expect((await call(h.app, otherBiller, 'GET', `/api/v1/remittances/${remitId}`)).status).toBe(404);
      });

      it('names the payer in the denial report', async () => {
        const r = await call(h.app, auditor, 'GET', '/api/v1/reports/denials');
        expect(r.status).toBe(200);
        expect(r.body.items).toEqual([
          expect.objectContaining({
            group: 'CO',
            reason: '50',
            payerName: 'EXAMPLE COMMERCIAL PLAN',
            amountCents: 9000,
          }),
        ]);
      });
    },
  );
}
