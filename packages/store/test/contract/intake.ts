import { describe, expect, it } from 'vitest';
import { seedClinic } from '../helpers/fixtures.ts';
import type { ContractContext } from './context.ts';

/** @param ctx - the engine's store */
export function intakeContract(ctx: ContractContext): void {
  describe('intake fields: diagnoses, referring provider, provider name parts', () => {
    it('keeps a patient’s diagnoses in order and the referring provider, and clears them on update', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Intake Fields');
      expect(s.patient.diagnoses).toEqual([]);
      expect(s.patient.referringProvider).toBeNull();
      const p = await store.patients.create(s.clinic.id, {
        firstName: 'Ida',
        lastName: 'Lane',
        birthDate: '1951-07-04',
        sex: 'F',
        address: { line1: '12 Oak Ave', line2: 'Apt 3', city: 'Dayton', state: 'OH', postalCode: '45402-1234' },
        phone: '937-555-0142',
        diagnoses: ['M17.11', 'R26.89', 'Z96.651'],
        referringProvider: { lastName: 'Okafor', firstName: 'Grace', npi: '1245319599' },
      });
      expect(await store.patients.get(s.clinic.id, p.id)).toEqual(p);
      expect(p.diagnoses).toEqual(['M17.11', 'R26.89', 'Z96.651']);
      expect(p.referringProvider).toEqual({ lastName: 'Okafor', firstName: 'Grace', npi: '1245319599' });
      expect(p.phone).toBe('937-555-0142');
      const changed = await store.patients.update(s.clinic.id, p.id, { diagnoses: ['R26.81'] });
      expect(changed.ok && changed.value.diagnoses).toEqual(['R26.81']);
      expect(changed.ok && changed.value.referringProvider?.npi).toBe('1245319599');
      const cleared = await store.patients.update(s.clinic.id, p.id, { diagnoses: [], referringProvider: null });
      expect(cleared.ok && [cleared.value.diagnoses, cleared.value.referringProvider]).toEqual([[], null]);
      expect(await store.patients.get(s.clinic.id, p.id)).toEqual(cleared.ok ? cleared.value : undefined);
    });

    it('stores a provider’s first and last name apart from the credential; a new name without parts re-splits', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Provider Names');
      expect([s.provider.firstName, s.provider.lastName]).toEqual(['Pat', 'Therapist']);
      const split = await store.providers.create(s.clinic.id, {
        name: 'Olga Therapist, OTR/L',
        npi: '1245319599',
        discipline: 'OT',
        credential: 'OT',
      });
      expect([split.firstName, split.lastName]).toEqual(['Olga', 'Therapist']);
      const given = await store.providers.create(s.clinic.id, {
        name: 'Mary Ann de la Cruz, SLP',
        firstName: 'Mary Ann',
        lastName: 'de la Cruz',
        npi: '1679576722',
        discipline: 'SLP',
        credential: 'SLP',
      });
      expect(await store.providers.get(s.clinic.id, given.id)).toEqual(given);
      expect([given.firstName, given.lastName]).toEqual(['Mary Ann', 'de la Cruz']);
      const renamed = await store.providers.update(s.clinic.id, split.id, { name: 'Olga Smith-Jones, OT' });
      expect(renamed.ok && [renamed.value.firstName, renamed.value.lastName]).toEqual(['Olga', 'Smith-Jones']);
      const parts = await store.providers.update(s.clinic.id, split.id, { lastName: 'Smith Jones' });
      expect(parts.ok && [parts.value.name, parts.value.lastName]).toEqual(['Olga Smith-Jones, OT', 'Smith Jones']);
    });

    it('reads a provider row the migration left without parts by splitting its name', async () => {
      const { store, target } = ctx;
      const s = await seedClinic(store, 'Provider Legacy');
      const ph = target.engine === 'postgres' ? '$1' : '?';
      await target.raw(`UPDATE providers SET first_name = NULL, last_name = NULL WHERE id = ${ph}`, [s.provider.id]);
      const p = await store.providers.get(s.clinic.id, s.provider.id);
      expect([p?.firstName, p?.lastName]).toEqual(['Pat', 'Therapist']);
    });
  });
}
