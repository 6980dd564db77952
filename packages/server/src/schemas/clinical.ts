import { CREDENTIALS, DISCIPLINES, npiProblem, zipProblem } from '@unitwise/rules';
import { z } from 'zod';
import { isoDate, PageQuery, storable } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max).superRefine(storable());

export const ProviderBody = z.object({
  userId: z.string().max(100).nullable().optional(),
  name: text(200),
  /** As the 837P's NM1*82 takes them; absent: split from `name` (the part before a comma, last word = last name). */
  firstName: text(35).optional(),
  lastName: text(60).optional(),
  // The check digit too (CMS NPI check digit, 2005): a typo is caught here, not by the payer's rejection.
  npi: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = npiProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  discipline: z.enum(DISCIPLINES),
  credential: z.enum(CREDENTIALS),
});
export const ProviderPatchBody = ProviderBody.partial();

/**
 * A string checked by one of the rules' identifier checks, which return a plain-language problem or null.
 * @param check - e.g. `npiProblem`
 */
function checkedBy(check: (value: string) => string | null) {
  return z.string().superRefine((v, ctx) => {
    const problem = check(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const AddressBody = z.object({
  line1: text(200),
  line2: z.string().max(200).optional(),
  city: text(100),
  state: z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter state code, such as OH.'),
  postalCode: checkedBy((v) => zipProblem(v)),
});

/** A US phone number: ten digits, written any common way (937-555-0142, (937) 555-0142). */
const PhoneBody = z
  .string()
  .max(40)
  .refine((v) => v.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '').length === 10, {
    message: 'A phone number has ten digits, such as 937-555-0142.',
  });

const icd10 = z
  .string()
  .regex(
    /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/,
    'Not an ICD-10-CM code: a letter, a digit, then up to five more, such as M17.11.',
  );

/** The physician or NPP who referred the patient (837P 2310A). */
const ReferringProviderBody = z.object({
  lastName: text(60),
  firstName: text(35),
  npi: checkedBy(npiProblem),
});

const HistoryBody = z.object({
  treatmentDaysSinceProgressReport: z.number().int().min(0).max(1000).optional(),
  thresholdSpentCents: z
    .object({ PT_SLP: z.number().int().min(0).optional(), OT: z.number().int().min(0).optional() })
    .optional(),
});

export const PatientBody = z.object({
  firstName: text(100),
  lastName: text(100),
  birthDate: isoDate,
  sex: z.enum(['F', 'M', 'U']),
  address: AddressBody.nullable().optional(),
  phone: PhoneBody.nullable().optional(),
  externalId: z.string().max(100).nullable().optional(),
  primaryTherapistId: z.string().max(100).nullable().optional(),
  history: HistoryBody.nullable().optional(),
  /** ICD-10-CM, principal first; at most 12 fit on a claim (HI). */
  diagnoses: z.array(icd10).max(12, 'At most 12 diagnoses fit on a claim.').optional(),
  referringProvider: ReferringProviderBody.nullable().optional(),
});
export const PatientPatchBody = PatientBody.partial();

/** The insurance taken at intake, saved with the patient in one transaction (owner and biller only). */
const IntakeCoverageBody = z.object({
  payerId: z.string().min(1).max(100),
  memberId: text(80),
  groupNumber: z.string().max(80).nullable().optional(),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
});

/** A new patient, with optional coverage: both are written, or neither. */
export const NewPatientBody = PatientBody.extend({ coverage: IntakeCoverageBody.optional() });

export const PatientListQuery = PageQuery.extend({
  search: z.string().max(100).optional().describe('Part of a first or last name.'),
  q: z.string().max(100).optional().describe('Same as search.'),
  primaryTherapistId: z.string().max(100).optional(),
});

export const PayerBody = z.object({
  name: text(200),
  policyId: z.string().regex(/^[a-z0-9-]{1,60}$/, 'Expected a policy id such as medicare.'),
  x12PayerId: z.string().max(80).nullable().optional(),
});
export const PayerPatchBody = PayerBody.partial();

export const CoverageBody = z.object({
  patientId: z.string().min(1).max(100),
  payerId: z.string().min(1).max(100),
  memberId: text(80),
  groupNumber: z.string().max(80).nullable().optional(),
  priority: z.number().int().min(1).max(3).optional(),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
});
export const CoveragePatchBody = CoverageBody.omit({ patientId: true }).partial();

const GoalBody = z.object({
  id: z.string().max(100).optional(),
  text: text(1000),
  status: z.enum(['active', 'met', 'discontinued']).optional(),
});

export const PlanBody = z.object({
  patientId: z.string().min(1).max(100),
  providerId: z.string().max(100).nullable().optional(),
  discipline: z.enum(DISCIPLINES),
  startDate: isoDate,
  endDate: isoDate,
  certifiedDate: isoDate.nullable().optional(),
  diagnoses: z.array(icd10).max(12).optional(),
  plannedCodes: z
    .array(z.string().regex(/^[0-9A-Z]{5}$/))
    .max(30)
    .optional(),
  goals: z.array(GoalBody).max(30).optional(),
});
export const PlanPatchBody = PlanBody.omit({ patientId: true }).partial();
export const NewGoalBody = GoalBody;

const FeeRow = z.object({
  payerPolicyId: z.string().min(1).max(60),
  code: z.string().regex(/^[0-9A-Z]{5}$/, 'Expected a 5-character CPT/HCPCS code.'),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().optional(),
  /** Per unit, integer cents. */
  cents: z.number().int().min(0).max(10_000_000),
});
/** Fee schedule rows to add, all or nothing. */
/**
 * Fee schedule rows to add, all or nothing: either `rows`, or one schedule of a payer policy (or of a payer, whose
 * policy is used) with `entries` of code and per-unit cents from one effective date.
 */
export const FeeRowsBody = z.union([
  z.object({ rows: z.array(FeeRow).min(1).max(2000) }),
  z.object({
    payerPolicyId: z.string().min(1).max(60).optional(),
    payerId: z.string().min(1).max(100).optional(),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable().optional(),
    entries: z
      .array(FeeRow.pick({ code: true, cents: true }))
      .min(1)
      .max(2000),
  }),
]);
export const FeeQuery = z.object({
  payerPolicyId: z.string().min(1).max(60).optional().describe('Absent: every policy the clinic’s payers use.'),
  on: isoDate.optional(),
});
export const PatientIdQuery = z.object({ patientId: z.string().min(1).max(100) });

/** The plan-of-care list: one patient's plans (all of them), or without `patientId` a page of the clinic's plans. */
export const PlanListQuery = PageQuery.extend({
  patientId: z.string().min(1).max(100).optional().describe('One patient’s plans, all on one page.'),
  activeOn: isoDate.optional().describe('Only plans in force on this date (startDate <= activeOn <= endDate).'),
});

export const AuditLogQuery = PageQuery.extend({
  userId: z.string().max(100).optional(),
  patientId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  entity: z.string().max(60).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** `true`: leave out list views (actions ending in `.list`). */
  hideLists: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
