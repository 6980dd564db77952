import { billingSettingsProblems, gpciLocality } from '@unitwise/rules';
import { STORED_CLAIM_STATUSES } from '@unitwise/store';
import { z } from 'zod';
import { isoDate, PageQuery } from './common.ts';

const id = z.string().min(1).max(100);

// The shapes are lenient: what makes settings usable on a claim is judged by @unitwise/rules' billingSettingsProblems,
// the same checks the Billing settings screen runs as the biller types.
const Address = z.object({
  line1: z.string().trim().max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().max(200),
  state: z.string().trim().toUpperCase().max(20),
  zip: z.string().trim().max(20),
});

const Party = z.object({
  name: z.string().trim().max(200),
  id: z.string().trim().max(100),
  contactName: z.string().trim().max(60).optional(),
  phone: z.string().max(30).optional(),
});

/** The clinic's usual charge per unit by code, in cents; codes not listed charge the payer's fee schedule. */
export const ChargeMasterBody = z.record(
  z.string().regex(/^[0-9A-Z]{5}$/, 'Expected a five-character code such as 97530.'),
  z.number().int().min(1, 'A charge is at least one cent.').max(10_000_000, 'A charge per unit is at most $100,000.'),
);

/** The billing settings as stored: who bills (2010AA), where payment goes (2010AB), who sends and receives the 837P. */
export const ClaimSettingsShape = z.object({
  billingProvider: z.object({
    name: z.string().trim().max(200),
    npi: z.string().trim().max(20),
    taxId: z.string().trim().max(20),
    address: Address,
    taxonomy: z.string().trim().toUpperCase().max(20).optional(),
  }),
  /** Pay-to address (2010AB), only when payments go somewhere else than the billing provider's street address. */
  payTo: Address.optional(),
  submitter: Party,
  receiver: Party,
  /** ISA15: T test, P production. */
  usage: z.enum(['T', 'P']).default('T'),
  /** CLM01 = prefix + 6 digits. */
  claimIdPrefix: z.string().trim().max(20).default('UW'),
  /** One claim per patient + payer + provider and: each visit date, calendar month or all dates. */
  period: z.enum(['visit', 'month', 'all']).default('visit'),
  /** CLM05-1 place of service of the clinic's visits (CMS POS code set; 11 office). */
  placeOfService: z.string().trim().max(2).default('11'),
  chargeMaster: ChargeMasterBody.default({}),
  /** The clinic's PFS payment locality (data/gpci.json, `gpciLocalities`); absent: national GPCIs of 1.000. */
  locality: z.string().trim().max(20).optional(),
});
export type ClaimSettingsInput = z.output<typeof ClaimSettingsShape>;

/**
 * A save of the billing settings: every field judged by billingSettingsProblems (problems carry the field's path);
 * a save without `chargeMaster` keeps the stored charges. The phone is kept as its ten digits.
 */
export const ClaimSettingsBody = ClaimSettingsShape.extend({ chargeMaster: ChargeMasterBody.optional() })
  .superRefine((s, ctx) => {
    for (const p of billingSettingsProblems(s))
      ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
    // Any year held serves: the localities are the same list each year (data/gpci.json).
    if (s.locality !== undefined && gpciLocality(s.locality, new Date().getUTCFullYear()) === undefined)
      ctx.addIssue({ code: 'custom', path: ['locality'], message: 'Choose a payment locality from the list.' });
  })
  .transform((s) => ({
    ...s,
    submitter: { ...s.submitter, ...(s.submitter.phone ? { phone: s.submitter.phone.replace(/\D/g, '') } : {}) },
  }));

/** The whole charge master, replacing the stored one. */
export const ChargeMasterPutBody = z.object({ charges: ChargeMasterBody });

/** Which signed visits to bill. */
export const BuildClaimsBody = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  patientId: id.optional(),
  payerId: id.optional(),
  visitIds: z.array(id).min(1).max(500).optional(),
  period: z.enum(['visit', 'month', 'all']).optional(),
});

export const ClaimListQuery = PageQuery.extend({
  status: z.enum(STORED_CLAIM_STATUSES).optional(),
  payerId: id.optional(),
  patientId: id.optional(),
});

export const ExportClaimsBody = z.object({
  /** Absent: every ready claim of the clinic. */
  claimIds: z.array(id).min(1).max(5000).optional(),
});

/** An 835 file as text (the web app reads the file and sends its text). */
export const RemittanceBody = z.object({
  text: z.string().min(1).max(20_000_000),
  fileName: z.string().max(200).optional(),
});

export const DenialQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
