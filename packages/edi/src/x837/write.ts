import { normalizeIcd10 } from '../validate/icd10.ts';
import { formatAmount, formatQuantity } from '../x12/amount.ts';
import { x12Date } from '../x12/dates.ts';
import { DEFAULT_DELIMITERS, type Delimiters } from '../x12/delimiters.ts';
import { cleanText, composite, fixedWidth, serializeSegment } from '../x12/serialize.ts';
import type { Address, Claim, ClaimBatch } from './types.ts';

/** Writer options. */
export interface Write837Options {
  delimiters?: Delimiters;
  /** Put a line break after each terminator (easier to read; every reader we test accepts it). */
  lineBreaks?: boolean;
  /** Claims per ST/SE before a new transaction set starts (the TR3 recommends at most 5000). */
  maxClaimsPerTransaction?: number;
}

/** The implementation guide this writer follows. */
export const X222A1 = '005010X222A1';

type Header = Omit<ClaimBatch, 'claims'>;

/**
 * Writes an 837P 005010X222A1 claim by claim, so a large batch never sits in memory as one string: `begin()`,
 * then `claim(c)` for each claim, then `end()`; concatenate the returned strings (or write them to a stream).
 * Control numbers, SE01 counts, GE01/IEA01 counts and CLM02 = ΣSV102 are computed here (x12.md §3).
 */
export class Claim837Writer {
  private readonly h: Header;
  private readonly d: Delimiters;
  private readonly eol: string;
  private readonly max: number;
  private stOpen = false;
  private stSegments = 0;
  private stControl = 0;
  private stCount = 0;
  private claimsInSt = 0;
  private hl = 0;
  private readonly date8: string;
  private readonly time4: string;

  /**
   * @param header - submitter, receiver, billing provider and envelope control numbers
   * @param options - delimiters, line breaks, claims per transaction set
   */
  constructor(header: Header, options: Write837Options = {}) {
    this.h = header;
    this.d = options.delimiters ?? DEFAULT_DELIMITERS;
    this.eol = options.lineBreaks ? '\n' : '';
    this.max = options.maxClaimsPerTransaction ?? 5000;
    this.stControl = (header.envelope.firstTransactionControl ?? 1) - 1;
    const iso = header.envelope.createdAt;
    this.date8 = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
    this.time4 = `${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  }

  /** The ISA and GS segments. */
  begin(): string {
    const e = this.h.envelope;
    const d = this.d;
    const isa = [
      '00',
      fixedWidth('', 10),
      '00',
      fixedWidth('', 10),
      'ZZ',
      fixedWidth(this.id(this.h.submitter.id), 15),
      'ZZ',
      fixedWidth(this.id(this.h.receiver.id), 15),
      this.date8.slice(2),
      this.time4,
      d.repetition ?? '^',
      '00501',
      String(e.interchangeControl).padStart(9, '0'),
      '0',
      e.usage,
      d.component,
    ];
    // ISA keeps its fixed-width (possibly blank) elements: it is not subject to trailing-element trimming.
    let s = `ISA${d.element}${isa.join(d.element)}${d.segment}${this.eol}`;
    s += this.raw('GS', [
      'HC',
      this.id(this.h.submitter.id),
      this.id(this.h.receiver.id),
      this.date8,
      this.time4,
      String(e.groupControl),
      'X',
      X222A1,
    ]);
    return s;
  }

  /**
   * One claim's segments (2000B, 2010BA/BB, optional 2000C, 2300, 2310A/B, 2400s), opening a transaction set first
   * when needed.
   * @param c - the claim
   */
  claim(c: Claim): string {
    // Segments collect in an array joined once: one flat string per claim instead of a rope of hundreds of pieces.
    const s: string[] = [];
    if (this.stOpen && this.claimsInSt >= this.max) s.push(this.closeSt());
    if (!this.stOpen) s.push(this.openSt());
    this.claimsInSt++;
    const d = this.d;
    const dependent = c.patient !== undefined;
    const subHl = ++this.hl;
    s.push(this.seg('HL', [String(subHl), '1', '22', dependent ? '1' : '0']));
    const sub = c.subscriber;
    s.push(
      this.seg('SBR', [
        sub.payerResponsibility ?? 'P',
        dependent ? '' : '18',
        this.id(sub.groupNumber ?? ''),
        '',
        '',
        '',
        '',
        '',
        sub.filingIndicator,
      ]),
    );
    s.push(
      this.seg('NM1', [
        'IL',
        '1',
        this.text(sub.lastName, 60),
        this.text(sub.firstName, 35),
        '',
        '',
        '',
        'MI',
        this.id(sub.memberId),
      ]),
    );
    if (sub.address) s.push(this.address(sub.address));
    if (!dependent && sub.birthDate) s.push(this.seg('DMG', ['D8', x12Date(sub.birthDate), sub.sex ?? 'U']));
    s.push(this.seg('NM1', ['PR', '2', this.text(c.payer.name, 60), '', '', '', '', 'PI', this.id(c.payer.id)]));
    if (c.patient) {
      const p = c.patient;
      s.push(this.seg('HL', [String(++this.hl), String(subHl), '23', '0']));
      s.push(this.seg('PAT', [p.relationship]));
      s.push(this.seg('NM1', ['QC', '1', this.text(p.lastName, 60), this.text(p.firstName, 35)]));
      if (p.address) s.push(this.address(p.address));
      if (p.birthDate) s.push(this.seg('DMG', ['D8', x12Date(p.birthDate), p.sex ?? 'U']));
    }
    let total = 0;
    for (const l of c.lines) total += l.chargeCents;
    s.push(
      this.seg('CLM', [
        this.id(c.claimId),
        formatAmount(total),
        '',
        '',
        composite([c.placeOfService, 'B', c.frequency], d),
        'Y',
        'A',
        'Y',
        'Y',
      ]),
    );
    if ((c.frequency === '7' || c.frequency === '8') && c.payerClaimNumber)
      s.push(this.seg('REF', ['F8', this.id(c.payerClaimNumber)]));
    if (c.priorAuthorization) s.push(this.seg('REF', ['G1', this.id(c.priorAuthorization)]));
    if (c.diagnoses.length > 0) {
      const hi: string[] = [];
      for (let i = 0; i < c.diagnoses.length && i < 12; i++)
        hi.push(composite([i === 0 ? 'ABK' : 'ABF', this.id(normalizeIcd10(c.diagnoses[i] as string))], d));
      s.push(this.seg('HI', hi));
    }
    const ref = c.referring;
    if (ref)
      s.push(
        this.seg('NM1', [
          'DN',
          '1',
          this.text(ref.lastName, 60),
          this.text(ref.firstName ?? '', 35),
          '',
          '',
          '',
          'XX',
          ref.npi,
        ]),
      );
    const r = c.rendering;
    if (r && r.npi !== this.h.billingProvider.npi) {
      s.push(
        this.seg('NM1', [
          '82',
          '1',
          this.text(r.lastName, 60),
          this.text(r.firstName ?? '', 35),
          '',
          '',
          '',
          'XX',
          r.npi,
        ]),
      );
      if (r.taxonomy) s.push(this.seg('PRV', ['PE', 'PXC', r.taxonomy]));
    }
    let n = 0;
    for (const l of c.lines) {
      s.push(this.seg('LX', [String(++n)]));
      s.push(
        this.seg('SV1', [
          composite(['HC', this.id(l.code), ...l.modifiers.slice(0, 4).map((m) => this.id(m))], d),
          formatAmount(l.chargeCents),
          'UN',
          formatQuantity(l.units),
          l.placeOfService && l.placeOfService !== c.placeOfService ? l.placeOfService : '',
          '',
          composite(
            l.diagnosisPointers.slice(0, 4).map((p) => String(p)),
            d,
          ),
        ]),
      );
      s.push(this.seg('DTP', ['472', 'D8', x12Date(l.dateOfService)]));
      s.push(this.seg('REF', ['6R', this.id(l.controlNumber)]));
    }
    return s.join('');
  }

  /** Closes the open transaction set, the group and the interchange. */
  end(): string {
    let s = '';
    if (this.stOpen) s += this.closeSt();
    s += this.raw('GE', [String(this.stCount), String(this.h.envelope.groupControl)]);
    s += this.raw('IEA', ['1', String(this.h.envelope.interchangeControl).padStart(9, '0')]);
    return s;
  }

  private openSt(): string {
    this.stOpen = true;
    this.stSegments = 0;
    this.claimsInSt = 0;
    this.hl = 0;
    this.stCount++;
    const control = String(++this.stControl).padStart(4, '0');
    const h = this.h;
    const bp = h.billingProvider;
    let s = this.seg('ST', ['837', control, X222A1]);
    s += this.seg('BHT', [
      '0019',
      '00',
      this.id(h.envelope.batchId ?? String(h.envelope.interchangeControl)),
      this.date8,
      this.time4,
      'CH',
    ]);
    s += this.seg('NM1', ['41', '2', this.text(h.submitter.name, 60), '', '', '', '', '46', this.id(h.submitter.id)]);
    s += this.seg('PER', [
      'IC',
      this.text(h.submitter.contactName ?? h.submitter.name, 60),
      h.submitter.phone ? 'TE' : '',
      this.id(h.submitter.phone ?? ''),
    ]);
    s += this.seg('NM1', ['40', '2', this.text(h.receiver.name, 60), '', '', '', '', '46', this.id(h.receiver.id)]);
    s += this.seg('HL', [String(++this.hl), '', '20', '1']);
    if (bp.taxonomy) s += this.seg('PRV', ['BI', 'PXC', bp.taxonomy]);
    s += this.seg('NM1', [
      '85',
      bp.person ? '1' : '2',
      this.text(bp.name, 60),
      bp.person ? this.text(bp.firstName ?? '', 35) : '',
      '',
      '',
      '',
      'XX',
      bp.npi,
    ]);
    s += this.address(bp.address);
    s += this.seg('REF', ['EI', bp.taxId.replace('-', '')]);
    // 2010AB pay-to address: sent only when payments go elsewhere (TR3 2010AB; x12.md §3 note on PO boxes).
    if (bp.payToAddress) s += this.seg('NM1', ['87', '2']) + this.address(bp.payToAddress);
    return s;
  }

  private closeSt(): string {
    const control = String(this.stControl).padStart(4, '0');
    const s = this.seg('SE', [String(this.stSegments + 1), control]);
    this.stOpen = false;
    return s;
  }

  private address(a: Address): string {
    return (
      this.seg('N3', [this.text(a.line1, 55), this.text(a.line2 ?? '', 55)]) +
      this.seg('N4', [this.text(a.city, 30), this.id(a.state), this.id(a.zip.replace('-', ''))])
    );
  }

  private seg(tag: string, elements: string[]): string {
    this.stSegments++;
    return serializeSegment(tag, elements, this.d, this.eol);
  }

  private raw(tag: string, elements: string[]): string {
    return serializeSegment(tag, elements, this.d, this.eol);
  }

  // Names and addresses go out in capitals: many payers' front ends reject or mangle lowercase.
  private text(t: string, max: number): string {
    return cleanText(t, this.d, max, true);
  }

  private id(t: string): string {
    return cleanText(t, this.d, 80);
  }
}

/**
 * Writes a whole 837P batch as one string.
 * @param batch - submitter, receiver, billing provider, envelope and claims
 * @param options - delimiters and layout
 * @example
 * const x12 = write837(batch, { lineBreaks: true });
 */
export function write837(batch: ClaimBatch, options: Write837Options = {}): string {
  const w = new Claim837Writer(batch, options);
  let s = w.begin();
  for (const c of batch.claims) s += w.claim(c);
  return s + w.end();
}
