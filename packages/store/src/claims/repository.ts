import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { isUniqueViolation } from '../db/sql-errors.ts';
import { StoreError } from '../errors.ts';
import { guarded } from '../repos/guarded.ts';
import { afterNewestFirst, decodeCursor, pageLimit, toPage } from '../repos/pagination.ts';
import type { Repositories } from '../types.ts';
import type { ClaimLinesTable, ClaimsTable, ClaimTables, RemittancesTable } from './tables.ts';
import type {
  ClaimDetail,
  ClaimEventRecord,
  ClaimExport,
  ClaimProblem,
  ClaimSettings,
  ClaimsRepository,
  NewClaimLine,
  PaymentRecord,
  PostedAdjustment,
  PostedClaim,
  StoredClaim,
  StoredClaimStatus,
  StoredRemittance,
  VisitClaimRef,
  VisitHold,
} from './types.ts';

type Db = Kysely<ClaimTables>;

/** Statuses whose claims no longer bill their visits (a replacement or a void took over). */
const RETIRED: readonly StoredClaimStatus[] = ['corrected', 'voided'];

// Rows per INSERT: keeps each statement well under SQLite's bound-parameter limit.
const CHUNK = 200;

function toClaim(row: Selectable<ClaimsTable>): StoredClaim {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    claimNumber: row.claim_number,
    patientId: row.patient_id,
    payerId: row.payer_id,
    payerPolicyId: row.payer_policy_id,
    renderingNpi: row.rendering_npi,
    status: row.status as StoredClaimStatus,
    frequency: row.frequency as StoredClaim['frequency'],
    firstDate: row.first_date,
    lastDate: row.last_date,
    chargeCents: Number(row.charge_cents),
    paidCents: Number(row.paid_cents),
    patientCents: Number(row.patient_cents),
    claim: JSON.parse(row.claim) as unknown,
    scrubErrors: JSON.parse(row.scrub_errors) as ClaimProblem[],
    scrubWarnings: JSON.parse(row.scrub_warnings) as ClaimProblem[],
    payerClaimNumber: row.payer_claim_number,
    replacesClaimId: row.replaces_claim_id,
    exportId: row.export_id,
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toLine(row: Selectable<ClaimLinesTable>) {
  return {
    ordinal: Number(row.ordinal),
    controlNumber: row.control_number,
    code: row.code,
    modifiers: JSON.parse(row.modifiers) as string[],
    dateOfService: row.date_of_service,
    units: Number(row.units),
    chargeCents: Number(row.charge_cents),
    expectedCents: row.expected_cents === null ? null : Number(row.expected_cents),
    paidCents: Number(row.paid_cents),
    contractualCents: Number(row.contractual_cents),
    patientCents: Number(row.patient_cents),
    otherCents: Number(row.other_cents),
  };
}

function toRemittance(row: Selectable<RemittancesTable>): StoredRemittance {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    fileKey: row.file_key,
    fileHash: row.file_hash,
    fileName: row.file_name,
    traceNumbers: JSON.parse(row.trace_numbers) as string[],
    payerId: row.payer_id,
    payerName: row.payer_name,
    paymentDate: row.payment_date,
    paymentCents: Number(row.payment_cents),
    paidCents: Number(row.paid_cents),
    contractualCents: Number(row.contractual_cents),
    patientCents: Number(row.patient_cents),
    otherCents: Number(row.other_cents),
    balance: 'balanced',
    claimCount: Number(row.claim_count),
    unknownClaims: JSON.parse(row.unknown_claims) as string[],
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    postedBy: row.posted_by,
    postedAt: row.posted_at,
  };
}

function exportOf(row: Omit<Selectable<ClaimTables['claim_exports']>, 'text'>): ClaimExport {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    interchangeControl: Number(row.interchange_control),
    groupControl: Number(row.group_control),
    claimCount: Number(row.claim_count),
    chargeCents: Number(row.charge_cents),
    fileName: row.file_name,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function dateRange(lines: readonly NewClaimLine[]): { first: string; last: string } {
  let first = '';
  let last = '';
  for (const l of lines) {
    if (first === '' || l.dateOfService < first) first = l.dateOfService;
    if (l.dateOfService > last) last = l.dateOfService;
  }
  return { first, last };
}

type Row<T extends keyof ClaimTables> = Selectable<ClaimTables[T]>;

/**
 * Stored 835 claim postings with their lines and adjustments (claim-level and line-level), matched by remittance and
 * ordinals; the rows may come from several remittances.
 * @param claims - remittance_claims rows
 * @param lines - remittance_lines rows of those claims
 * @param adjs - adjustments rows of those claims
 */
function assemblePostings(
  claims: readonly Row<'remittance_claims'>[],
  lines: readonly Row<'remittance_lines'>[],
  adjs: readonly Row<'adjustments'>[],
): (Omit<PostedClaim, 'providerNpi'> & { ordinal: number; remittanceId: string })[] {
  const adjOf = (remittanceId: string, claimOrdinal: number, lineOrdinal: number | null): PostedAdjustment[] =>
    adjs
      .filter(
        (a) =>
          a.remittance_id === remittanceId &&
          Number(a.claim_ordinal) === claimOrdinal &&
          (a.line_ordinal === null ? lineOrdinal === null : Number(a.line_ordinal) === lineOrdinal),
      )
      .map((a) => ({
        group: a.group_code,
        reason: a.reason,
        amountCents: Number(a.amount_cents),
        quantity: a.quantity === null ? null : Number(a.quantity),
        kind: a.kind as PostedAdjustment['kind'],
      }));
  return claims.map((c) => ({
    ordinal: Number(c.ordinal),
    remittanceId: c.remittance_id,
    claimId: c.claim_id,
    claimNumber: c.claim_number,
    payerStatus: c.payer_status,
    payerClaimNumber: c.payer_claim_number,
    event: c.event,
    newStatus: c.new_status as StoredClaimStatus | null,
    statusError: c.status_error,
    paidCents: Number(c.paid_cents),
    patientCents: Number(c.patient_cents),
    claimKey: c.claim_key,
    paymentKey: c.payment_key,
    unmatchedReason: c.unmatched_reason,
    unmatchedMessage: c.unmatched_message,
    adjustments: adjOf(c.remittance_id, Number(c.ordinal), null),
    lines: lines
      .filter((l) => l.remittance_id === c.remittance_id && Number(l.claim_ordinal) === Number(c.ordinal))
      .map((l) => ({
        controlNumber: l.control_number,
        matchedBy: l.matched_by,
        code: l.code,
        dateOfService: l.date_of_service,
        units: Number(l.units),
        chargeCents: Number(l.charge_cents),
        paidCents: Number(l.paid_cents),
        contractualCents: Number(l.contractual_cents),
        patientCents: Number(l.patient_cents),
        otherCents: Number(l.other_cents),
        expectedCents: l.expected_cents === null ? null : Number(l.expected_cents),
        varianceCents: l.variance_cents === null ? null : Number(l.variance_cents),
        reversal: l.kind === 'reversal',
        remarks: JSON.parse(l.remarks) as string[],
        adjustments: adjOf(c.remittance_id, Number(c.ordinal), Number(l.ordinal)),
      })),
  }));
}

function toHold(row: Row<'visit_holds'>): VisitHold {
  return {
    id: row.id,
    visitId: row.visit_id,
    reason: row.reason,
    heldBy: row.held_by,
    heldAt: row.held_at,
    releasedBy: row.released_by,
    releaseReason: row.release_reason,
    releasedAt: row.released_at,
  };
}

async function inTx<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

async function insertChunks<T extends keyof ClaimTables>(
  db: Db,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Callers build rows with the table's columns; Kysely's insert typing cannot follow a generic table name.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/**
 * The clinic-scoped claims and remittances repository over the store's database (or an open transaction): every
 * query filters by clinic_id, so another clinic's id reads as missing.
 * @param repos - the store or the repositories of `store.transaction`
 * @param now - the clock as an ISO instant (tests pass a fixed one)
 */
export function claimsRepository(
  repos: Pick<Repositories, 'db' | 'engine'>,
  now: () => string = () => new Date().toISOString(),
): ClaimsRepository {
  const db: Db = repos.db.withTables<ClaimTables>() as unknown as Db;

  async function detail(trx: Db, clinicId: string, row: Selectable<ClaimsTable>): Promise<ClaimDetail> {
    const [lines, visits, events] = await Promise.all([
      trx
        .selectFrom('claim_lines')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('claim_id', '=', row.id)
        .orderBy('ordinal')
        .execute(),
      trx
        .selectFrom('claim_visits')
        .select('visit_id')
        .where('clinic_id', '=', clinicId)
        .where('claim_id', '=', row.id)
        .orderBy('visit_id')
        .execute(),
      trx
        .selectFrom('claim_events')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('claim_id', '=', row.id)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    ]);
    return {
      ...toClaim(row),
      lines: lines.map(toLine),
      visitIds: visits.map((v) => v.visit_id),
      events: events.map(
        (e): ClaimEventRecord => ({
          id: e.id,
          at: e.at,
          event: e.event,
          fromStatus: e.from_status as StoredClaimStatus | null,
          toStatus: e.to_status as StoredClaimStatus,
          userId: e.user_id,
          detail: e.detail === null ? null : (JSON.parse(e.detail) as Record<string, unknown>),
        }),
      ),
    };
  }

  async function readClaim(trx: Db, clinicId: string, claimId: string): Promise<ClaimDetail | undefined> {
    const row = await trx
      .selectFrom('claims')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('id', '=', claimId)
      .executeTakeFirst();
    return row ? detail(trx, clinicId, row) : undefined;
  }

  async function addEvent(
    trx: Db,
    clinicId: string,
    claimId: string,
    e: {
      event: string;
      from: StoredClaimStatus | null;
      to: StoredClaimStatus;
      userId?: string | null;
      detail?: unknown;
    },
  ): Promise<void> {
    await trx
      .insertInto('claim_events')
      .values({
        clinic_id: clinicId,
        id: eventId(),
        claim_id: claimId,
        at: now(),
        event: e.event,
        from_status: e.from,
        to_status: e.to,
        user_id: e.userId ?? null,
        detail: e.detail === undefined ? null : JSON.stringify(e.detail),
      })
      .execute();
  }

  async function writeLines(trx: Db, clinicId: string, claimId: string, lines: readonly NewClaimLine[]) {
    await insertChunks(
      trx,
      'claim_lines',
      lines.map((l, i) => ({
        clinic_id: clinicId,
        claim_id: claimId,
        ordinal: i + 1,
        control_number: l.controlNumber,
        code: l.code,
        modifiers: JSON.stringify(l.modifiers),
        date_of_service: l.dateOfService,
        units: l.units,
        charge_cents: l.chargeCents,
        expected_cents: l.expectedCents,
        paid_cents: 0,
        contractual_cents: 0,
        patient_cents: 0,
        other_cents: 0,
      })),
    );
  }

  async function ensureSettings(trx: Db, clinicId: string): Promise<Selectable<ClaimTables['claim_settings']>> {
    const row = await trx.selectFrom('claim_settings').selectAll().where('clinic_id', '=', clinicId).executeTakeFirst();
    if (row) return row;
    const fresh = { clinic_id: clinicId, settings: '{}', next_claim_seq: 1, next_control: 1, updated_at: now() };
    await trx
      .insertInto('claim_settings')
      .values(fresh)
      .onConflict((oc) => oc.column('clinic_id').doNothing())
      .execute();
    return (
      (await trx.selectFrom('claim_settings').selectAll().where('clinic_id', '=', clinicId).executeTakeFirst()) ?? fresh
    );
  }

  function toSettings(row: Selectable<ClaimTables['claim_settings']>): ClaimSettings {
    return {
      clinicId: row.clinic_id,
      settings: JSON.parse(row.settings) as unknown,
      nextClaimSeq: Number(row.next_claim_seq),
      nextControl: Number(row.next_control),
      updatedAt: row.updated_at,
    };
  }

  /** Adds `n` to a counter in one statement (so two builders never get the same number); returns the old value. */
  async function bump(clinicId: string, column: 'next_claim_seq' | 'next_control', n: number): Promise<number> {
    return inTx(db, async (trx) => {
      await ensureSettings(trx, clinicId);
      const row = await trx
        .updateTable('claim_settings')
        .set((eb) => ({ [column]: eb(column, '+', n) }))
        .where('clinic_id', '=', clinicId)
        .returning(column)
        .executeTakeFirstOrThrow();
      return Number(row[column]) - n;
    });
  }

  const repo: ClaimsRepository = {
    async getSettings(clinicId) {
      const row = await db
        .selectFrom('claim_settings')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .executeTakeFirst();
      return row ? toSettings(row) : undefined;
    },
    async putSettings(clinicId, settings) {
      return inTx(db, async (trx) => {
        await ensureSettings(trx, clinicId);
        await trx
          .updateTable('claim_settings')
          .set({ settings: JSON.stringify(settings ?? {}), updated_at: now() })
          .where('clinic_id', '=', clinicId)
          .execute();
        return toSettings(await ensureSettings(trx, clinicId));
      });
    },
    reserveClaimNumbers: (clinicId, count) => bump(clinicId, 'next_claim_seq', Math.max(1, count)),
    reserveControlNumber: (clinicId) => bump(clinicId, 'next_control', 1),

    async create(clinicId, input) {
      return inTx(db, async (trx) => {
        const id = randomUUID();
        const at = now();
        const { first, last } = dateRange(input.lines);
        await trx
          .insertInto('claims')
          .values({
            clinic_id: clinicId,
            id,
            claim_number: input.claimNumber,
            patient_id: input.patientId,
            payer_id: input.payerId,
            payer_policy_id: input.payerPolicyId,
            rendering_npi: input.renderingNpi,
            status: input.status,
            frequency: input.frequency,
            first_date: first,
            last_date: last,
            charge_cents: input.chargeCents,
            paid_cents: 0,
            patient_cents: 0,
            claim: JSON.stringify(input.claim),
            scrub_errors: JSON.stringify(input.scrubErrors),
            scrub_warnings: JSON.stringify(input.scrubWarnings),
            payer_claim_number: input.payerClaimNumber ?? null,
            replaces_claim_id: input.replacesClaimId ?? null,
            export_id: null,
            version: 1,
            created_by: input.createdBy ?? null,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await writeLines(trx, clinicId, id, input.lines);
        await insertChunks(
          trx,
          'claim_visits',
          [...new Set(input.visitIds)].map((v) => ({ clinic_id: clinicId, visit_id: v, claim_id: id })),
        );
        await addEvent(trx, clinicId, id, {
          event: 'built',
          from: null,
          to: input.status,
          userId: input.createdBy ?? null,
          detail: { errors: input.scrubErrors.length },
        });
        return (await readClaim(trx, clinicId, id)) as ClaimDetail;
      });
    },

    get: (clinicId, claimId) => readClaim(db, clinicId, claimId),

    async findByNumbers(clinicId, claimNumbers) {
      const out: ClaimDetail[] = [];
      const unique = [...new Set(claimNumbers)];
      for (let i = 0; i < unique.length; i += CHUNK) {
        const rows = await db
          .selectFrom('claims')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('claim_number', 'in', unique.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) out.push(await detail(db, clinicId, r));
      }
      return out;
    },

    async list(clinicId, query = {}) {
      const limit = pageLimit(query);
      const key = decodeCursor(query.cursor, 2);
      let q = db.selectFrom('claims').selectAll().where('clinic_id', '=', clinicId);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.payerId) q = q.where('payer_id', '=', query.payerId);
      if (query.patientId) q = q.where('patient_id', '=', query.patientId);
      if (key) q = q.where(afterNewestFirst('created_at', key));
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, (r) => [r.created_at, r.id], toClaim);
    },

    async claimedVisits(clinicId, visitIds) {
      const out = new Set<string>();
      const ids = [...new Set(visitIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await db
          .selectFrom('claim_visits as cv')
          .innerJoin('claims as c', (j) =>
            j.onRef('c.clinic_id', '=', 'cv.clinic_id').onRef('c.id', '=', 'cv.claim_id'),
          )
          .select('cv.visit_id')
          .where('cv.clinic_id', '=', clinicId)
          .where('cv.visit_id', 'in', ids.slice(i, i + CHUNK))
          .where('c.status', 'not in', RETIRED)
          .execute();
        for (const r of rows) out.add(r.visit_id);
      }
      return out;
    },

    async lockClinicBuilds(clinicId) {
      if (repos.engine !== 'postgres') return;
      // hashtext gives the int4 key pg_advisory_xact_lock takes; a collision only makes two clinics wait for each other.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`unitwise.claims.${clinicId}`}))`.execute(db);
    },

    async replace(clinicId, claimId, expectedVersion, input, userId) {
      return inTx(db, async (trx) => {
        const before = await readClaim(trx, clinicId, claimId);
        if (!before) return { ok: false as const, reason: 'not-found' as const };
        if (before.status !== 'draft' && before.status !== 'ready')
          return { ok: false as const, reason: 'conflict' as const };
        const { first, last } = dateRange(input.lines);
        const r = await trx
          .updateTable('claims')
          .set({
            payer_id: input.payerId,
            payer_policy_id: input.payerPolicyId,
            rendering_npi: input.renderingNpi,
            status: input.status,
            frequency: input.frequency,
            first_date: first,
            last_date: last,
            charge_cents: input.chargeCents,
            claim: JSON.stringify(input.claim),
            scrub_errors: JSON.stringify(input.scrubErrors),
            scrub_warnings: JSON.stringify(input.scrubWarnings),
            version: expectedVersion + 1,
            updated_at: now(),
          })
          .where('clinic_id', '=', clinicId)
          .where('id', '=', claimId)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return { ok: false as const, reason: 'conflict' as const };
        await trx.deleteFrom('claim_lines').where('clinic_id', '=', clinicId).where('claim_id', '=', claimId).execute();
        await writeLines(trx, clinicId, claimId, input.lines);
        await trx
          .deleteFrom('claim_visits')
          .where('clinic_id', '=', clinicId)
          .where('claim_id', '=', claimId)
          .execute();
        await insertChunks(
          trx,
          'claim_visits',
          [...new Set(input.visitIds)].map((v) => ({ clinic_id: clinicId, visit_id: v, claim_id: claimId })),
        );
        await addEvent(trx, clinicId, claimId, {
          event: 'rebuilt',
          from: before.status,
          to: input.status,
          userId: userId ?? null,
          detail: { errors: input.scrubErrors.length },
        });
        return { ok: true as const, value: (await readClaim(trx, clinicId, claimId)) as ClaimDetail };
      });
    },

    async transition(clinicId, claimId, move) {
      return inTx(db, async (trx) => {
        const r = await trx
          .updateTable('claims')
          .set((eb) => ({ status: move.to, version: eb('version', '+', 1), updated_at: now() }))
          .where('clinic_id', '=', clinicId)
          .where('id', '=', claimId)
          .where('status', '=', move.from)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) {
          const exists = await readClaim(trx, clinicId, claimId);
          return { ok: false as const, reason: exists ? ('conflict' as const) : ('not-found' as const) };
        }
        await addEvent(trx, clinicId, claimId, {
          event: move.event,
          from: move.from,
          to: move.to,
          userId: move.userId ?? null,
          ...(move.detail ? { detail: move.detail } : {}),
        });
        return { ok: true as const, value: (await readClaim(trx, clinicId, claimId)) as ClaimDetail };
      });
    },

    async createExport(clinicId, input) {
      try {
        // Inside an outer transaction the conflict throw rolls back only if the caller lets it; standalone it is atomic.
        return await inTx(db, async (trx) => {
          const id = randomUUID();
          const at = now();
          await trx
            .insertInto('claim_exports')
            .values({
              clinic_id: clinicId,
              id,
              interchange_control: input.interchangeControl,
              group_control: input.groupControl,
              claim_count: input.claimIds.length,
              charge_cents: input.chargeCents,
              file_name: input.fileName,
              text: input.text,
              created_by: input.createdBy ?? null,
              created_at: at,
            })
            .execute();
          for (const claimId of input.claimIds) {
            const r = await trx
              .updateTable('claims')
              .set((eb) => ({ status: 'exported', export_id: id, version: eb('version', '+', 1), updated_at: at }))
              .where('clinic_id', '=', clinicId)
              .where('id', '=', claimId)
              .where('status', '=', 'ready')
              .executeTakeFirst();
            // Thrown to roll the whole file back; caught below.
            if (Number(r.numUpdatedRows) !== 1) throw new ExportConflict();
            await addEvent(trx, clinicId, claimId, {
              event: 'exported',
              from: 'ready',
              to: 'exported',
              userId: input.createdBy ?? null,
              detail: { exportId: id, interchangeControl: input.interchangeControl },
            });
          }
          return {
            ok: true as const,
            value: exportOf({
              clinic_id: clinicId,
              id,
              interchange_control: input.interchangeControl,
              group_control: input.groupControl,
              claim_count: input.claimIds.length,
              charge_cents: input.chargeCents,
              file_name: input.fileName,
              created_by: input.createdBy ?? null,
              created_at: at,
            }),
          };
        });
      } catch (err) {
        if (err instanceof ExportConflict) return { ok: false, reason: 'conflict' };
        throw err;
      }
    },

    async getExport(clinicId, exportId) {
      const row = await db
        .selectFrom('claim_exports')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('id', '=', exportId)
        .executeTakeFirst();
      return row ? { ...exportOf(row), text: row.text } : undefined;
    },

    async listExports(clinicId, page = {}) {
      const limit = pageLimit(page);
      const key = decodeCursor(page.cursor, 2);
      let q = db
        .selectFrom('claim_exports')
        .select([
          'clinic_id',
          'id',
          'interchange_control',
          'group_control',
          'claim_count',
          'charge_cents',
          'file_name',
          'created_by',
          'created_at',
        ])
        .where('clinic_id', '=', clinicId);
      if (key) q = q.where(afterNewestFirst('created_at', key));
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, (r) => [r.created_at, r.id], exportOf);
    },

    async findRemittanceByKey(clinicId, fileKey) {
      const row = await db
        .selectFrom('remittances')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('file_key', '=', fileKey)
        .executeTakeFirst();
      return row ? toRemittance(row) : undefined;
    },

    async findPayments(clinicId, traces) {
      const out: (PaymentRecord & { remittanceId: string })[] = [];
      const numbers = [...new Set(traces.map((t) => t.traceNumber))];
      const wanted = new Set(traces.map((t) => `${t.payerId}|${t.traceNumber}`));
      for (let i = 0; i < numbers.length; i += CHUNK) {
        const rows = await db
          .selectFrom('remittance_payments')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('trace_number', 'in', numbers.slice(i, i + CHUNK))
          .execute();
        for (const r of rows)
          if (wanted.has(`${r.payer_id}|${r.trace_number}`))
            out.push({
              key: r.payment_key,
              payerId: r.payer_id,
              traceNumber: r.trace_number,
              paymentCents: Number(r.payment_cents),
              paymentDate: r.payment_date,
              remittanceId: r.remittance_id,
            });
      }
      return out;
    },

    async postedClaimPayments(clinicId, by) {
      const seen = new Map<string, Awaited<ReturnType<ClaimsRepository['postedClaimPayments']>>[number]>();
      const read = async (column: 'claim_id' | 'payment_key', values: readonly string[]) => {
        const unique = [...new Set(values)];
        for (let i = 0; i < unique.length; i += CHUNK) {
          const rows = await db
            .selectFrom('remittance_claims')
            .select(['claim_id', 'claim_number', 'claim_key', 'payment_key', 'paid_cents', 'remittance_id'])
            .where('clinic_id', '=', clinicId)
            .where(column, 'in', unique.slice(i, i + CHUNK))
            .where('claim_key', 'is not', null)
            .execute();
          for (const r of rows)
            if (r.claim_id !== null && r.claim_key !== null)
              seen.set(r.claim_key, {
                claimId: r.claim_id,
                claimNumber: r.claim_number,
                claimKey: r.claim_key,
                paymentKey: r.payment_key,
                paidCents: Number(r.paid_cents),
                remittanceId: r.remittance_id,
              });
        }
      };
      if (by.claimIds && by.claimIds.length > 0) await read('claim_id', by.claimIds);
      if (by.paymentKeys && by.paymentKeys.length > 0) await read('payment_key', by.paymentKeys);
      return [...seen.values()];
    },

    async lockClinicPostings(clinicId) {
      if (repos.engine !== 'postgres') return;
      // Another key than builds: a post and a build of the same clinic need not wait for each other.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`unitwise.remittances.${clinicId}`}))`.execute(db);
    },

    async postRemittance(clinicId, input) {
      const firstOf = async () => {
        const keys = (input.payments ?? []).map((p) => p.key);
        if (keys.length === 0) return undefined;
        const row = await db
          .selectFrom('remittance_payments')
          .select('remittance_id')
          .where('clinic_id', '=', clinicId)
          .where('payment_key', 'in', keys)
          .executeTakeFirst();
        return row ? repo.findRemittanceById(clinicId, row.remittance_id) : undefined;
      };
      if (!db.isTransaction) {
        const existing = await firstOf();
        if (existing) return { created: false, remittance: existing };
      }
      try {
        const remittance = await inTx(db, (trx) => writeRemittance(trx, clinicId, input));
        return { created: true, remittance };
      } catch (err) {
        // Another request posted the same payment between our look-up and our insert: the unique index kept one.
        // Inside the caller's transaction (aborted on PostgreSQL) only the caller can roll back and look again.
        if (isUniqueViolation(err) && !db.isTransaction) {
          const first = await firstOf();
          if (first) return { created: false, remittance: first };
        }
        throw err;
      }
    },

    async findRemittanceById(clinicId, remittanceId) {
      const row = await db
        .selectFrom('remittances')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('id', '=', remittanceId)
        .executeTakeFirst();
      return row ? toRemittance(row) : undefined;
    },

    async getRemittance(clinicId, remittanceId) {
      const row = await db
        .selectFrom('remittances')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('id', '=', remittanceId)
        .executeTakeFirst();
      if (!row) return undefined;
      const [claims, lines, adjs] = await Promise.all([
        db
          .selectFrom('remittance_claims')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('remittance_id', '=', remittanceId)
          .orderBy('ordinal')
          .execute(),
        db
          .selectFrom('remittance_lines')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('remittance_id', '=', remittanceId)
          .orderBy('ordinal')
          .execute(),
        db
          .selectFrom('adjustments')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('remittance_id', '=', remittanceId)
          .orderBy('ordinal')
          .execute(),
      ]);
      return {
        ...toRemittance(row),
        claims: assemblePostings(claims, lines, adjs).map(({ remittanceId: _r, ...c }) => c),
      };
    },

    async listRemittances(clinicId, page = {}) {
      const limit = pageLimit(page);
      const key = decodeCursor(page.cursor, 2);
      let q = db.selectFrom('remittances').selectAll().where('clinic_id', '=', clinicId);
      if (key) q = q.where(afterNewestFirst('posted_at', key));
      const rows = await q
        .orderBy('posted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, (r) => [r.posted_at, r.id], toRemittance);
    },

    async claimPostings(clinicId, claimId) {
      const heads = await db
        .selectFrom('remittance_claims as rc')
        .innerJoin('remittances as r', (j) =>
          j.onRef('r.clinic_id', '=', 'rc.clinic_id').onRef('r.id', '=', 'rc.remittance_id'),
        )
        .selectAll('rc')
        .select(['r.trace_numbers', 'r.payer_name', 'r.payment_date', 'r.posted_at'])
        .where('rc.clinic_id', '=', clinicId)
        .where('rc.claim_id', '=', claimId)
        .orderBy('r.posted_at')
        .orderBy('rc.remittance_id')
        .orderBy('rc.ordinal')
        .execute();
      if (heads.length === 0) return [];
      const remits = [...new Set(heads.map((h) => h.remittance_id))];
      const [lines, adjs] = await Promise.all([
        db
          .selectFrom('remittance_lines')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('claim_id', '=', claimId)
          .where('remittance_id', 'in', remits)
          .orderBy('ordinal')
          .execute(),
        db
          .selectFrom('adjustments')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('claim_id', '=', claimId)
          .where('remittance_id', 'in', remits)
          .orderBy('ordinal')
          .execute(),
      ]);
      const posted = assemblePostings(heads, lines, adjs);
      return posted.map(({ ordinal: _o, ...p }, i) => {
        const h = heads[i] as (typeof heads)[number];
        return {
          ...p,
          traceNumbers: JSON.parse(h.trace_numbers) as string[],
          payerName: h.payer_name,
          paymentDate: h.payment_date,
          postedAt: h.posted_at,
        };
      });
    },

    async claimsOfVisits(clinicId, visitIds) {
      const out = new Map<string, VisitClaimRef>();
      const ids = [...new Set(visitIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await db
          .selectFrom('claim_visits as cv')
          .innerJoin('claims as c', (j) =>
            j.onRef('c.clinic_id', '=', 'cv.clinic_id').onRef('c.id', '=', 'cv.claim_id'),
          )
          .select(['cv.visit_id', 'c.id', 'c.claim_number', 'c.status'])
          .where('cv.clinic_id', '=', clinicId)
          .where('cv.visit_id', 'in', ids.slice(i, i + CHUNK))
          .where('c.status', 'not in', RETIRED)
          .execute();
        for (const r of rows)
          out.set(r.visit_id, { claimId: r.id, claimNumber: r.claim_number, status: r.status as StoredClaimStatus });
      }
      return out;
    },

    async holdVisit(clinicId, visitId, hold) {
      return inTx(db, async (trx) => {
        const standing = await trx
          .selectFrom('visit_holds')
          .select('id')
          .where('clinic_id', '=', clinicId)
          .where('visit_id', '=', visitId)
          .where('released_at', 'is', null)
          .executeTakeFirst();
        if (standing) return { ok: false as const, reason: 'held' as const };
        const row = {
          clinic_id: clinicId,
          id: randomUUID(),
          visit_id: visitId,
          reason: hold.reason,
          held_by: hold.userId ?? null,
          held_at: now(),
          released_by: null,
          release_reason: null,
          released_at: null,
        };
        await trx.insertInto('visit_holds').values(row).execute();
        return { ok: true as const, value: toHold(row) };
      });
    },

    async releaseVisit(clinicId, visitId, release) {
      const at = now();
      const row = await db
        .updateTable('visit_holds')
        .set({ released_at: at, released_by: release.userId ?? null, release_reason: release.reason })
        .where('clinic_id', '=', clinicId)
        .where('visit_id', '=', visitId)
        .where('released_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row ? { ok: true, value: toHold(row) } : { ok: false, reason: 'not-held' };
    },

    async standingHolds(clinicId, visitIds) {
      const out = new Map<string, VisitHold>();
      const ids = [...new Set(visitIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await db
          .selectFrom('visit_holds')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('visit_id', 'in', ids.slice(i, i + CHUNK))
          .where('released_at', 'is', null)
          .execute();
        for (const r of rows) out.set(r.visit_id, toHold(r));
      }
      return out;
    },

    async holdHistory(clinicId, visitId) {
      const rows = await db
        .selectFrom('visit_holds')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('visit_id', '=', visitId)
        .orderBy('held_at')
        .orderBy('id')
        .execute();
      return rows.map(toHold);
    },

    async denials(clinicId, range = {}) {
      let q = db
        .selectFrom('adjustments as a')
        .innerJoin('remittances as r', (j) =>
          j.onRef('r.clinic_id', '=', 'a.clinic_id').onRef('r.id', '=', 'a.remittance_id'),
        )
        .select((eb) => [
          'a.reason',
          'a.group_code',
          'a.payer_id',
          'a.provider_npi',
          // One payer id may have been named differently across files: the report shows one of its names.
          eb.fn.max('r.payer_name').as('payer_name'),
          eb.fn.countAll<number>().as('lines'),
          eb.fn.sum<number>('a.amount_cents').as('amount'),
        ])
        .where('a.clinic_id', '=', clinicId)
        .where('a.kind', '=', 'denial')
        // Denials on claims that are not ours (unmatched CLPs) are not this clinic's to fix.
        .where('a.claim_id', 'is not', null);
      if (range.from) q = q.where('a.posted_at', '>=', range.from);
      if (range.to) q = q.where('a.posted_at', '<=', range.to);
      const rows = await q.groupBy(['a.reason', 'a.group_code', 'a.payer_id', 'a.provider_npi']).execute();
      return rows
        .map((r) => ({
          reason: r.reason,
          group: r.group_code,
          payerId: r.payer_id,
          payerName: r.payer_name,
          providerNpi: r.provider_npi,
          lines: Number(r.lines),
          amountCents: Number(r.amount),
        }))
        .sort((a, b) => b.amountCents - a.amountCents || (a.reason < b.reason ? -1 : 1));
    },
  };

  async function writeRemittance(trx: Db, clinicId: string, input: Parameters<ClaimsRepository['postRemittance']>[1]) {
    const id = randomUUID();
    const at = now();
    const row = {
      clinic_id: clinicId,
      id,
      file_key: input.fileKey,
      file_hash: input.fileHash,
      file_name: input.fileName ?? null,
      trace_numbers: JSON.stringify(input.traceNumbers),
      payer_id: input.payerId,
      payer_name: input.payerName,
      payment_date: input.paymentDate,
      payment_cents: input.paymentCents,
      paid_cents: input.totals.paidCents,
      contractual_cents: input.totals.contractualCents,
      patient_cents: input.totals.patientCents,
      other_cents: input.totals.otherCents,
      balance: 'balanced',
      claim_count: input.claims.length,
      unknown_claims: JSON.stringify(input.unknownClaims),
      summary: JSON.stringify(input.summary),
      posted_by: input.postedBy ?? null,
      posted_at: at,
    };
    await trx.insertInto('remittances').values(row).execute();
    // The payments' identities: a second post of one of them fails here, on the primary key, and rolls back.
    await insertChunks(
      trx,
      'remittance_payments',
      (input.payments ?? []).map((p) => ({
        clinic_id: clinicId,
        payment_key: p.key,
        remittance_id: id,
        payer_id: p.payerId,
        trace_number: p.traceNumber,
        payment_cents: p.paymentCents,
        payment_date: p.paymentDate,
      })),
    );
    const claimRows: Record<string, unknown>[] = [];
    const lineRows: Record<string, unknown>[] = [];
    const adjRows: Record<string, unknown>[] = [];
    let lineNo = 0;
    const adj = (a: PostedAdjustment, claimOrdinal: number, lineOrdinal: number | null, c: (typeof input.claims)[0]) =>
      adjRows.push({
        clinic_id: clinicId,
        remittance_id: id,
        ordinal: adjRows.length + 1,
        claim_ordinal: claimOrdinal,
        line_ordinal: lineOrdinal,
        claim_id: c.claimId,
        group_code: a.group,
        reason: a.reason,
        amount_cents: a.amountCents,
        quantity: a.quantity ?? null,
        kind: a.kind,
        payer_id: input.payerId,
        provider_npi: c.providerNpi,
        posted_at: at,
      });
    input.claims.forEach((c, i) => {
      const ordinal = i + 1;
      claimRows.push({
        clinic_id: clinicId,
        remittance_id: id,
        ordinal,
        claim_id: c.claimId,
        claim_number: c.claimNumber,
        payer_status: c.payerStatus,
        payer_claim_number: c.payerClaimNumber,
        event: c.event,
        new_status: c.newStatus,
        status_error: c.statusError,
        paid_cents: c.paidCents,
        patient_cents: c.patientCents,
        claim_key: c.claimKey ?? null,
        payment_key: c.paymentKey ?? null,
        unmatched_reason: c.unmatchedReason ?? null,
        unmatched_message: c.unmatchedMessage ?? null,
      });
      for (const a of c.adjustments) adj(a, ordinal, null, c);
      for (const l of c.lines) {
        lineNo += 1;
        lineRows.push({
          clinic_id: clinicId,
          remittance_id: id,
          ordinal: lineNo,
          claim_ordinal: ordinal,
          claim_id: c.claimId,
          control_number: l.controlNumber,
          matched_by: l.matchedBy,
          code: l.code,
          date_of_service: l.dateOfService,
          units: l.units,
          charge_cents: l.chargeCents,
          paid_cents: l.paidCents,
          contractual_cents: l.contractualCents,
          patient_cents: l.patientCents,
          other_cents: l.otherCents,
          expected_cents: l.expectedCents,
          variance_cents: l.varianceCents,
          kind: l.reversal ? 'reversal' : 'payment',
          remarks: JSON.stringify(l.remarks),
        });
        for (const a of l.adjustments) adj(a, ordinal, lineNo, c);
      }
    });
    await insertChunks(trx, 'remittance_claims', claimRows);
    await insertChunks(trx, 'remittance_lines', lineRows);
    await insertChunks(trx, 'adjustments', adjRows);

    for (const c of input.claims) {
      // An unmatched CLP is recorded above and posts nothing.
      if (!c.claimId || c.unmatchedReason) continue;
      const claimId = c.claimId;
      const before = await trx
        .selectFrom('claims')
        .select(['status'])
        .where('clinic_id', '=', clinicId)
        .where('id', '=', claimId)
        .executeTakeFirst();
      if (!before) continue;
      let q = trx
        .updateTable('claims')
        .set((eb) => ({
          paid_cents: eb('paid_cents', '+', c.paidCents),
          patient_cents: eb('patient_cents', '+', c.patientCents),
          payer_claim_number: c.payerClaimNumber || null,
          ...(c.newStatus ? { status: c.newStatus } : {}),
          version: eb('version', '+', 1),
          updated_at: at,
        }))
        .where('clinic_id', '=', clinicId)
        .where('id', '=', claimId)
        // Payments never pass the charge nor drop below nothing, whatever the caller decided (issue 16).
        .where((eb) => eb(eb('paid_cents', '+', c.paidCents), '<=', eb.ref('charge_cents')))
        .where((eb) => eb(eb('paid_cents', '+', c.paidCents), '>=', 0));
      if (c.fromStatus) q = q.where('status', '=', c.fromStatus);
      const r = await q.executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw new StoreError(
          'constraint',
          `Claim ${c.claimNumber} changed while the payment was posted, or the payment would pass its charge; nothing was posted.`,
        );
      if (c.newStatus)
        await addEvent(trx, clinicId, claimId, {
          event: c.event,
          from: before.status as StoredClaimStatus,
          to: c.newStatus,
          userId: input.postedBy ?? null,
          detail: { remittanceId: id, paidCents: c.paidCents, payerClaimNumber: c.payerClaimNumber },
        });
      for (const l of c.lines) {
        if (!l.controlNumber) continue;
        await trx
          .updateTable('claim_lines')
          .set((eb) => ({
            paid_cents: eb('paid_cents', '+', l.paidCents),
            contractual_cents: eb('contractual_cents', '+', l.contractualCents),
            patient_cents: eb('patient_cents', '+', l.patientCents),
            other_cents: eb('other_cents', '+', l.otherCents),
          }))
          .where('clinic_id', '=', clinicId)
          .where('claim_id', '=', claimId)
          .where('control_number', '=', l.controlNumber)
          .execute();
      }
    }
    return toRemittance(row);
  }

  return guarded(repo);
}

let eventCounter = 0n;

/**
 * An event id that sorts in the order this process wrote its events (history is ordered by time, then id, and a
 * fixed test clock gives every event the same time): a padded counter over the process start, then randomness.
 */
function eventId(): string {
  eventCounter += 1n;
  const seq = (process.hrtime.bigint() + eventCounter).toString().padStart(24, '0');
  return `${seq}-${randomUUID().slice(0, 8)}`;
}

/** Rolls an export back when one of its claims is no longer ready. */
class ExportConflict extends Error {}
