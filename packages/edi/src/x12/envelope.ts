import type { Problem } from '../problem.ts';
import type { Segment } from './tokenizer.ts';

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
   * @param seg - the segment
   */
  segment(seg: Segment): boolean {
    this.segmentNo++;
    const tag = seg[0];
    if (this.stPosition > 0) this.stPosition++;
    switch (tag) {
      case 'ISA':
        if (this.inIsa) this.error(tag, 'An ISA starts before the previous interchange was closed by IEA.');
        this.inIsa = true;
        this.gsCount = 0;
        this.interchangeControl = seg[13] ?? '';
        this.sender = (seg[6] ?? '').trim();
        this.receiver = (seg[8] ?? '').trim();
        this.interchangeDate = seg[9] ?? '';
        this.isaVersion = seg[12] ?? '';
        if (this.isaVersion !== '00501')
          this.warn(tag, `ISA12 is ${this.isaVersion || 'empty'}; HIPAA 5010 interchanges use 00501.`);
        if (!/^\d{9}$/.test(this.interchangeControl))
          this.error(tag, `ISA13 control number "${this.interchangeControl}" must be 9 digits.`);
        return true;
      case 'GS':
        if (this.inGs) this.error(tag, 'A GS starts before the previous group was closed by GE.');
        this.inGs = true;
        this.gsCount++;
        this.stCount = 0;
        this.gsControl = seg[6] ?? '';
        this.groupVersion = seg[8] ?? '';
        if (seg[1] !== this.expect.functionalId)
          this.error(
            tag,
            `GS01 is "${seg[1] ?? ''}"; a ${this.expect.transaction} group must use ${this.expect.functionalId}.`,
          );
        if (this.groupVersion !== this.expect.version)
          this.warn(tag, `GS08 is "${this.groupVersion}"; HIPAA requires ${this.expect.version}.`);
        return true;
      case 'ST':
        if (this.stPosition > 0)
          this.error(tag, `ST ${seg[2] ?? ''} starts before ST ${this.stControl} was closed by SE.`);
        this.stPosition = 1;
        this.stControl = seg[2] ?? '';
        this.stCount++;
        if (seg[1] !== this.expect.transaction)
          this.error(this.where(tag), `ST01 is "${seg[1] ?? ''}"; this reader expects a ${this.expect.transaction}.`);
        return true;
      case 'SE': {
        if (this.stPosition === 0) {
          this.error(this.where(tag), 'SE without a matching ST.');
          return true;
        }
        const declared = Number(seg[1]);
        if (declared !== this.stPosition)
          this.error(
            this.where(tag),
            `SE01 says ${seg[1] ?? '(nothing)'} segments, but ST ${this.stControl} has ${this.stPosition} (ST to SE inclusive).`,
          );
        if ((seg[2] ?? '') !== this.stControl)
          this.error(this.where(tag), `SE02 "${seg[2] ?? ''}" does not match ST02 "${this.stControl}".`);
        this.stPosition = 0;
        return true;
      }
      case 'GE':
        if (this.stPosition > 0) this.closeSt(tag);
        if (!this.inGs) this.error(this.where(tag), 'GE without a matching GS.');
        if (Number(seg[1]) !== this.stCount)
          this.error(
            this.where(tag),
            `GE01 says ${seg[1] ?? '(nothing)'} transaction sets, but the group has ${this.stCount}.`,
          );
        if ((seg[2] ?? '') !== this.gsControl)
          this.error(this.where(tag), `GE02 "${seg[2] ?? ''}" does not match GS06 "${this.gsControl}".`);
        this.inGs = false;
        return true;
      case 'IEA':
        if (this.stPosition > 0) this.closeSt(tag);
        if (this.inGs) this.error(this.where(tag), `GS ${this.gsControl} was not closed by GE before IEA.`);
        this.inGs = false;
        if (Number(seg[1]) !== this.gsCount)
          this.error(
            this.where(tag),
            `IEA01 says ${seg[1] ?? '(nothing)'} functional groups, but the interchange has ${this.gsCount}.`,
          );
        if ((seg[2] ?? '') !== this.interchangeControl)
          this.error(this.where(tag), `IEA02 "${seg[2] ?? ''}" does not match ISA13 "${this.interchangeControl}".`);
        this.inIsa = false;
        return true;
      default:
        if (this.stPosition === 0)
          this.error(this.where(tag ?? ''), `Segment ${tag} is outside any ST/SE transaction set.`);
        return false;
    }
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
