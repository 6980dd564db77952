import type { Finding, NonBillable, PatientHistory, Service } from '@unitwise/rules';
import type { Kysely, Selectable } from 'kysely';
import type { Database, VisitsTable } from '../db/schema.ts';
import { hashParts } from '../hash-visit.ts';
import type {
  HistoryVisit,
  NewTimeSegment,
  Provider,
  StoredVisit,
  TimeSegment,
  VisitDetail,
  VisitHead,
  VisitInput,
  VisitRepository,
  VisitStatus,
} from '../types.ts';
import { ContentMemo } from './content-memo.ts';
import { affected, fromJson, inTransaction, newId, normalizeInstant, type RepoContext } from './context.ts';
import { decodeCursor, pageLimit, toPage } from './pagination.ts';
import {
  findingRows,
  nonBillableRows,
  segmentRows,
  serviceRows,
  toAddendum,
  toFinding,
  toNonBillable,
  toOverride,
  toSegment,
  toService,
  toStoredVisit,
  visitContentColumns,
} from './visit-rows.ts';
import { readListExtras } from './visit-summaries.ts';

type Db = Kysely<Database>;
/** The two columns every visit write checks first. */
type VisitState = { status: string; version: number };

/** Status and version of a visit of this clinic, or undefined. */
function stateOf(db: Db, clinicId: string, visitId: string): Promise<VisitState | undefined> {
  return db
    .selectFrom('visits')
    .select(['status', 'version'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', visitId)
    .executeTakeFirst();
}

/** True when the id names a row of this clinic in `table`. */
async function exists(db: Db, table: 'patients' | 'providers', clinicId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts the child rows of a visit's content, one batched statement per table. */
async function insertContent(
  db: Db,
  clinicId: string,
  visitId: string,
  input: VisitInput,
  keepServices = false,
): Promise<{ segments: ReturnType<typeof segmentRows> }> {
  if (!keepServices) {
    const services = serviceRows(clinicId, visitId, input.services);
    if (services.length > 0) await db.insertInto('visit_services').values(services).execute();
    const nonBillable = nonBillableRows(clinicId, visitId, input.nonBillable ?? []);
    if (nonBillable.length > 0) await db.insertInto('non_billable').values(nonBillable).execute();
  }
  const segments = segmentRows(clinicId, visitId, input.segments ?? []);
  if (segments.length > 0) await db.insertInto('time_segments').values(segments).execute();
  const findings = findingRows(clinicId, visitId, input.findings ?? []);
  if (findings.length > 0) await db.insertInto('findings').values(findings).execute();
  return { segments };
}

/** Services and non-billable time of several visits of one clinic, by visit id. */
async function contentOf(db: Db, clinicId: string, visitIds: string[]) {
  const services = new Map<string, Service[]>();
  const nonBillable = new Map<string, NonBillable[]>();
  if (visitIds.length === 0) return { services, nonBillable };
  // Sequential on purpose: one pg client must not run two queries at once (deprecated in pg 8, gone in 9).
  const sRows = await db
    .selectFrom('visit_services')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('visit_id', 'in', visitIds)
    .orderBy('visit_id')
    .orderBy('ordinal')
    .execute();
  const nRows = await db
    .selectFrom('non_billable')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('visit_id', 'in', visitIds)
    .orderBy('visit_id')
    .orderBy('ordinal')
    .execute();
  for (const r of sRows) {
    const list = services.get(r.visit_id) ?? [];
    list.push(toService(r));
    services.set(r.visit_id, list);
  }
  for (const r of nRows) {
    const list = nonBillable.get(r.visit_id) ?? [];
    list.push(toNonBillable(r));
    nonBillable.set(r.visit_id, list);
  }
  return { services, nonBillable };
}

/** A visit with everything attached, read in one round of queries. */
async function readDetail(db: Db, clinicId: string, visitId: string): Promise<VisitDetail | undefined> {
  const row = await db
    .selectFrom('visits')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', visitId)
    .executeTakeFirst();
  if (!row) return undefined;
  const content = await contentOf(db, clinicId, [visitId]);
  return {
    ...toStoredVisit(row, content.services.get(visitId) ?? [], content.nonBillable.get(visitId) ?? []),
    ...(await attachments(db, clinicId, visitId, {})),
  };
}

/** Patient, provider, status and version of one visit, with its provider's login and credential, and the patient's history. */
async function readHead(db: Db, clinicId: string, visitId: string): Promise<VisitHead | undefined> {
  const row = await db
    .selectFrom('visits as v')
    .innerJoin('patients as pa', (j) => j.onRef('pa.clinic_id', '=', 'v.clinic_id').onRef('pa.id', '=', 'v.patient_id'))
    .leftJoin('providers as pr', (j) =>
      j.onRef('pr.clinic_id', '=', 'v.clinic_id').onRef('pr.id', '=', 'v.provider_id'),
    )
    .select([
      'v.id',
      'v.patient_id',
      'v.provider_id',
      'v.date',
      'v.status',
      'v.version',
      'pr.user_id',
      'pr.credential',
      'pa.history',
    ])
    .where('v.clinic_id', '=', clinicId)
    .where('v.id', '=', visitId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      patientId: row.patient_id,
      providerId: row.provider_id,
      date: row.date,
      status: row.status as VisitStatus,
      version: row.version,
      provider:
        row.credential === null ? null : { userId: row.user_id, credential: row.credential as Provider['credential'] },
      patientHistory: fromJson<PatientHistory | null>(row.history, null),
    }
  );
}

/** A patient's latest visits up to a date with their services: one statement, a join on the limited visits. */
async function readHistory(
  db: Db,
  clinicId: string,
  patientId: string,
  to: string,
  limit: number,
): Promise<HistoryVisit[]> {
  const latest = db
    .selectFrom('visits')
    .select([
      'clinic_id',
      'id',
      'patient_id',
      'date',
      'discipline',
      'note_type',
      'provider_id',
      'provider_credential',
      'time_in',
      'time_out',
      'total_timed_minutes',
      'total_treatment_minutes',
      'version',
    ])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('date', '<=', to)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .as('v');
  const rows = await db
    .selectFrom(latest)
    .leftJoin('visit_services as s', (j) => j.onRef('s.clinic_id', '=', 'v.clinic_id').onRef('s.visit_id', '=', 'v.id'))
    .select([
      'v.id',
      'v.patient_id',
      'v.date',
      'v.discipline',
      'v.note_type',
      'v.provider_id',
      'v.provider_credential',
      'v.time_in',
      'v.time_out',
      'v.total_timed_minutes',
      'v.total_treatment_minutes',
      'v.version',
      's.ordinal',
      's.code',
      's.minutes',
      's.assistant_minutes',
      's.units',
      's.modifiers',
      's.group_size',
      's.description',
      's.assistance',
      's.goal_ids',
    ])
    .orderBy('v.date', 'desc')
    .orderBy('v.id', 'desc')
    .orderBy('s.ordinal')
    .execute();
  const out: HistoryVisit[] = [];
  let last: HistoryVisit | undefined;
  for (const r of rows) {
    if (last?.id !== r.id) {
      last = {
        id: r.id,
        patientId: r.patient_id,
        date: r.date,
        discipline: r.discipline as HistoryVisit['discipline'],
        noteType: r.note_type as HistoryVisit['noteType'],
        provider: { credential: r.provider_credential as HistoryVisit['provider']['credential'] },
        services: [],
        nonBillable: [],
        version: r.version,
      };
      if (r.provider_id !== null) last.provider.id = r.provider_id;
      if (r.time_in !== null) last.timeIn = r.time_in;
      if (r.time_out !== null) last.timeOut = r.time_out;
      if (r.total_timed_minutes !== null) last.totalTimedMinutes = r.total_timed_minutes;
      if (r.total_treatment_minutes !== null) last.totalTreatmentMinutes = r.total_treatment_minutes;
      out.push(last);
    }
    if (r.code !== null && r.ordinal !== null) {
      last.services.push(
        toService({
          clinic_id: clinicId,
          visit_id: r.id,
          ordinal: r.ordinal,
          code: r.code,
          minutes: r.minutes,
          assistant_minutes: r.assistant_minutes,
          units: r.units,
          modifiers: r.modifiers,
          group_size: r.group_size,
          description: r.description,
          assistance: r.assistance,
          goal_ids: r.goal_ids,
        }),
      );
    }
  }
  return out;
}

/** Segments, findings, overrides and addenda of one visit; those already known are passed in and not read. */
async function attachments(
  db: Db,
  clinicId: string,
  visitId: string,
  known: {
    segments?: TimeSegment[] | undefined;
    findings?: Finding[] | undefined;
    /** True for a draft: addenda are only ever added to signed notes, so a draft has none to read. */
    draft?: boolean;
  },
): Promise<Pick<VisitDetail, 'segments' | 'findings' | 'overrides' | 'addenda'>> {
  const segments =
    known.segments ??
    (
      await db
        .selectFrom('time_segments')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('visit_id', '=', visitId)
        .orderBy('started_at')
        .orderBy('id')
        .execute()
    ).map(toSegment);
  const findings =
    known.findings ??
    (
      await db
        .selectFrom('findings')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('visit_id', '=', visitId)
        .orderBy('ordinal')
        .execute()
    ).map(toFinding);
  const overrides = await db
    .selectFrom('overrides')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('visit_id', '=', visitId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  if (known.draft) return { segments, findings, overrides: overrides.map(toOverride), addenda: [] };
  const addenda = await db
    .selectFrom('addenda')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('visit_id', '=', visitId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { segments, findings, overrides: overrides.map(toOverride), addenda: addenda.map(toAddendum) };
}

/** Segments in the order reads return them: by start, then id. */
function sortSegments(segments: TimeSegment[]): TimeSegment[] {
  return segments.sort((a, b) =>
    a.startedAt === b.startedAt ? (a.id < b.id ? -1 : 1) : a.startedAt < b.startedAt ? -1 : 1,
  );
}

/** The failure for a visit that is missing or signed, or undefined when it is a draft. */
function draftCheck(state: VisitState | undefined): 'not-found' | 'signed' | undefined {
  if (!state) return 'not-found';
  return state.status === 'signed' ? 'signed' : undefined;
}

/**
 * Visits (daily notes) with services, timer segments, non-billable time, findings, overrides and addenda.
 * A signed visit never changes: every write checks here first, and triggers refuse it in the database too.
 * @param ctx - database and clock
 */
export function visitRepository(ctx: RepoContext): VisitRepository {
  const { db } = ctx;
  // Only for writes this repository commits itself: inside a caller's transaction a rollback could undo them.
  const memo = db.isTransaction ? undefined : new ContentMemo();
  return {
    async create(clinicId, input, opts) {
      const result = await inTransaction(db, async (trx) => {
        if (!(await exists(trx, 'patients', clinicId, input.patientId))) {
          return { ok: false, reason: 'patient-not-found' } as const;
        }
        if (input.provider.id && !(await exists(trx, 'providers', clinicId, input.provider.id))) {
          return { ok: false, reason: 'provider-not-found' } as const;
        }
        const now = ctx.now();
        const row: Selectable<VisitsTable> = {
          clinic_id: clinicId,
          id: input.id ?? newId(),
          patient_id: input.patientId,
          ...visitContentColumns(input),
          status: 'draft',
          version: 1,
          created_by: opts?.createdBy ?? null,
          created_at: now,
          updated_at: now,
          signed_at: null,
          signed_by: null,
          content_hash: null,
          signer_name: null,
          signer_credential: null,
          attestation: null,
          warnings_confirmed: null,
        };
        await trx.insertInto('visits').values(row).execute();
        const { segments } = await insertContent(trx, clinicId, row.id, input);
        // Built from what was written rather than read back: the save path stays a handful of statements.
        const detail: VisitDetail = {
          ...toStoredVisit(
            row,
            serviceRows(clinicId, row.id, input.services).map(toService),
            nonBillableRows(clinicId, row.id, input.nonBillable ?? []).map(toNonBillable),
          ),
          segments: sortSegments(segments.map(toSegment)),
          findings: findingRows(clinicId, row.id, input.findings ?? []).map(toFinding),
          overrides: [],
          addenda: [],
        };
        return { ok: true, value: detail } as const;
      });
      if (result.ok) memo?.set(`${clinicId}\u0000${result.value.id}`, result.value.version, ContentMemo.digest(input));
      return result;
    },

    get: (clinicId, visitId) => readDetail(db, clinicId, visitId),

    head: (clinicId, visitId) => readHead(db, clinicId, visitId),

    history: (clinicId, patientId, to, limit) => readHistory(db, clinicId, patientId, to, limit),

    historyVersions: (clinicId, patientId, to, limit) =>
      db
        .selectFrom('visits')
        .select(['id', 'date', 'version'])
        .where('clinic_id', '=', clinicId)
        .where('patient_id', '=', patientId)
        .where('date', '<=', to)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),

    listExtras: (clinicId, visitIds) => readListExtras(db, clinicId, visitIds),

    async list(clinicId, query) {
      const limit = pageLimit(query);
      const after = decodeCursor(query?.cursor, 2);
      let q = db.selectFrom('visits').selectAll().where('clinic_id', '=', clinicId);
      if (query?.patientId) q = q.where('patient_id', '=', query.patientId);
      if (query?.providerId) q = q.where('provider_id', '=', query.providerId);
      if (query?.from) q = q.where('date', '>=', query.from);
      if (query?.to) q = q.where('date', '<=', query.to);
      if (query?.status) q = q.where('status', '=', query.status);
      if (after) q = q.where((eb) => eb(eb.refTuple('date', 'id'), '<', eb.tuple(String(after[0]), String(after[1]))));
      const rows = await q
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const content = await contentOf(
        db,
        clinicId,
        rows.slice(0, limit).map((r) => r.id),
      );
      return toPage(
        rows,
        limit,
        (r) => [r.date, r.id],
        (r): StoredVisit => toStoredVisit(r, content.services.get(r.id) ?? [], content.nonBillable.get(r.id) ?? []),
      );
    },

    async update(clinicId, visitId, expectedVersion, input, before) {
      const key = `${clinicId}\u0000${visitId}`;
      const digest = memo ? ContentMemo.digest(input) : '';
      // Services and non-billable time equal to what this store wrote at the expected version stay as they are.
      const keepServices = memo?.holds(key, expectedVersion, digest) ?? false;
      const result = await inTransaction(db, async (trx) => {
        const providerId = input.provider.id;
        const { date, provider_id, ...columns } = visitContentColumns(input);
        // Indexed columns are set only when they change: rewriting an equal value still rewrites its index entries.
        const set = {
          ...columns,
          ...(before?.date === date ? {} : { date }),
          ...(before && before.providerId === provider_id ? {} : { provider_id }),
          version: expectedVersion + 1,
          updated_at: ctx.now(),
        };
        // The version, status and provider checks in WHERE make them and the write one step under concurrent writers
        // (and one statement on every save); the first write, so a refusal leaves nothing behind.
        let update = trx
          .updateTable('visits')
          .set(set)
          .where('clinic_id', '=', clinicId)
          .where('id', '=', visitId)
          .where('version', '=', expectedVersion)
          .where('status', '=', 'draft');
        if (providerId)
          update = update.where((eb) =>
            eb.exists(
              eb
                .selectFrom('providers')
                .select('providers.id')
                .where('providers.clinic_id', '=', clinicId)
                .where('providers.id', '=', providerId),
            ),
          );
        const row = await update.returningAll().executeTakeFirst();
        if (!row) {
          // Nothing written: say why (missing, signed, an unknown provider, or another version).
          const bad = draftCheck(await stateOf(trx, clinicId, visitId));
          if (bad) return { ok: false, reason: bad } as const;
          if (providerId && !(await exists(trx, 'providers', clinicId, providerId)))
            return { ok: false, reason: 'provider-not-found' } as const;
          return { ok: false, reason: 'conflict' } as const;
        }
        const replaced: ('visit_services' | 'non_billable' | 'time_segments' | 'findings')[] = keepServices
          ? []
          : ['visit_services', 'non_billable'];
        if (input.segments) replaced.push('time_segments');
        if (input.findings) replaced.push('findings');
        for (const table of replaced) {
          await trx.deleteFrom(table).where('clinic_id', '=', clinicId).where('visit_id', '=', visitId).execute();
        }
        const written = await insertContent(trx, clinicId, visitId, input, keepServices);
        const detail = await attachments(trx, clinicId, visitId, {
          segments: input.segments ? sortSegments(written.segments.map(toSegment)) : undefined,
          findings: input.findings ? findingRows(clinicId, visitId, input.findings).map(toFinding) : undefined,
          draft: true,
        });
        const value: VisitDetail = {
          ...toStoredVisit(
            row,
            serviceRows(clinicId, visitId, input.services).map(toService),
            nonBillableRows(clinicId, visitId, input.nonBillable ?? []).map(toNonBillable),
          ),
          ...detail,
        };
        return { ok: true, value } as const;
      });
      if (result.ok) memo?.set(key, result.value.version, digest);
      else memo?.forget(key);
      return result;
    },

    async replaceFindings(clinicId, visitId, findings) {
      return inTransaction(db, async (trx) => {
        const bad = draftCheck(await stateOf(trx, clinicId, visitId));
        if (bad) return { ok: false, reason: bad } as const;
        await trx.deleteFrom('findings').where('clinic_id', '=', clinicId).where('visit_id', '=', visitId).execute();
        const rows = findingRows(clinicId, visitId, findings);
        if (rows.length > 0) await trx.insertInto('findings').values(rows).execute();
        return { ok: true, value: true } as const;
      });
    },

    async addSegment(clinicId, visitId, segment: NewTimeSegment) {
      return inTransaction(db, async (trx) => {
        const bad = draftCheck(await stateOf(trx, clinicId, visitId));
        if (bad) return { ok: false, reason: bad } as const;
        const [row] = segmentRows(clinicId, visitId, [segment]);
        if (!row) return { ok: false, reason: 'not-found' } as const;
        await trx.insertInto('time_segments').values(row).execute();
        return { ok: true, value: toSegment(row) } as const;
      });
    },

    async endSegment(clinicId, visitId, segmentId, endedAt) {
      return inTransaction(db, async (trx) => {
        const bad = draftCheck(await stateOf(trx, clinicId, visitId));
        if (bad) return { ok: false, reason: bad } as const;
        const row = await trx
          .updateTable('time_segments')
          .set({ ended_at: normalizeInstant(endedAt) })
          .where('clinic_id', '=', clinicId)
          .where('visit_id', '=', visitId)
          .where('id', '=', segmentId)
          .returningAll()
          .executeTakeFirst();
        return row ? ({ ok: true, value: toSegment(row) } as const) : ({ ok: false, reason: 'not-found' } as const);
      });
    },

    async sign(clinicId, visitId, input) {
      return inTransaction(db, async (trx) => {
        const state = await stateOf(trx, clinicId, visitId);
        const bad = draftCheck(state);
        if (bad) return { ok: false, reason: bad } as const;
        if (state?.version !== input.expectedVersion) return { ok: false, reason: 'conflict' } as const;
        const now = ctx.now();
        const r = await trx
          .updateTable('visits')
          .set({
            status: 'signed',
            version: input.expectedVersion + 1,
            updated_at: now,
            signed_at: now,
            signed_by: input.userId,
            content_hash: input.contentHash,
            ...(input.attestation
              ? {
                  signer_name: input.attestation.signerName,
                  signer_credential: input.attestation.credential,
                  attestation: input.attestation.statement,
                  warnings_confirmed: JSON.stringify(input.attestation.warningsConfirmed),
                }
              : {}),
          })
          .where('clinic_id', '=', clinicId)
          .where('id', '=', visitId)
          .where('version', '=', input.expectedVersion)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        if (affected(r) === 0) return { ok: false, reason: 'conflict' } as const;
        const detail = await readDetail(trx, clinicId, visitId);
        return detail ? ({ ok: true, value: detail } as const) : ({ ok: false, reason: 'not-found' } as const);
      });
    },

    async addAddendum(clinicId, visitId, input) {
      return inTransaction(db, async (trx) => {
        const state = await stateOf(trx, clinicId, visitId);
        if (!state) return { ok: false, reason: 'not-found' } as const;
        if (state.status !== 'signed') return { ok: false, reason: 'not-signed' } as const;
        const createdAt = ctx.now();
        const row = {
          clinic_id: clinicId,
          id: newId(),
          visit_id: visitId,
          author_id: input.authorId,
          text: input.text,
          created_at: createdAt,
          hash: hashParts(visitId, input.authorId, createdAt, input.text),
        };
        await trx.insertInto('addenda').values(row).execute();
        return { ok: true, value: toAddendum(row) } as const;
      });
    },

    async addOverride(clinicId, visitId, input) {
      return inTransaction(db, async (trx) => {
        const bad = draftCheck(await stateOf(trx, clinicId, visitId));
        if (bad) return { ok: false, reason: bad } as const;
        const row = {
          clinic_id: clinicId,
          id: newId(),
          visit_id: visitId,
          rule: input.rule,
          service_index: input.service ?? null,
          reason: input.reason,
          user_id: input.userId,
          at: ctx.now(),
        };
        await trx.insertInto('overrides').values(row).execute();
        return { ok: true, value: toOverride(row) } as const;
      });
    },

    async deleteDraft(clinicId, visitId) {
      memo?.forget(`${clinicId}\u0000${visitId}`);
      return inTransaction(db, async (trx) => {
        const bad = draftCheck(await stateOf(trx, clinicId, visitId));
        if (bad) return { ok: false, reason: bad } as const;
        await trx
          .deleteFrom('visits')
          .where('clinic_id', '=', clinicId)
          .where('id', '=', visitId)
          .where('status', '=', 'draft')
          .execute();
        return { ok: true, value: true } as const;
      });
    },
  };
}
