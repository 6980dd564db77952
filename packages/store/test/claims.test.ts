/**
 * The claims repository (migration 0005) on every engine: SQLite always, PostgreSQL when reachable (required under
 * UNITWISE_REQUIRE_PG=1). Create and read claims, clinic scoping, status moves, exports, and an 835 posted twice
 * that is stored once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClaimsRepository,
  claimsRepository,
  type NewClaim,
  type NewRemittance,
  openStore,
  type Store,
} from '../src/index.ts';
import { steppingClock, type Target, targetFactories } from './helpers/targets.ts';

interface Seeded {
  clinicId: string;
  patientId: string;
  visitId: string;
}

async function seed(store: Store, name: string): Promise<Seeded> {
  const clinic = await store.clinics.create({ name });
  const patient = await store.patients.create(clinic.id, {
    firstName: 'Ada',
    lastName: 'Claimtest',
    birthDate: '1948-03-02',
    sex: 'F',
  });
  const visit = await store.visits.create(clinic.id, {
    patientId: patient.id,
    date: '2026-01-05',
    discipline: 'PT',
    provider: { credential: 'PT' },
    services: [{ code: '97530', minutes: 23, modifiers: ['GP'] }],
  });
  if (!visit.ok) throw new Error(visit.reason);
  return { clinicId: clinic.id, patientId: patient.id, visitId: visit.value.id };
}

function newClaim(s: Seeded, claimNumber: string, status: NewClaim['status'] = 'ready'): NewClaim {
  return {
    claimNumber,
    patientId: s.patientId,
    payerId: null,
    payerPolicyId: 'medicare',
    renderingNpi: '1234567893',
    status,
    frequency: '1',
    claim: { claimId: claimNumber, lines: [] },
    chargeCents: 11000,
    lines: [
      {
        controlNumber: `${claimNumber}-1`,
        code: '97530',
        modifiers: ['GP'],
        dateOfService: '2026-01-05',
        units: 2,
        chargeCents: 11000,
        expectedCents: 7000,
      },
    ],
    visitIds: [s.visitId],
    scrubErrors: status === 'draft' ? [{ where: 'claim', message: 'The member id is missing.' }] : [],
    scrubWarnings: [],
  };
}

function remittance(claimId: string, claimNumber: string, key: string): NewRemittance {
  return {
    fileKey: key,
    fileHash: key.split('#')[1] ?? key,
    fileName: 'era.835',
    traceNumbers: ['T1'],
    payerId: '12345',
    payerName: 'Example MAC',
    paymentDate: '2026-02-01',
    paymentCents: 7000,
    totals: { paidCents: 7000, contractualCents: 2000, patientCents: 2000, otherCents: 0 },
    unknownClaims: [],
    summary: { balanced: true },
    postedBy: null,
    claims: [
      {
        claimId,
        claimNumber,
        payerStatus: '1',
        payerClaimNumber: 'PCN-1',
        event: 'partly-paid',
        newStatus: 'partly-paid',
        statusError: null,
        paidCents: 7000,
        patientCents: 2000,
        providerNpi: '1234567893',
        adjustments: [],
        lines: [
          {
            controlNumber: `${claimNumber}-1`,
            matchedBy: 'line-control',
            code: '97530',
            dateOfService: '2026-01-05',
            units: 2,
            chargeCents: 11000,
            paidCents: 7000,
            contractualCents: 2000,
            patientCents: 2000,
            otherCents: 0,
            expectedCents: 7000,
            varianceCents: 0,
            reversal: false,
            remarks: ['N130'],
            adjustments: [
              { group: 'CO', reason: '45', amountCents: 2000, kind: 'expected' },
              { group: 'PR', reason: '2', amountCents: 2000, kind: 'expected' },
            ],
          },
        ],
      },
    ],
  };
}

for (const factory of await targetFactories()) {
  const title = factory.skip ? `claims on ${factory.engine} (skipped: ${factory.skip})` : `claims on ${factory.engine}`;
  describe.skipIf(factory.skip !== undefined)(title, () => {
    let target: Target;
    let store: Store;
    let claims: ClaimsRepository;
    let a: Seeded;
    let b: Seeded;

    beforeAll(async () => {
      target = factory.make();
      const clock = steppingClock();
      store = await openStore(target.url, { clock });
      claims = claimsRepository(store, () => clock().toISOString());
      a = await seed(store, 'Alpha');
      b = await seed(store, 'Beta');
    });
    afterAll(async () => {
      await store?.close();
      await target?.dispose();
    });

    it('reserves claim and control numbers per clinic without reuse', async () => {
      expect(await claims.reserveClaimNumbers(a.clinicId, 3)).toBe(1);
      expect(await claims.reserveClaimNumbers(a.clinicId, 2)).toBe(4);
      expect(await claims.reserveClaimNumbers(b.clinicId, 1)).toBe(1);
      expect(await claims.reserveControlNumber(a.clinicId)).toBe(1);
      expect(await claims.reserveControlNumber(a.clinicId)).toBe(2);
      const s = await claims.putSettings(a.clinicId, { billingProvider: { npi: '1234567893' } });
      expect(s.settings).toEqual({ billingProvider: { npi: '1234567893' } });
      expect(s.nextClaimSeq).toBe(6);
    });

    it('creates a claim with lines, visits and its first event, and reads it back only in its clinic', async () => {
      const c = await claims.create(a.clinicId, newClaim(a, 'UW000001'));
      expect(c).toMatchObject({
        claimNumber: 'UW000001',
        status: 'ready',
        chargeCents: 11000,
        firstDate: '2026-01-05',
      });
      expect(c.lines).toHaveLength(1);
      expect(c.lines[0]).toMatchObject({ controlNumber: 'UW000001-1', modifiers: ['GP'], expectedCents: 7000 });
      expect(c.visitIds).toEqual([a.visitId]);
      expect(c.events.map((e) => [e.event, e.toStatus])).toEqual([['built', 'ready']]);
      expect(await claims.get(a.clinicId, c.id)).toEqual(c);
      expect(await claims.get(b.clinicId, c.id)).toBeUndefined();
      expect((await claims.list(b.clinicId)).items).toEqual([]);
      expect((await claims.list(a.clinicId, { status: 'ready' })).items.map((x) => x.id)).toEqual([c.id]);
      expect(await claims.claimedVisits(a.clinicId, [a.visitId])).toEqual(new Set([a.visitId]));
      expect(await claims.claimedVisits(b.clinicId, [a.visitId])).toEqual(new Set());
      expect(await claims.findByNumbers(b.clinicId, ['UW000001'])).toEqual([]);
      const moved = await claims.transition(b.clinicId, c.id, { from: 'ready', to: 'exported', event: 'exported' });
      expect(moved).toEqual({ ok: false, reason: 'not-found' });
    });

    it('keeps claim numbers unique per clinic, not across clinics', async () => {
      await claims.create(b.clinicId, newClaim(b, 'UW000001', 'draft'));
      await expect(claims.create(a.clinicId, newClaim(a, 'UW000001'))).rejects.toMatchObject({ code: 'constraint' });
    });

    it('rebuilds a draft at its version and refuses a stale version', async () => {
      const [c] = await claims.findByNumbers(b.clinicId, ['UW000001']);
      if (!c) throw new Error('missing');
      const { claimNumber: _n, patientId: _p, ...content } = newClaim(b, 'UW000001', 'ready');
      const r = await claims.replace(b.clinicId, c.id, c.version, content);
      expect(r.ok && r.value.status).toBe('ready');
      expect(r.ok && r.value.events.map((e) => e.event)).toEqual(['built', 'rebuilt']);
      expect(await claims.replace(b.clinicId, c.id, c.version, content)).toEqual({ ok: false, reason: 'conflict' });
    });

    it('exports ready claims into one stored file, atomically', async () => {
      const [c] = await claims.findByNumbers(a.clinicId, ['UW000001']);
      if (!c) throw new Error('missing');
      const draft = await claims.create(a.clinicId, { ...newClaim(a, 'UW000002', 'draft'), visitIds: [] });
      const refused = await claims.createExport(a.clinicId, {
        interchangeControl: 7,
        groupControl: 7,
        fileName: 'x.837',
        text: 'ISA*...',
        claimIds: [c.id, draft.id],
        chargeCents: 22000,
      });
      expect(refused).toEqual({ ok: false, reason: 'conflict' });
      expect((await claims.get(a.clinicId, c.id))?.status).toBe('ready');
      expect((await claims.listExports(a.clinicId)).items).toEqual([]);
      const ok = await claims.createExport(a.clinicId, {
        interchangeControl: 8,
        groupControl: 8,
        fileName: 'x.837',
        text: 'ISA*...~',
        claimIds: [c.id],
        chargeCents: 11000,
      });
      if (!ok.ok) throw new Error(ok.reason);
      const after = await claims.get(a.clinicId, c.id);
      expect(after).toMatchObject({ status: 'exported', exportId: ok.value.id });
      expect((await claims.getExport(a.clinicId, ok.value.id))?.text).toBe('ISA*...~');
      expect(await claims.getExport(b.clinicId, ok.value.id)).toBeUndefined();
    });

    it('posts an 835 once: the same file key a second time returns the first remittance', async () => {
      const [c] = await claims.findByNumbers(a.clinicId, ['UW000001']);
      if (!c) throw new Error('missing');
      const input = remittance(c.id, c.claimNumber, 'T1@12345#abc');
      const first = await claims.postRemittance(a.clinicId, input);
      expect(first.created).toBe(true);
      const again = await claims.postRemittance(a.clinicId, input);
      expect(again).toEqual({ created: false, remittance: first.remittance });
      expect((await claims.listRemittances(a.clinicId)).items).toHaveLength(1);
      const posted = await claims.get(a.clinicId, c.id);
      expect(posted).toMatchObject({ status: 'partly-paid', paidCents: 7000, patientCents: 2000 });
      expect(posted?.payerClaimNumber).toBe('PCN-1');
      expect(posted?.lines[0]).toMatchObject({ paidCents: 7000, contractualCents: 2000, patientCents: 2000 });
      const detail = await claims.getRemittance(a.clinicId, first.remittance.id);
      expect(detail?.claims[0]?.lines[0]?.adjustments.map((x) => `${x.group}-${x.reason}`)).toEqual(['CO-45', 'PR-2']);
      expect(detail?.claims[0]?.lines[0]?.remarks).toEqual(['N130']);
      expect(await claims.getRemittance(b.clinicId, first.remittance.id)).toBeUndefined();
      // The same file in another clinic is that clinic's own business.
      const other = await claims.postRemittance(b.clinicId, { ...input, claims: [] });
      expect(other.created).toBe(true);
    });

    it('pages the claim list newest first, each claim once, in its clinic only', async () => {
      const g = await seed(store, 'Gamma');
      const made: string[] = [];
      for (let i = 1; i <= 5; i++) made.push((await claims.create(g.clinicId, newClaim(g, `UWG0000${i}`))).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<ClaimsRepository['list']>> = await claims.list(g.clinicId, { limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...made].reverse());
      expect((await claims.list(a.clinicId, { limit: 500 })).items.some((c) => made.includes(c.id))).toBe(false);
    });

    it('adds up denials by reason, payer and provider', async () => {
      const [c] = await claims.findByNumbers(a.clinicId, ['UW000001']);
      if (!c) throw new Error('missing');
      const input = remittance(c.id, c.claimNumber, 'T2@12345#def');
      const line = input.claims[0]?.lines[0];
      if (!line) throw new Error('missing');
      line.adjustments = [{ group: 'CO', reason: '236', amountCents: 11000, kind: 'denial' }];
      const claim = input.claims[0];
      if (claim) {
        claim.newStatus = null;
        claim.adjustments = [{ group: 'CO', reason: '29', amountCents: 500, kind: 'denial' }];
      }
      await claims.postRemittance(a.clinicId, input);
      expect(await claims.denials(a.clinicId)).toEqual([
        {
          reason: '236',
          group: 'CO',
          payerId: '12345',
          payerName: 'Example MAC',
          providerNpi: '1234567893',
          lines: 1,
          amountCents: 11000,
        },
        {
          reason: '29',
          group: 'CO',
          payerId: '12345',
          payerName: 'Example MAC',
          providerNpi: '1234567893',
          lines: 1,
          amountCents: 500,
        },
      ]);
      expect(await claims.denials(b.clinicId)).toEqual([]);
      // The claim's own history of 835 answers: both files, oldest first, with their line and claim adjustments.
      const postings = await claims.claimPostings(a.clinicId, c.id);
      expect(postings.map((p) => [p.traceNumbers, p.payerName, p.paidCents])).toEqual([
        [['T1'], 'Example MAC', 7000],
        [['T1'], 'Example MAC', 7000],
      ]);
      expect(postings[0]?.lines[0]?.adjustments.map((x) => `${x.group}-${x.reason}`)).toEqual(['CO-45', 'PR-2']);
      expect(postings[1]?.adjustments.map((x) => `${x.group}-${x.reason}`)).toEqual(['CO-29']);
      expect(postings[1]?.lines[0]?.adjustments.map((x) => `${x.group}-${x.reason}`)).toEqual(['CO-236']);
      expect(postings[0]?.remittanceId).not.toBe(postings[1]?.remittanceId);
      expect(await claims.claimPostings(b.clinicId, c.id)).toEqual([]);
    });
  });
}
