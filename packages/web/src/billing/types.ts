/** An address as the Billing settings screen holds it. */
export interface SettingsAddress {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
}

/** The clinic's billing settings as `GET /claim-settings` returns them. */
export interface ClaimSettings {
  billingProvider: { name: string; npi: string; taxId: string; address: SettingsAddress; taxonomy?: string };
  payTo?: SettingsAddress;
  submitter: { name: string; id: string; contactName?: string; phone?: string };
  receiver: { name: string; id: string };
  usage: 'T' | 'P';
  claimIdPrefix: string;
  period: 'visit' | 'month' | 'all';
  placeOfService: string;
  /** The PFS payment locality id (`gpciLocalities`); absent: national. */
  locality?: string;
  chargeMaster: Record<string, number>;
}

/** The settings with whether the clinic ever saved them. */
export interface LoadedClaimSettings {
  configured: boolean;
  settings: ClaimSettings;
}
