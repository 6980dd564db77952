/**
 * Every SQL statement the repositories send names clinic_id, except the few lookups a request starts from.
 * Runs a full workflow through the real repositories on SQLite, capturing each statement Kysely sends; the SQL text is
 * the same on PostgreSQL but for placeholders, since both come from one query builder.
 */
import BetterSqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/index.ts';
import { runMigrations } from '../src/migrate.ts';
import { createRepositories } from '../src/repos/index.ts';
import { seedClinic, visitInput } from './helpers/fixtures.ts';
import { steppingClock } from './helpers/targets.ts';

/** Statements allowed without clinic_id, each for a reason. */
const GLOBAL = [
  /^select .* from "clinics" where "id" = \?/, // the clinic itself: its id is the scope
  /^insert into "clinics"/,
  /^update "clinics" set .* where "id" = \?/,
  /from "user_emails" .*where "e"\."email" = \?/, // sign-in starts from an email
  /^select "email" from "user_emails" where "email" = \?/, // email uniqueness is global
  /from "sessions" where "token_hash" = \?/, // a cookie is all a request has
  /from "api_tokens" where "token_hash" = \?/, // a bearer token likewise
  /^delete from "sessions" where "expires_at" <= \?/, // housekeeping across clinics
  /^delete from "idempotency_keys" where "created_at" < \?/,
];

describe('every repository query is scoped by clinic', () => {
  it('a whole workflow sends no statement on clinic-owned tables without clinic_id', async () => {
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const raw = new BetterSqlite(':memory:');
    raw.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: raw }),
      log: (event) => {
        if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    await runMigrations(db, 'sqlite');
    statements.length = 0;
    const clock = steppingClock();
    const repos = createRepositories({ db, engine: 'sqlite', now: () => clock().toISOString() });

    const s = await seedClinic(repos, 'Scoped');
    const hostile = "Robert'); DROP TABLE patients;--";
    await repos.patients.list(s.clinic.id, { search: hostile, limit: 2 });
    await repos.patients.update(s.clinic.id, s.patient.id, { phone: '555' });
    await repos.users.list(s.clinic.id);
    await repos.users.update(s.clinic.id, s.owner.id, { roles: ['owner'] });
    await repos.users.recordFailedSignIn(s.clinic.id, s.owner.id, null);
    await repos.users.recordSignIn(s.clinic.id, s.owner.id);
    await repos.users.findCredentialsByEmail(s.owner.email);
    const session = await repos.sessions.create(s.clinic.id, {
      userId: s.owner.id,
      tokenHash: 't',
      csrfToken: 'c',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    await repos.sessions.findByTokenHash('t');
    await repos.sessions.delete(s.clinic.id, session.id);
    await repos.sessions.deleteForUser(s.clinic.id, s.owner.id);
    await repos.sessions.deleteExpired();
    const token = await repos.apiTokens.create(s.clinic.id, { userId: s.owner.id, name: 'x', tokenHash: 'a' });
    await repos.apiTokens.findByTokenHash('a');
    await repos.apiTokens.touch(s.clinic.id, token.id);
    await repos.apiTokens.list(s.clinic.id);
    await repos.apiTokens.revoke(s.clinic.id, token.id);
    await repos.apiTokens.revokeForUser(s.clinic.id, s.owner.id);
    await repos.providers.list(s.clinic.id);
    await repos.providers.update(s.clinic.id, s.provider.id, { name: 'P' });
    await repos.payers.list(s.clinic.id);
    await repos.payers.update(s.clinic.id, s.payer.id, { name: 'M' });
    await repos.coverages.primaryOn(s.clinic.id, s.patient.id, '2026-01-05');
    await repos.coverages.update(s.clinic.id, s.coverage.id, { priority: 1 });
    await repos.plansOfCare.listByPatient(s.clinic.id, s.patient.id);
    await repos.plansOfCare.list(s.clinic.id, { activeOn: '2026-02-01', limit: 5 });
    await repos.plansOfCare.update(s.clinic.id, s.plan.id, { goals: [{ text: 'Walk' }] });
    const v = await repos.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
    if (!v.ok) throw new Error(v.reason);
    const id = v.value.id;
    const head = await repos.visits.head(s.clinic.id, id);
    await repos.visits.update(s.clinic.id, id, 1, visitInput(s.patient.id, s.provider.id), head);
    await repos.visits.history(s.clinic.id, s.patient.id, '2026-12-31', 200);
    await repos.visits.historyVersions(s.clinic.id, s.patient.id, '2026-12-31', 200);
    await repos.visits.listExtras(s.clinic.id, [id]);
    await repos.visits.replaceFindings(s.clinic.id, id, []);
    const seg = await repos.visits.addSegment(s.clinic.id, id, { kind: 'rest', startedAt: '2026-01-05T15:00:00Z' });
    if (seg.ok) await repos.visits.endSegment(s.clinic.id, id, seg.value.id, '2026-01-05T15:05:00Z');
    await repos.visits.addOverride(s.clinic.id, id, { rule: 'missing-response', reason: 'x', userId: s.owner.id });
    await repos.visits.list(s.clinic.id, { from: '2026-01-01', status: 'draft' });
    await repos.visits.sign(s.clinic.id, id, { expectedVersion: 2, userId: s.owner.id, contentHash: 'h' });
    await repos.visits.addAddendum(s.clinic.id, id, { authorId: s.owner.id, text: 'x' });
    await repos.visits.get(s.clinic.id, id);
    await repos.feeSchedules.add(s.clinic.id, [
      { payerPolicyId: 'p', code: '97530', effectiveFrom: '2026-01-01', cents: 1 },
    ]);
    await repos.feeSchedules.list(s.clinic.id, 'p', '2026-02-01');
    await repos.payerPolicies.put(s.clinic.id, { id: 'p', unitMethod: 'ama' });
    await repos.payerPolicies.list(s.clinic.id);
    await repos.idempotency.put(s.clinic.id, {
      userId: 'u',
      key: 'k',
      requestHash: 'r',
      responseStatus: 201,
      responseBody: '{}',
    });
    await repos.idempotency.get(s.clinic.id, 'u', 'k');
    await repos.idempotency.purge('2000-01-01T00:00:00Z');
    await repos.audit.append(s.clinic.id, { action: 'patient.read', entity: 'patient' });
    await repos.audit.list(s.clinic.id, { userId: s.owner.id, hideLists: true });
    const kinds = ['user', 'patient', 'provider', 'payer', 'visit', 'plan-of-care', 'coverage', 'claim', 'remittance'];
    const more = ['claim-export', 'api-token', 'addendum', 'override', 'segment'];
    await repos.audit.labels(
      s.clinic.id,
      [...kinds, ...more].map((entity) => ({ userId: s.owner.id, patientId: s.patient.id, entity, entityId: id })),
    );
    await repos.audit.appendMany([{ clinicId: s.clinic.id, action: 'visit.read', entity: 'visit' }]);
    await db.destroy();

    const dml = statements.filter((q) => /^(select|insert|update|delete)\b/.test(q.sql));
    expect(dml.length).toBeGreaterThan(80);
    // Inserts must write clinic_id; reads, updates and deletes must filter on it.
    const scoped = (q: string) =>
      q.startsWith('insert') ? q.includes('"clinic_id"') : /\bwhere\b.*"clinic_id" = \?/.test(q);
    const unscoped = dml.filter((q) => !scoped(q.sql) && !GLOBAL.some((re) => re.test(q.sql)));
    expect(unscoped.map((q) => q.sql)).toEqual([]);
    // The hostile name went in as a bound parameter, never as SQL text.
    expect(dml.some((q) => q.sql.includes('DROP TABLE'))).toBe(false);
    expect(dml.some((q) => q.parameters.some((p) => typeof p === 'string' && p.includes('drop table')))).toBe(true);
  });
});
