/**
 * Billing settings over HTTP on both engines: a save is judged field by field by the same checks the screen runs
 * (problem+json with field paths and plain words) and a refused save writes nothing; the charge master is saved on
 * its own and survives a settings save; an unset clinic's claims are held with one message naming the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_BODY } from './helpers/claims-fixtures.ts';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';
import { signConfirmed } from './helpers/sign.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `billing settings on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let biller: Auth;

      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'settings');
        biller = { bearer: a.staff.biller.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      it('holds an unset clinic’s claim with one message that names Billing settings', async () => {
        const pt = { bearer: a.staff.therapist.token };
        const payer = await call(h.app, biller, 'POST', '/api/v1/payers', {
          name: 'Acme',
          policyId: 'commercial',
          x12PayerId: '60054',
        });
        const p = await call(h.app, pt, 'POST', '/api/v1/patients', {
          firstName: 'Nia',
          lastName: 'Unset',
          birthDate: '1950-01-01',
          sex: 'F',
          // Mid-episode: evaluated before these records (evaluation-missing is not what this test is about).
          history: { treatmentDaysSinceProgressReport: 0 },
          // A claim needs the patient's address (837P 2010BA N3/N4).
          address: { line1: '9 Day St', city: 'Dayton', state: 'OH', postalCode: '45402' },
        });
        await call(h.app, biller, 'POST', '/api/v1/coverages', {
          patientId: p.body.id,
          payerId: payer.body.id,
          memberId: 'M1',
          startDate: '2026-01-01',
        });
        await call(h.app, pt, 'POST', '/api/v1/plans-of-care', {
          patientId: p.body.id,
          discipline: 'PT',
          startDate: '2026-02-20',
          endDate: '2026-05-20',
          certifiedDate: '2026-02-22',
          diagnoses: ['M17.11'],
          plannedCodes: ['97110'],
          goals: [{ id: 'g1', text: 'Patient will climb 12 stairs with one rail and supervision within 6 weeks.' }],
        });
        const { provider, ...content } = cleanVisit(p.body.id, a.staff.therapist.providerId ?? '', false);
        const v = await call(h.app, pt, 'POST', '/api/v1/visits', { ...content, providerId: provider.id });
        expect((await signConfirmed(h.app, pt, v.body.id)).status).toBe(200);
        const r = await call(h.app, biller, 'POST', '/api/v1/claims/build', {});
        expect(r.status, r.text).toBe(201);
        expect(r.body.items[0].scrubErrors).toEqual([
          {
            where: expect.stringMatching(/^Nia Unset, \d{4}-\d{2}-\d{2}$/),
            message:
              'The billing settings are not filled in: enter the billing provider, submitter and receiver in Billing settings, then rebuild the claims.',
          },
          // No "No charge is set" line: with no charge of its own, 97110 takes the payer's illustrative fee
          // (data/fee-schedules.json now prices every catalog code); the message itself is tested in edi's scrub table.
        ]);
      });

      it('saves the charge master before the settings, and keeps it through a settings save', async () => {
        const charges = { '97110': 6000, '97530': 7100 };
        const bad = await call(h.app, biller, 'PUT', '/api/v1/charge-master', { charges: { '97110': 0 } });
        expect(bad.status).toBe(400);
        expect(bad.body.errors).toEqual([{ path: 'charges.97110', message: 'A charge is at least one cent.' }]);
        const r = await call(h.app, biller, 'PUT', '/api/v1/charge-master', { charges });
        expect(r.status, r.text).toBe(200);
        const unset = await call(h.app, biller, 'GET', '/api/v1/claim-settings');
        expect(unset.body).toMatchObject({ configured: false, settings: { chargeMaster: charges } });
        const { chargeMaster: _c, ...withoutCharges } = SETTINGS_BODY;
        const s = await call(h.app, biller, 'PUT', '/api/v1/claim-settings', withoutCharges);
        expect(s.status, s.text).toBe(200);
        const got = await call(h.app, biller, 'GET', '/api/v1/claim-settings');
        expect(got.body).toMatchObject({ configured: true, settings: { chargeMaster: charges, placeOfService: '11' } });
        expect(
          (await call(h.app, { bearer: a.staff.therapist.token }, 'PUT', '/api/v1/charge-master', { charges })).status,
        ).toBe(403);
      });

      it.each([
        ['billingProvider.npi', { npi: '1234567890' }, /last digit of this NPI does not match the others/],
        ['billingProvider.taxId', { taxId: '12-34567' }, /nine digits, written 12-3456789/],
        [
          'billingProvider.address.zip',
          { address: { ...SETTINGS_BODY.billingProvider.address, zip: '12345' } },
          /ZIP\+4/,
        ],
        [
          'billingProvider.address.line1',
          { address: { ...SETTINGS_BODY.billingProvider.address, line1: 'PO Box 9' } },
          /pay-to/,
        ],
      ])('refuses %s with its field path and plain words, and writes nothing', async (path, patch, message) => {
        const before = await call(h.app, biller, 'GET', '/api/v1/claim-settings');
        const body = { ...SETTINGS_BODY, billingProvider: { ...SETTINGS_BODY.billingProvider, ...patch } };
        const r = await call(h.app, biller, 'PUT', '/api/v1/claim-settings', body);
        expect(r.status).toBe(400);
        expect(r.headers['content-type']).toMatch(/problem\+json/);
        expect(r.body.errors).toEqual([{ path, message: expect.stringMatching(message) }]);
        expect((await call(h.app, biller, 'GET', '/api/v1/claim-settings')).body).toEqual(before.body);
      });

      it('refuses several bad fields at once, each under its own path, and a pay-to ZIP that is not one', async () => {
        const body = {
          ...SETTINGS_BODY,
          payTo: { line1: 'PO Box 9', city: 'Anytown', state: 'Nowhere', zip: '123' },
          submitter: { ...SETTINGS_BODY.submitter, id: '' },
          placeOfService: '99',
        };
        const r = await call(h.app, biller, 'PUT', '/api/v1/claim-settings', body);
        expect(r.status).toBe(400);
        expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
          ['payTo.state', 'payTo.zip', 'placeOfService', 'submitter.id'].sort(),
        );
        const ok = await call(h.app, biller, 'PUT', '/api/v1/claim-settings', {
          ...body,
          payTo: { ...body.payTo, state: 'NY', zip: '12345' },
          submitter: SETTINGS_BODY.submitter,
          placeOfService: '12',
        });
        expect(ok.status, ok.text).toBe(200);
        expect(ok.body.settings).toMatchObject({ payTo: { zip: '12345' }, placeOfService: '12' });
      });
    },
  );
}
