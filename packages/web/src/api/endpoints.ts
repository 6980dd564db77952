import type { CaseFile } from '@unitwise/rules';
import { get, query, request } from './client.ts';
import type {
  AuditEntry,
  Coverage,
  FeeSchedule,
  Page,
  Patient,
  Payer,
  PlanOfCareRecord,
  Provider,
  Session,
  User,
  VisitRecord,
} from './types.ts';

/** The typed surface of the server's `/api/v1` used by the app, one function per route. */
export const api = {
  signIn: async (email: string, password: string) =>
    (await request<Session>('POST', '/session', { email, password })).body,
  session: () => get<Session>('/session'),
  signOut: async () => {
    await request('DELETE', '/session');
  },
  createClinic: async (clinicName: string, owner: { name: string; email: string; password: string }) =>
    (await request<unknown>('POST', '/clinics', { clinicName, owner })).body,

  patients: (params: { q?: string; cursor?: string; limit?: number } = {}) =>
    get<Page<Patient>>(`/patients${query(params)}`),
  patient: (id: string) => get<Patient>(`/patients/${encodeURIComponent(id)}`),
  createPatient: async (body: Record<string, unknown>) => (await request<Patient>('POST', '/patients', body)).body,
  coverages: (patientId: string) => get<Page<Coverage>>(`/coverages${query({ patientId })}`),

  plans: (patientId: string) => get<Page<PlanOfCareRecord>>(`/plans-of-care${query({ patientId })}`),
  createPlan: async (body: Omit<PlanOfCareRecord, 'id'>) =>
    (await request<PlanOfCareRecord>('POST', '/plans-of-care', body)).body,
  updatePlan: async (id: string, body: Partial<PlanOfCareRecord>) =>
    (await request<PlanOfCareRecord>('PATCH', `/plans-of-care/${encodeURIComponent(id)}`, body)).body,
  certifyPlan: async (id: string, certifiedDate: string) =>
    (await request<PlanOfCareRecord>('PATCH', `/plans-of-care/${encodeURIComponent(id)}`, { certifiedDate })).body,

  visits: (
    params: {
      patientId?: string;
      date?: string;
      from?: string;
      to?: string;
      status?: string;
      providerId?: string;
      payer?: string;
      rule?: string;
      cursor?: string;
      limit?: number;
    } = {},
  ) => get<Page<VisitRecord>>(`/visits${query(params)}`),
  visit: (id: string) => request<VisitRecord>('GET', `/visits/${encodeURIComponent(id)}`),
  createVisit: (body: unknown, idempotencyKey: string) =>
    request<VisitRecord>('POST', '/visits', body, { idempotencyKey }),
  updateVisit: (id: string, body: unknown, etag: string | undefined) =>
    request<VisitRecord>('PUT', `/visits/${encodeURIComponent(id)}`, body, etag ? { ifMatch: etag } : {}),
  signVisit: (id: string, overrides: { rule: string; service?: number; reason: string }[]) =>
    request<VisitRecord>('POST', `/visits/${encodeURIComponent(id)}/sign`, { overrides }),
  addAddendum: (id: string, text: string) =>
    request<unknown>('POST', `/visits/${encodeURIComponent(id)}/addenda`, { text }),

  providers: () => get<Page<Provider>>('/providers?limit=200'),
  users: () => get<Page<User>>('/users?limit=200'),
  createUser: async (body: { name: string; email: string; password: string; roles: string[] }) =>
    (await request<User>('POST', '/users', body)).body,
  payers: () => get<Page<Payer>>('/payers?limit=200'),
  feeSchedules: () => get<Page<FeeSchedule>>('/fee-schedules?limit=200'),
  createFeeSchedule: async (body: Omit<FeeSchedule, 'id'>) =>
    (await request<FeeSchedule>('POST', '/fee-schedules', body)).body,
  auditLog: (params: { cursor?: string; limit?: number; patientId?: string } = {}) =>
    get<Page<AuditEntry>>(`/audit-log${query(params)}`),
  auditCaseFile: async (file: CaseFile) => (await request<unknown>('POST', '/audit', file)).body,
};
