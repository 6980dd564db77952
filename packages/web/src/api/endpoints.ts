import type { CaseFile } from '@unitwise/rules';
import { get, query, request } from './client.ts';
import type {
  AuditEntry,
  Coverage,
  FeeRow,
  Page,
  Patient,
  Payer,
  PlanOfCareRecord,
  Provider,
  Session,
  SignRequest,
  User,
  VisitRecord,
} from './types.ts';

const id = encodeURIComponent;

/** Visit list filters the server takes (packages/server/src/schemas/visit.ts, VisitListQuery). */
export interface VisitQuery {
  patientId?: string;
  providerId?: string;
  date?: string;
  from?: string;
  to?: string;
  status?: 'draft' | 'signed';
  /** Payer policy id of the visit's estimate. */
  payer?: string;
  /** A rule id among the visit's stored findings. */
  rule?: string;
  cursor?: string;
  limit?: number;
}

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

  patients: (params: { search?: string; cursor?: string; limit?: number } = {}) =>
    get<Page<Patient>>(`/patients${query(params)}`),
  patient: (patientId: string) => get<Patient>(`/patients/${id(patientId)}`),
  createPatient: async (body: Record<string, unknown>) => (await request<Patient>('POST', '/patients', body)).body,
  updatePatient: async (patientId: string, body: Record<string, unknown>) =>
    (await request<Patient>('PATCH', `/patients/${id(patientId)}`, body)).body,
  coverages: (patientId: string) => get<Page<Coverage>>(`/patients/${id(patientId)}/coverages`),
  createCoverage: async (body: Record<string, unknown>) => (await request<Coverage>('POST', '/coverages', body)).body,

  plans: (patientId: string) => get<Page<PlanOfCareRecord>>(`/patients/${id(patientId)}/plans-of-care`),
  /** A page of the clinic's plans of care with goals, by start date; `activeOn`: only plans in force that day. */
  clinicPlans: (params: { activeOn?: string; cursor?: string; limit?: number } = {}) =>
    get<Page<PlanOfCareRecord>>(`/plans-of-care${query(params)}`),
  createPlan: async (body: Record<string, unknown>) =>
    (await request<PlanOfCareRecord>('POST', '/plans-of-care', body)).body,
  updatePlan: async (planId: string, body: Record<string, unknown>) =>
    (await request<PlanOfCareRecord>('PATCH', `/plans-of-care/${id(planId)}`, body)).body,
  addGoal: async (planId: string, text: string) =>
    (await request<unknown>('POST', `/plans-of-care/${id(planId)}/goals`, { text })).body,

  visits: (params: VisitQuery = {}) => get<Page<VisitRecord>>(`/visits${query({ ...params })}`),
  visit: (visitId: string) => request<VisitRecord>('GET', `/visits/${id(visitId)}`),
  createVisit: (body: unknown, idempotencyKey: string) =>
    request<VisitRecord>('POST', '/visits', body, { idempotencyKey }),
  updateVisit: (visitId: string, body: unknown, etag: string | undefined) =>
    request<VisitRecord>('PUT', `/visits/${id(visitId)}`, body, etag ? { ifMatch: etag } : {}),
  signVisit: (visitId: string, body: SignRequest) => request<VisitRecord>('POST', `/visits/${id(visitId)}/sign`, body),
  deleteVisit: (visitId: string) => request<unknown>('DELETE', `/visits/${id(visitId)}`),
  addAddendum: (visitId: string, text: string) => request<unknown>('POST', `/visits/${id(visitId)}/addenda`, { text }),

  providers: () => get<Page<Provider>>('/providers?limit=200'),
  createProvider: async (body: Record<string, unknown>) => (await request<Provider>('POST', '/providers', body)).body,
  updateProvider: async (providerId: string, body: Record<string, unknown>) =>
    (await request<Provider>('PATCH', `/providers/${id(providerId)}`, body)).body,
  users: () => get<Page<User>>('/users?limit=200'),
  /** Name, roles or status (`disabled` signs the user out everywhere and revokes their API tokens). */
  updateUser: async (userId: string, body: { name?: string; roles?: string[]; status?: 'active' | 'disabled' }) =>
    (await request<User>('PATCH', `/users/${id(userId)}`, body)).body,
  createUser: async (body: { name: string; email: string; password: string; roles: string[] }) =>
    (await request<User>('POST', '/users', body)).body,
  payers: () => get<Page<Payer>>('/payers'),
  createPayer: async (body: { name: string; policyId: string }) => (await request<Payer>('POST', '/payers', body)).body,
  fees: (payerPolicyId?: string, on?: string) => get<Page<FeeRow>>(`/fee-schedules${query({ payerPolicyId, on })}`),
  addFees: async (rows: Omit<FeeRow, 'id'>[]) => (await request<unknown>('POST', '/fee-schedules', { rows })).body,
  /** A page of the audit log with names and record labels; `hideLists` leaves out list views. */
  auditLog: (params: { cursor?: string; limit?: number; patientId?: string; hideLists?: boolean } = {}) =>
    get<Page<AuditEntry>>(
      `/audit-log${query({ ...params, hideLists: params.hideLists === undefined ? undefined : String(params.hideLists) })}`,
    ),
  auditCaseFile: async (file: CaseFile) => (await request<unknown>('POST', '/audit', file)).body,
};
