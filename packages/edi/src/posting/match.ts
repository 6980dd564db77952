import { dollars } from '@unitwise/rules';
import { type ClaimEvent, type ClaimStatus, nextStatus } from '../claims/status.ts';
import type { RemitClaim, RemitLine } from '../x835/types.ts';
import { claimPaymentKey } from './key.ts';

/** One of our claim lines, as the store has it. */
export interface PostableLine {
  controlNumber: string;
  code: string;
  dateOfService: string;
  chargeCents: number;
  units: number;
  /** What the payer should pay (the engine's price), for variances; null when unknown. */
  expectedCents?: number | null;
}

/** One of our claims that an 835 may pay, with what was posted to it before. */
export interface PostableClaim {
  /** CLM01, which the payer echoes as CLP01. */
  claimId: string;
  status: ClaimStatus;
  renderingNpi?: string;
  /** CLM02: the total charge we sent. */
  chargeCents: number;
  /** Payer payments posted so far (net of reversals). */
  paidCents: number;
  /** First and last date of service, `YYYY-MM-DD`. */
  firstDate: string;
  lastDate: string;
  /** The patient as we sent them: the subscriber's member id, the patient's (or subscriber's) name. */
  patient: { memberId: string; lastName: string; firstName: string };
  /** Claim payments posted before (`claimPaymentKey`), with the amount each paid. */
  postings: readonly { key: string; paidCents: number }[];
  lines: PostableLine[];
}

/** Why an 835 claim posts nothing. */
export type UnmatchedReason =
  | 'unknown-claim'
  | 'not-sent'
  | 'retired'
  | 'charge-differs'
  | 'no-patient'
  | 'patient-differs'
  | 'no-dates'
  | 'dates-differ'
  | 'line-unmatched'
  | 'already-posted'
  | 'nothing-to-reverse'
  | 'reversal-differs'
  | 'overpaid'
  | 'status';

/** How one 835 service line found (or did not find) one of our lines. */
export interface LineMatch {
  line: PostableLine | undefined;
  matchedBy: 'line-control' | 'code-date-charge' | 'unmatched';
}

/** The one matching decision for one 835 claim; preview and post both take it from here. */
export type ClaimMatch =
  | { ok: true; key: string; event: ClaimEvent; newStatus: ClaimStatus; lines: LineMatch[] }
  | { ok: false; reason: UnmatchedReason; message: string; event: ClaimEvent; lines: LineMatch[] };

/** What posting has done to one of our claims so far: before the file, then after each of its CLPs. */
export interface ClaimState {
  status: ClaimStatus;
  paidCents: number;
  /** Claim payment key → the amount it paid. */
  postings: Map<string, number>;
}

/** The starting state of a claim, before this file. */
export function claimState(c: PostableClaim): ClaimState {
  return { status: c.status, paidCents: c.paidCents, postings: new Map(c.postings.map((p) => [p.key, p.paidCents])) };
}

// Tolerances of a match (issue 16 "Posting only where a payment belongs"; segments as in x12.md §4: CLP03 charge,
// CLP07 payer claim control number, NM1*QC patient with NM1*74 corrections, REF*6R our line control number):
// - charge: 0 cents. CLP03 echoes the CLM02 we wrote, in whole cents; a payer that splits a claim (MA15) sends a
//   smaller CLP03, and such a part is left unmatched for the biller to post by hand.
// - dates: 0 days. Every DTM*472/150/151 of the lines and DTM*232/233 of the claim must fall within our first..last
//   date of service; a payment naming no date at all cannot be checked and is unmatched.
// - patient: the member id equal ignoring case, spaces and punctuation, OR the last name equal ignoring case, spaces
//   and punctuation with the same first initial (payers correct one or the other through NM1*74).
// - lines: REF*6R equal to our line control number; else code (SVC01 or the submitted SVC06) + date + |charge| all
//   equal, each of our lines used once. A claim with a line that matches none of ours posts nothing.
// - amounts: the payments on a claim never exceed its charge; a reversal must reverse, to the cent, a payment
//   posted here under the same CLP07 that is not reversed yet.

/** Statuses a payment (CLP02 other than 22) may post to: sent, or already answered (a payer's reprocessing). */
const PAYABLE: readonly ClaimStatus[] = ['exported', 'paid', 'partly-paid', 'denied'];
/** Statuses a reversal (CLP02 = 22) may post to: only claims something was posted to. */
const REVERSIBLE: readonly ClaimStatus[] = ['paid', 'partly-paid', 'denied'];

/** Letters and digits only, upper case: "O'Brien" and "OBRIEN" compare equal. */
function norm(s: string | undefined): string {
  return (s ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
}

/** The event an 835 claim means: CLP02 22 reverses; 4 or nothing paid denies; else paid in full or in part. */
export function claimEvent(c: Pick<RemitClaim, 'status' | 'paidCents' | 'chargeCents'>): ClaimEvent {
  if (c.status === '22') return 'reversed';
  if (c.status === '4' || c.paidCents <= 0) return 'denied';
  return c.paidCents >= c.chargeCents ? 'paid' : 'partly-paid';
}

function lineDate(rc: RemitClaim, rl: RemitLine): string | undefined {
  if (rl.dateOfService) return rl.dateOfService;
  // A one-day statement period dates every line of it.
  return rc.statementFrom && rc.statementFrom === rc.statementTo ? rc.statementFrom : undefined;
}

/**
 * Matches each 835 service line to one of our lines: by REF*6R, then by code + date + charge.
 * @param rc - the 835 claim
 * @param ours - our claim with that number, if any
 */
export function matchLines(rc: RemitClaim, ours: PostableClaim | undefined): LineMatch[] {
  const used = new Set<string>();
  return rc.lines.map((rl): LineMatch => {
    if (!ours) return { line: undefined, matchedBy: 'unmatched' };
    let line = rl.lineControl ? ours.lines.find((l) => l.controlNumber === rl.lineControl) : undefined;
    let matchedBy: LineMatch['matchedBy'] = line ? 'line-control' : 'unmatched';
    if (!line) {
      const codes = new Set([rl.procedure.code, rl.submittedProcedure?.code]);
      const date = lineDate(rc, rl);
      const charge = Math.abs(rl.chargeCents);
      line = ours.lines.find(
        (l) => !used.has(l.controlNumber) && codes.has(l.code) && l.dateOfService === date && l.chargeCents === charge,
      );
      if (line) matchedBy = 'code-date-charge';
    }
    if (line) used.add(line.controlNumber);
    return { line, matchedBy };
  });
}

function datesOf(rc: RemitClaim): string[] {
  const out: string[] = [];
  for (const d of [rc.statementFrom, rc.statementTo]) if (d) out.push(d);
  for (const l of rc.lines) for (const d of [l.dateOfService, l.dateOfServiceEnd]) if (d) out.push(d);
  return out;
}

function samePatient(rc: RemitClaim, ours: PostableClaim): boolean {
  const p = rc.patient;
  if (!p) return false;
  const id = norm(p.id);
  if (id !== '' && id === norm(ours.patient.memberId)) return true;
  const last = norm(p.lastName);
  const first = norm(p.firstName);
  const ourFirst = norm(ours.patient.firstName);
  return last !== '' && last === norm(ours.patient.lastName) && first !== '' && first[0] === ourFirst[0];
}

/** Reversals already posted for this claim number and CLP07: the `n` of the next claim payment key. */
function reversalsOf(state: ClaimState, rc: RemitClaim): number {
  const prefix = `reversal|${rc.claimId.trim()}|${rc.payerClaimNumber.trim()}|`;
  let n = 0;
  for (const k of state.postings.keys()) if (k.startsWith(prefix)) n++;
  return n;
}

/**
 * Decides whether one 835 claim (CLP) pays one of our claims, and if not, why. It matches only when the claim was
 * sent (exported; or already paid, partly paid or denied, for reversals and reprocessed payments), its number is
 * CLP01, the charge, patient and dates agree within the tolerances above, every line matches one of ours, this
 * payment was not posted before, and the claim's payments stay within its charge. Pure.
 * @param rc - the 835 claim
 * @param ours - our claim numbered CLP01, if there is one
 * @param state - what was posted to it so far (`claimState`, then updated by `applyMatch`)
 * @param postedFromSamePayment - this claim number was already posted from this very payment (a re-sent file)
 */
export function matchClaim(
  rc: RemitClaim,
  ours: PostableClaim | undefined,
  state: ClaimState | undefined,
  postedFromSamePayment = false,
): ClaimMatch {
  const event = claimEvent(rc);
  const lines = matchLines(rc, ours);
  const no = (reason: UnmatchedReason, message: string): ClaimMatch => ({ ok: false, reason, message, event, lines });
  const n = rc.claimId;
  if (!ours || !state) return no('unknown-claim', `No claim numbered ${n} was sent by this clinic.`);
  // First: a payment sent again may differ in any detail (one altered code), and "posted before" is what is true.
  if (postedFromSamePayment)
    return no('already-posted', `This payment of claim ${n} was posted before (the same payment, sent again).`);
  const reversal = rc.status === '22';
  const status = state.status;
  if (status === 'draft' || status === 'ready')
    return no(
      'not-sent',
      `Claim ${n} is ${status === 'draft' ? 'a draft' : 'ready to send'} and was never sent to a payer, so no payment can belong to it.`,
    );
  if (status === 'corrected' || status === 'voided')
    return no(
      'retired',
      status === 'corrected'
        ? `Claim ${n} was replaced by a corrected claim, which the payer should answer instead; check this payment with the payer.`
        : `Claim ${n} was voided, so nothing should be paid on it; check this payment with the payer.`,
    );
  if (!(reversal ? REVERSIBLE : PAYABLE).includes(status))
    return no('nothing-to-reverse', `The payer reverses a payment of claim ${n}, but nothing is posted to it.`);
  if (Math.abs(rc.chargeCents) !== ours.chargeCents)
    return no(
      'charge-differs',
      `The payer's charge of ${dollars(Math.abs(rc.chargeCents))} differs from claim ${n}'s charge of ${dollars(ours.chargeCents)}.`,
    );
  if (!rc.patient) return no('no-patient', `The payment for claim ${n} names no patient, so it cannot be checked.`);
  if (!samePatient(rc, ours))
    return no('patient-differs', `The patient on the payment (member id and name) is not claim ${n}'s patient.`);
  const dates = datesOf(rc);
  if (dates.length === 0) return no('no-dates', `The payment for claim ${n} gives no date of service.`);
  const outside = dates.find((d) => d < ours.firstDate || d > ours.lastDate);
  if (outside)
    return no(
      'dates-differ',
      `The payment's date of service ${outside} is not within claim ${n}'s dates (${ours.firstDate === ours.lastDate ? ours.firstDate : `${ours.firstDate} to ${ours.lastDate}`}).`,
    );
  const loose = rc.lines.findIndex((_, i) => lines[i]?.line === undefined);
  const rl = rc.lines[loose];
  if (rl)
    return no(
      'line-unmatched',
      `The payment's line ${rl.procedure.code}${rl.dateOfService ? ` on ${rl.dateOfService}` : ''}, ${dollars(Math.abs(rl.chargeCents))}, matches none of claim ${n}'s lines.`,
    );
  const pcn = rc.payerClaimNumber.trim();
  const count = reversalsOf(state, rc);
  const key = claimPaymentKey(rc, count);
  if (state.postings.has(key))
    return no(
      'already-posted',
      `This ${reversal ? 'reversal' : 'payment'} of claim ${n} (payer claim number ${pcn || 'none'}) was posted before.`,
    );
  if (reversal) {
    const reversed = state.postings.get(claimPaymentKey({ ...rc, status: '1' }, count));
    if (reversed === undefined)
      return no(
        'nothing-to-reverse',
        `The payer reverses a payment of claim ${n} (payer claim number ${pcn || 'none'}) that was not posted here or is reversed already.`,
      );
    if (reversed !== -rc.paidCents)
      return no(
        'reversal-differs',
        `The payer reverses ${dollars(-rc.paidCents)} on claim ${n}, but the payment posted under payer claim number ${pcn || 'none'} was ${dollars(reversed)}.`,
      );
  }
  const total = state.paidCents + rc.paidCents;
  if (total > ours.chargeCents)
    return no(
      'overpaid',
      `Posting ${dollars(rc.paidCents)} would bring the payments on claim ${n} to ${dollars(total)}, more than its charge of ${dollars(ours.chargeCents)}; the payer's reversal must come first.`,
    );
  const moved = nextStatus(status, event);
  if (!moved.ok) return no('status', `Claim ${n}: ${moved.message}`);
  return { ok: true, key, event, newStatus: moved.status, lines };
}

/**
 * Records a matched claim payment in the running state, so the next CLP of the same file sees it (a reversal and
 * its correction often come together).
 * @param state - the claim's running state
 * @param m - a match that is `ok`
 * @param paidCents - CLP04
 */
export function applyMatch(state: ClaimState, m: Extract<ClaimMatch, { ok: true }>, paidCents: number): void {
  state.status = m.newStatus;
  state.paidCents += paidCents;
  state.postings.set(m.key, paidCents);
}
