import type { Problem } from '../problem.ts';
import type { SegmentView } from './segment-view.ts';

// Tag codes (see tagCode) as numeric literals: this switch runs for every segment.

const ISA = 0x495341; // ISA
const GS = 0x475300; // GS
const ST = 0x535400; // ST
const SE = 0x534500; // SE
const GE = 0x474500; // GE
const IEA = 0x494541; // IEA

/** What a reader expects of the envelope. */
export interface EnvelopeExpectations {
  /** ST01: `837` or `835`. */
  transaction: string;
  /** GS01: `HC` (claims) or `HP` (payments). */
  functionalId: string;
  /** GS08: `005010X222A1` or `005010X221A1`. */
  version: string;
}

/**
 * Follows the ISA/GS/ST envelopes segment by segment and checks their pairs and counts: ST02 = SE02,
 * GS06 = GE02, ISA13 = IEA02, SE01 = segments from ST to SE, GE01 = number of STs, IEA01 = number of GSs
 * (x12.md §3 "Envelope rules"). It also names each segment's position for error messages.
 */
export class EnvelopeTracker {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  /** Position of the current segment inside its ST (ST = 1), or 0 outside a transaction set. */
  stPosition = 0;
  stControl = '';
  interchangeControl = '';
  interchangeDate = '';
  sender = '';
  receiver = '';
  isaVersion = '';
  groupVersion = '';
  private gsControl = '';
  private inGs = false;
  private inIsa = false;
  private stCount = 0;
  private gsCount = 0;
  private segmentNo = 0;
  private readonly expect: EnvelopeExpectations;

  /** @param expect - the transaction, functional id and version this reader is for */
  constructor(expect: EnvelopeExpectations) {
    this.expect = expect;
  }

  /**
   * Names where a segment is: `ST 0001 segment 12 (CLM)` inside a transaction set, else `segment 3 (GS)`.
   * @param tag - the segment's tag
   */
  where(tag: string): string {
    return this.stPosition > 0
      ? `ST ${this.stControl} segment ${this.stPosition} (${tag})`
      : `segment ${this.segmentNo} (${tag})`;
  }

  /**
   * Takes the next segment. Returns true when it is an envelope segment (ISA, GS, ST, SE, GE, IEA).
   * @param v - a view of the segment
   */
  segment(v: SegmentView): boolean {
    this.segmentNo++;
    if (this.stPosition > 0) this.stPosition++;
    switch (v.code) {
      case ISA:
        if (this.inIsa) this.error('ISA', 'An ISA starts before the previous interchange was closed by IEA.');
        this.inIsa = true;
        this.gsCount = 0;
        this.interchangeControl = v.el(13);
        this.sender = v.el(6).trim();
        this.receiver = v.el(8).trim();
        this.interchangeDate = v.el(9);
        this.isaVersion = v.el(12);
        if (this.isaVersion !== '00501')
          this.warn('ISA', `ISA12 is ${this.isaVersion || 'empty'}; HIPAA 5010 interchanges use 00501.`);
        if (!/^\d{9}$/.test(this.interchangeControl))
          this.error('ISA', `ISA13 control number "${this.interchangeControl}" must be 9 digits.`);
        return true;
      case GS:
        if (this.inGs) this.error('GS', 'A GS starts before the previous group was closed by GE.');
        this.inGs = true;
        this.gsCount++;
        this.stCount = 0;
        this.gsControl = v.el(6);
        this.groupVersion = v.el(8);
        if (!v.is(1, this.expect.functionalId))
          this.error(
            'GS',
            `GS01 is "${v.el(1)}"; a ${this.expect.transaction} group must use ${this.expect.functionalId}.`,
          );
        if (this.groupVersion !== this.expect.version)
          this.warn('GS', `GS08 is "${this.groupVersion}"; HIPAA requires ${this.expect.version}.`);
        return true;
      case ST:
        if (this.stPosition > 0) this.error('ST', `ST ${v.el(2)} starts before ST ${this.stControl} was closed by SE.`);
        this.stPosition = 1;
        this.stControl = v.el(2);
        this.stCount++;
        if (!v.is(1, this.expect.transaction))
          this.error(this.where('ST'), `ST01 is "${v.el(1)}"; this reader expects a ${this.expect.transaction}.`);
        return true;
      case SE: {
        if (this.stPosition === 0) {
          this.error(this.where('SE'), 'SE without a matching ST.');
          return true;
        }
        if (Number(v.el(1)) !== this.stPosition)
          this.error(
            this.where('SE'),
            `SE01 says ${v.el(1) || '(nothing)'} segments, but ST ${this.stControl} has ${this.stPosition} (ST to SE inclusive).`,
          );
        if (v.el(2) !== this.stControl)
          this.error(this.where('SE'), `SE02 "${v.el(2)}" does not match ST02 "${this.stControl}".`);
        this.stPosition = 0;
        return true;
      }
      case GE:
        if (this.stPosition > 0) this.closeSt('GE');
        if (!this.inGs) this.error(this.where('GE'), 'GE without a matching GS.');
        if (Number(v.el(1)) !== this.stCount)
          this.error(
            this.where('GE'),
            `GE01 says ${v.el(1) || '(nothing)'} transaction sets, but the group has ${this.stCount}.`,
          );
        if (v.el(2) !== this.gsControl)
          this.error(this.where('GE'), `GE02 "${v.el(2)}" does not match GS06 "${this.gsControl}".`);
        this.inGs = false;
        return true;
      case IEA:
        if (this.stPosition > 0) this.closeSt('IEA');
        if (this.inGs) this.error(this.where('IEA'), `GS ${this.gsControl} was not closed by GE before IEA.`);
        this.inGs = false;
        if (Number(v.el(1)) !== this.gsCount)
          this.error(
            this.where('IEA'),
            `IEA01 says ${v.el(1) || '(nothing)'} functional groups, but the interchange has ${this.gsCount}.`,
          );
        if (v.el(2) !== this.interchangeControl)
          this.error(this.where('IEA'), `IEA02 "${v.el(2)}" does not match ISA13 "${this.interchangeControl}".`);
        this.inIsa = false;
        return true;
      default:
        if (this.stPosition === 0)
          this.error(this.where(v.tag), `Segment ${v.tag} is outside any ST/SE transaction set.`);
        return false;
    }
  }

  /**
   * Takes a segment known not to be an envelope segment: only its position counts (the hot path).
   * @param v - a view of the segment
   */
  tick(v: SegmentView): void {
    this.segmentNo++;
    if (this.stPosition > 0) this.stPosition++;
    else this.error(this.where(v.tag), `Segment ${v.tag} is outside any ST/SE transaction set.`);
  }

  /** Reports envelopes left open at the end of the file. */
  finish(): void {
    if (this.stPosition > 0) this.closeSt('end of file');
    if (this.inGs) this.error('end of file', `GS ${this.gsControl} was not closed by GE.`);
    if (this.inIsa) this.error('end of file', `The interchange ${this.interchangeControl} was not closed by IEA.`);
  }

  private closeSt(at: string): void {
    this.error(`ST ${this.stControl}`, `ST ${this.stControl} was not closed by SE before ${at}.`);
    this.stPosition = 0;
  }

  private error(where: string, message: string): void {
    this.errors.push({ where, message });
  }

  private warn(where: string, message: string): void {
    this.warnings.push({ where, message });
  }
}
