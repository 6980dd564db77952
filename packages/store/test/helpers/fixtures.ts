import type { Repositories, VisitInput } from '../../src/index.ts';

/**
 * A clinic with an owner, a PT provider, a Medicare payer, one patient with coverage and a plan of care.
 * @param store - the repositories
 * @param name - the clinic's name (also makes the owner's email unique)
 */
export async function seedClinic(store: Repositories, name: string) {
  const clinic = await store.clinics.create({ name });
  const owner = await store.users.create(clinic.id, {
    email: `owner@${name.toLowerCase().replace(/\W+/g, '-')}.example`,
    name: 'Olive Owner',
    passwordHash: 'hash',
    passwordSalt: 'salt',
    roles: ['owner', 'therapist'],
  });
  if (!owner.ok) throw new Error(`seed: ${owner.reason}`);
  const provider = await store.providers.create(clinic.id, {
    userId: owner.value.id,
    name: 'Pat Therapist',
    npi: '1234567893',
    discipline: 'PT',
    credential: 'PT',
  });
  const payer = await store.payers.create(clinic.id, {
    name: 'Medicare Part B',
    policyId: 'medicare',
    x12PayerId: '04412',
  });
  const patient = await store.patients.create(clinic.id, {
    firstName: 'Ada',
    lastName: 'Brook',
    birthDate: '1948-03-02',
    sex: 'F',
    address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' },
    externalId: 'MRN-1',
    primaryTherapistId: provider.id,
  });
  const coverage = await store.coverages.create(clinic.id, {
    patientId: patient.id,
    payerId: payer.id,
    memberId: '1EG4-TE5-MK73',
    startDate: '2025-01-01',
  });
  if (!coverage.ok) throw new Error(`seed: ${coverage.reason}`);
  const plan = await store.plansOfCare.create(clinic.id, {
    patientId: patient.id,
    providerId: provider.id,
    discipline: 'PT',
    startDate: '2026-01-02',
    endDate: '2026-03-31',
    certifiedDate: '2026-01-09',
    diagnoses: ['M54.50'],
    plannedCodes: ['97110', '97530', '97140'],
    goals: [{ id: 'g1', text: 'Sit to stand x5 without hands in 4 weeks' }, { text: 'Walk 150 ft with cane' }],
  });
  if (!plan.ok) throw new Error(`seed: ${plan.reason}`);
  return { clinic, owner: owner.value, provider, payer, patient, coverage: coverage.value, plan: plan.value };
}

/**
 * A daily note with four services, non-billable time and two timer runs.
 * @param patientId - the patient
 * @param providerId - the provider
 * @param date - the date of service
 */
export function visitInput(patientId: string, providerId: string, date = '2026-01-05'): VisitInput {
  return {
    patientId,
    date,
    discipline: 'PT',
    noteType: 'daily',
    provider: { id: providerId, credential: 'PT' },
    timeIn: '09:00',
    timeOut: '10:00',
    totalTimedMinutes: 53,
    totalTreatmentMinutes: 53,
    services: [
      {
        code: '97530',
        minutes: 23,
        modifiers: ['GP'],
        description: 'Sit-to-stand from 18 in surface, 3x8, min assist with verbal cues',
        goalIds: ['g1'],
      },
      { code: '97110', minutes: 15, modifiers: ['GP'], description: 'Quad sets 3x10, 2 lb' },
      { code: '97140', minutes: 8, modifiers: ['GP'], units: 1 },
      { code: '97116', minutes: 7, assistantMinutes: 2, modifiers: ['GP'], groupSize: 1 },
    ],
    nonBillable: [{ kind: 'rest', minutes: 5, note: 'seated rest' }],
    response: 'Tolerated well; sit-to-stand improved from mod to min assist.',
    segments: [
      { serviceOrdinal: 0, kind: 'treatment', startedAt: '2026-01-05T15:00:00Z', endedAt: '2026-01-05T15:23:00Z' },
      { activityKey: 'rest', kind: 'rest', startedAt: '2026-01-05T15:23:00Z', endedAt: '2026-01-05T15:28:00Z' },
    ],
    findings: [{ rule: 'units-below-minutes', severity: 'warning', message: 'Claim 1 more unit', service: 1 }],
  };
}
