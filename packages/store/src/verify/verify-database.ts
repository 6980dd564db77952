import { chainHash } from '../audit-chain.ts';
import { connect } from '../db/connect.ts';
import { hashVisitContent } from '../hash-visit.ts';
import { pendingMigrations } from '../migrate.ts';
import { createRepositories } from '../repos/index.ts';

/** The first row that does not match: which table and row, and what differs (ids and hashes only, never content). */
export interface VerifyMismatch {
  table: 'visits' | 'audit_log';
  clinicId: string;
  id: string;
  /** e.g. 'content hash differs: stored 3f2a..., computed 9c1b...' */
  differs: string;
}

/** What `verifyDatabase` found: counts checked, and the first mismatch of each table (none when all match). */
export interface VerifyReport {
  clinics: number;
  signedVisits: number;
  auditEntries: number;
  mismatches: VerifyMismatch[];
}

/** Progress while checking, for standard error on large logs. */
export type VerifyProgress = (what: 'visits' | 'audit_log', checked: number) => void;

/** Rows per page and between progress reports. */
const PAGE = 500;
const PROGRESS_EVERY = 5000;

/** A short form of a hash for messages. */
const short = (h: string | null) => (h === null ? 'none' : `${h.slice(0, 12)}...`);

/**
 * Recomputes every signed note's content hash and every clinic's audit-log hash chain, read-only, and names the
 * first row of each that does not match. Throws StoreError on a bad URL and Error on an unmigrated database.
 * @param url - the database URL (`sqlite:PATH` or `postgres://...`)
 * @param onProgress - called every few thousand rows
 */
export async function verifyDatabase(url: string, onProgress: VerifyProgress = () => undefined): Promise<VerifyReport> {
  const conn = await connect(url);
  try {
    const pending = await pendingMigrations(conn.db, conn.engine);
    // Migrating would write (and chain whatever is there now): a tamper check only reads.
    if (pending.length > 0)
      throw new Error(
        `the database is not migrated (${pending.length} pending, e.g. ${pending[0]}); start the server once`,
      );
    const repos = createRepositories({ db: conn.db, engine: conn.engine, now: () => new Date().toISOString() });
    const clinics = (await conn.db.selectFrom('clinics').select('id').orderBy('id').execute()).map((c) => c.id);
    const report: VerifyReport = { clinics: clinics.length, signedVisits: 0, auditEntries: 0, mismatches: [] };

    let visitMismatch: VerifyMismatch | undefined;
    for (const clinicId of clinics) {
      let cursor: string | undefined;
      do {
        const page = await repos.visits.list(clinicId, {
          status: 'signed',
          limit: PAGE,
          ...(cursor ? { cursor } : {}),
        });
        for (const v of page.items) {
          report.signedVisits += 1;
          if (report.signedVisits % PROGRESS_EVERY === 0) onProgress('visits', report.signedVisits);
          if (visitMismatch) continue;
          const computed = hashVisitContent(v);
          if (v.contentHash !== computed)
            visitMismatch = {
              table: 'visits',
              clinicId,
              id: v.id,
              differs: `content hash differs: stored ${short(v.contentHash)}, computed ${short(computed)}`,
            };
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    if (visitMismatch) report.mismatches.push(visitMismatch);

    let auditMismatch: VerifyMismatch | undefined;
    for (const clinicId of clinics) {
      const unchained = await conn.db
        .selectFrom('audit_log')
        .select('id')
        .where('clinic_id', '=', clinicId)
        .where('seq', 'is', null)
        .orderBy('at')
        .orderBy('id')
        .executeTakeFirst();
      if (unchained && !auditMismatch)
        auditMismatch = { table: 'audit_log', clinicId, id: unchained.id, differs: 'row is not in the hash chain' };
      let previous = '';
      let seq = 0;
      for (;;) {
        const rows = await conn.db
          .selectFrom('audit_log')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('seq', '>', seq)
          .orderBy('seq')
          .limit(PAGE)
          .execute();
        for (const row of rows) {
          report.auditEntries += 1;
          if (report.auditEntries % PROGRESS_EVERY === 0) onProgress('audit_log', report.auditEntries);
          const rowSeq = Number(row.seq);
          const computed = chainHash(previous, { ...row, seq: rowSeq });
          if (!auditMismatch) {
            if (rowSeq !== seq + 1)
              auditMismatch = {
                table: 'audit_log',
                clinicId,
                id: row.id,
                differs: `chain broken before this row: sequence jumps from ${seq} to ${rowSeq} (a row is missing)`,
              };
            else if (row.chain_hash !== computed)
              auditMismatch = {
                table: 'audit_log',
                clinicId,
                id: row.id,
                differs: `chain hash differs (the row was changed): stored ${short(row.chain_hash)}, computed ${short(computed)}`,
              };
          }
          // Go on from the stored hash, so one altered row is named once and the rest still count.
          previous = row.chain_hash ?? computed;
          seq = rowSeq;
        }
        if (rows.length < PAGE) break;
      }
    }
    if (auditMismatch) report.mismatches.push(auditMismatch);
    return report;
  } finally {
    await conn.close();
  }
}
