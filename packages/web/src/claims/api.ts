import { get, query, request } from '../api/client.ts';
import type {
  BuildPreview,
  BuildResult,
  ChargeRow,
  ClaimDetailRecord,
  ClaimRecord,
  ClaimStatus,
  DenialReport,
  ExportResult,
  Preview,
  RebuildHeldResult,
  RemittanceDetailRecord,
  RemittanceRecord,
  VisitHold,
} from './types.ts';

const id = encodeURIComponent;

/** The claims and remittances routes of `/api/v1`, one function per route the pages use. */
export const claimsApi = {
  list: (q: { status?: ClaimStatus | ''; cursor?: string; limit?: number }) =>
    get<{ items: ClaimRecord[]; next: string | null }>(`/claims${query({ ...q, status: q.status || undefined })}`),
  build: async (body: { from?: string; to?: string }) =>
    (await request<BuildResult>('POST', '/claims/build', body)).body,
  rebuild: async (claimId: string) => (await request<ClaimRecord>('POST', `/claims/${id(claimId)}/rebuild`, {})).body,
  correct: async (claimId: string) => (await request<ClaimRecord>('POST', `/claims/${id(claimId)}/correct`, {})).body,
  void: async (claimId: string) => (await request<ClaimRecord>('POST', `/claims/${id(claimId)}/void`, {})).body,
  exportReady: async () => (await request<ExportResult>('POST', '/claims/export', {})).body,
  preview: async (text: string, fileName: string) =>
    (await request<Preview>('POST', '/remittances/preview', { text, fileName })).body,
  post: async (text: string, fileName: string) =>
    (await request<RemittanceRecord>('POST', '/remittances', { text, fileName })).body,
  remittances: () => get<{ items: RemittanceRecord[]; next: string | null }>('/remittances'),
  denials: () => get<DenialReport>('/reports/denials'),
  buildPreview: (q: { from: string; to: string }) => get<BuildPreview>(`/claims/build-preview${query(q)}`),
  rebuildHeld: async () => (await request<RebuildHeldResult>('POST', '/claims/rebuild-held', {})).body,
  detail: (claimId: string) => get<ClaimDetailRecord>(`/claims/${id(claimId)}/detail`),
  remittance: (remittanceId: string) => get<RemittanceDetailRecord>(`/remittances/${id(remittanceId)}`),
  charges: (q: {
    from?: string;
    to?: string;
    payerId?: string;
    providerId?: string;
    rule?: string;
    state?: string;
    cursor?: string;
    limit?: number;
  }) => get<{ items: ChargeRow[]; next: string | null }>(`/charges${query(q)}`),
  hold: async (visitId: string, reason: string) =>
    (await request<VisitHold>('POST', `/visits/${id(visitId)}/hold`, { reason })).body,
  release: async (visitId: string, reason: string) =>
    (await request<VisitHold>('POST', `/visits/${id(visitId)}/release`, { reason })).body,
};
