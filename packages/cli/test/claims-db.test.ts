/**
 * `unitwise claims export --clinic` and `unitwise remit import` against a real SQLite file: a clinic, patients,
 * coverage, plans and signed visits made through the API; the CLI builds and exports the 837P (read back with
 * @unitwise/edi: no errors); a matching 835 is imported (claims paid, partly paid, denied), imported again (posts
 * once), an unbalanced one is refused (exit 1, nothing written), an unknown clinic or file is exit 2.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { read837 } from '@unitwise/edi';
import { claimsRepository, openStore } from '@unitwise/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Claim835, make835 } from '../../server/test/helpers/claims-835.ts';
import { SETTINGS_BODY } from '../../server/test/helpers/claims-fixtures.ts';
import type { EngineTarget } from '../../server/test/helpers/engines.ts';
import { cleanVisit, storeFactory } from '../../server/test/helpers/factory.ts';
import {
  type Auth,
  call,
  type Harness,
  makeClinic,
  makeHarness,
  type TestClinic,
} from '../../server/test/helpers/harness.ts';
import { signConfirmed } from '../../server/test/helpers/sign.ts';
import { hasStackTrace, runCli, SPAWN_TIMEOUT, spawnCliAsync } from './helpers.ts';

let dir = '';
let url = '';
let h: Harness;
let a: TestClinic;
let b: TestClinic;

interface ClaimRow {
  id: string;
  claimNumber: string;
  status: string;
  lines: { controlNumber: string; dateOfService: string }[];
  claim: { subscriber: { memberId: string; lastName: string; firstName: string } };
}

/** The patient on a payment of claim `c`: as we sent them. */
function patientOf(c: ClaimRow): Claim835['patient'] {
  const s = c.claim.subscriber;
  return { lastName: s.lastName, firstName: s.firstName, memberId: s.memberId };
}

/** The clinic's claims as the API lists them, in CLM01 order. */
async function claimsOf(auth: Auth): Promise<ClaimRow[]> {
  const r = await call(h.app, auth, 'GET', '/api/v1/claims?limit=200');
  const rows: ClaimRow[] = [];
  for (const c of r.body.items) rows.push((await call(h.app, auth, 'GET', `/api/v1/claims/${c.id}`)).body);
  return rows.sort((x, y) => (x.claimNumber < y.claimNumber ? -1 : 1));
}

/** The payer's answer: the first claim paid in full, the second partly (CO-45, PR-2), the third denied (CO-236). */
function answer(trace: string, rows: ClaimRow[]): Claim835[] {
  const line = (c: ClaimRow, paid: number, adjustments: Claim835['lines'][0]['adjustments']) => ({
    code: '97110',
    modifiers: ['GP'],
    chargeCents: 9000,
    paidCents: paid,
    units: 2,
    date: c.lines[0]?.dateOfService ?? '',
    control: c.lines[0]?.controlNumber ?? '',
    adjustments,
  });
  const [c1, c2, c3] = rows as [ClaimRow, ClaimRow, ClaimRow];
  return [
    {
      claimNumber: c1.claimNumber,
      status: '1',
      payerClaimNumber: `${trace}-1`,
      patient: patientOf(c1),
      lines: [line(c1, 9000, [])],
    },
    {
      claimNumber: c2.claimNumber,
      status: '1',
      payerClaimNumber: `${trace}-2`,
      patient: patientOf(c2),
      lines: [
        line(c2, 5000, [
          { group: 'CO', reason: '45', amountCents: 3000 },
          { group: 'PR', reason: '2', amountCents: 1000 },
        ]),
      ],
    },
    {
      claimNumber: c3.claimNumber,
      status: '4',
      payerClaimNumber: `${trace}-3`,
      patient: patientOf(c3),
      lines: [line(c3, 0, [{ group: 'CO', reason: '236', amountCents: 9000 }])],
    },
  ];
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'uw-cli-claims-'));
  url = `sqlite:${path.join(dir, 'unitwise.db')}`;
  const file: EngineTarget = {
    name: 'sqlite',
    async open(clock) {
      const store = await openStore(url, { clock });
      return { store, dispose: () => store.close() };
    },
  };
  h = await makeHarness(file);
  a = await makeClinic(h.store, 'cliclaims');
  b = await makeClinic(h.store, 'cliother');
  const biller: Auth = { bearer: a.staff.biller.token };
  const pt: Auth = { bearer: a.staff.therapist.token };
  expect((await call(h.app, biller, 'PUT', '/api/v1/claim-settings', SETTINGS_BODY)).status).toBe(200);
  const payer = await call(h.app, biller, 'POST', '/api/v1/payers', {
    name: 'Example Commercial Plan',
    policyId: 'commercial',
    x12PayerId: '60054',
  });
  expect(payer.status, payer.text).toBe(201);
  for (const n of [1, 2, 3]) {
    const p = await call(h.app, pt, 'POST', '/api/v1/patients', {
      firstName: `Pat${n}`,
      lastName: 'Clicase',
      birthDate: `1950-01-0${n}`,
      sex: 'F',
      // A claim is held back without the patient's address (2010BA N3/N4).
      address: { line1: `${n} Elm St`, city: 'Dayton', state: 'OH', postalCode: '45402' },
    });
    expect(p.status, p.text).toBe(201);
    const cov = await call(h.app, biller, 'POST', '/api/v1/coverages', {
      patientId: p.body.id,
      payerId: payer.body.id,
      memberId: `MEM${n}`,
      startDate: '2026-01-01',
    });
    expect(cov.status, cov.text).toBe(201);
    const plan = await call(h.app, pt, 'POST', '/api/v1/plans-of-care', {
      patientId: p.body.id,
      discipline: 'PT',
      startDate: '2026-02-20',
      endDate: '2026-05-20',
      certifiedDate: '2026-02-22',
      diagnoses: ['M17.11'],
      plannedCodes: ['97110'],
      goals: [{ id: 'g1', text: 'Patient will climb 12 stairs with one rail and supervision within 6 weeks.' }],
    });
    expect(plan.status, plan.text).toBe(201);
    const { provider, ...content } = cleanVisit(p.body.id, a.staff.therapist.providerId ?? '', false);
    const v = await call(h.app, pt, 'POST', '/api/v1/visits', { ...content, providerId: provider.id });
    expect(v.status, v.text).toBe(201);
    expect((await signConfirmed(h.app, pt, v.body.id)).status).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('claims export and remit import on a clinic database', () => {
  let rows: ClaimRow[] = [];

  it('prints help for both database modes', async () => {
    const c = await runCli(['claims', 'export', '--help']);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/--clinic CLINIC_ID/);
    const r = await runCli(['remit', 'import', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/remit import FILE --clinic CLINIC_ID/);
  });

  it('answers an unknown clinic, a missing database flag value or another clinic’s user with exit 2', async () => {
    const out = path.join(dir, 'none.837');
    const c = await runCli(['claims', 'export', '--database-url', url, '--clinic', 'no-such-clinic', '--out', out]);
    expect(c.code, c.stderr).toBe(2);
    expect(c.stderr).toMatch(/no clinic with id no-such-clinic/);
    const u = await runCli([
      'claims',
      'export',
      '--database-url',
      url,
      '--clinic',
      a.clinicId,
      '--user',
      b.staff.biller.email,
    ]);
    expect(u.code, u.stderr).toBe(2);
    expect(u.stderr).toMatch(/no user with email/);
    const t = await runCli([
      'claims',
      'export',
      '--database-url',
      url,
      '--clinic',
      a.clinicId,
      '--user',
      a.staff.therapist.email,
    ]);
    expect(t.code, t.stderr).toBe(2);
    expect(t.stderr).toMatch(/may not do billing/);
    expect(hasStackTrace(c.stderr + u.stderr)).toBe(false);
    expect(await claimsOf({ bearer: a.staff.biller.token })).toEqual([]);
  });

  it('builds, scrubs and exports the signed visits into an 837P that reads back without errors', async () => {
    const out = path.join(dir, 'claims.837');
    const r = await runCli([
      'claims',
      'export',
      '--database-url',
      url,
      '--clinic',
      a.clinicId,
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--user',
      a.staff.biller.email,
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/exported 3 claim\(s\)/);
    const text = await readFile(out, 'utf8');
    const file = read837(text);
    expect(file.errors).toEqual([]);
    expect(file.claims ?? []).toHaveLength(3);
    rows = await claimsOf({ bearer: a.staff.biller.token });
    expect(rows.map((c) => c.status)).toEqual(['exported', 'exported', 'exported']);
    const audit = await h.store.audit.list(a.clinicId, { action: 'claim.export' });
    expect(audit.items).toHaveLength(3);
    expect(audit.items[0]?.userId).toBe(a.staff.biller.userId);
    // The other clinic saw nothing: no claims.
    expect(await claimsOf({ bearer: b.staff.biller.token })).toEqual([]);
    // Nothing left to export: exit 1 with the reason, no file written.
    const again = await runCli(['claims', 'export', '--database-url', url, '--clinic', a.clinicId]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/No claims are ready to export/);
    expect(again.stdout).toBe('');
  });

  it('holds back the claims of a clinic without claim settings, with the reason on stderr, and writes no file', async () => {
    await storeFactory(h.store, b, 'Heldback').signedVisit('therapist');
    const out = path.join(dir, 'held.837');
    const r = await runCli(['claims', 'export', '--database-url', url, '--clinic', b.clinicId, '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/held back claim \S+ \(/);
    expect(r.stderr).toMatch(/No claims are ready to export/);
    expect(r.stdout).toBe('');
    await expect(readFile(out, 'utf8')).rejects.toThrow();
    expect((await claimsOf({ bearer: b.staff.biller.token })).map((c) => c.status)).toEqual(['draft']);
    // Clinic A's claims were not touched by clinic B's run.
    expect((await claimsOf({ bearer: a.staff.biller.token })).map((c) => c.status)).toEqual([
      'exported',
      'exported',
      'exported',
    ]);
  });

  it('refuses an unbalanced 835 with its failing check, exit 1, and writes nothing', async () => {
    const file = path.join(dir, 'bad.835');
    await writeFile(file, make835({ trace: 'CLIBAD', claims: answer('CLIBAD', rows), skewCents: 100 }));
    const r = await runCli(['remit', 'import', file, '--database-url', url, '--clinic', a.clinicId]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/does not balance/);
    expect(r.stderr).toMatch(/BPR02/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const store = await openStore(url);
    try {
      const claims = claimsRepository(store, () => new Date().toISOString());
      expect((await claims.listRemittances(a.clinicId, { limit: 10 })).items).toEqual([]);
    } finally {
      await store.close();
    }
    expect((await h.store.audit.list(a.clinicId, { action: 'claim.post' })).items).toEqual([]);
    expect((await h.store.audit.list(a.clinicId, { action: 'remit.import' })).items).toEqual([]);
    expect((await claimsOf({ bearer: a.staff.biller.token })).map((c) => c.status)).toEqual([
      'exported',
      'exported',
      'exported',
    ]);
  });

  it('posts a matching 835: claims paid, partly paid and denied, totals and denials printed, audited', async () => {
    const file = path.join(dir, 'era.835');
    await writeFile(file, make835({ trace: 'CLI1', claims: answer('CLI1', rows) }));
    const r = await runCli(['remit', 'import', file, '--database-url', url, '--clinic', a.clinicId]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/posted as remittance/);
    expect(r.stdout).toMatch(/claims matched: 3; not ours: 0/);
    expect(r.stdout).toMatch(/paid \$140\.00, contractual \$120\.00, patient \$10\.00/);
    expect(r.stdout).toMatch(/denials by rule:\n {2}\S+: 1 line\(s\), \$90\.00/);
    expect((await claimsOf({ bearer: a.staff.biller.token })).map((c) => c.status)).toEqual([
      'paid',
      'partly-paid',
      'denied',
    ]);
    const audit = (await h.store.audit.list(a.clinicId, { action: 'remit.import' })).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: null, entity: 'remittance' });
    expect(audit[0]?.detail).toMatchObject({ outcome: 'posted', actor: 'cli', claims: 3 });
    expect((await h.store.audit.list(a.clinicId, { action: 'claim.post' })).items).toHaveLength(3);
  });

  it('imports the same file again: "already posted", exit 0, nothing posted twice', async () => {
    const file = path.join(dir, 'era.835');
    const r = await runCli(['remit', 'import', file, '--database-url', url, '--clinic', a.clinicId, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ ok: true, outcome: 'already-posted' });
    const store = await openStore(url);
    try {
      const claims = claimsRepository(store, () => new Date().toISOString());
      expect((await claims.listRemittances(a.clinicId, { limit: 10 })).items).toHaveLength(1);
    } finally {
      await store.close();
    }
    expect((await h.store.audit.list(a.clinicId, { action: 'claim.post' })).items).toHaveLength(3);
    const audit = (await h.store.audit.list(a.clinicId, { action: 'remit.import' })).items;
    expect(audit.map((e) => e.detail?.outcome)).toEqual(['already-posted', 'posted']);
  });

  it(
    'posts one new payment once when separate processes import it at the same time, in several encodings',
    async () => {
      // The denied claim, reprocessed by the payer under a new CLP07 and paid in full.
      const c3 = rows[2] as ClaimRow;
      const text = make835({
        trace: 'CLI2',
        claims: [
          {
            claimNumber: c3.claimNumber,
            status: '1',
            payerClaimNumber: 'CLI2-3',
            patient: patientOf(c3),
            lines: [
              {
                code: '97110',
                modifiers: ['GP'],
                chargeCents: 9000,
                paidCents: 9000,
                units: 2,
                date: c3.lines[0]?.dateOfService ?? '',
                control: c3.lines[0]?.controlNumber ?? '',
                adjustments: [],
              },
            ],
          },
        ],
      });
      const variants = [
        text,
        text.replace(/~\n/g, '\n'),
        text.replace('N1*PR*EXAMPLE COMMERCIAL PLAN', 'N1*PR*EXAMPLE\u0007 COMMERCIAL PLAN'),
        text.replace('SVC*HC:97110', 'SVC*HC:97112'),
      ];
      const files = await Promise.all(
        variants.map(async (v, i) => {
          const f = path.join(dir, `era-cli2-${i}.835`);
          await writeFile(f, v);
          return f;
        }),
      );
      const runs = await Promise.all(
        files.map((f) =>
          spawnCliAsync(['remit', 'import', f, '--database-url', url, '--clinic', a.clinicId, '--json']),
        ),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const outcomes = runs.map((r) => JSON.parse(r.stdout).outcome as string).sort();
      expect(outcomes).toEqual(['already-posted', 'already-posted', 'already-posted', 'posted']);
      const store = await openStore(url);
      try {
        const claims = claimsRepository(store, () => new Date().toISOString());
        expect((await claims.listRemittances(a.clinicId, { limit: 10 })).items).toHaveLength(2);
        const after = await claims.get(a.clinicId, c3.id);
        expect(after).toMatchObject({ status: 'paid', paidCents: 9000 });
        expect(after?.events.map((e) => e.event)).toEqual(['built', 'exported', 'denied', 'paid']);
      } finally {
        await store.close();
      }
    },
    SPAWN_TIMEOUT * 2,
  );

  it('answers exit 2 for an unreadable file and for an unknown clinic, without a stack trace', async () => {
    const missing = await runCli([
      'remit',
      'import',
      path.join(dir, 'nope.835'),
      '--database-url',
      url,
      '--clinic',
      a.clinicId,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const junk = path.join(dir, 'junk.835');
    await writeFile(junk, 'this is not an X12 file\n');
    const notX12 = await runCli(['remit', 'import', junk, '--database-url', url, '--clinic', a.clinicId]);
    expect(notX12.code, notX12.stderr).toBe(2);
    const unknown = await runCli([
      'remit',
      'import',
      path.join(dir, 'era.835'),
      '--database-url',
      url,
      '--clinic',
      'nope',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no clinic with id nope/);
    const noClinic = await runCli(['remit', 'import', path.join(dir, 'era.835'), '--database-url', url]);
    expect(noClinic.code).toBe(2);
    const noDb = await runCli([
      'claims',
      'export',
      '--database-url',
      `sqlite:${path.join(dir, 'typo.db')}`,
      '--clinic',
      a.clinicId,
    ]);
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toMatch(/no database at/);
    await expect(readFile(path.join(dir, 'typo.db'))).rejects.toThrow();
    for (const x of [missing, notX12, unknown, noClinic, noDb]) expect(hasStackTrace(x.stderr)).toBe(false);
  });
});
