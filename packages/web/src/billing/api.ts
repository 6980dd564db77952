import { get, request } from '../api/client.ts';
import type { Payer } from '../api/types.ts';
import type { ClaimSettings, LoadedClaimSettings } from './types.ts';

/** The billing settings routes of `/api/v1` the Billing settings screen uses. */
export const billingApi = {
  settings: () => get<LoadedClaimSettings>('/claim-settings'),
  saveSettings: async (body: Omit<ClaimSettings, 'chargeMaster'>) =>
    (await request<LoadedClaimSettings>('PUT', '/claim-settings', body)).body,
  saveCharges: async (charges: Record<string, number>) =>
    (await request<{ charges: Record<string, number> }>('PUT', '/charge-master', { charges })).body,
  savePayerId: async (payerId: string, x12PayerId: string) =>
    (await request<Payer>('PATCH', `/payers/${encodeURIComponent(payerId)}`, { x12PayerId })).body,
};
