import { z } from 'zod';
import {
  CREDENTIALS,
  DISCIPLINES,
  NON_BILLABLE_KINDS,
  NOTE_TYPES,
  type NonBillable,
  type Patient,
  type PayerPolicyInput,
  type PlanOfCare,
  type Service,
  type Visit,
} from '../types.ts';
import { clockTime, codeShape, id, isoDate, minutes, modifiers, multiLineText, singleLineText } from './primitives.ts';

// The visit interchange format of shared/design.md. z.object strips unknown fields ("unknown fields are ignored").

const discipline = z.enum(DISCIPLINES, { message: `must be one of ${DISCIPLINES.join(', ')}` });
const count = z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' });

/** A plan-of-care goal. */
export const goalSchema = z.object({ id, text: multiLineText() });

/** A plan of care: discipline, certification interval, goals (Pub. 100-02 Ch. 15 §220.1.2). */
export const planOfCareSchema = z
  .object({
    id,
    discipline,
    startDate: isoDate,
    endDate: isoDate,
    certifiedDate: isoDate.optional(),
    goals: z.array(goalSchema),
    plannedCodes: z.array(codeShape).optional(),
    diagnoses: z.array(singleLineText()).optional(),
  })
  .refine((p) => p.endDate >= p.startDate, { message: 'must not be before startDate', path: ['endDate'] });

/** A patient and the payer policy that applies to them. */
export const patientSchema = z.object({
  id,
  payer: id,
  plansOfCare: z.array(planOfCareSchema).optional(),
  history: z
    .object({
      treatmentDaysSinceProgressReport: count.optional(),
      thresholdSpentCents: z.object({ PT_SLP: count.optional(), OT: count.optional() }).optional(),
    })
    .optional(),
});

/** A code billed on a visit. */
export const serviceSchema = z.object({
  code: codeShape,
  minutes: minutes.optional(),
  assistantMinutes: minutes.optional(),
  units: count.max(100, { message: 'is not a plausible number of units' }).optional(),
  modifiers: modifiers.optional(),
  groupSize: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be 1 or more' }).optional(),
  description: multiLineText().optional(),
  assistance: singleLineText().optional(),
  goalIds: z.array(singleLineText()).optional(),
});

/** Time in the visit that is not billable treatment. */
export const nonBillableSchema = z.object({
  kind: z.enum(NON_BILLABLE_KINDS, { message: `must be one of ${NON_BILLABLE_KINDS.join(', ')}` }),
  minutes,
  note: multiLineText().optional(),
});

/** One patient, one discipline, one date of service: the daily note. */
export const visitSchema = z
  .object({
    id,
    patientId: id,
    date: isoDate,
    discipline,
    noteType: z.enum(NOTE_TYPES, { message: `must be one of ${NOTE_TYPES.join(', ')}` }).optional(),
    provider: z.object({
      id: singleLineText().optional(),
      credential: z.enum(CREDENTIALS, { message: `must be one of ${CREDENTIALS.join(', ')}` }),
    }),
    timeIn: clockTime.optional(),
    timeOut: clockTime.optional(),
    totalTimedMinutes: minutes.optional(),
    totalTreatmentMinutes: minutes.optional(),
    services: z.array(serviceSchema),
    nonBillable: z.array(nonBillableSchema).optional(),
    response: multiLineText().optional(),
  })
  .refine((v) => v.timeIn === undefined || v.timeOut === undefined || v.timeOut >= v.timeIn, {
    message: 'must not be before timeIn',
    path: ['timeOut'],
  });

/** A payer policy as a case file gives it; its content is checked by the policy registry. */
export const payerInputSchema = z.looseObject({
  id,
  name: singleLineText().optional(),
  unitMethod: singleLineText().optional(),
  basedOn: singleLineText().optional(),
  versions: z.array(z.looseObject({})).optional(),
});

// Compile-time proof that the schemas produce the shared domain types.
type Assert<T extends true> = T;
export type SchemaMatchesTypes = Assert<
  z.output<typeof visitSchema> extends Visit
    ? z.output<typeof patientSchema> extends Patient
      ? z.output<typeof planOfCareSchema> extends PlanOfCare
        ? z.output<typeof serviceSchema> extends Service
          ? z.output<typeof nonBillableSchema> extends NonBillable
            ? z.output<typeof payerInputSchema> extends PayerPolicyInput
              ? true
              : false
            : false
          : false
        : false
      : false
    : false
>;
