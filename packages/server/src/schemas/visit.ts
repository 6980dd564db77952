import { CREDENTIALS, DISCIPLINES, NON_BILLABLE_KINDS, NOTE_TYPES } from '@unitwise/rules';
import { GOAL_STATUSES, SEGMENT_KINDS } from '@unitwise/store';
import { z } from 'zod';
import { clockTime, isoDate, PageQuery, storable } from './common.ts';

const minutes = z.number().int().min(0).max(1440);

/** One billed code on a visit (shared/design.md, "The visit interchange format", `Service`). */
export const ServiceInput = z.object({
  code: z.string().regex(/^[0-9A-Z]{5}$/, 'Expected a 5-character CPT/HCPCS code such as 97530.'),
  minutes: minutes.optional(),
  assistantMinutes: minutes.optional(),
  units: z.number().int().min(0).max(99).optional(),
  modifiers: z
    .array(z.string().regex(/^[0-9A-Z]{2}$/, 'Expected a 2-character modifier.'))
    .max(4)
    .optional(),
  groupSize: z.number().int().min(1).max(20).optional(),
  description: z
    .string()
    .max(4000)
    .superRefine(storable(true))
    .optional()
    .describe('What was done: the functional task and its parameters.'),
  assistance: z
    .string()
    .max(2000)
    .superRefine(storable(true))
    .optional()
    .describe('Assistance and cueing; the checks read it with the description (older notes hold both there).'),
  goalIds: z.array(z.string().max(100).superRefine(storable())).max(20).optional(),
});

/**
 * A timer run: which service (by index) it counts toward, what kind of time (treatment counts toward the service's
 * minutes; rest, setup, waiting... are non-billable), from when to when. No end: the timer is still running.
 */
export const SegmentInput = z
  .object({
    serviceOrdinal: z.number().int().min(0).max(49).nullable().optional(),
    activityKey: z.string().max(100).nullable().optional(),
    kind: z.enum(SEGMENT_KINDS).default('treatment'),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable().optional().describe('Absent or null while the timer runs.'),
  })
  .superRefine((g, c) => {
    if (g.endedAt && Date.parse(g.endedAt) < Date.parse(g.startedAt))
      c.addIssue({ code: 'custom', path: ['endedAt'], message: 'Ends before it starts.' });
    if (g.kind !== 'treatment' && g.serviceOrdinal !== undefined && g.serviceOrdinal !== null)
      c.addIssue({ code: 'custom', path: ['serviceOrdinal'], message: 'Only treatment time counts toward a service.' });
  });

/** `PATCH /visits/{id}/segments/{segmentId}`: stop a running timer. */
export const EndSegmentBody = z.object({ endedAt: z.iso.datetime() });
export const SegmentParams = z.object({ id: z.string().min(1).max(100), segmentId: z.string().min(1).max(100) });

/** One goal's status on an evaluation, progress report, re-evaluation or discharge note. */
export const GoalStatusInput = z.object({
  status: z.enum(GOAL_STATUSES),
  measure: z.string().max(200).optional(),
  note: z.string().max(1000).superRefine(storable(true)).optional(),
});

/** Goal status per plan-of-care goal id (ids as in `services[].goalIds`). */
export const GoalStatusRecord = z
  .record(z.string().min(1).max(100), GoalStatusInput)
  .refine((r) => Object.keys(r).length <= 50, 'At most 50 goals.');

/** The clinical content of a visit as the API takes it (the design's `Visit`, server assigns `id`). */
export const VisitContent = z
  .object({
    patientId: z.string().min(1).max(100),
    date: isoDate,
    discipline: z.enum(DISCIPLINES),
    noteType: z.enum(NOTE_TYPES).default('daily'),
    providerId: z.string().min(1).max(100),
    credential: z
      .enum(CREDENTIALS)
      .optional()
      .describe(
        'Always the provider’s credential; only an owner may correct it (audited as visit.credential-correct).',
      ),
    timeIn: clockTime.optional(),
    timeOut: clockTime.optional(),
    totalTimedMinutes: minutes.optional(),
    totalTreatmentMinutes: minutes.optional(),
    services: z.array(ServiceInput).max(50),
    nonBillable: z
      .array(
        z.object({
          kind: z.enum(NON_BILLABLE_KINDS),
          minutes,
          note: z.string().max(1000).superRefine(storable(true)).optional(),
        }),
      )
      .max(50)
      .optional(),
    response: z.string().max(8000).superRefine(storable(true)).optional(),
    segments: z.array(SegmentInput).max(500).optional(),
    goalStatus: GoalStatusRecord.optional().describe('Goal status per goal id, kept with the note.'),
  })
  .superRefine((v, c) => {
    // A segment must count toward a service of this note, and one timer runs at a time.
    let open = 0;
    for (const [i, g] of (v.segments ?? []).entries()) {
      if (g.serviceOrdinal !== undefined && g.serviceOrdinal !== null && g.serviceOrdinal >= v.services.length)
        c.addIssue({ code: 'custom', path: ['segments', i, 'serviceOrdinal'], message: 'No service at this index.' });
      if (!g.endedAt && ++open > 1)
        c.addIssue({ code: 'custom', path: ['segments', i, 'endedAt'], message: 'Only one timer can run at a time.' });
    }
  });
export type VisitContent = z.output<typeof VisitContent>;

export const VisitListQuery = PageQuery.extend({
  patientId: z.string().max(100).optional(),
  providerId: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  date: isoDate.optional().describe('One date of service (same as from = to = date).'),
  status: z.enum(['draft', 'signed']).optional(),
});

/** A finding overridden with a written reason (kept with the note and in the audit log). */
export const OverrideBody = z.object({
  rule: z.string().min(1).max(60),
  service: z.number().int().min(0).optional(),
  reason: z.string().trim().min(10, 'Give a reason of at least 10 characters.').max(2000).superRefine(storable(true)),
});

/** A finding named by its rule and, when it concerns one service, that service's index. */
export const FindingRef = z.object({
  rule: z.string().min(1).max(60),
  service: z.number().int().min(0).optional(),
});

/**
 * `POST /visits/{id}/sign`: overrides for error findings, each with a written reason; the standing warnings the signer
 * saw and confirms; and the signer's confirmation of the attestation statement.
 */
export const SignBody = z
  .object({
    overrides: z.array(OverrideBody).max(50).default([]),
    warnings: z.array(FindingRef).max(100).default([]).describe('Every standing warning, seen and confirmed.'),
    attest: z
      .boolean()
      .default(false)
      .describe('True: the signer confirms that the note reflects the care they furnished or supervised.'),
  })
  .default({ overrides: [], warnings: [], attest: false });

/** `POST /visits/{id}/addenda`: a correction or late entry to a signed note. */
export const AddendumBody = z.object({ text: z.string().trim().min(1).max(8000).superRefine(storable(true)) });
