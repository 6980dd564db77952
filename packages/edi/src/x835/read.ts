import { dollars } from '@unitwise/rules';
import { explainGroup } from '../codes/groups.ts';
import { EdiError, type Problem } from '../problem.ts';
import { isoDate } from '../x12/dates.ts';
import { components, DEFAULT_DELIMITERS, type Delimiters, foreignComponentSeparator } from '../x12/delimiters.ts';
import { EnvelopeTracker } from '../x12/envelope.ts';
import type { SegmentView } from '../x12/segment-view.ts';
import { SegmentReader } from '../x12/tokenizer.ts';
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
import { remitWhere } from './types.ts';

/** How to read an 835. */
export interface Read835Options {
  /** Keep every claim and every passing check in the result (default true). False for very large files. */
  keepClaims?: boolean;
  /** Called as each claim is complete (with its lines), e.g. to post it or write it out. */
  onClaim?: (claim: RemitClaim, transaction: RemitTransaction) => void;
}

// Tag codes (tagCode) as numeric literals so the switch compares constants, not strings (hot path).
const T_ISA = 0x495341; // ISA
const T_GS = 0x475300; // GS
const T_ST = 0x535400; // ST
const T_SE = 0x534500; // SE
const T_GE = 0x474500; // GE
const T_IEA = 0x494541; // IEA
const T_BPR = 0x425052; // BPR
const T_TRN = 0x54524e; // TRN
const T_N1 = 0x4e3100; // N1
const T_REF = 0x524546; // REF
const T_LX = 0x4c5800; // LX
const T_CLP = 0x434c50; // CLP
const T_NM1 = 0x4e4d31; // NM1
const T_MOA = 0x4d4f41; // MOA
const T_MIA = 0x4d4941; // MIA
const T_SVC = 0x535643; // SVC
const T_DTM = 0x44544d; // DTM
const T_CAS = 0x434153; // CAS
const T_AMT = 0x414d54; // AMT
const T_LQ = 0x4c5100; // LQ
const T_PLB = 0x504c42; // PLB

// Failures stored beyond this are only counted, so a wholly unbalanced 50 MB file stays small in memory.
const MAX_STORED_FAILURES = 1000;

// Reused by procedureOf: one array for every SVC composite.
const parts: string[] = [];

function procedureOf(v: SegmentView, i: number, d: Delimiters): Procedure {
  const n = v.componentsInto(i, d.component.charCodeAt(0), parts);
  const modifiers: string[] = [];
  for (let k = 2; k < n && k < 6; k++) if (parts[k] !== '') modifiers.push(parts[k] as string);
  return { qualifier: n > 0 ? (parts[0] as string) : '', code: n > 1 ? (parts[1] as string) : '', modifiers };
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
   * @param v - a view of the segment (not kept)
   * @param d - the interchange's delimiters (for composites)
   */
  segment(v: SegmentView, d: Delimiters): void {
    this.segments++;
    const code = v.code;
    // Only envelope segments need the tracker's full look; the rest just advance its position.
    if (code === T_ST || code === T_SE || code === T_GE || code === T_IEA || code === T_ISA || code === T_GS) {
      this.env.segment(v);
      const c = v.code;
      if (c === T_ST) this.openTransaction(v.el(2));
      else if (c === T_SE || c === T_GE || c === T_IEA) this.closeTransaction();
      return;
    }
    this.env.tick(v);
    const txn = this.txn;
    if (txn === null) return;
    switch (code) {
      case T_BPR:
        txn.handling = v.el(1);
        txn.totalCents = this.amount(v, 2, 'BPR02') ?? 0;
        txn.creditDebit = v.el(3);
        txn.method = v.el(4);
        txn.paymentDate = isoDate(v.el(16));
        break;
      case T_TRN:
        txn.traceNumber = v.el(2);
        txn.payerId = v.el(3);
        break;
      case T_N1:
        if (v.is(1, 'PR')) {
          this.party = 'payer';
          txn.payer = { name: v.el(2), ...(v.has(4) ? { id: v.el(4) } : {}) };
        } else if (v.is(1, 'PE')) {
          this.party = 'payee';
          txn.payee = {
            name: v.el(2),
            ...(v.has(3) ? { idQualifier: v.el(3) } : {}),
            ...(v.has(4) ? { id: v.el(4) } : {}),
          };
        } else this.party = null;
        break;
      case T_REF:
        this.ref(v, txn);
        break;
      case T_LX:
        this.closeClaim();
        break;
      case T_CLP:
        this.openClaim(v);
        break;
      case T_NM1:
        this.nm1(v);
        break;
      case T_MOA:
        if (this.claim) for (let i = 3; i <= 7; i++) if (v.has(i)) this.claim.remarks.push(v.el(i));
        break;
      case T_MIA:
        if (this.claim) for (const i of [5, 20, 21, 22, 23]) if (v.has(i)) this.claim.remarks.push(v.el(i));
        break;
      case T_SVC:
        this.openLine(v, d);
        break;
      case T_DTM:
        if (this.line) {
          if (v.is(1, '472') || v.is(1, '150')) this.line.dateOfService = this.date(v);
          else if (v.is(1, '151')) this.line.dateOfServiceEnd = this.date(v);
        } else if (this.claim) {
          // 2100 DTM*232/233: the claim's statement period, sent when the lines carry no DTM*472.
          const when = isoDate(v.el(2));
          if (v.is(1, '232') && when) this.claim.statementFrom = when;
          else if (v.is(1, '233') && when) this.claim.statementTo = when;
        }
        break;
      case T_CAS:
        this.cas(v);
        break;
      case T_AMT:
        if (this.line && v.is(1, 'B6')) {
          const a = this.amount(v, 2, 'AMT02');
          if (a !== null) this.line.allowedCents = a;
        }
        break;
      case T_LQ:
        if (this.line && v.is(1, 'HE') && v.has(2)) this.line.remarks.push(v.el(2));
        break;
      case T_PLB:
        this.closeClaim();
        this.plb(v, d, txn);
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

  // Lines of a claim mostly share a date: reuse the last ISO string instead of building one per DTM.
  private lastRawDate = '';
  private lastIsoDate: string | undefined;

  private date(v: SegmentView): string | undefined {
    if (!v.is(2, this.lastRawDate)) {
      this.lastRawDate = v.el(2);
      this.lastIsoDate = isoDate(this.lastRawDate);
    }
    return this.lastIsoDate;
  }

  private amount(v: SegmentView, i: number, name: string): number | null {
    if (!v.has(i)) return null;
    const c = v.cents(i);
    if (c === null)
      this.errors.push({ where: this.env.where(v.tag), message: `${name} "${v.el(i)}" is not an amount.` });
    return c;
  }

  private openTransaction(control: string): void {
    this.closeTransaction();
    this.txn = {
      where: `ST ${control}`,
      control,
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
    if (this.tally('transaction', expected, txn.totalCents))
      this.record(
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

  private openClaim(v: SegmentView): void {
    this.closeClaim();
    if (v.length < 5)
      this.errors.push({
        where: this.env.where('CLP'),
        message: 'CLP has fewer than the 4 required elements (id, status, charge, paid).',
      });
    this.claim = {
      segment: this.env.stPosition,
      claimId: v.el(1),
      status: v.short(2),
      chargeCents: this.amount(v, 3, 'CLP03') ?? 0,
      paidCents: this.amount(v, 4, 'CLP04') ?? 0,
      patientCents: this.amount(v, 5, 'CLP05') ?? 0,
      filingIndicator: v.short(6),
      payerClaimNumber: v.el(7),
      facility: v.short(8),
      frequency: v.short(9),
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
    if (this.tally('service', expected, line.paidCents))
      this.record(
        'service',
        remitWhere(this.txn?.control ?? '', line.segment, 'SVC'),
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
    if (this.tally('claim', expected, claim.paidCents))
      this.record(
        'claim',
        remitWhere(txn.control, claim.segment, 'CLP'),
        expected,
        claim.paidCents,
        `Claim ${claim.claimId}: charge ${dollars(claim.chargeCents)} − claim adjustments ${dollars(claimAdj)} − line adjustments ${dollars(lineAdj)} = ${dollars(expected)}; CLP04 paid ${dollars(claim.paidCents)}.`,
      );
    if (claim.lines.length > 0) {
      const fromLines = linePaid - claimAdj;
      if (this.tally('claim', fromLines, claim.paidCents))
        this.record(
          'claim',
          remitWhere(txn.control, claim.segment, 'CLP'),
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

  private openLine(v: SegmentView, d: Delimiters): void {
    this.closeLine();
    if (this.claim === null) {
      this.errors.push({ where: this.env.where('SVC'), message: 'SVC outside a claim (no CLP before it).' });
      return;
    }
    const units = v.has(5) ? v.num(5) : 1;
    const line: RemitLine = {
      segment: this.env.stPosition,
      procedure: this.procedure(v, 1, d),
      chargeCents: this.amount(v, 2, 'SVC02') ?? 0,
      paidCents: this.amount(v, 3, 'SVC03') ?? 0,
      units: Number.isFinite(units) ? units : 1,
      adjustments: [],
      remarks: [],
    };
    if (v.has(6)) line.submittedProcedure = this.procedure(v, 6, d);
    this.claim.lines.push(line);
    this.line = line;
  }

  private cas(v: SegmentView): void {
    const target = this.line ?? this.claim;
    if (target === null) {
      this.errors.push({ where: this.env.where('CAS'), message: 'CAS outside a claim.' });
      return;
    }
    const group = v.short(1);
    if (group !== 'CO' && group !== 'PR' && group !== 'OA' && group !== 'PI') {
      if (!this.unknownGroups.has(group)) {
        this.unknownGroups.add(group);
        this.warnings.push({ where: this.env.where('CAS'), message: `Group code "${group}": ${explainGroup(group)}` });
      }
    }
    for (let i = 2; i + 1 < v.length && i <= 17; i += 3) {
      if (!v.has(i)) continue;
      const amountCents = this.amount(v, i + 1, 'CAS amount') ?? 0;
      const adj: Adjustment = { group, reason: v.short(i), amountCents };
      if (v.has(i + 2)) adj.quantity = Number(v.el(i + 2));
      target.adjustments.push(adj);
    }
  }

  private ref(v: SegmentView, txn: RemitTransaction): void {
    if (this.line) {
      if (v.is(1, '6R')) this.line.lineControl = v.el(2);
      return;
    }
    if (this.claim === null && this.party === 'payee' && v.is(1, 'TJ')) txn.payee.taxId = v.el(2);
  }

  private nm1(v: SegmentView): void {
    const claim = this.claim;
    if (claim === null) return;
    if (v.is(1, 'QC')) claim.patient = { lastName: v.el(3), firstName: v.el(4), idQualifier: v.el(8), id: v.el(9) };
    else if (v.is(1, '82') && v.is(8, 'XX')) claim.renderingNpi = v.el(9);
  }

  // SVC01/SVC06 written with another separator than ISA16 are read with it, and said, not read as an empty code.
  private procedure(v: SegmentView, i: number, d: Delimiters): Procedure {
    const read = procedureOf(v, i, d);
    if (read.code !== '') return read; // the usual case costs no string
    const raw = v.el(i);
    const other = foreignComponentSeparator(raw, d);
    if (other === null) return read;
    this.warnings.push({
      where: this.env.where('SVC'),
      message: `SVC${String(i).padStart(2, '0')} "${raw}" separates its parts with "${other}", but the ISA declares "${d.component}" (ISA16); read with "${other}".`,
    });
    const p = raw.split(other);
    return { qualifier: p[0] ?? '', code: p[1] ?? '', modifiers: p.slice(2, 6).filter((m) => m !== '') };
  }

  private plb(v: SegmentView, d: Delimiters, txn: RemitTransaction): void {
    const where = this.env.where('PLB');
    for (let i = 3; i + 1 < v.length && i <= 13; i += 2) {
      const parts = components(v.el(i), d);
      if (parts.length === 0) continue;
      const amountCents = this.amount(v, i + 1, `PLB${String(i + 1).padStart(2, '0')}`) ?? 0;
      const adj: ProviderAdjustment = {
        where,
        providerId: v.el(1),
        date: isoDate(v.el(2)) ?? '',
        reason: parts[0] ?? '',
        reference: parts[1] ?? '',
        amountCents,
      };
      txn.plbTotalCents += amountCents;
      txn.providerAdjustments.push(adj);
    }
  }

  // The message is built only when it is kept: formatting dollars for every passing line would dominate a 50 MB read.
  /**
   * Counts a balancing check and says whether it must be recorded (a failure, or every check when claims are
   * kept). Messages are built only then: formatting dollars for every passing line would dominate a 50 MB read.
   */
  private tally(level: BalanceCheck['level'], expected: number, actual: number): boolean {
    const s = this.summary[level];
    s.checked++;
    if (expected === actual) return this.keep;
    s.failed++;
    this.storedFailures++;
    return this.storedFailures <= MAX_STORED_FAILURES;
  }

  private record(level: BalanceCheck['level'], where: string, expected: number, actual: number, message: string): void {
    const ok = expected === actual;
    if (!ok) this.errors.push({ where, message: `Does not balance (${level}). ${message}` });
    this.checks.push({ level, where, ok, expectedCents: expected, actualCents: actual, message });
  }
}

function done(tok: SegmentReader, reader: Remit835Reader): Remittance {
  if (tok.count === 0) throw new EdiError('No ISA segment found: this is not an X12 file.', tok.problems);
  const result = reader.finish();
  result.errors.unshift(...tok.problems);
  result.warnings.unshift(...tok.notes);
  if (tok.skippedChars > 0)
    result.warnings.unshift({
      where: 'file',
      message: `${tok.skippedChars} characters of text before the ISA were skipped.`,
    });
  return result;
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
  const each = (v: SegmentView) => reader.segment(v, tok.delimiters ?? DEFAULT_DELIMITERS);
  tok.pushEach(input, each);
  tok.endEach(each);
  return done(tok, reader);
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
  const each = (v: SegmentView) => reader.segment(v, tok.delimiters ?? DEFAULT_DELIMITERS);
  for await (const chunk of source) tok.pushEach(chunk, each);
  tok.endEach(each);
  return done(tok, reader);
}
