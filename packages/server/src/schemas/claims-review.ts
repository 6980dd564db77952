import { z } from 'zod';
import { isoDate } from './common.ts';

const id = z.string().min(1).max(100);

/** A hold or release: the biller's reason, kept with the hold. */
export const HoldBody = z.object({
  reason: z.string().trim().min(1, 'Say why, in a few words.').max(500),
});

/** Which signed visits a build would take: the same filters as POST /claims/build, in the query. */
export const BuildPreviewQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  patientId: id.optional(),
  payerId: id.optional(),
});

/** Charge review's filters and paging. */
export const ChargeListQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  patientId: id.optional(),
  providerId: id.optional(),
  payerId: id.optional().describe('A payer id: the payer of the primary coverage on the date of service.'),
  rule: z.string().max(60).optional().describe('Only visits with a stored finding of this rule.'),
  state: z.enum(['open', 'held', 'claimed']).optional().describe('open: not billed, not held; held; claimed.'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Rows per page (1-200, default 50).'),
  cursor: z.string().max(1000).optional().describe('The `next` value of the previous page (opaque).'),
});
