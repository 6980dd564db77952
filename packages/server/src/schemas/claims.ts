import { STORED_CLAIM_STATUSES } from '@unitwise/store';
import { z } from 'zod';
import { isoDate, PageQuery } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(100);

const X12Address = z.object({
  line1: text(55),
  line2: z.string().max(55).optional(),
  city: text(30),
  state: z.string().regex(/^[A-Z]{2}$/, 'Expected a two-letter state code.'),
  zip: z.string().regex(/^\d{5}(-?\d{4})?$/, 'Expected a ZIP code (an 837P billing provider needs ZIP+4).'),
});

const Party = z.object({
  name: text(60),
  id: text(15),
  contactName: z.string().max(60).optional(),
  phone: z
    .string()
    .regex(/^\d{10}$/, 'Expected 10 digits.')
    .optional(),
});

/** The clinic's billing settings: who bills (2010AA), who sends (1000A) and receives (1000B) the 837P. */
export const ClaimSettingsBody = z.object({
  billingProvider: z.object({
    name: text(60),
    npi: z.string().regex(/^\d{10}$/, 'Expected a 10-digit NPI.'),
    taxId: z.string().regex(/^\d{2}-?\d{7}$/, 'Expected a 9-digit EIN.'),
    address: X12Address,
    taxonomy: z.string().max(10).optional(),
  }),
  submitter: Party,
  receiver: Party,
  /** ISA15: T test, P production. */
  usage: z.enum(['T', 'P']).default('T'),
  /** CLM01 = prefix + 6 digits. */
  claimIdPrefix: z
    .string()
    .regex(/^[A-Z0-9]{1,8}$/, 'Expected 1-8 capital letters or digits.')
    .default('UW'),
  /** One claim per patient + payer + provider and: each visit date, calendar month or all dates. */
  period: z.enum(['visit', 'month', 'all']).default('visit'),
  /** The clinic's usual charge per unit by code, in cents; codes not listed charge the payer's fee schedule. */
  chargeMaster: z.record(z.string().regex(/^[0-9A-Z]{5}$/), z.number().int().min(1).max(10_000_000)).default({}),
});
export type ClaimSettingsInput = z.output<typeof ClaimSettingsBody>;

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
