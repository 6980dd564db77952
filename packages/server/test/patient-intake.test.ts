/**
 * Patient intake over HTTP on both engines: the fields a claim needs (address, phone, diagnoses, referring provider)
 * are kept and edited; patient and coverage are written in one transaction or not at all (a therapist's intake with
 * insurance is refused before anything is written); bad input names the field in plain words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

const INTAKE = {
  firstName: 'Ida',
  lastName: 'Intake',
  birthDate: '1951-07-04',
  sex: 'F',
  address: { line1: '12 Oak Ave', city: 'Dayton', state: 'OH', postalCode: '45402' },
  phone: '(937) 555-0142',
  diagnoses: ['M17.11', 'R26.89'],
  referringProvider: { lastName: 'Okafor', firstName: 'Grace', npi: '1245319599' },
};

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `patient intake on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let biller: Auth;
      let therapist: Auth;
      let payerId: string;

      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'intake');
        biller = { bearer: a.staff.biller.token };
        therapist = { bearer: a.staff.therapist.token };
        const payer = await call(h.app, biller, 'POST', '/api/v1/payers', {
          name: 'Medicare Part B',
          policyId: 'medicare',
          x12PayerId: '15202',
        });
        expect(payer.status, payer.text).toBe(201);
        payerId = payer.body.id;
      });
      afterAll(async () => {
        await h?.close();
      });

      async function count(): Promise<{ patients: number; coverages: number }> {
        const patients = await h.store.patients.list(a.clinicId, { limit: 200 });
        let coverages = 0;
        for (const p of patients.items) coverages += (await h.store.coverages.listByPatient(a.clinicId, p.id)).length;
        return { patients: patients.items.length, coverages };
      }

      it('a biller adds a patient with address, phone, diagnoses, referring provider and coverage in one request', async () => {
        const r = await call(h.app, biller, 'POST', '/api/v1/patients', {
          ...INTAKE,
          coverage: { payerId, memberId: '1EG4TE5MK73', startDate: '2026-01-01' },
        });
        expect(r.status, r.text).toBe(201);
        expect(r.body.coverage).toMatchObject({ payerId, memberId: '1EG4TE5MK73', priority: 1 });
        const got = await call(h.app, biller, 'GET', `/api/v1/patients/${r.body.id}`);
        expect(got.body).toMatchObject({
          address: INTAKE.address,
          phone: INTAKE.phone,
          diagnoses: INTAKE.diagnoses,
          referringProvider: INTAKE.referringProvider,
        });
        const covs = await call(h.app, biller, 'GET', `/api/v1/patients/${r.body.id}/coverages`);
        expect(covs.body.items).toHaveLength(1);
      });

      it('a therapist adding a patient with coverage is refused up front and nothing is written', async () => {
        const before = await count();
        const r = await call(h.app, therapist, 'POST', '/api/v1/patients', {
          ...INTAKE,
          lastName: 'Refused',
          coverage: { payerId, memberId: 'X1', startDate: '2026-01-01' },
        });
        expect(r.status).toBe(403);
        expect(r.body.detail).toMatch(/Only an owner or a biller may add insurance/);
        expect(r.body.errors).toEqual([{ path: 'coverage', message: 'Only an owner or a biller may add insurance.' }]);
        expect(await count()).toEqual(before);
        // Without coverage the same therapist may add the patient.
        const ok = await call(h.app, therapist, 'POST', '/api/v1/patients', { ...INTAKE, lastName: 'Allowed' });
        expect(ok.status, ok.text).toBe(201);
        expect(await count()).toEqual({ patients: before.patients + 1, coverages: before.coverages });
      });

      it('a coverage that cannot be saved (unknown payer) takes the patient down with it', async () => {
        const before = await count();
        const r = await call(h.app, biller, 'POST', '/api/v1/patients', {
          ...INTAKE,
          lastName: 'Rolledback',
          coverage: { payerId: 'no-such-payer', memberId: 'X2', startDate: '2026-01-01' },
        });
        expect(r.status).toBe(400);
        expect(r.body.errors).toEqual([{ path: 'coverage.payerId', message: 'Choose a payer from the list.' }]);
        expect(await count()).toEqual(before);
      });

      it.each([
        ['no first name', { firstName: '' }, 'firstName', 'Required.'],
        ['a missing birth date', { birthDate: undefined }, 'birthDate', 'Required.'],
        [
          'a four-digit ZIP',
          { address: { ...INTAKE.address, postalCode: '4540' } },
          'address.postalCode',
          'A ZIP code is five digits, or nine as 12345-6789.',
        ],
        [
          'a lower-case state',
          { address: { ...INTAKE.address, state: 'oh' } },
          'address.state',
          'Use the two-letter state code, such as OH.',
        ],
        ['a short phone', { phone: '555-0142' }, 'phone', 'A phone number has ten digits, such as 937-555-0142.'],
        [
          'a referring NPI with a typo',
          { referringProvider: { ...INTAKE.referringProvider, npi: '1245319598' } },
          'referringProvider.npi',
          'The last digit of this NPI does not match the others (check digit): check for a typo.',
        ],
        [
          'a referring provider without a last name',
          { referringProvider: { ...INTAKE.referringProvider, lastName: ' ' } },
          'referringProvider.lastName',
          'Required.',
        ],
        [
          'an ICD-9 code',
          { diagnoses: ['724.2'] },
          'diagnoses.0',
          'Not an ICD-10-CM code: a letter, a digit, then up to five more, such as M17.11.',
        ],
        ['an unknown sex', { sex: 'X' }, 'sex', 'Choose one of: F, M, U.'],
        [
          'a coverage without a member id',
          { coverage: { payerId: 'p', memberId: '', startDate: '2026-01-01' } },
          'coverage.memberId',
          'Required.',
        ],
      ])('refuses %s, naming the field in plain words, and writes nothing', async (_name, patch, path, message) => {
        const before = await count();
        const r = await call(h.app, biller, 'POST', '/api/v1/patients', { ...INTAKE, ...patch });
        expect(r.status).toBe(400);
        expect(r.body.errors).toContainEqual({ path, message });
        for (const e of r.body.errors as { message: string }[]) expect(e.message).not.toMatch(/expected|>=|Invalid/);
        expect(await count()).toEqual(before);
      });

      it('the chart edits address, phone, diagnoses and referring provider, and can clear the referring provider', async () => {
        const p = await call(h.app, therapist, 'POST', '/api/v1/patients', {
          firstName: 'Ed',
          lastName: 'Edit',
          birthDate: '1960-02-02',
          sex: 'M',
        });
        expect(p.body).toMatchObject({ address: null, phone: null, diagnoses: [], referringProvider: null });
        const r = await call(h.app, therapist, 'PATCH', `/api/v1/patients/${p.body.id}`, {
          address: { line1: '3 Elm St', line2: 'Unit 2', city: 'Xenia', state: 'OH', postalCode: '45385-1234' },
          phone: '937-555-0199',
          diagnoses: ['I69.351'],
          referringProvider: INTAKE.referringProvider,
        });
        expect(r.status, r.text).toBe(200);
        expect(r.body).toMatchObject({
          phone: '937-555-0199',
          diagnoses: ['I69.351'],
          referringProvider: INTAKE.referringProvider,
        });
        const bad = await call(h.app, therapist, 'PATCH', `/api/v1/patients/${p.body.id}`, {
          address: { ...INTAKE.address, city: '' },
        });
        expect(bad.status).toBe(400);
        expect(bad.body.errors).toEqual([{ path: 'address.city', message: 'Required.' }]);
        const cleared = await call(h.app, therapist, 'PATCH', `/api/v1/patients/${p.body.id}`, {
          referringProvider: null,
        });
        expect(cleared.body.referringProvider).toBeNull();
        expect(cleared.body.address.city).toBe('Xenia');
      });
    },
  );
}
