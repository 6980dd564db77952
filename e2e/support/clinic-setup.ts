import { callAnonymous, signInApi } from './api-session.ts';

/** The accounts and records one browser scenario starts from. */
export interface ClinicFixture {
  password: string;
  owner: { email: string };
  therapist: { email: string; id: string };
  biller: { email: string };
  patient: { id: string; name: string };
  goal: string;
}

const PASSWORD = 'correct-horse-battery';

/**
 * Creates a clinic through the public API, as an owner would on a fresh server: a PT therapist linked to a
 * provider record, a biller, a Medicare payer, a patient covered by it, and a certified PT plan of care with
 * one measurable goal.
 * @param base - the server URL
 * @param tag - makes the emails unique per clinic
 */
export async function createClinic(base: string, tag: string): Promise<ClinicFixture> {
  const owner = { name: `Owner ${tag}`, email: `owner-${tag}@clinic.test`, password: PASSWORD };
  await callAnonymous(base, 'POST', '/clinics', { clinicName: `Clinic ${tag}`, owner });
  const api = await signInApi(base, owner.email, PASSWORD);
  const therapist = await api.call<{ id: string }>('POST', '/users', {
    name: `Pat Therapist ${tag}`,
    email: `pt-${tag}@clinic.test`,
    password: PASSWORD,
    roles: ['therapist'],
  });
  await api.call('POST', '/providers', {
    userId: therapist.id,
    name: `Pat Therapist ${tag}`,
    npi: '1234567893',
    discipline: 'PT',
    credential: 'PT',
  });
  await api.call('POST', '/users', {
    name: `Bea Biller ${tag}`,
    email: `biller-${tag}@clinic.test`,
    password: PASSWORD,
    roles: ['biller'],
  });
  const payer = await api.call<{ id: string }>('POST', '/payers', { name: 'Medicare Part B', policyId: 'medicare' });
  const patient = await api.call<{ id: string }>('POST', '/patients', {
    firstName: 'Ada',
    lastName: `Walker${tag}`,
    birthDate: '1948-05-17',
    sex: 'F',
    // Mid-episode: evaluated before these records, so its daily notes need no evaluation of their own here.
    history: { treatmentDaysSinceProgressReport: 0 },
    // A claim needs the patient's address (837P 2010BA N3/N4).
    address: { line1: '17 Elm St', city: 'Dayton', state: 'OH', postalCode: '45402' },
  });
  await api.call('POST', '/coverages', {
    patientId: patient.id,
    payerId: payer.id,
    memberId: '1EG4TE5MK73',
    priority: 1,
    startDate: '2026-01-01',
  });
  const goal = 'Stand from a chair without hands 5 times in 15 seconds within 6 weeks';
  await api.call('POST', '/plans-of-care', {
    patientId: patient.id,
    discipline: 'PT',
    startDate: '2026-02-20',
    endDate: '2026-05-20',
    certifiedDate: '2026-02-23',
    diagnoses: ['M62.81'],
    plannedCodes: ['97530', '97110', '97112'],
    goals: [{ id: 'g1', text: goal }],
  });
  return {
    password: PASSWORD,
    owner: { email: owner.email },
    therapist: { email: `pt-${tag}@clinic.test`, id: therapist.id },
    biller: { email: `biller-${tag}@clinic.test` },
    patient: { id: patient.id, name: `Ada Walker${tag}` },
    goal,
  };
}
