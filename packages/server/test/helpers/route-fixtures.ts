import { randomUUID } from 'node:crypto';
import type { Role, Store } from '@unitwise/store';
import { buildClinicClaims, postRemittanceFile } from '../../src/billing/index.ts';
import { PolicyCache } from '../../src/engine/policy-cache.ts';
import { make835 } from './claims-835.ts';
import { CLAIM_ROUTE_FIXTURES } from './claims-fixtures.ts';
import { cleanVisit, DOS, type Factory, missingFactory } from './factory.ts';
import type { TestClinic } from './harness.ts';

/** One request of the authorization matrix, built for a role from a factory (own clinic, other clinic or missing). */
export interface MatrixRequest {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteFixture {
  /** Whether the request names ids of the factory's clinic (then other-clinic and missing ids are tried too). */
  refs: boolean;
  /** Success status for an allowed role in its own clinic, when not the route's declared one. */
  expect?: number;
  build(f: Factory, role: Role, own: TestClinic): Promise<MatrixRequest>;
}

let unique = 0;
const patientBody = { firstName: 'New', lastName: 'Person', birthDate: '1970-01-01', sex: 'M' };
const ifMatch1 = { 'if-match': '"1"' };

/** Fixtures for every route id of the route table; the matrix test fails for a route without one. */
export const ROUTE_FIXTURES: Record<string, RouteFixture> = {
  'clinics.create': {
    refs: false,
    build: async () => {
      unique += 1;
      return {
        url: '/api/v1/clinics',
        body: {
          clinicName: 'Matrix',
          owner: { name: 'M', email: `m${unique}@matrix.test`, password: 'long enough pw' },
        },
      };
    },
  },
  'session.create': {
    refs: false,
    build: async (_f, role, own) => ({
      url: '/api/v1/session',
      body: { email: own.staff[role].email, password: 'correct horse battery' },
    }),
  },
  'session.get': { refs: false, build: async () => ({ url: '/api/v1/session' }) },
  'session.delete': { refs: false, build: async () => ({ url: '/api/v1/session' }) },
  'clinic.get': { refs: false, build: async () => ({ url: '/api/v1/clinic' }) },
  'health.live': { refs: false, build: async () => ({ url: '/health/live' }) },
  'health.ready': { refs: false, build: async () => ({ url: '/health/ready' }) },
  'users.list': { refs: false, build: async () => ({ url: '/api/v1/users' }) },
  'users.create': {
    refs: false,
    build: async () => {
      unique += 1;
      return {
        url: '/api/v1/users',
        body: { email: `u${unique}@matrix.test`, name: 'U', password: 'long enough pw', roles: ['biller'] },
      };
    },
  },
  'users.get': { refs: true, build: async (f) => ({ url: `/api/v1/users/${await f.user()}` }) },
  'users.update': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/users/${await f.user()}`, body: { name: 'Renamed' } }),
  },
  'tokens.list': { refs: false, build: async () => ({ url: '/api/v1/tokens' }) },
  'tokens.create': { refs: false, build: async () => ({ url: '/api/v1/tokens', body: { name: 'integration' } }) },
  'tokens.delete': { refs: true, build: async (f, role) => ({ url: `/api/v1/tokens/${await f.token(role)}` }) },
  'providers.list': { refs: false, build: async () => ({ url: '/api/v1/providers' }) },
  'providers.create': {
    refs: false,
    build: async () => ({
      url: '/api/v1/providers',
      body: { name: 'New PT', npi: '1234567893', discipline: 'PT', credential: 'PT' },
    }),
  },
  'providers.get': { refs: true, build: async (f) => ({ url: `/api/v1/providers/${await f.provider()}` }) },
  'providers.update': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/providers/${await f.provider()}`, body: { name: 'Renamed' } }),
  },
  'patients.list': { refs: false, build: async () => ({ url: '/api/v1/patients?limit=200' }) },
  'patients.create': { refs: false, build: async () => ({ url: '/api/v1/patients', body: patientBody }) },
  'patients.get': { refs: true, build: async (f) => ({ url: `/api/v1/patients/${await f.patient()}` }) },
  'patients.update': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/patients/${await f.patient()}`, body: { phone: '555-555-0100' } }),
  },
  'patients.coverages': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/patients/${await f.patient()}/coverages` }),
  },
  'patients.plans': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/patients/${await f.patient()}/plans-of-care` }),
  },
  'patients.visits': { refs: true, build: async (f) => ({ url: `/api/v1/patients/${await f.patient()}/visits` }) },
  'coverages.list': { refs: true, build: async (f) => ({ url: `/api/v1/coverages?patientId=${await f.patient()}` }) },
  'coverages.create': {
    refs: true,
    build: async (f) => ({
      url: '/api/v1/coverages',
      body: { patientId: await f.patient(), payerId: await f.payer(), memberId: 'X9', startDate: '2026-01-01' },
    }),
  },
  'coverages.get': { refs: true, build: async (f) => ({ url: `/api/v1/coverages/${await f.coverage()}` }) },
  'coverages.update': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/coverages/${await f.coverage()}`, body: { memberId: 'X10' } }),
  },
  'payers.list': { refs: false, build: async () => ({ url: '/api/v1/payers' }) },
  'payers.create': {
    refs: false,
    build: async () => ({ url: '/api/v1/payers', body: { name: 'Acme', policyId: 'commercial' } }),
  },
  'payers.get': { refs: true, build: async (f) => ({ url: `/api/v1/payers/${await f.payer()}` }) },
  'payers.update': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/payers/${await f.payer()}`, body: { name: 'Renamed' } }),
  },
  'payer-policies.list': { refs: false, build: async () => ({ url: '/api/v1/payer-policies' }) },
  'payer-policies.put': {
    refs: false,
    build: async () => ({ url: '/api/v1/payer-policies/acme-ama', body: { name: 'Acme AMA', unitMethod: 'ama' } }),
  },
  'fee-schedules.list': { refs: false, build: async () => ({ url: '/api/v1/fee-schedules?payerPolicyId=commercial' }) },
  'fee-schedules.add': {
    refs: false,
    build: async () => ({
      url: '/api/v1/fee-schedules',
      body: { rows: [{ payerPolicyId: 'commercial', code: '97530', effectiveFrom: '2026-01-01', cents: 5100 }] },
    }),
  },
  'fee-schedules.delete': { refs: true, build: async (f) => ({ url: `/api/v1/fee-schedules/${await f.feeRow()}` }) },
  'plans.list': { refs: true, build: async (f) => ({ url: `/api/v1/plans-of-care?patientId=${await f.patient()}` }) },
  'plans.create': {
    refs: true,
    build: async (f) => ({
      url: '/api/v1/plans-of-care',
      body: {
        patientId: await f.patient(),
        discipline: 'PT',
        startDate: '2026-03-01',
        endDate: '2026-05-29',
        goals: [{ text: 'Walk 300 feet with a cane in 6 weeks.' }],
      },
    }),
  },
  'plans.get': { refs: true, build: async (f) => ({ url: `/api/v1/plans-of-care/${await f.plan()}` }) },
  'plans.update': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/plans-of-care/${await f.plan()}`, body: { certifiedDate: '2026-03-01' } }),
  },
  'plans.goals.list': { refs: true, build: async (f) => ({ url: `/api/v1/plans-of-care/${await f.plan()}/goals` }) },
  'plans.goals.add': {
    refs: true,
    build: async (f) => ({
      url: `/api/v1/plans-of-care/${await f.plan()}/goals`,
      body: { text: 'Stand 5 minutes with supervision in 4 weeks.' },
    }),
  },
  'visits.list': { refs: false, build: async () => ({ url: '/api/v1/visits?limit=200' }) },
  'visits.create': {
    refs: true,
    build: async (f, role) => {
      const { provider, ...content } = cleanVisit(await f.patient(), f.providerFor(role), role === 'assistant');
      return { url: '/api/v1/visits', body: { ...content, providerId: provider.id } };
    },
  },
  'visits.get': { refs: true, build: async (f, role) => ({ url: `/api/v1/visits/${await f.draftVisit(role)}` }) },
  'visits.update': {
    refs: true,
    build: async (f, role) => {
      const { id, patientId } = await f.draftVisitFull(role);
      const { provider, ...content } = cleanVisit(patientId, f.providerFor(role), role === 'assistant');
      return { url: `/api/v1/visits/${id}`, body: { ...content, providerId: provider.id }, headers: ifMatch1 };
    },
  },
  'visits.delete': { refs: true, build: async (f, role) => ({ url: `/api/v1/visits/${await f.draftVisit(role)}` }) },
  'visits.findings': {
    refs: true,
    build: async (f, role) => ({ url: `/api/v1/visits/${await f.draftVisit(role)}/findings` }),
  },
  'visits.sign': {
    refs: true,
    build: async (f, role) => ({
      url: `/api/v1/visits/${await f.draftVisit(role)}/sign`,
      // The draft's standing warnings (commercial payer, new patient), confirmed, and the attestation.
      body: { warnings: [{ rule: 'evaluation-missing' }, { rule: 'cloned-description' }], attest: true },
    }),
  },
  'visits.overrides.list': {
    refs: true,
    build: async (f, role) => ({ url: `/api/v1/visits/${await f.draftVisit(role)}/overrides` }),
  },
  'visits.overrides.add': {
    refs: true,
    build: async (f, role) => ({
      url: `/api/v1/visits/${await f.draftVisit(role)}/overrides`,
      body: { rule: 'cloned-description', service: 0, reason: 'Same home program on purpose this week.' },
    }),
  },
  'visits.addenda.list': {
    refs: true,
    build: async (f, role) => ({ url: `/api/v1/visits/${await f.signedVisit(role)}/addenda` }),
  },
  'visits.addenda.add': {
    refs: true,
    build: async (f, role) => ({
      url: `/api/v1/visits/${await f.signedVisit(role)}/addenda`,
      body: { text: 'Late entry: home program reviewed.' },
    }),
  },
  'visits.segments.add': {
    refs: true,
    build: async (f, role) => ({
      url: `/api/v1/visits/${await f.draftVisit(role)}/segments`,
      body: { kind: 'treatment', serviceOrdinal: 0, startedAt: '2026-03-02T15:01:00.000Z' },
    }),
  },
  'visits.segments.end': {
    refs: true,
    build: async (f, role) => {
      const [visit, segment] = await f.segment(role);
      return { url: `/api/v1/visits/${visit}/segments/${segment}`, body: { endedAt: '2026-03-02T15:10:00.000Z' } };
    },
  },
  'audit-log.list': { refs: false, build: async () => ({ url: '/api/v1/audit-log?limit=200' }) },
  'audit.run': {
    refs: false,
    build: async () => ({
      url: '/api/v1/audit',
      body: {
        patients: [{ id: 'p1', payer: 'medicare' }],
        visits: [
          {
            id: 'v1',
            patientId: 'p1',
            date: DOS,
            discipline: 'PT',
            provider: { credential: 'PT' },
            services: [{ code: '97530', minutes: 30 }],
          },
        ],
      },
    }),
  },
  ...CLAIM_ROUTE_FIXTURES,
};

/** A factory that also makes claims and posted remittances in its clinic (or, for `missing`, ids of nothing). */
export interface BillingFactory extends Factory {
  /** A claim built from a new signed visit of the role's provider (a draft while the clinic has no claim settings). */
  claim(role: Role): Promise<string>;
  /** A posted 835 remittance (no claims of ours on it). */
  remittance(): Promise<string>;
}

let remitTrace = 0;

/**
 * Adds claims and remittances to a store factory, made with the same billing functions the routes call.
 * @param store - the store the factory writes to
 * @param clinic - the factory's clinic
 * @param base - the store factory of that clinic
 */
export function billingFactory(store: Store, clinic: TestClinic, base: Factory): BillingFactory {
  const deps = { store, clock: () => new Date('2026-03-02T15:00:00.000Z'), policies: new PolicyCache() };
  const noAudit = async () => undefined;
  return {
    ...base,
    created: base.created,
    async claim(role) {
      const visitId = await base.signedVisit(role);
      const r = await buildClinicClaims(
        deps,
        clinic.clinicId,
        clinic.staff.biller.userId,
        { visitIds: [visitId] },
        noAudit,
      );
      const id = r.created[0]?.id;
      if (!id) throw new Error(`no claim built: ${JSON.stringify(r.skipped)}`);
      base.created.add(id);
      return id;
    },
    async remittance() {
      remitTrace += 1;
      const text = make835({ trace: `FIXTURE${remitTrace}`, claims: [] });
      const r = await postRemittanceFile(deps, clinic.clinicId, clinic.staff.biller.userId, text, undefined, noAudit);
      base.created.add(r.detail.id);
      return r.detail.id;
    },
  };
}

/** The missing factory with claim and remittance ids that exist nowhere. */
export function missingBillingFactory(): BillingFactory {
  return { ...missingFactory(), claim: async () => randomUUID(), remittance: async () => randomUUID() };
}

/** How a fixture reaches the billing methods; the matrix passes a BillingFactory wherever these fixtures are used. */
const billing = (f: Factory) => f as BillingFactory;

/**
 * Claim and remittance fixtures that name real ids of the factory's clinic, so the matrix checks another clinic's
 * claim and remittance ids answer like missing ones and leak nothing. They need BillingFactory factories (fa, fb and
 * the missing one wrapped): merge them over ROUTE_FIXTURES in the matrix test when it makes those.
 */
export const BILLING_REF_FIXTURES: Record<string, RouteFixture> = {
  'claims.get': { refs: true, build: async (f, role) => ({ url: `/api/v1/claims/${await billing(f).claim(role)}` }) },
  'claims.detail': {
    refs: true,
    build: async (f, role) => ({ url: `/api/v1/claims/${await billing(f).claim(role)}/detail` }),
  },
  'claims.rebuild': {
    refs: true,
    build: async (f, role) => ({ url: `/api/v1/claims/${await billing(f).claim(role)}/rebuild`, body: {} }),
  },
  // A draft claim cannot be corrected or voided (409); another clinic's claim must still answer 404 like none.
  'claims.correct': {
    refs: true,
    expect: 409,
    build: async (f, role) => ({ url: `/api/v1/claims/${await billing(f).claim(role)}/correct`, body: {} }),
  },
  'claims.void': {
    refs: true,
    expect: 409,
    build: async (f, role) => ({ url: `/api/v1/claims/${await billing(f).claim(role)}/void`, body: {} }),
  },
  // Only ready claims export: a draft one is a 422 naming it; another clinic's claim id is a 404 like a missing one.
  'claims.export': {
    refs: true,
    expect: 422,
    build: async (f, role) => ({ url: '/api/v1/claims/export', body: { claimIds: [await billing(f).claim(role)] } }),
  },
  'remittances.get': {
    refs: true,
    build: async (f) => ({ url: `/api/v1/remittances/${await billing(f).remittance()}` }),
  },
};
