/**
 * A patient added through intake alone can be billed, on both engines: intake's address, diagnoses and referring
 * physician reach the 837P (2010BA N3/N4, HI from the patient when the plan has none, 2310A NM1*DN), and a provider
 * stored as "Olga Therapist, OT" goes out as NM1*82 last name THERAPIST, first name OLGA.
 */
import { read837, tokenize } from '@unitwise/edi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_BODY } from './helpers/claims-fixtures.ts';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';
import { signConfirmed } from './helpers/sign.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `billing an intake patient on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let biller: Auth;
      let pt: Auth;

      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'intakeclaims');
        biller = { bearer: a.staff.biller.token };
        pt = { bearer: a.staff.therapist.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      it('intake fields and the provider’s name parts reach the exported 837P', async () => {
        expect((await call(h.app, biller, 'PUT', '/api/v1/claim-settings', SETTINGS_BODY)).status).toBe(200);
        const payer = await call(h.app, biller, 'POST', '/api/v1/payers', {
          name: 'Medicare Part B',
          policyId: 'medicare',
          x12PayerId: '15202',
        });
        const owner = { bearer: a.staff.owner.token };
        const olga = await call(h.app, owner, 'POST', '/api/v1/providers', {
          name: 'Olga Therapist, OT',
          npi: '1245319599',
          discipline: 'PT',
          credential: 'PT',
        });
        expect(olga.status, olga.text).toBe(201);
        expect([olga.body.firstName, olga.body.lastName]).toEqual(['Olga', 'Therapist']);
        const p = await call(h.app, biller, 'POST', '/api/v1/patients', {
          firstName: 'Ida',
          lastName: 'Lane',
          birthDate: '1951-07-04',
          sex: 'F',
          address: { line1: '12 Oak Ave', line2: 'Apt 3', city: 'Dayton', state: 'OH', postalCode: '45402-1234' },
          diagnoses: ['M17.11', 'R26.89'],
          referringProvider: { lastName: 'Okafor', firstName: 'Grace', npi: '1679576722' },
          coverage: { payerId: payer.body.id, memberId: '1EG4TE5MK73', startDate: '2026-01-01' },
          // Mid-episode: evaluated before these records (evaluation-missing is not what this test is about).
          history: { treatmentDaysSinceProgressReport: 0 },
        });
        expect(p.status, p.text).toBe(201);
        // A plan without diagnoses: the claim takes intake's.
        const plan = await call(h.app, pt, 'POST', '/api/v1/plans-of-care', {
          patientId: p.body.id,
          discipline: 'PT',
          startDate: '2026-02-20',
          endDate: '2026-05-20',
          certifiedDate: '2026-02-22',
          plannedCodes: ['97110'],
          goals: [{ id: 'g1', text: 'Patient will climb 12 stairs with one rail and supervision within 6 weeks.' }],
        });
        expect(plan.status, plan.text).toBe(201);
        const { provider: _p, ...content } = cleanVisit(p.body.id, olga.body.id, false);
        // The owner documents for Olga (therapists sign only their own visits).
        const v = await call(h.app, owner, 'POST', '/api/v1/visits', { ...content, providerId: olga.body.id });
        expect(v.status, v.text).toBe(201);
        const signed = await signConfirmed(h.app, owner, v.body.id);
        expect(signed.status, signed.text).toBe(200);

        const built = await call(h.app, biller, 'POST', '/api/v1/claims/build', {});
        expect(built.status, built.text).toBe(201);
        expect(built.body.items).toHaveLength(1);
        expect(built.body.items[0].scrubErrors).toEqual([]);
        const exp = await call(h.app, biller, 'POST', '/api/v1/claims/export', {});
        expect(exp.status, exp.text).toBe(201);
        const file = await call(h.app, biller, 'GET', exp.body.download);
        const read = read837(file.text);
        expect(read.errors).toEqual([]);
        const c = read.claims[0];
        expect(c?.subscriberAddress).toEqual({
          line1: '12 OAK AVE',
          line2: 'APT 3',
          city: 'DAYTON',
          state: 'OH',
          zip: '454021234',
        });
        expect(c?.diagnoses.map((d) => d.code)).toEqual(['M1711', 'R2689']);
        expect(c?.rendering).toEqual({ lastName: 'THERAPIST', firstName: 'OLGA', npi: '1245319599' });
        expect(c?.referring).toEqual({ lastName: 'OKAFOR', firstName: 'GRACE', npi: '1679576722' });
        const nm182 = tokenize(file.text).segments.find((s) => s[0] === 'NM1' && s[1] === '82');
        expect(nm182?.slice(3, 5)).toEqual(['THERAPIST', 'OLGA']);
      });
    },
  );
}
