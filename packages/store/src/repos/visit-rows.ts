import type {
  Credential,
  Discipline,
  Finding,
  NonBillable,
  NonBillableKind,
  NoteType,
  RuleId,
  Service,
  Severity,
} from '@unitwise/rules';
import type { Insertable, Selectable } from 'kysely';
import type {
  AddendaTable,
  FindingsTable,
  NonBillableTable,
  OverridesTable,
  TimeSegmentsTable,
  VisitServicesTable,
  VisitsTable,
} from '../db/schema.ts';
import type {
  Addendum,
  ConfirmedWarning,
  NewTimeSegment,
  Override,
  SegmentKind,
  SignatureAttestation,
  StoredVisit,
  TimeSegment,
  VisitGoalStatus,
  VisitInput,
  VisitStatus,
} from '../types.ts';
import { fromJson, newId, normalizeInstant } from './context.ts';

/**
 * The visit columns that hold clinical content (what an update replaces).
 * @param input - the visit content
 */
export function visitContentColumns(input: VisitInput) {
  return {
    provider_id: input.provider.id ?? null,
    provider_credential: input.provider.credential,
    date: input.date,
    discipline: input.discipline,
    note_type: input.noteType ?? 'daily',
    time_in: input.timeIn ?? null,
    time_out: input.timeOut ?? null,
    total_timed_minutes: input.totalTimedMinutes ?? null,
    total_treatment_minutes: input.totalTreatmentMinutes ?? null,
    response: input.response ?? null,
    goal_status: goalStatusColumn(input.goalStatus),
  };
}

/**
 * The `goal_status` column: JSON of the record, or null when there is none (an empty record is none, so a daily
 * note the web saves with `{}` keeps the same content hash as before goal status existed).
 * @param goalStatus - goal status per goal id
 */
export function goalStatusColumn(goalStatus: VisitGoalStatus | undefined): string | null {
  return goalStatus && Object.keys(goalStatus).length > 0 ? JSON.stringify(goalStatus) : null;
}

/**
 * Service rows, `ordinal` being the index in `visit.services`.
 * @param clinicId - the clinic
 * @param visitId - the visit
 * @param services - the rules' services, in order
 */
export function serviceRows(clinicId: string, visitId: string, services: readonly Service[]) {
  return services.map(
    (s, ordinal): Insertable<VisitServicesTable> => ({
      clinic_id: clinicId,
      visit_id: visitId,
      ordinal,
      code: s.code,
      minutes: s.minutes ?? null,
      assistant_minutes: s.assistantMinutes ?? null,
      units: s.units ?? null,
      // An empty list stays an empty list: the content hash must be the same before and after a round trip.
      modifiers: s.modifiers ? JSON.stringify(s.modifiers) : null,
      group_size: s.groupSize ?? null,
      description: s.description ?? null,
      assistance: s.assistance ?? null,
      goal_ids: s.goalIds ? JSON.stringify(s.goalIds) : null,
    }),
  );
}

/**
 * Non-billable rows in order.
 * @param clinicId - the clinic
 * @param visitId - the visit
 * @param items - non-billable time, in order
 */
export function nonBillableRows(clinicId: string, visitId: string, items: readonly NonBillable[]) {
  return items.map(
    (n, ordinal): Insertable<NonBillableTable> => ({
      clinic_id: clinicId,
      visit_id: visitId,
      ordinal,
      kind: n.kind,
      minutes: n.minutes,
      note: n.note ?? null,
    }),
  );
}

/**
 * Segment rows; ids given are kept.
 * @param clinicId - the clinic
 * @param visitId - the visit
 * @param items - timer runs
 */
export function segmentRows(clinicId: string, visitId: string, items: readonly NewTimeSegment[]) {
  return items.map(
    (s): Selectable<TimeSegmentsTable> => ({
      clinic_id: clinicId,
      id: s.id ?? newId(),
      visit_id: visitId,
      service_ordinal: s.serviceOrdinal ?? null,
      activity_key: s.activityKey ?? null,
      kind: s.kind,
      started_at: normalizeInstant(s.startedAt),
      ended_at: s.endedAt ? normalizeInstant(s.endedAt) : null,
    }),
  );
}

/**
 * Finding rows in order.
 * @param clinicId - the clinic
 * @param visitId - the visit
 * @param findings - the engine's findings, in order
 */
export function findingRows(clinicId: string, visitId: string, findings: readonly Finding[]) {
  return findings.map(
    (f, ordinal): Insertable<FindingsTable> => ({
      clinic_id: clinicId,
      visit_id: visitId,
      ordinal,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      service_index: f.service ?? null,
      citation: f.citation ?? null,
    }),
  );
}

/**
 * Service row to the rules' Service, absent fields left out (the engine reads absence).
 * @param row - a visit_services row
 */
export function toService(row: Insertable<VisitServicesTable>): Service {
  const s: Service = { code: row.code };
  if (row.minutes !== null && row.minutes !== undefined) s.minutes = row.minutes;
  if (row.assistant_minutes !== null && row.assistant_minutes !== undefined) s.assistantMinutes = row.assistant_minutes;
  if (row.units !== null && row.units !== undefined) s.units = row.units;
  if (row.modifiers !== null && row.modifiers !== undefined) s.modifiers = fromJson<string[]>(row.modifiers, []);
  if (row.group_size !== null && row.group_size !== undefined) s.groupSize = row.group_size;
  if (row.description !== null && row.description !== undefined) s.description = row.description;
  if (row.assistance !== null && row.assistance !== undefined) s.assistance = row.assistance;
  if (row.goal_ids !== null && row.goal_ids !== undefined) s.goalIds = fromJson<string[]>(row.goal_ids, []);
  return s;
}

/**
 * Non-billable row to the rules' NonBillable.
 * @param row - a non_billable row
 */
export function toNonBillable(row: Insertable<NonBillableTable>): NonBillable {
  const n: NonBillable = { kind: row.kind as NonBillableKind, minutes: row.minutes };
  if (row.note !== null && row.note !== undefined) n.note = row.note;
  return n;
}

/**
 * Finding row to the rules' Finding.
 * @param row - a findings row
 */
export function toFinding(row: Insertable<FindingsTable>): Finding {
  const f: Finding = { rule: row.rule as RuleId, severity: row.severity as Severity, message: row.message };
  if (row.service_index !== null && row.service_index !== undefined) f.service = row.service_index;
  if (row.citation !== null && row.citation !== undefined) f.citation = row.citation;
  return f;
}

/**
 * Segment row to domain object.
 * @param row - a time_segments row
 */
export function toSegment(row: Selectable<TimeSegmentsTable>): TimeSegment {
  return {
    id: row.id,
    serviceOrdinal: row.service_ordinal,
    activityKey: row.activity_key,
    kind: row.kind as SegmentKind,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

/**
 * Override row to domain object.
 * @param row - an overrides row
 */
export function toOverride(row: Selectable<OverridesTable>): Override {
  return {
    id: row.id,
    visitId: row.visit_id,
    rule: row.rule,
    service: row.service_index,
    reason: row.reason,
    userId: row.user_id,
    at: row.at,
  };
}

/**
 * Addendum row to domain object.
 * @param row - an addenda row
 */
export function toAddendum(row: Selectable<AddendaTable>): Addendum {
  return {
    id: row.id,
    visitId: row.visit_id,
    authorId: row.author_id,
    text: row.text,
    createdAt: row.created_at,
    hash: row.hash,
  };
}

/**
 * Visit row plus its services and non-billable time to the stored visit.
 * @param row - a visits row
 * @param services - its services, in order
 * @param nonBillable - its non-billable time, in order
 */
export function toStoredVisit(
  row: Selectable<VisitsTable>,
  services: Service[],
  nonBillable: NonBillable[],
): StoredVisit {
  const v: StoredVisit = {
    id: row.id,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    providerId: row.provider_id,
    date: row.date,
    discipline: row.discipline as Discipline,
    noteType: row.note_type as NoteType,
    provider: { credential: row.provider_credential as Credential },
    services,
    nonBillable,
    status: row.status as VisitStatus,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
    signedBy: row.signed_by,
    contentHash: row.content_hash,
    attestation: toAttestation(row),
  };
  if (row.provider_id !== null) v.provider.id = row.provider_id;
  if (row.time_in !== null) v.timeIn = row.time_in;
  if (row.time_out !== null) v.timeOut = row.time_out;
  if (row.total_timed_minutes !== null) v.totalTimedMinutes = row.total_timed_minutes;
  if (row.total_treatment_minutes !== null) v.totalTreatmentMinutes = row.total_treatment_minutes;
  if (row.response !== null) v.response = row.response;
  if (row.goal_status !== null && row.goal_status !== undefined) {
    v.goalStatus = fromJson<VisitGoalStatus>(row.goal_status, {});
  }
  return v;
}

/** The signature's attestation from its columns (migration 0013), or null when the note has none. */
function toAttestation(row: Selectable<VisitsTable>): SignatureAttestation | null {
  if (row.signer_name === null || row.signer_name === undefined || row.attestation === null) return null;
  return {
    signerName: row.signer_name,
    credential: row.signer_credential,
    statement: row.attestation,
    warningsConfirmed: fromJson<ConfirmedWarning[]>(row.warnings_confirmed ?? '[]', []),
  };
}
