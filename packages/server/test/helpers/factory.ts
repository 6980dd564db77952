import { randomUUID } from 'node:crypto';
import type { Visit } from '@unitwise/rules';
import { hashVisitContent, type Role, type Store } from '@unitwise/store';
import { hashPassword } from '../../src/auth/password.ts';
import type { TestClinic } from './harness.ts';

/** The date of service the fixtures use (the test clock stands on 2026-03-02). */
export const DOS = '2026-03-02';

/** A visit the engine finds nothing wrong with, for a commercial patient with a certified plan (goal g1). */
export function cleanVisit(patientId: string, providerId: string, assistant: boolean): Omit<Visit, 'id'> {
  return {
    patientId,
    date: DOS,
    discipline: 'PT',
    noteType: 'daily',
    provider: { id: providerId, credential: assistant ? 'PTA' : 'PT' },
    timeIn: '10:00',
    timeOut: '10:25',
    totalTimedMinutes: 23,
    totalTreatmentMinutes: 23,
    services: [
      {
        code: '97110',
        minutes: 23,
        ...(assistant ? { assistantMinutes: 23 } : {}),
        modifiers: assistant ? ['GP', 'CQ'] : ['GP'],
        description:
          'Seated knee extension with a 3 lb cuff weight, 3 sets of 10, verbal cues for full extension, to build quadriceps strength for stair climbing.',
        goalIds: ['g1'],
      },
    ],
    nonBillable: [],
    response: 'Tolerated well; climbed 8 stairs with one rail, up from 6 last week.',
  };
}

/** Makes the entities a request needs, in one clinic (or, for `missing`, ids that exist nowhere). */
export interface Factory {
  /** Every id this factory created, to check that none leaks into another clinic's answers. */
  readonly created: Set<string>;
  patient(): Promise<string>;
  payer(): Promise<string>;
  coverage(): Promise<string>;
  plan(): Promise<string>;
  /** A draft visit documented by the role's own provider (the therapist's for non-clinicians). */
  draftVisit(role: Role): Promise<string>;
  /** The same, with the visit's patient. */
  draftVisitFull(role: Role): Promise<{ id: string; patientId: string }>;
  signedVisit(role: Role): Promise<string>;
  /** A draft visit with a running timer: `[visitId, segmentId]`. */
  segment(role: Role): Promise<[string, string]>;
  user(): Promise<string>;
  provider(): Promise<string>;
  token(role: Role): Promise<string>;
  feeRow(): Promise<string>;
  /** A provider id a role may document as. */
  providerFor(role: Role): string;
}

/** Ids of nothing, for the "missing id" answer every other-clinic answer must equal. */
export function missingFactory(): Factory {
  const id = async () => randomUUID();
  return {
    created: new Set(),
    patient: id,
    payer: id,
    coverage: id,
    plan: id,
    draftVisit: id,
    draftVisitFull: async () => ({ id: randomUUID(), patientId: randomUUID() }),
    signedVisit: id,
    segment: async () => [randomUUID(), randomUUID()],
    user: id,
    provider: id,
    token: id,
    feeRow: id,
    providerFor: () => '00000000-0000-4000-8000-000000000000',
  };
}

/**
 * A factory that creates entities straight in the store for one clinic.
 * @param store - the store
 * @param clinic - the clinic and its staff
 * @param surname - last name given to its patients (the other clinic's is searched for in leak checks)
 */
export function storeFactory(store: Store, clinic: TestClinic, surname: string): Factory {
  const c = clinic.clinicId;
  const created = new Set<string>();
  const keep = (id: string) => {
    created.add(id);
    return id;
  };
  const providerFor = (role: Role): string =>
    (role === 'assistant' ? clinic.staff.assistant.providerId : clinic.staff.therapist.providerId) ?? '';
  let n = 0;
  const f: Factory = {
    created,
    providerFor,
    async patient() {
      n += 1;
      const p = await store.patients.create(c, {
        firstName: `Pat${n}`,
        lastName: surname,
        birthDate: '1980-05-06',
        sex: 'F',
      });
      return keep(p.id);
    },
    async payer() {
      const p = await store.payers.create(c, { name: `${surname} Health`, policyId: 'commercial' });
      return keep(p.id);
    },
    async coverage() {
      const r = await store.coverages.create(c, {
        patientId: await f.patient(),
        payerId: await f.payer(),
        memberId: 'M1',
        startDate: '2026-01-01',
      });
      if (!r.ok) throw new Error(r.reason);
      return keep(r.value.id);
    },
    async plan() {
      const r = await store.plansOfCare.create(c, {
        patientId: await f.patient(),
        discipline: 'PT',
        startDate: '2026-02-20',
        endDate: '2026-05-20',
        certifiedDate: '2026-02-22',
        goals: [{ id: 'g1', text: 'Patient will climb 12 stairs with one rail and supervision within 6 weeks.' }],
        plannedCodes: ['97110', '97530'],
      });
      if (!r.ok) throw new Error(r.reason);
      return keep(r.value.id);
    },
    async draftVisit(role) {
      return (await f.draftVisitFull(role)).id;
    },
    async draftVisitFull(role) {
      const planId = await f.plan();
      const plan = await store.plansOfCare.get(c, planId);
      const patientId = plan?.patientId ?? '';
      const payerId = await f.payer();
      await store.coverages.create(c, { patientId, payerId, memberId: 'M2', startDate: '2026-01-01' });
      const content = cleanVisit(patientId, providerFor(role), role === 'assistant');
      // A stored warning so that an override has a finding to name.
      const findings = [
        { rule: 'cloned-description' as const, severity: 'warning' as const, message: 'seeded', service: 0 },
      ];
      const r = await store.visits.create(c, { ...content, findings }, { createdBy: clinic.staff.owner.userId });
      if (!r.ok) throw new Error(r.reason);
      return { id: keep(r.value.id), patientId };
    },
    async signedVisit(role) {
      const id = await f.draftVisit(role);
      const v = await store.visits.get(c, id);
      if (!v) throw new Error('no visit');
      const r = await store.visits.sign(c, id, {
        expectedVersion: v.version,
        userId: clinic.staff.therapist.userId,
        contentHash: hashVisitContent(v),
      });
      if (!r.ok) throw new Error(r.reason);
      return id;
    },
    async segment(role) {
      const id = await f.draftVisit(role);
      const r = await store.visits.addSegment(c, id, {
        kind: 'treatment',
        serviceOrdinal: 0,
        startedAt: '2026-03-02T15:00:00.000Z',
      });
      if (!r.ok) throw new Error(r.reason);
      return [id, keep(r.value.id)];
    },
    async user() {
      n += 1;
      const hash = await hashPassword('another password 1');
      const r = await store.users.create(c, {
        email: `extra${n}.${c}@example.test`,
        name: `Extra ${surname}`,
        roles: ['biller'],
        ...hash,
      });
      if (!r.ok) throw new Error(r.reason);
      return keep(r.value.id);
    },
    async provider() {
      const p = await store.providers.create(c, {
        name: `Prov ${surname}`,
        npi: '1679576722',
        discipline: 'OT',
        credential: 'OT',
      });
      return keep(p.id);
    },
    async token(role) {
      const t = await store.apiTokens.create(c, {
        userId: clinic.staff[role].userId,
        name: 'extra',
        tokenHash: `h-${randomUUID()}`,
      });
      return keep(t.id);
    },
    async feeRow() {
      const [row] = await store.feeSchedules.add(c, [
        { payerPolicyId: 'commercial', code: '97110', effectiveFrom: '2026-01-01', cents: 4200 },
      ]);
      if (!row) throw new Error('no fee row');
      return keep(row.id);
    },
  };
  return f;
}
