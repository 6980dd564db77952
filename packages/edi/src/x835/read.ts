import { explainGroup, GROUP_CODES } from '../codes/groups.ts';
import { EdiError, type Problem } from '../problem.ts';
import { dollars, parseCents } from '../x12/amount.ts';
import { isoDate } from '../x12/dates.ts';
import { components, DEFAULT_DELIMITERS, type Delimiters } from '../x12/delimiters.ts';
import { EnvelopeTracker } from '../x12/envelope.ts';
import { type Segment, SegmentReader } from '../x12/tokenizer.ts';
import type {
  Adjustment,
  BalanceCheck,
  BalanceSummary,
  Procedure,
  ProviderAdjustment,
  RemitClaim,
  RemitLine,
  RemitTransaction,
  Remittance,
} from './types.ts';

/** How to read an 835. */
export interface Read835Options {
  /** Keep every claim and every passing check in the result (default true). False for very large files. */
  keepClaims?: boolean;
  /** Called as each claim is complete (with its lines), e.g. to post it or write it out. */
  onClaim?: (claim: RemitClaim, transaction: RemitTransaction) => void;
}

// Failures stored beyond this are only counted, so a wholly unbalanced 50 MB file stays small in memory.
const MAX_STORED_FAILURES = 1000;

function procedureOf(value: string | undefined, d: Delimiters): Procedure {
  const parts = components(value, d);
  return { qualifier: parts[0] ?? '', code: parts[1] ?? '', modifiers: parts.slice(2, 6).filter((m) => m !== '') };
}

/**
 * Reads an 835 (005010X221A1) segment by segment: payment (BPR, TRN), payer and payee, claims (CLP, CAS, NM1,
 * MOA/MIA), service lines (SVC, DTM*472/150/151, CAS, REF*6R, AMT*B6, LQ*HE) and PLB. When each claim and
 * transaction closes it checks the three balancing equations (X12 RFI 2348; x12.md §4 "Balancing").
 */
export class Remit835Reader {
  private readonly env = new EnvelopeTracker({ transaction: '835', functionalId: 'HP', version: '005010X221A1' });
  private readonly keep: boolean;
  private readonly onClaim: Read835Options['onClaim'];
  private readonly transactions: RemitTransaction[] = [];
  private readonly checks: BalanceCheck[] = [];
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private readonly summary: BalanceSummary = {
    service: { checked: 0, failed: 0 },
    claim: { checked: 0, failed: 0 },
    transaction: { checked: 0, failed: 0 },
  };
  private storedFailures = 0;
  private txn: RemitTransaction | null = null;
  private claim: RemitClaim | null = null;
  private line: RemitLine | null = null;
  private party: 'payer' | 'payee' | null = null;
  private segments = 0;
  private readonly unknownGroups = new Set<string>();

  /** @param options - keep claims or stream them to a callback */
  constructor(options: Read835Options = {}) {
    this.keep = options.keepClaims ?? true;
    this.onClaim = options.onClaim;
  }

  /**
   * Takes the next segment.
   * @param seg - the segment
   * @param d - the interchange's delimiters (for composites)
   */
  segment(seg: Segment, d: Delimiters): void {
    this.segments++;
    if (this.env.segment(seg)) {
      const tag = seg[0];
      if (tag === 'ST') this.openTransaction(seg);
      else if (tag === 'SE' || tag === 'GE' || tag === 'IEA') this.closeTransaction();
      return;
    }
    const txn = this.txn;
    if (txn === null) return;
    switch (seg[0]) {
      case 'BPR':
        txn.handling = seg[1] ?? '';
        txn.totalCents = this.amount(seg, 2, 'BPR02') ?? 0;
        txn.creditDebit = seg[3] ?? '';
        txn.method = seg[4] ?? '';
        txn.paymentDate = isoDate(seg[16]);
        break;
      case 'TRN':
        txn.traceNumber = seg[2] ?? '';
        txn.payerId = seg[3] ?? '';
        break;
      case 'N1':
        if (seg[1] === 'PR') {
          this.party = 'payer';
          txn.payer = { name: seg[2] ?? '', id: seg[4] };
        } else if (seg[1] === 'PE') {
          this.party = 'payee';
          txn.payee = { name: seg[2] ?? '', idQualifier: seg[3], id: seg[4] };
        } else this.party = null;
        break;
      case 'REF':
        this.ref(seg, txn);
        break;
      case 'LX':
        this.closeClaim();
        break;
      case 'CLP':
        this.openClaim(seg);
        break;
      case 'NM1':
        this.nm1(seg);
        break;
      case 'MOA':
        if (this.claim) for (let i = 3; i <= 7; i++) if (seg[i]) this.claim.remarks.push(seg[i] as string);
        break;
      case 'MIA':
        if (this.claim) for (const i of [5, 20, 21, 22, 23]) if (seg[i]) this.claim.remarks.push(seg[i] as string);
        break;
      case 'SVC':
        this.openLine(seg, d);
        break;
      case 'DTM':
        if (this.line) {
          if (seg[1] === '472' || seg[1] === '150') this.line.dateOfService = isoDate(seg[2]);
          else if (seg[1] === '151') this.line.dateOfServiceEnd = isoDate(seg[2]);
        }
        break;
      case 'CAS':
        this.cas(seg);
        break;
      case 'AMT':
        if (this.line && seg[1] === 'B6') this.line.allowedCents = this.amount(seg, 2, 'AMT02') ?? undefined;
        break;
      case 'LQ':
        if (this.line && seg[1] === 'HE' && seg[2]) this.line.remarks.push(seg[2]);
        break;
      case 'PLB':
        this.closeClaim();
        this.plb(seg, d, txn);
        break;
      default:
        break;
    }
  }

  /** Closes what is open and returns the remittance with its checks. */
  finish(): Remittance {
    this.closeTransaction();
    this.env.finish();
    const failed = this.summary.service.failed + this.summary.claim.failed + this.summary.transaction.failed;
    if (this.storedFailures > MAX_STORED_FAILURES)
      this.errors.push({
        where: 'file',
        message: `${this.storedFailures - MAX_STORED_FAILURES} more balancing failures were counted but not listed.`,
      });
    if (this.transactions.length === 0 && this.errors.length === 0)
      this.errors.push({ where: 'file', message: 'No 835 transaction set (ST*835) was found.' });
    return {
      interchange: {
        control: this.env.interchangeControl,
        sender: this.env.sender,
        receiver: this.env.receiver,
        date: this.env.interchangeDate,
        version: this.env.groupVersion,
      },
      transactions: this.transactions,
      checks: this.checks,
      summary: this.summary,
      balanced: failed === 0 && this.transactions.length > 0,
      errors: [...this.env.errors, ...this.errors],
      warnings: [...this.env.warnings, ...this.warnings],
      segmentCount: this.segments,
    };
  }

  private amount(seg: Segment, i: number, name: string): number | null {
    const v = seg[i];
    if (v === undefined || v === '') return null;
    const c = parseCents(v);
    if (c === null)
      this.errors.push({ where: this.env.where(seg[0] ?? ''), message: `${name} "${v}" is not an amount.` });
    return c;
  }

  private openTransaction(seg: Segment): void {
    this.closeTransaction();
    this.txn = {
      where: `ST ${seg[2] ?? ''}`,
      control: seg[2] ?? '',
      handling: '',
      totalCents: 0,
      creditDebit: '',
      method: '',
      traceNumber: '',
      payerId: '',
      payer: { name: '' },
      payee: { name: '' },
      claims: [],
      providerAdjustments: [],
      paidTotalCents: 0,
      plbTotalCents: 0,
      claimCount: 0,
      lineCount: 0,
    };
    this.party = null;
  }

  private closeTransaction(): void {
    const txn = this.txn;
    if (txn === null) return;
    this.closeClaim();
    const expected = txn.paidTotalCents - txn.plbTotalCents;
    this.check(
      'transaction',
      txn.where,
      expected,
      txn.totalCents,
      `Payment ${txn.traceNumber || '(no trace)'}: Σ claim payments ${dollars(txn.paidTotalCents)} − provider adjustments ${dollars(txn.plbTotalCents)} = ${dollars(expected)}; BPR02 says ${dollars(txn.totalCents)}.`,
    );
    if (this.keep) this.transactions.push(txn);
    else this.transactions.push({ ...txn, claims: [] });
    this.txn = null;
  }

  private openClaim(seg: Segment): void {
    this.closeClaim();
    const where = this.env.where('CLP');
    if (seg.length < 5)
      this.errors.push({ where, message: 'CLP has fewer than the 4 required elements (id, status, charge, paid).' });
    this.claim = {
      where,
      claimId: seg[1] ?? '',
      status: seg[2] ?? '',
      chargeCents: this.amount(seg, 3, 'CLP03') ?? 0,
      paidCents: this.amount(seg, 4, 'CLP04') ?? 0,
      patientCents: this.amount(seg, 5, 'CLP05') ?? 0,
      filingIndicator: seg[6] ?? '',
      payerClaimNumber: seg[7] ?? '',
      facility: seg[8] ?? '',
      frequency: seg[9] ?? '',
      adjustments: [],
      remarks: [],
      lines: [],
    };
  }

  private closeLine(): void {
    const line = this.line;
    if (line === null) return;
    this.line = null;
    let adj = 0;
    for (const a of line.adjustments) adj += a.amountCents;
    const expected = line.chargeCents - adj;
    this.check(
      'service',
      line.where,
      expected,
      line.paidCents,
      `Line ${line.procedure.code}${line.lineControl ? ` (${line.lineControl})` : ''}: charge ${dollars(line.chargeCents)} − adjustments ${dollars(adj)} = ${dollars(expected)}; SVC03 paid ${dollars(line.paidCents)}.`,
    );
  }

  private closeClaim(): void {
    this.closeLine();
    const claim = this.claim;
    const txn = this.txn;
    if (claim === null || txn === null) return;
    this.claim = null;
    let claimAdj = 0;
    for (const a of claim.adjustments) claimAdj += a.amountCents;
    let lineAdj = 0;
    let linePaid = 0;
    for (const l of claim.lines) {
      linePaid += l.paidCents;
      for (const a of l.adjustments) lineAdj += a.amountCents;
    }
    const expected = claim.chargeCents - claimAdj - lineAdj;
    this.check(
      'claim',
      claim.where,
      expected,
      claim.paidCents,
      `Claim ${claim.claimId}: charge ${dollars(claim.chargeCents)} − claim adjustments ${dollars(claimAdj)} − line adjustments ${dollars(lineAdj)} = ${dollars(expected)}; CLP04 paid ${dollars(claim.paidCents)}.`,
    );
    if (claim.lines.length > 0) {
      const fromLines = linePaid - claimAdj;
      this.check(
        'claim',
        claim.where,
        fromLines,
        claim.paidCents,
        `Claim ${claim.claimId} lines: Σ line payments ${dollars(linePaid)} − claim adjustments ${dollars(claimAdj)} = ${dollars(fromLines)}; CLP04 paid ${dollars(claim.paidCents)}.`,
      );
    }
    txn.paidTotalCents += claim.paidCents;
    txn.claimCount++;
    txn.lineCount += claim.lines.length;
    if (this.keep) txn.claims.push(claim);
    this.onClaim?.(claim, txn);
  }

  private openLine(seg: Segment, d: Delimiters): void {
    this.closeLine();
    const where = this.env.where('SVC');
    if (this.claim === null) {
      this.errors.push({ where, message: 'SVC outside a claim (no CLP before it).' });
      return;
    }
    const unitsText = seg[5];
    const units = unitsText === undefined || unitsText === '' ? 1 : Number(unitsText);
    const line: RemitLine = {
      where,
      procedure: procedureOf(seg[1], d),
      chargeCents: this.amount(seg, 2, 'SVC02') ?? 0,
      paidCents: this.amount(seg, 3, 'SVC03') ?? 0,
      units: Number.isFinite(units) ? units : 1,
      adjustments: [],
      remarks: [],
    };
    if (seg[6]) line.submittedProcedure = procedureOf(seg[6], d);
    this.claim.lines.push(line);
    this.line = line;
  }

  private cas(seg: Segment): void {
    const target = this.line ?? this.claim;
    const where = this.env.where('CAS');
    if (target === null) {
      this.errors.push({ where, message: 'CAS outside a claim.' });
      return;
    }
    const group = seg[1] ?? '';
    if (!Object.hasOwn(GROUP_CODES, group) || group === 'CR') {
      if (!this.unknownGroups.has(group)) {
        this.unknownGroups.add(group);
        this.warnings.push({ where, message: `Group code "${group}": ${explainGroup(group)}` });
      }
    }
    for (let i = 2; i + 1 < seg.length && i <= 17; i += 3) {
      const reason = seg[i];
      if (!reason) continue;
      const amountCents = this.amount(seg, i + 1, `CAS${String(i + 1).padStart(2, '0')}`) ?? 0;
      const adj: Adjustment = { group, reason, amountCents };
      const q = seg[i + 2];
      if (q !== undefined && q !== '') adj.quantity = Number(q);
      target.adjustments.push(adj);
    }
  }

  private ref(seg: Segment, txn: RemitTransaction): void {
    if (this.line) {
      if (seg[1] === '6R') this.line.lineControl = seg[2];
      return;
    }
    if (this.claim === null && this.party === 'payee' && seg[1] === 'TJ') txn.payee.taxId = seg[2];
  }

  private nm1(seg: Segment): void {
    const claim = this.claim;
    if (claim === null) return;
    if (seg[1] === 'QC')
      claim.patient = { lastName: seg[3] ?? '', firstName: seg[4] ?? '', idQualifier: seg[8] ?? '', id: seg[9] ?? '' };
    else if (seg[1] === '82' && seg[8] === 'XX') claim.renderingNpi = seg[9];
  }

  private plb(seg: Segment, d: Delimiters, txn: RemitTransaction): void {
    const where = this.env.where('PLB');
    for (let i = 3; i + 1 < seg.length && i <= 13; i += 2) {
      const parts = components(seg[i], d);
      if (parts.length === 0) continue;
      const amountCents = this.amount(seg, i + 1, `PLB${String(i + 1).padStart(2, '0')}`) ?? 0;
      const adj: ProviderAdjustment = {
        where,
        providerId: seg[1] ?? '',
        date: isoDate(seg[2]) ?? '',
        reason: parts[0] ?? '',
        reference: parts[1] ?? '',
        amountCents,
      };
      txn.plbTotalCents += amountCents;
      txn.providerAdjustments.push(adj);
    }
  }

  private check(level: BalanceCheck['level'], where: string, expected: number, actual: number, message: string): void {
    const ok = expected === actual;
    const s = this.summary[level];
    s.checked++;
    if (!ok) {
      s.failed++;
      this.storedFailures++;
      if (this.storedFailures <= MAX_STORED_FAILURES) {
        this.errors.push({ where, message: `Does not balance (${level}). ${message}` });
        this.checks.push({ level, where, ok, expectedCents: expected, actualCents: actual, message });
      }
    } else if (this.keep) this.checks.push({ level, where, ok, expectedCents: expected, actualCents: actual, message });
  }
}

/**
 * Reads a whole 835 from text or bytes.
 * @param input - the file
 * @param options - keep claims or stream them
 * @throws EdiError when the input holds no ISA at all
 */
export function read835(input: string | Uint8Array, options: Read835Options = {}): Remittance {
  const tok = new SegmentReader();
  const reader = new Remit835Reader(options);
  const feed = (segs: Segment[]) => {
    const d = tok.delimiters ?? DEFAULT_DELIMITERS;
    for (const s of segs) reader.segment(s, d);
  };
  feed(tok.push(input));
  feed(tok.end());
  if (tok.count === 0) throw new EdiError('No ISA segment found: this is not an X12 file.', tok.problems);
  const result = reader.finish();
  result.errors.unshift(...tok.problems);
  if (tok.skippedChars > 0)
    result.warnings.unshift({
      where: 'file',
      message: `${tok.skippedChars} characters of text before the ISA were skipped.`,
    });
  return result;
}

/**
 * Reads an 835 from a stream of chunks with flat memory: claims go to `onClaim` and are not kept unless asked.
 * @param source - chunks of bytes or text (e.g. `fs.createReadStream(path)`)
 * @param options - defaults to `keepClaims: false`
 * @throws EdiError when the input holds no ISA at all
 */
export async function read835Stream(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: Read835Options = {},
): Promise<Remittance> {
  const tok = new SegmentReader();
  const reader = new Remit835Reader({ keepClaims: false, ...options });
  for await (const chunk of source) {
    const segs = tok.push(chunk);
    const d = tok.delimiters ?? DEFAULT_DELIMITERS;
    for (let i = 0; i < segs.length; i++) reader.segment(segs[i] as Segment, d);
  }
  const d = tok.delimiters ?? DEFAULT_DELIMITERS;
  for (const s of tok.end()) reader.segment(s, d);
  if (tok.count === 0) throw new EdiError('No ISA segment found: this is not an X12 file.', tok.problems);
  const result = reader.finish();
  result.errors.unshift(...tok.problems);
  if (tok.skippedChars > 0)
    result.warnings.unshift({
      where: 'file',
      message: `${tok.skippedChars} characters of text before the ISA were skipped.`,
    });
  return result;
}
