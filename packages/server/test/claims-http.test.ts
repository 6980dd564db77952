/**
 * Claims and remittances over HTTP on both engines, end to end: patients, coverage, plans and signed visits made
 * through the API; claims built and scrubbed; an 837P exported and checked by @unitwise/edi's reader; a matching
 * 835 previewed (no writes), refused when unbalanced (nothing written), posted (paid, partly paid CO-45 + PR-2,
 * denied CO-236), posted again (once, also re-sent in other bytes; the same trace with another amount is a 409); a
 * payment past a claim's charge and one for a draft post nothing and say why (the draft's posts once it is sent);
 * concurrent posts of one payment post once; the denial report; corrections and voids; another clinic's ids: 404.
 */
import { read837 } from '@unitwise/edi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Claim835, make835 } from './helpers/claims-835.ts';
import { SETTINGS_BODY } from './helpers/claims-fixtures.ts';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';
import { signConfirmed } from './helpers/sign.ts';

interface ClaimRow {
  id: string;
  claimNumber: string;
  patientId: string;
  status: string;
  chargeCents: number;
  scrubErrors: { where: string; message: string }[];
  lines: {
    controlNumber: string;
    code: string;
    dateOfService: string;
    units: number;
    chargeCents: number;
    expectedCents: number | null;
  }[];
  payerClaimNumber: string | null;
  paidCents: number;
  /** The X12 claim sent: the patient as the payer knows them. */
  claim: { subscriber: { memberId: string; lastName: string; firstName: string } };
  events: { event: string }[];
}

/** The patient on a payment of claim `c`: as we sent them (member id, name). */
function patientOf(c: ClaimRow): Claim835['patient'] {
  const s = c.claim.subscriber;
  return { lastName: s.lastName, firstName: s.firstName, memberId: s.memberId };
}

/** Other bytes for the same payment: another segment terminator, a stray control character, one altered code. */
const REENCODED: [string, (text: string) => string][] = [
  ['newline terminators', (t) => t.replace(/~\n/g, '\n')],
  [
    'a stray control character',
    (t) => t.replace('N1*PR*EXAMPLE COMMERCIAL PLAN', 'N1*PR*EXAMPLE\u0007 COMMERCIAL PLAN'),
  ],
  ['one altered service code', (t) => t.replace('SVC*HC:97110', 'SVC*HC:97112')],
];

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `claims and remittances on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let b: TestClinic;
      let biller: Auth;
      let pt: Auth;
      let otherBiller: Auth;
      let payerId: string;
      const patients: string[] = [];
      let built: ClaimRow[] = [];
      let exportId = '';
      let remitId = '';

      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'claims');
        b = await makeClinic(h.store, 'otherclaims');
        biller = { bearer: a.staff.biller.token };
        pt = { bearer: a.staff.therapist.token };
        otherBiller = { bearer: b.staff.biller.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      /** A patient with commercial coverage, a certified plan (diagnoses as given) and one signed visit. */
      async function patientWithSignedVisit(
        n: number,
        diagnoses: string[],
      ): Promise<{ patientId: string; planId: string }> {
        const p = await call(h.app, pt, 'POST', '/api/v1/patients', {
          firstName: `Pat${n}`,
          lastName: 'Claimcase',
          birthDate: `1950-01-0${n}`,
          sex: 'F',
          // A claim is held back without the patient's address (2010BA N3/N4).
          address: { line1: `${n} Elm St`, city: 'Dayton', state: 'OH', postalCode: '45402' },
        });
        expect(p.status, p.text).toBe(201);
        const cov = await call(h.app, biller, 'POST', '/api/v1/coverages', {
          patientId: p.body.id,
          payerId,
          memberId: `MEM${n}`,
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
        const { provider, ...content } = cleanVisit(p.body.id, a.staff.therapist.providerId ?? '', false);
        const v = await call(h.app, pt, 'POST', '/api/v1/visits', { ...content, providerId: provider.id });
        expect(v.status, v.text).toBe(201);
        const signed = await signConfirmed(h.app, pt, v.body.id);
        expect(signed.status, signed.text).toBe(200);
        return { patientId: p.body.id, planId: plan.body.id };
      }

      it('sets the billing settings and makes three patients with signed visits through the API', async () => {
        const s = await call(h.app, biller, 'PUT', '/api/v1/claim-settings', SETTINGS_BODY);
        expect(s.status, s.text).toBe(200);
        expect((await call(h.app, pt, 'PUT', '/api/v1/claim-settings', SETTINGS_BODY)).status).toBe(403);
        const payer = await call(h.app, biller, 'POST', '/api/v1/payers', {
          name: 'Example Commercial Plan',
          policyId: 'commercial',
          x12PayerId: '60054',
        });
        expect(payer.status, payer.text).toBe(201);
        payerId = payer.body.id;
        for (const n of [1, 2, 3]) patients.push((await patientWithSignedVisit(n, ['M17.11'])).patientId);
      });

      it('builds one ready claim per patient from the signed visits, priced from the charge master', async () => {
        expect((await call(h.app, pt, 'POST', '/api/v1/claims/build', {})).status).toBe(403);
        const r = await call(h.app, biller, 'POST', '/api/v1/claims/build', { from: '2026-03-01', to: '2026-03-31' });
        expect(r.status, r.text).toBe(201);
        expect(r.body.items).toHaveLength(3);
        for (const c of r.body.items) expect(c.scrubErrors, JSON.stringify(c.scrubErrors)).toEqual([]);
        expect(r.body.ready).toBe(3);
        built = [...r.body.items].sort((x: ClaimRow, y: ClaimRow) => (x.claimNumber < y.claimNumber ? -1 : 1));
        expect(built.map((c) => c.claimNumber)).toEqual(['UW000001', 'UW000002', 'UW000003']);
        for (const c of built) {
          expect(c.status).toBe('ready');
          // 97110, 23 minutes: 2 units (commercial, per-code rounding) at the clinic's $45.00 per unit.
          expect(c.lines).toEqual([
            expect.objectContaining({
              code: '97110',
              units: 2,
              chargeCents: 9000,
              controlNumber: `${c.claimNumber}-1`,
            }),
          ]);
          expect(c.chargeCents).toBe(9000);
        }
        const again = await call(h.app, biller, 'POST', '/api/v1/claims/build', {});
        expect(again.status).toBe(201);
        expect(again.body.items).toEqual([]);
        expect(again.body.skipped).toHaveLength(3);
        const audit = await h.store.audit.list(a.clinicId, { action: 'claim.create' });
        expect(new Set(audit.items.map((e) => e.patientId))).toEqual(new Set(patients));
      });

      it('lists claims with filters and shows one with its history; another clinic’s id is 404', async () => {
        const list = await call(h.app, { bearer: a.staff.auditor.token }, 'GET', '/api/v1/claims?status=ready');
        expect(list.status).toBe(200);
        expect(list.body.items).toHaveLength(3);
        const one = await call(h.app, pt, 'GET', `/api/v1/claims/${built[0]?.id}?`);
        expect(one.status).toBe(200);
        expect(one.body.events.map((e: { event: string }) => e.event)).toEqual(['built']);
        expect(one.body.visitIds).toHaveLength(1);
        const byPatient = await call(h.app, biller, 'GET', `/api/v1/claims?patientId=${patients[1]}`);
        expect(byPatient.body.items.map((c: ClaimRow) => c.id)).toEqual(
          built.filter((c) => c.patientId === patients[1]).map((c) => c.id),
        );
        const other = await call(h.app, otherBiller, 'GET', `/api/v1/claims/${built[0]?.id}`);
        expect(other.status).toBe(404);
        expect(other.headers['content-type']).toMatch(/problem\+json/);
        expect((await call(h.app, otherBiller, 'GET', '/api/v1/claims')).body.items).toEqual([]);
      });

      it('exports the ready claims as one 837P that passes the structural checks (CLM02 = ΣSV102, SE counts)', async () => {
        const r = await call(h.app, biller, 'POST', '/api/v1/claims/export', {});
        expect(r.status, r.text).toBe(201);
        expect(r.body).toMatchObject({ claimCount: 3, chargeCents: 27000, interchangeControl: 1 });
        exportId = r.body.id;
        const file = await call(h.app, { bearer: a.staff.auditor.token }, 'GET', r.body.download);
        expect(file.status).toBe(200);
        expect(file.headers['content-type']).toMatch(/^text\/plain/);
        expect(file.headers['content-disposition']).toMatch(/attachment; filename="837P-000000001.txt"/);
        const read = read837(file.text);
        expect(read.errors).toEqual([]);
        expect(read.claims.map((c) => c.claimId)).toEqual(['UW000001', 'UW000002', 'UW000003']);
        for (const c of read.claims) {
          expect(c.chargeCents).toBe(c.lines.reduce((t, l) => t + l.chargeCents, 0));
          expect(c.lines.map((l) => l.controlNumber)).toEqual([`${c.claimId}-1`]);
          expect(c.subscriberAddress).toMatchObject({ city: 'DAYTON', state: 'OH', zip: '45402' });
        }
        const st = file.text.split('~').map((s) => s.trim());
        const start = st.findIndex((s) => s.startsWith('ST*'));
        const se = st.find((s) => s.startsWith('SE*'));
        const end = st.findIndex((s) => s.startsWith('SE*'));
        expect(se?.split('*')[1]).toBe(String(end - start + 1));
        const listed = await call(h.app, biller, 'GET', '/api/v1/claims?status=exported');
        expect(listed.body.items).toHaveLength(3);
        const again = await call(h.app, biller, 'POST', '/api/v1/claims/export', {});
        expect(again.status).toBe(422);
        expect((await call(h.app, otherBiller, 'GET', `/api/v1/claim-exports/${exportId}`)).status).toBe(404);
      });

      /** The payer's answer: claim 1 paid in full, claim 2 partly (CO-45, PR-2), claim 3 denied (CO-236). */
      function answer(trace: string): Claim835[] {
        const [c1, c2, c3] = built as [ClaimRow, ClaimRow, ClaimRow];
        const line = (
          c: ClaimRow,
          paid: number,
          adjustments: Claim835['lines'][0]['adjustments'],
          remarks?: string[],
        ) => ({
          code: '97110',
          modifiers: ['GP'],
          chargeCents: 9000,
          paidCents: paid,
          units: 2,
          date: c.lines[0]?.dateOfService ?? '',
          control: c.lines[0]?.controlNumber ?? '',
          adjustments,
          ...(remarks ? { remarks } : {}),
        });
        return [
          {
            claimNumber: c1.claimNumber,
            status: '1',
            payerClaimNumber: `${trace}-PCN1`,
            patient: patientOf(c1),
            lines: [line(c1, 9000, [])],
          },
          {
            claimNumber: c2.claimNumber,
            status: '1',
            payerClaimNumber: `${trace}-PCN2`,
            patient: patientOf(c2),
            lines: [
              line(c2, 5000, [
                { group: 'CO', reason: '45', amountCents: 3000 },
                { group: 'PR', reason: '2', amountCents: 1000 },
              ]),
            ],
          },
          {
            claimNumber: c3.claimNumber,
            status: '4',
            payerClaimNumber: `${trace}-PCN3`,
            patient: patientOf(c3),
            lines: [line(c3, 0, [{ group: 'CO', reason: '236', amountCents: 9000 }], ['M80'])],
          },
        ];
      }

      it('previews an 835: balancing, matched lines, variances and reasons in plain words, writing nothing', async () => {
        const text = make835({ trace: 'EFT1', claims: answer('EFT1') });
        const r = await call(h.app, biller, 'POST', '/api/v1/remittances/preview', { text, fileName: 'era.835' });
        expect(r.status, r.text).toBe(200);
        expect(r.body).toMatchObject({ balanced: true, postable: true, duplicateOf: null, unknownClaims: [] });
        // What posting will do, before the biller confirms: all three claims, $140.00; nothing left out.
        expect(r.body.willPost).toEqual({ claims: 3, paidCents: 14000, patientCents: 1000 });
        expect(r.body.notPosted).toEqual({ claims: 0, paidCents: 0, patientCents: 0 });
        expect(r.body.unmatched).toEqual([]);
        expect(r.body.matches.map((m: { newStatus: string }) => m.newStatus)).toEqual([
          'paid',
          'partly-paid',
          'denied',
        ]);
        for (const m of r.body.matches) expect(m.lines[0].matchedBy).toBe('line-control');
        const denied = r.body.matches[2].lines[0];
        expect(denied.adjustments[0]).toMatchObject({ group: 'CO', reason: '236' });
        expect(denied.adjustments[0].explanation.length).toBeGreaterThan(10);
        expect(denied.remarks[0].code).toBe('M80');
        expect(JSON.stringify(r.body)).not.toContain('PATIENT');
        expect(JSON.stringify(r.body).toUpperCase()).not.toContain('CLAIMCASE');
        expect((await call(h.app, biller, 'GET', '/api/v1/remittances')).body.items).toEqual([]);
        expect((await call(h.app, biller, 'GET', `/api/v1/claims/${built[0]?.id}`)).body.status).toBe('exported');
      });

      it('refuses an unbalanced 835 with a problem naming the failing check, and writes nothing', async () => {
        const text = make835({ trace: 'EFTBAD', claims: answer('EFTBAD'), skewCents: 100 });
        const r = await call(h.app, biller, 'POST', '/api/v1/remittances', { text });
        expect(r.status).toBe(422);
        expect(r.headers['content-type']).toMatch(/problem\+json/);
        expect(r.body.detail).toMatch(/does not balance/);
        expect(r.body.errors[0].message).toMatch(/BPR02/);
        expect((await call(h.app, biller, 'GET', '/api/v1/remittances')).body.items).toEqual([]);
        expect((await h.store.audit.list(a.clinicId, { action: 'claim.post' })).items).toEqual([]);
        expect((await call(h.app, biller, 'GET', `/api/v1/claims/${built[2]?.id}`)).body.status).toBe('exported');
      });

      it('posts the 835: line postings, claim statuses, variances; the same file again posts once', async () => {
        const text = make835({ trace: 'EFT1', claims: answer('EFT1') });
        expect(
          (await call(h.app, { bearer: a.staff.auditor.token }, 'POST', '/api/v1/remittances', { text })).status,
        ).toBe(403);
        const r = await call(h.app, biller, 'POST', '/api/v1/remittances', { text, fileName: 'era.835' });
        expect(r.status, r.text).toBe(201);
        remitId = r.body.id;
        expect(r.body).toMatchObject({
          duplicate: false,
          paidCents: 14000,
          contractualCents: 12000,
          patientCents: 1000,
        });
        const [c1, c2, c3] = await Promise.all(
          built.map(async (c) => (await call(h.app, biller, 'GET', `/api/v1/claims/${c.id}`)).body),
        );
        expect([c1.status, c2.status, c3.status]).toEqual(['paid', 'partly-paid', 'denied']);
        expect(c2.lines[0]).toMatchObject({ paidCents: 5000, contractualCents: 3000, patientCents: 1000 });
        expect(c3.lines[0]).toMatchObject({ paidCents: 0, contractualCents: 9000 });
        expect(c2.payerClaimNumber).toBe('EFT1-PCN2');
        expect(c2.events.map((e: { event: string }) => e.event)).toEqual(['built', 'exported', 'partly-paid']);
        // Variances: paid minus what the engine expected for the line, for every line whose payment differs.
        const expected2 = built[1]?.lines[0]?.expectedCents ?? 0;
        const v2 = r.body.variances.find((v: { claimId: string }) => v.claimId === c2.claimNumber);
        expect(v2?.varianceCents).toBe(5000 - expected2);
        const stored = r.body.claims[1].lines[0];
        expect(stored.adjustments.map((x: { group: string; reason: string }) => `${x.group}-${x.reason}`)).toEqual([
          'CO-45',
          'PR-2',
        ]);
        const again = await call(h.app, biller, 'POST', '/api/v1/remittances', { text });
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({ id: remitId, duplicate: true });
        expect((await call(h.app, biller, 'GET', '/api/v1/remittances')).body.items).toHaveLength(1);
        expect((await call(h.app, biller, 'GET', `/api/v1/claims/${built[1]?.id}`)).body.paidCents).toBe(5000);
        const preview = await call(h.app, biller, 'POST', '/api/v1/remittances/preview', { text });
        expect(preview.body).toMatchObject({ duplicateOf: remitId, postable: false });
        expect((await call(h.app, otherBiller, 'GET', `/api/v1/remittances/${remitId}`)).status).toBe(404);
        const one = await call(h.app, pt, 'GET', `/api/v1/remittances/${remitId}`);
        expect(one.body.claims[2].lines[0].remarks[0]).toMatchObject({ code: 'M80' });
      });

      it.each(REENCODED)('the same payment re-sent with %s posts nothing again', async (_name, recode) => {
        const text = recode(make835({ trace: 'EFT1', claims: answer('EFT1') }));
        const preview = await call(h.app, biller, 'POST', '/api/v1/remittances/preview', { text });
        expect(preview.status, preview.text).toBe(200);
        expect(preview.body).toMatchObject({ duplicateOf: remitId, postable: false, willPost: { claims: 0 } });
        const r = await call(h.app, biller, 'POST', '/api/v1/remittances', { text });
        expect(r.status, r.text).toBe(200);
        expect(r.body).toMatchObject({ id: remitId, duplicate: true });
        expect((await call(h.app, biller, 'GET', '/api/v1/remittances')).body.items).toHaveLength(1);
        const c1 = (await call(h.app, biller, 'GET', `/api/v1/claims/${built[0]?.id}`)).body as ClaimRow;
        expect(c1.paidCents).toBe(9000);
        expect(c1.events.map((e) => e.event)).toEqual(['built', 'exported', 'paid']);
      });

      it('refuses a payment whose trace number was posted with another amount (409), writing nothing', async () => {
        const claims = answer('EFT1');
        const first = claims[0]?.lines[0];
        if (!first) throw new Error('missing');
        first.paidCents = 8000;
        first.adjustments = [{ group: 'CO', reason: '45', amountCents: 1000 }];
        const text = make835({ trace: 'EFT1', claims });
        const preview = await call(h.app, biller, 'POST', '/api/v1/remittances/preview', { text });
        expect(preview.body.postable).toBe(false);
        expect(preview.body.conflicts).toEqual([
          expect.objectContaining({ traceNumber: 'EFT1', posted: expect.objectContaining({ paymentCents: 14000 }) }),
        ]);
        const r = await call(h.app, biller, 'POST', '/api/v1/remittances', { text });
        expect(r.status, r.text).toBe(409);
        expect(r.body.detail).toMatch(/already posted as \$140\.00 dated 2026-03-20; this file says \$130\.00/);
        expect((await call(h.app, biller, 'GET', '/api/v1/remittances')).body.items).toHaveLength(1);
        expect((await call(h.app, biller, 'GET', `/api/v1/claims/${built[0]?.id}`)).body.paidCents).toBe(9000);
      });

      it('a second payment of a paid claim (new trace, new CLP07) would pass its charge: not posted, and says why', async () => {
        const [c1] = built as [ClaimRow];
        const text = make835({ trace: 'EFT9', claims: answer('EFT9').slice(0, 1) });
        const preview = await call(h.app, biller, 'POST', '/api/v1/remittances/preview', { text });
        expect(preview.body.willPost).toEqual({ claims: 0, paidCents: 0, patientCents: 0 });
        expect(preview.body.unmatched).toEqual([
          {
            claimNumber: c1.claimNumber,
            reason: 'overpaid',
            message: expect.stringMatching(/to \$180\.00, more than its charge of \$90\.00/),
            paidCents: 9000,
          },
        ]);
        const r = await call(h.app, biller, 'POST', '/api/v1/remittances', { text });
        expect(r.status, r.text).toBe(201);
        expect(r.body).toMatchObject({
          posted: { claims: 0, paidCents: 0 },
          notPosted: { claims: 1, paidCents: 9000 },
        });
        expect(r.body.unmatched[0].reason).toBe('overpaid');
        const after = (await call(h.app, biller, 'GET', `/api/v1/claims/${c1.id}`)).body as ClaimRow;
        expect(after.paidCents).toBe(9000);
        expect(after.events.map((e) => e.event)).toEqual(['built', 'exported', 'paid']);
      });

      it('reports the denial by reason, rule, payer and provider', async () => {
        const r = await call(h.app, { bearer: a.staff.auditor.token }, 'GET', '/api/v1/reports/denials');
        expect(r.status).toBe(200);
        expect(r.body.items).toEqual([
          expect.objectContaining({
            reason: '236',
            group: 'CO',
            lines: 1,
            amountCents: 9000,
            providerNpi: '1234567893',
            cause: { category: 'ncci', rule: 'ncci-pair' },
          }),
        ]);
        expect(r.body.byRule).toEqual({ 'ncci-pair': { lines: 1, amountCents: 9000 } });
        expect(Object.values(r.body.byPayer)).toEqual([{ lines: 1, amountCents: 9000 }]);
        expect((await call(h.app, otherBiller, 'GET', '/api/v1/reports/denials')).body.items).toEqual([]);
      });

      it('corrects a paid claim (frequency 7) and voids a denied one (frequency 8) with the payer claim number', async () => {
        const corr = await call(h.app, biller, 'POST', `/api/v1/claims/${built[1]?.id}/correct`, {});
        expect(corr.status, corr.text).toBe(201);
        expect(corr.body).toMatchObject({ frequency: '7', payerClaimNumber: 'EFT1-PCN2', status: 'ready' });
        expect(corr.body.claim.payerClaimNumber).toBe('EFT1-PCN2');
        expect((await call(h.app, biller, 'GET', `/api/v1/claims/${built[1]?.id}`)).body.status).toBe('corrected');
        const voided = await call(h.app, biller, 'POST', `/api/v1/claims/${built[2]?.id}/void`, {});
        expect(voided.status, voided.text).toBe(201);
        expect(voided.body).toMatchObject({ frequency: '8', payerClaimNumber: 'EFT1-PCN3' });
        expect((await call(h.app, biller, 'GET', `/api/v1/claims/${built[2]?.id}`)).body.status).toBe('voided');
        expect((await call(h.app, biller, 'POST', `/api/v1/claims/${built[2]?.id}/void`, {})).status).toBe(409);
        const file = await call(h.app, biller, 'POST', '/api/v1/claims/export', {});
        expect(file.status, file.text).toBe(201);
        const text = (await call(h.app, biller, 'GET', file.body.download)).text;
        const read = read837(text);
        expect(read.errors).toEqual([]);
        expect(read.claims.map((c) => [c.frequency, c.payerClaimNumber])).toEqual([
          ['7', 'EFT1-PCN2'],
          ['8', 'EFT1-PCN3'],
        ]);
        expect((await call(h.app, otherBiller, 'POST', `/api/v1/claims/${built[0]?.id}/void`, {})).status).toBe(404);
      });

      it('holds a claim back with the scrub reason, and rebuilds it ready once the plan is fixed', async () => {
        const { patientId, planId } = await patientWithSignedVisit(4, []);
        const r = await call(h.app, biller, 'POST', '/api/v1/claims/build', { patientId });
        expect(r.status, r.text).toBe(201);
        const [held] = r.body.items;
        expect(held.status).toBe('draft');
        expect(held.scrubErrors.map((e: { message: string }) => e.message).join(' ')).toMatch(/ICD-10-CM diagnosis/);
        const fixed = await call(h.app, pt, 'PATCH', `/api/v1/plans-of-care/${planId}`, { diagnoses: ['M17.11'] });
        expect(fixed.status, fixed.text).toBe(200);
        const rebuilt = await call(h.app, biller, 'POST', `/api/v1/claims/${held.id}/rebuild`, {});
        expect(rebuilt.status, rebuilt.text).toBe(200);
        expect(rebuilt.body).toMatchObject({ status: 'ready', claimNumber: held.claimNumber, scrubErrors: [] });
        expect(rebuilt.body.events.map((e: { event: string }) => e.event)).toEqual(['built', 'rebuilt']);
        expect((await call(h.app, otherBiller, 'POST', `/api/v1/claims/${held.id}/rebuild`, {})).status).toBe(404);
      });

      it('never puts a visit on two claims when builds run at the same time', async () => {
        const { patientId } = await patientWithSignedVisit(5, ['M17.11']);
        const builds = await Promise.all(
          [1, 2, 3, 4].map(() => call(h.app, biller, 'POST', '/api/v1/claims/build', { patientId })),
        );
        for (const r of builds) expect(r.status, r.text).toBe(201);
        const made = builds.flatMap((r) => r.body.items as ClaimRow[]);
        expect(made).toHaveLength(1);
        const skipped = builds.flatMap((r) => r.body.skipped as { reason: string }[]);
        expect(skipped).toHaveLength(3);
        for (const s of skipped) expect(s.reason).toMatch(/already on a claim/);
        const listed = await call(h.app, biller, 'GET', `/api/v1/claims?patientId=${patientId}`);
        expect(listed.body.items).toHaveLength(1);
      });

      it('concurrent posts of one new payment in several encodings post it once', async () => {
        // Patient 5's claim (the test above) goes out in a new 837P with the claim rebuilt in the test before.
        const exported = await call(h.app, biller, 'POST', '/api/v1/claims/export', {});
        expect(exported.status, exported.text).toBe(201);
        const list = await call(h.app, biller, 'GET', '/api/v1/claims?status=exported&limit=50');
        const ids = (list.body.items as ClaimRow[]).map((c) => c.id);
        const rows = await Promise.all(
          ids.map(async (id) => (await call(h.app, biller, 'GET', `/api/v1/claims/${id}`)).body as ClaimRow),
        );
        const target = rows.find((c) => c.events.length === 2 && c.paidCents === 0) as ClaimRow;
        expect(target).toBeDefined();
        const text = make835({
          trace: 'EFTC1',
          claims: [
            {
              claimNumber: target.claimNumber,
              status: '1',
              payerClaimNumber: 'PCNC1',
              patient: patientOf(target),
              lines: target.lines.map((l) => ({
                code: l.code,
                modifiers: ['GP'],
                chargeCents: l.chargeCents,
                paidCents: l.chargeCents,
                units: l.units,
                date: l.dateOfService,
                control: l.controlNumber,
                adjustments: [],
              })),
            },
          ],
        });
        const before = (await call(h.app, biller, 'GET', '/api/v1/remittances')).body.items.length;
        const texts = [
          text,
          text,
          ...REENCODED.map(([, recode]) => recode(text)),
          ...REENCODED.map(([, r]) => r(text)),
        ];
        const answers = await Promise.all(
          texts.map((t) => call(h.app, biller, 'POST', '/api/v1/remittances', { text: t })),
        );
        for (const r of answers) expect([200, 201], r.text).toContain(r.status);
        expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
        const id = answers.find((r) => r.status === 201)?.body.id;
        for (const r of answers) expect(r.body).toMatchObject({ id });
        expect((await call(h.app, biller, 'GET', '/api/v1/remittances')).body.items).toHaveLength(before + 1);
        const after = (await call(h.app, biller, 'GET', `/api/v1/claims/${target.id}`)).body as ClaimRow;
        expect(after.paidCents).toBe(target.chargeCents);
        expect(after.events.map((e) => e.event)).toEqual(['built', 'exported', 'paid']);
        const posts = await h.store.audit.list(a.clinicId, { action: 'claim.post', limit: 200 });
        expect(posts.items.filter((e) => e.entityId === target.id)).toHaveLength(1);
      });

      it('an 835 whose claim number is a draft’s (never exported) posts nothing and says why', async () => {
        const { patientId, planId } = await patientWithSignedVisit(6, []);
        const r = await call(h.app, biller, 'POST', '/api/v1/claims/build', { patientId });
        const draft = r.body.items[0] as ClaimRow;
        expect(draft.status).toBe('draft');
        // Everything agrees but the status: the claim never went to a payer, so no payment can be its.
        const text = make835({
          trace: 'EFTDRAFT',
          claims: [
            {
              claimNumber: draft.claimNumber,
              status: '1',
              payerClaimNumber: 'PCNDRAFT',
              patient: patientOf(draft),
              lines: draft.lines.map((l) => ({
                code: l.code,
                modifiers: ['GP'],
                chargeCents: l.chargeCents,
                paidCents: l.chargeCents - 3560,
                units: l.units,
                date: l.dateOfService,
                control: l.controlNumber,
                adjustments: [{ group: 'CO', reason: '45', amountCents: 3560 }],
              })),
            },
          ],
        });
        const preview = await call(h.app, biller, 'POST', '/api/v1/remittances/preview', { text });
        expect(preview.status, preview.text).toBe(200);
        expect(preview.body.willPost).toEqual({ claims: 0, paidCents: 0, patientCents: 0 });
        expect(preview.body.unmatched).toEqual([
          {
            claimNumber: draft.claimNumber,
            reason: 'not-sent',
            message: `Claim ${draft.claimNumber} is a draft and was never sent to a payer, so no payment can belong to it.`,
            paidCents: 5440,
          },
        ]);
        expect(preview.body.matches[0]).toMatchObject({ matched: false, claimId: null, newStatus: null });
        const posted = await call(h.app, biller, 'POST', '/api/v1/remittances', { text });
        expect(posted.status, posted.text).toBe(201);
        expect(posted.body).toMatchObject({
          paidCents: 0,
          posted: { claims: 0, paidCents: 0 },
          notPosted: { claims: 1, paidCents: 5440 },
          unmatched: [{ claimNumber: draft.claimNumber, reason: 'not-sent' }],
        });
        expect(posted.body.claims[0]).toMatchObject({ claimId: null, unmatchedReason: 'not-sent' });
        const after = (await call(h.app, biller, 'GET', `/api/v1/claims/${draft.id}`)).body as ClaimRow;
        expect(after).toMatchObject({ status: 'draft', paidCents: 0 });
        expect(after.events.map((e) => e.event)).toEqual(['built']);
        expect(after.lines[0]).toMatchObject({ paidCents: 0 });
        const posts = await h.store.audit.list(a.clinicId, { action: 'claim.post', limit: 200 });
        expect(posts.items.filter((e) => e.entityId === draft.id)).toEqual([]);
        const denials = await call(h.app, biller, 'GET', '/api/v1/reports/denials');
        expect(denials.body.items.every((d: { reason: string }) => d.reason !== '45')).toBe(true);

        // Once the claim is fixed and sent, the same file posts it: the payment was recorded, its claim was not.
        expect(
          (await call(h.app, pt, 'PATCH', `/api/v1/plans-of-care/${planId}`, { diagnoses: ['M17.11'] })).status,
        ).toBe(200);
        expect((await call(h.app, biller, 'POST', `/api/v1/claims/${draft.id}/rebuild`, {})).body.status).toBe('ready');
        expect((await call(h.app, biller, 'POST', '/api/v1/claims/export', {})).status).toBe(201);
        const again = await call(h.app, biller, 'POST', '/api/v1/remittances/preview', { text });
        expect(again.body).toMatchObject({
          postable: true,
          duplicateOf: null,
          samePaymentAs: posted.body.id,
          willPost: { claims: 1, paidCents: 5440 },
          unmatched: [],
        });
        const late = await call(h.app, biller, 'POST', '/api/v1/remittances', { text });
        expect(late.status, late.text).toBe(201);
        expect(late.body.id).not.toBe(posted.body.id);
        expect(late.body.posted).toEqual({ claims: 1, paidCents: 5440 });
        const paid = (await call(h.app, biller, 'GET', `/api/v1/claims/${draft.id}`)).body as ClaimRow;
        expect(paid).toMatchObject({ status: 'partly-paid', paidCents: 5440 });
        // And a third time: now every claim of that payment is posted, so it is a duplicate of the first record.
        const third = await call(h.app, biller, 'POST', '/api/v1/remittances', { text });
        expect(third.status, third.text).toBe(200);
        expect(third.body).toMatchObject({ id: posted.body.id, duplicate: true });
        expect((await call(h.app, biller, 'GET', `/api/v1/claims/${draft.id}`)).body.paidCents).toBe(5440);
      });
    },
  );
}
