/**
 * The claims repository (migration 0005) on every engine: SQLite always, PostgreSQL when reachable (required under
 * UNITWISE_REQUIRE_PG=1). Create and read claims, clinic scoping, status moves, exports, and an 835 posted twice
 * that is stored once; migration 0008's unique payment and claim payment keys under concurrent posts, the charge
 * guard, unmatched claims recorded without posting, and the backfill of older postings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClaimsRepository,
  type ClaimTables,
  claimsRepository,
  type NewClaim,
  type NewRemittance,
  openStore,
  type Store,
} from '../src/index.ts';
import { backfill } from '../src/migrations/0008-posting-identity.ts';
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
  const trace = key.split('@')[0] ?? key;
  return {
    payments: [
      {
        key: `12345|${trace}|7000|2026-02-01`,
        payerId: '12345',
        traceNumber: trace,
        paymentCents: 7000,
        paymentDate: '2026-02-01',
      },
    ],
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
        claimKey: `payment|${claimNumber}|PCN-${trace}|0`,
        paymentKey: `12345|${trace}|7000|2026-02-01`,
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

    describe('one payment posts once (migration 0008)', () => {
      let d: Seeded;
      let claimId = '';
      const payment = (trace: string, cents = 7000) => ({
        key: `12345|${trace}|${cents}|2026-02-01`,
        payerId: '12345',
        traceNumber: trace,
        paymentCents: cents,
        paymentDate: '2026-02-01',
      });
      /** A post of `trace`, in other bytes each time (`fileKey`), paying UWD00001 under `pcn`. */
      const post = (trace: string, fileKey: string, pcn = 'PCN-D1', paid = 7000): NewRemittance => {
        const input = remittance(claimId, 'UWD00001', fileKey);
        const c = input.claims[0];
        if (!c) throw new Error('missing');
        input.payments = [payment(trace, paid)];
        c.claimKey = `payment|UWD00001|${pcn}|0`;
        c.paymentKey = payment(trace, paid).key;
        c.paidCents = paid;
        c.fromStatus = 'exported';
        return input;
      };
      const paidNow = async () => (await claims.get(d.clinicId, claimId))?.paidCents;
      const remits = async () => (await claims.listRemittances(d.clinicId)).items.length;

      beforeAll(async () => {
        d = await seed(store, 'Delta');
        claimId = (await claims.create(d.clinicId, newClaim(d, 'UWD00001', 'exported'))).id;
      });

      it('concurrent posts of one payment in other bytes: one remittance, paid once', async () => {
        const all = await Promise.all(
          [1, 2, 3, 4, 5].map((i) => claims.postRemittance(d.clinicId, post('EFT-D1', `EFT-D1@12345#bytes${i}`))),
        );
        expect(all.filter((r) => r.created)).toHaveLength(1);
        const first = all.find((r) => r.created)?.remittance.id;
        for (const r of all) expect(r.remittance.id).toBe(first);
        expect(await remits()).toBe(1);
        expect(await paidNow()).toBe(7000);
        const found = await claims.findPayments(d.clinicId, [{ payerId: '12345', traceNumber: 'EFT-D1' }]);
        expect(found).toEqual([{ ...payment('EFT-D1'), remittanceId: first }]);
        expect(await claims.postedClaimPayments(d.clinicId, { claimIds: [claimId] })).toEqual([
          {
            claimId,
            claimNumber: 'UWD00001',
            claimKey: 'payment|UWD00001|PCN-D1|0',
            paymentKey: payment('EFT-D1').key,
            paidCents: 7000,
            remittanceId: first,
          },
        ]);
        expect(await claims.findPayments(a.clinicId, [{ payerId: '12345', traceNumber: 'EFT-D1' }])).toEqual([]);
      });

      it('the same claim payment in another payment is refused whole, nothing written', async () => {
        await expect(
          claims.postRemittance(d.clinicId, { ...post('EFT-D2', 'EFT-D2@12345#x', 'PCN-D1', 1000), claims: [] }),
        ).resolves.toMatchObject({ created: true });
        // The claim key is unique: a second posting of CLP07 PCN-D1 is refused, whatever trace carries it.
        await expect(claims.postRemittance(d.clinicId, post('EFT-D3', 'EFT-D3@12345#y'))).rejects.toMatchObject({
          code: 'constraint',
        });
        expect(await remits()).toBe(2);
        expect(await paidNow()).toBe(7000);
      });

      it('never lets payments pass the charge, nor post to a claim whose status moved', async () => {
        // $70.00 paid on $110.00: another $70.00 (a new CLP07) would pass the charge.
        await expect(
          claims.postRemittance(d.clinicId, { ...post('EFT-D4', 'EFT-D4@12345#z', 'PCN-D4'), claims: [] }),
        ).resolves.toMatchObject({ created: true });
        const over = post('EFT-D5', 'EFT-D5@12345#w', 'PCN-D5');
        if (over.claims[0]) over.claims[0].fromStatus = 'partly-paid';
        await expect(claims.postRemittance(d.clinicId, over)).rejects.toMatchObject({ code: 'constraint' });
        const moved = post('EFT-D6', 'EFT-D6@12345#v', 'PCN-D6', 1000);
        await expect(claims.postRemittance(d.clinicId, moved)).rejects.toMatchObject({ code: 'constraint' });
        expect(await remits()).toBe(3);
        expect(await paidNow()).toBe(7000);
        expect(await claims.findPayments(d.clinicId, [{ payerId: '12345', traceNumber: 'EFT-D5' }])).toEqual([]);
      });

      it('records an unmatched claim with its reason and posts nothing to it', async () => {
        const input = post('EFT-D7', 'EFT-D7@12345#u', 'PCN-D7', 1000);
        const c = input.claims[0];
        if (!c) throw new Error('missing');
        Object.assign(c, {
          claimId: null,
          claimKey: null,
          unmatchedReason: 'not-sent',
          unmatchedMessage: 'Claim UWD00001 is a draft and was never sent to a payer.',
        });
        const r = await claims.postRemittance(d.clinicId, input);
        expect(await paidNow()).toBe(7000);
        const detail = await claims.getRemittance(d.clinicId, r.remittance.id);
        expect(detail?.claims[0]).toMatchObject({
          claimId: null,
          claimKey: null,
          unmatchedReason: 'not-sent',
          unmatchedMessage: expect.stringMatching(/never sent/),
        });
        expect((await claims.get(d.clinicId, claimId))?.events.map((e) => e.event)).toEqual(['built', 'partly-paid']);
      });
    });

    it('migration 0008 keys what was posted before it, first posting only, so it cannot post again', async () => {
      const e = await seed(store, 'Epsilon');
      const id = (await claims.create(e.clinicId, newClaim(e, 'UWE00001', 'exported'))).id;
      // Posted the old way (no identities), then the same payment again as the old rules allowed.
      const old = (fileKey: string) => {
        const input = remittance(id, 'UWE00001', fileKey);
        delete input.payments;
        input.traceNumbers = ['T9'];
        for (const c of input.claims) {
          delete c.claimKey;
          delete c.paymentKey;
          c.paidCents = 2000;
        }
        return input;
      };
      const first = await claims.postRemittance(e.clinicId, old('T9@12345#one'));
      await claims.postRemittance(e.clinicId, old('T9@12345#two'));
      const raw = store.db.withTables<ClaimTables>();
      await backfill(store.db as never);
      const keyed = await raw
        .selectFrom('remittance_claims')
        .select(['remittance_id', 'claim_key', 'payment_key'])
        .where('clinic_id', '=', e.clinicId)
        .execute();
      expect(keyed.filter((r) => r.claim_key !== null)).toEqual([
        {
          remittance_id: first.remittance.id,
          claim_key: 'payment|UWE00001|PCN-1|0',
          payment_key: '12345|T9|7000|2026-02-01',
        },
      ]);
      expect(await claims.findPayments(e.clinicId, [{ payerId: '12345', traceNumber: 'T9' }])).toEqual([
        {
          key: '12345|T9|7000|2026-02-01',
          payerId: '12345',
          traceNumber: 'T9',
          paymentCents: 7000,
          paymentDate: '2026-02-01',
          remittanceId: first.remittance.id,
        },
      ]);
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
      line.paidCents = 0;
      const claim = input.claims[0];
      if (claim) {
        // A denial pays nothing: the claim's payments stay within its charge.
        claim.paidCents = 0;
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
        // The second file denies: it pays nothing (the claim's payments stay within its charge).
        [['T1'], 'Example MAC', 0],
      ]);
      expect(postings[0]?.lines[0]?.adjustments.map((x) => `${x.group}-${x.reason}`)).toEqual(['CO-45', 'PR-2']);
      expect(postings[1]?.adjustments.map((x) => `${x.group}-${x.reason}`)).toEqual(['CO-29']);
      expect(postings[1]?.lines[0]?.adjustments.map((x) => `${x.group}-${x.reason}`)).toEqual(['CO-236']);
      expect(postings[0]?.remittanceId).not.toBe(postings[1]?.remittanceId);
      expect(await claims.claimPostings(b.clinicId, c.id)).toEqual([]);
    });
  });
}
