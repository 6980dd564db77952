/**
 * Authorization-matrix fixtures for the claims and remittances routes. The matrix factory makes no claims, so routes
 * that name a claim, file or remittance by id send an id that exists nowhere (the allowed answer is then 404); the
 * own-clinic versus other-clinic answers for those ids are checked in claims-http.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { make835 } from './claims-835.ts';
import type { RouteFixture } from './route-fixtures.ts';

let trace = 0;

/** A valid settings body. */
export const SETTINGS_BODY = {
  billingProvider: {
    name: 'Example PT Clinic',
    npi: '1234567893',
    taxId: '12-3456789',
    address: { line1: '100 Main St', city: 'Anytown', state: 'NY', zip: '12345-0001' },
    taxonomy: '225100000X',
  },
  submitter: { name: 'Example PT Clinic', id: 'UNITWISE01', contactName: 'Billing Office', phone: '5555550100' },
  receiver: { name: 'Example Clearinghouse', id: 'CLEARING01' },
  usage: 'T',
  claimIdPrefix: 'UW',
  period: 'visit',
  chargeMaster: { '97110': 4500, '97530': 5500 },
};

const missing = () => randomUUID();

/** One fixture per claims/remittances route id. */
export const CLAIM_ROUTE_FIXTURES: Record<string, RouteFixture> = {
  'claim-settings.get': { refs: false, build: async () => ({ url: '/api/v1/claim-settings' }) },
  'claim-settings.put': { refs: false, build: async () => ({ url: '/api/v1/claim-settings', body: SETTINGS_BODY }) },
  'charge-master.put': {
    refs: false,
    build: async () => ({ url: '/api/v1/charge-master', body: { charges: { '97530': 7100 } } }),
  },
  'claims.build': {
    refs: true,
    build: async (f, role) => ({ url: '/api/v1/claims/build', body: { visitIds: [await f.signedVisit(role)] } }),
  },
  'claims.list': { refs: false, build: async () => ({ url: '/api/v1/claims?limit=200' }) },
  'claims.get': { refs: false, expect: 404, build: async () => ({ url: `/api/v1/claims/${missing()}` }) },
  'claims.rebuild': {
    refs: false,
    expect: 404,
    build: async () => ({ url: `/api/v1/claims/${missing()}/rebuild`, body: {} }),
  },
  'claims.export': {
    refs: false,
    expect: 404,
    build: async () => ({ url: '/api/v1/claims/export', body: { claimIds: [missing()] } }),
  },
  'claim-exports.list': { refs: false, build: async () => ({ url: '/api/v1/claim-exports' }) },
  'claim-exports.get': { refs: false, expect: 404, build: async () => ({ url: `/api/v1/claim-exports/${missing()}` }) },
  'claims.correct': {
    refs: false,
    expect: 404,
    build: async () => ({ url: `/api/v1/claims/${missing()}/correct`, body: {} }),
  },
  'claims.void': {
    refs: false,
    expect: 404,
    build: async () => ({ url: `/api/v1/claims/${missing()}/void`, body: {} }),
  },
  'remittances.preview': {
    refs: false,
    build: async () => ({
      url: '/api/v1/remittances/preview',
      body: { text: make835({ trace: 'PREVIEW', claims: [] }) },
    }),
  },
  'remittances.post': {
    refs: false,
    build: async () => {
      trace += 1;
      return { url: '/api/v1/remittances', body: { text: make835({ trace: `MATRIX${trace}`, claims: [] }) } };
    },
  },
  'remittances.list': { refs: false, build: async () => ({ url: '/api/v1/remittances' }) },
  'remittances.get': { refs: false, expect: 404, build: async () => ({ url: `/api/v1/remittances/${missing()}` }) },
  'reports.denials': { refs: false, build: async () => ({ url: '/api/v1/reports/denials' }) },
  'charges.list': { refs: false, build: async () => ({ url: '/api/v1/charges?limit=200' }) },
  'visits.hold': {
    refs: true,
    build: async (f, role) => ({ url: `/api/v1/visits/${await f.signedVisit(role)}/hold`, body: { reason: 'Matrix' } }),
  },
  // Nothing is on hold: an allowed role gets 409; another clinic's visit still answers 404 like a missing one.
  'visits.release': {
    refs: true,
    expect: 409,
    build: async (f, role) => ({
      url: `/api/v1/visits/${await f.signedVisit(role)}/release`,
      body: { reason: 'Matrix' },
    }),
  },
  'visits.holds': {
    refs: true,
    build: async (f, role) => ({ url: `/api/v1/visits/${await f.signedVisit(role)}/holds` }),
  },
  'claims.build-preview': {
    refs: false,
    build: async () => ({ url: '/api/v1/claims/build-preview?from=2026-03-01&to=2026-03-31' }),
  },
  'claims.rebuild-held': { refs: false, build: async () => ({ url: '/api/v1/claims/rebuild-held', body: {} }) },
  'claims.detail': { refs: false, expect: 404, build: async () => ({ url: `/api/v1/claims/${missing()}/detail` }) },
};
