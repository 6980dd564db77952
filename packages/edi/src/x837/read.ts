import { dollars, isValidNpi } from '@unitwise/rules';
import { EdiError, type Problem } from '../problem.ts';
import { isIcd10CmFormat } from '../validate/icd10.ts';
import { parseCents } from '../x12/amount.ts';
import { isoDate } from '../x12/dates.ts';
import { components, DEFAULT_DELIMITERS, type Delimiters, foreignComponentSeparator } from '../x12/delimiters.ts';
import { EnvelopeTracker } from '../x12/envelope.ts';
import type { SegmentView } from '../x12/segment-view.ts';
import { type Segment, SegmentReader } from '../x12/tokenizer.ts';

/** A service line as read from an 837P. */
export interface ReadClaimLine {
  where: string;
  /** LX01. */
  number: string;
  qualifier: string;
  code: string;
  modifiers: string[];
  chargeCents: number;
  units: number;
  placeOfService?: string;
  pointers: string[];
  dateOfService?: string;
  controlNumber?: string;
}

/** A person named in an NM1 (NM103 last, NM104 first, NM109 id). */
export interface ReadPerson {
  lastName: string;
  firstName: string;
  npi: string;
}

/** An N3/N4 address as read. */
export interface ReadAddress {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
}

/** A claim as read from an 837P. */
export interface ReadClaim {
  where: string;
  claimId: string;
  chargeCents: number;
  placeOfService: string;
  frequency: string;
  payerClaimNumber?: string;
  diagnoses: { qualifier: string; code: string }[];
  billingNpi?: string;
  renderingNpi?: string;
  /** 2310B NM1*82 name parts, as sent. */
  rendering?: ReadPerson;
  /** 2310A NM1*DN. */
  referring?: ReadPerson;
  subscriberId?: string;
  /** 2010BA N3/N4, when sent. */
  subscriberAddress?: ReadAddress;
  payer?: { name: string; id: string };
  lines: ReadClaimLine[];
}

/** A read and checked 837P. */
export interface ClaimFile {
  interchange: { control: string; sender: string; receiver: string; date: string; version: string };
  claims: ReadClaim[];
  /** Structural errors: the file should not be sent as is. */
  errors: Problem[];
  /** Deviations worth a look (GS08 not 005010X222A1, ISA12 not 00501). */
  warnings: Problem[];
  transactionSets: number;
  segmentCount: number;
}

// TR3 005010X222A1 2400 LX: at most 50 service lines per claim.
const MAX_LINES = 50;
const ICD10_FROM = '2015-10-01';

/**
 * Reads an 837P into claims and lines and checks its structure: envelope pairs and counts, CLM02 = ΣSV102,
 * at most 50 lines, NPI check digits (Luhn with prefix 80840), ICD-10-CM format with ABK/ABF, diagnosis
 * pointers, modifiers, REF*F8 on replacement and void claims (x12.md §3).
 */
export class Claim837Reader {
  private readonly env = new EnvelopeTracker({ transaction: '837', functionalId: 'HC', version: '005010X222A1' });
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private icd9: { code: string; qualifier: string; where: string }[] = [];
  private readonly claims: ReadClaim[] = [];
  private claim: ReadClaim | null = null;
  private line: ReadClaimLine | null = null;
  private billingNpi: string | undefined;
  private subscriberId: string | undefined;
  private subscriberAddress: ReadAddress | undefined;
  /** The entity of the last NM1, so that N3/N4 after it are known to be its address. */
  private lastEntity = '';
  private payer: { name: string; id: string } | undefined;
  /** Inside 2320/2330 (other subscriber) of the current claim: NM1s there are not ours. */
  private inOtherSubscriber = false;
  private stSets = 0;
  /** HL ids seen in the current transaction set. */
  private readonly hlIds = new Set<string>();
  private segments = 0;

  /**
   * Takes the next segment.
   * @param v - a view of the segment (not kept)
   * @param d - delimiters
   */
  segment(v: SegmentView, d: Delimiters): void {
    this.segments++;
    const seg = v.toArray();
    const tag = seg[0] as string;
    if (this.env.segment(v)) {
      if (tag === 'ST') {
        this.hlIds.clear();
        this.stSets++;
        this.closeClaim();
      } else if (tag === 'SE' || tag === 'GE' || tag === 'IEA') this.closeClaim();
      return;
    }
    const where = this.env.where(tag);
    switch (tag) {
      case 'HL':
        this.closeClaim();
        this.hl(seg, where);
        if (seg[3] === '20') {
          this.billingNpi = undefined;
          this.subscriberId = undefined;
          this.payer = undefined;
        } else if (seg[3] === '22') {
          this.subscriberId = undefined;
          this.subscriberAddress = undefined;
          this.payer = undefined;
        }
        break;
      case 'NM1':
        this.nm1(seg, where);
        break;
      case 'N3':
        if (this.lastEntity === 'IL' && !this.claim && !this.inOtherSubscriber) {
          this.subscriberAddress = { line1: seg[1] ?? '', city: '', state: '', zip: '' };
          if (seg[2]) this.subscriberAddress.line2 = seg[2];
        }
        break;
      case 'N4':
        if (this.lastEntity === 'IL' && this.subscriberAddress && !this.claim) {
          this.subscriberAddress.city = seg[1] ?? '';
          this.subscriberAddress.state = seg[2] ?? '';
          this.subscriberAddress.zip = seg[3] ?? '';
        }
        break;
      case 'SBR':
        if (this.claim) this.inOtherSubscriber = true;
        break;
      case 'CLM':
        this.openClaim(seg, d, where);
        break;
      case 'REF':
        if (this.line && seg[1] === '6R') this.line.controlNumber = seg[2];
        else if (this.claim && !this.line && seg[1] === 'F8') this.claim.payerClaimNumber = seg[2];
        break;
      case 'HI':
        if (this.claim) this.hi(seg, d, where);
        break;
      case 'LX':
        this.closeLine();
        if (this.claim) {
          this.inOtherSubscriber = false;
          this.line = {
            where,
            number: seg[1] ?? '',
            qualifier: '',
            code: '',
            modifiers: [],
            chargeCents: 0,
            units: 0,
            pointers: [],
          };
        }
        break;
      case 'SV1':
        this.sv1(seg, d, where);
        break;
      case 'DTP':
        if (this.line && seg[1] === '472') {
          const v = seg[3] ?? '';
          this.line.dateOfService = isoDate(seg[2] === 'RD8' ? v.slice(0, 8) : v);
        }
        break;
      default:
        break;
    }
  }

  /** Closes what is open and returns the claims and problems. */
  finish(): ClaimFile {
    this.closeClaim();
    this.env.finish();
    if (this.stSets === 0 && this.errors.length === 0)
      this.errors.push({ where: 'file', message: 'No 837 transaction set (ST*837) was found.' });
    return {
      interchange: {
        control: this.env.interchangeControl,
        sender: this.env.sender,
        receiver: this.env.receiver,
        date: this.env.interchangeDate,
        version: this.env.groupVersion,
      },
      claims: this.claims,
      errors: [...this.env.errors, ...this.errors],
      warnings: [...this.env.warnings, ...this.warnings],
      transactionSets: this.stSets,
      segmentCount: this.segments,
    };
  }

  // ICD-10-CM replaced ICD-9-CM for dates of service from 1 Oct 2015 (45 CFR 162.1002(c)(2); x12.md §3 HI).
  private judgeIcd9(claim: ReadClaim): void {
    if (this.icd9.length === 0) return;
    const dates = claim.lines.map((l) => l.dateOfService).filter((d): d is string => d !== undefined);
    const after = dates.filter((d) => d >= ICD10_FROM).sort();
    for (const dx of this.icd9) {
      const head = `Diagnosis ${dx.code} uses the ICD-9 qualifier ${dx.qualifier}`;
      if (after.length > 0)
        this.err(
          dx.where,
          `${head}, but this claim's services on ${after[0]}${after.length > 1 ? ' and later' : ''} are on or after ${ICD10_FROM}, when ICD-10-CM became required: send ICD-10-CM codes (ABK/ABF).`,
        );
      else if (dates.length > 0)
        this.warnings.push({
          where: dx.where,
          message: `${head}; that was right for this claim's dates of service (${[...dates].sort()[0]}), which are before ${ICD10_FROM}, but payers no longer accept claims that old.`,
        });
      else
        this.err(
          dx.where,
          `${head}, and no line has a date of service to judge it by; services on or after ${ICD10_FROM} need ICD-10-CM (ABK/ABF).`,
        );
    }
    this.icd9 = [];
  }

  // A composite written with another separator than ISA16 is read with it, and said, rather than read as one empty code.
  private composite(value: string | undefined, d: Delimiters, where: string, element: string): string[] {
    const other = foreignComponentSeparator(value, d);
    if (other === null) return components(value, d);
    this.warnings.push({
      where,
      message: `${element} "${value}" separates its parts with "${other}", but the ISA declares "${d.component}" (ISA16); read with "${other}". Ask the sender to use one component separator.`,
    });
    return (value as string).split(other);
  }

  private err(where: string, message: string): void {
    this.errors.push({ where, message });
  }

  // HL01 numbers the levels 1, 2, 3… in order; HL02 names an earlier level (TR3 2000A/B/C).
  private hl(seg: Segment, where: string): void {
    const id = seg[1] ?? '';
    const parent = seg[2] ?? '';
    const expected = String(this.hlIds.size + 1);
    if (this.hlIds.has(id)) this.err(where, `HL01 ${id} is used twice in this transaction set.`);
    else if (id !== expected) this.err(where, `HL01 is ${id}; the next level should be ${expected}.`);
    if (parent !== '' && !this.hlIds.has(parent))
      this.err(where, `HL02 names parent ${parent}, which is not an earlier level.`);
    if (seg[3] === '20' && parent !== '') this.err(where, 'A billing provider level (HL03 20) has no parent.');
    if ((seg[3] === '22' || seg[3] === '23') && parent === '')
      this.err(where, `A level ${seg[3]} needs a parent (HL02).`);
    this.hlIds.add(id);
  }

  private nm1(seg: Segment, where: string): void {
    const entity = seg[1];
    if (seg[8] === 'XX') {
      const npi = seg[9] ?? '';
      if (!isValidNpi(npi))
        this.err(where, `NPI ${npi} (NM1*${entity}) fails the check digit (Luhn with prefix 80840).`);
    }
    this.lastEntity = entity ?? '';
    if (this.inOtherSubscriber) return;
    const person = (): ReadPerson => ({ lastName: seg[3] ?? '', firstName: seg[4] ?? '', npi: seg[9] ?? '' });
    if (entity === '85') this.billingNpi = seg[9];
    else if (entity === 'IL' && !this.claim) this.subscriberId = seg[9];
    else if (entity === 'PR' && !this.claim) this.payer = { name: seg[3] ?? '', id: seg[9] ?? '' };
    else if (entity === '82' && this.claim && !this.line) {
      this.claim.renderingNpi = seg[9];
      this.claim.rendering = person();
    } else if (entity === 'DN' && this.claim && !this.line) this.claim.referring = person();
  }

  private openClaim(seg: Segment, d: Delimiters, where: string): void {
    this.closeClaim();
    const c5 = components(seg[5], d);
    const charge = parseCents(seg[2]);
    if (charge === null) this.err(where, `CLM02 "${seg[2] ?? ''}" is not an amount.`);
    const claim: ReadClaim = {
      where,
      claimId: seg[1] ?? '',
      chargeCents: charge ?? 0,
      placeOfService: c5[0] ?? '',
      frequency: c5[2] ?? '',
      diagnoses: [],
      lines: [],
    };
    if (this.billingNpi) claim.billingNpi = this.billingNpi;
    if (this.subscriberId) claim.subscriberId = this.subscriberId;
    if (this.subscriberAddress) claim.subscriberAddress = this.subscriberAddress;
    if (this.payer) claim.payer = this.payer;
    if (!claim.claimId) this.err(where, 'CLM01 (patient control number) is empty.');
    if (claim.claimId.length > 38) this.err(where, `CLM01 "${claim.claimId}" is longer than 38 characters.`);
    if (!this.subscriberId) this.err(where, `Claim ${claim.claimId} has no subscriber (2010BA NM1*IL) before it.`);
    if (!this.payer) this.err(where, `Claim ${claim.claimId} has no payer (2010BB NM1*PR) before it.`);
    this.inOtherSubscriber = false;
    this.claim = claim;
  }

  private hi(seg: Segment, d: Delimiters, where: string): void {
    const claim = this.claim as ReadClaim;
    for (let i = 1; i < seg.length; i++) {
      const v = seg[i] as string;
      if (v === '') continue;
      const parts = this.composite(v, d, where, `HI${String(i).padStart(2, '0')}`);
      if (parts.length < 2) {
        this.err(
          where,
          `HI${String(i).padStart(2, '0')} "${v}" has no component separator: qualifier and code belong in one element (e.g. ABK${d.component}M6281).`,
        );
        continue;
      }
      const qualifier = parts[0] as string;
      const code = parts[1] as string;
      if (qualifier === 'ABK' || qualifier === 'ABF') {
        claim.diagnoses.push({ qualifier, code });
        if (code.includes('.'))
          this.err(where, `Diagnosis ${code} contains a dot; send ICD-10-CM codes without the decimal point.`);
        else if (!isIcd10CmFormat(code))
          this.err(
            where,
            `Diagnosis ${code} is not in ICD-10-CM format (a letter, a digit, then 1–5 letters or digits).`,
          );
      } else if (qualifier === 'BK' || qualifier === 'BF') {
        claim.diagnoses.push({ qualifier, code });
        // Judged when the claim closes: whether ICD-9 is wrong depends on the lines' dates of service.
        this.icd9.push({ code, qualifier, where });
      }
    }
    if (claim.diagnoses.length > 12)
      this.err(where, `Claim ${claim.claimId} has ${claim.diagnoses.length} diagnoses; at most 12.`);
  }

  private sv1(seg: Segment, d: Delimiters, where: string): void {
    const line = this.line;
    if (!line || !this.claim) {
      this.err(where, 'SV1 outside a service line (no CLM/LX before it).');
      return;
    }
    line.where = where;
    const proc = this.composite(seg[1], d, where, 'SV101');
    line.qualifier = proc[0] ?? '';
    line.code = proc[1] ?? '';
    line.modifiers = proc.slice(2);
    if (line.modifiers.length > 4)
      this.err(where, `Line ${line.number} has ${line.modifiers.length} modifiers; at most 4.`);
    for (const m of line.modifiers)
      if (m.length !== 2) this.err(where, `Modifier "${m}" on line ${line.number} is not 2 characters.`);
    const charge = parseCents(seg[2]);
    if (charge === null) this.err(where, `SV102 "${seg[2] ?? ''}" is not an amount.`);
    line.chargeCents = charge ?? 0;
    const units = Number(seg[4] ?? '');
    if (!seg[4] || !Number.isFinite(units)) this.err(where, `SV104 units "${seg[4] ?? ''}" is not a number.`);
    line.units = Number.isFinite(units) ? units : 0;
    if (seg[5]) line.placeOfService = seg[5];
    line.pointers = components(seg[7], d);
    if (line.pointers.length === 0) this.err(where, `Line ${line.number} has no diagnosis pointer (SV107).`);
    if (line.pointers.length > 4)
      this.err(where, `Line ${line.number} has ${line.pointers.length} diagnosis pointers; at most 4.`);
  }

  private closeLine(): void {
    const line = this.line;
    if (line === null) return;
    this.line = null;
    const claim = this.claim;
    if (!claim) return;
    if (!line.dateOfService) this.err(line.where, `Line ${line.number} has no date of service (DTP*472).`);
    const n = claim.diagnoses.length;
    for (const p of line.pointers) {
      const i = Number(p);
      if (!Number.isInteger(i) || i < 1 || i > Math.max(n, 1) || (n > 0 && i > n))
        this.err(line.where, `Line ${line.number} points to diagnosis ${p}, but the claim has ${n}.`);
    }
    claim.lines.push(line);
  }

  private closeClaim(): void {
    this.closeLine();
    const claim = this.claim;
    if (claim === null) return;
    this.claim = null;
    this.inOtherSubscriber = false;
    let sum = 0;
    for (const l of claim.lines) sum += l.chargeCents;
    if (sum !== claim.chargeCents)
      this.err(
        claim.where,
        `Claim ${claim.claimId}: CLM02 ${dollars(claim.chargeCents)} does not equal the sum of its lines (SV102) ${dollars(sum)}.`,
      );
    if (claim.lines.length === 0) this.err(claim.where, `Claim ${claim.claimId} has no service lines.`);
    if (claim.lines.length > MAX_LINES)
      this.err(
        claim.where,
        `Claim ${claim.claimId} has ${claim.lines.length} service lines; an 837P claim allows at most ${MAX_LINES}.`,
      );
    if (claim.diagnoses.length === 0) this.err(claim.where, `Claim ${claim.claimId} has no diagnosis (HI).`);
    this.judgeIcd9(claim);
    if (!['1', '7', '8'].includes(claim.frequency))
      this.err(claim.where, `Claim ${claim.claimId}: frequency code (CLM05-3) "${claim.frequency}" is not 1, 7 or 8.`);
    if ((claim.frequency === '7' || claim.frequency === '8') && !claim.payerClaimNumber)
      this.err(claim.where, `Claim ${claim.claimId} replaces or voids a claim but has no REF*F8 payer claim number.`);
    this.claims.push(claim);
  }
}

/**
 * Reads and checks a whole 837P from text or bytes.
 * @param input - the file
 * @throws EdiError when the input holds no ISA at all
 */
export function read837(input: string | Uint8Array): ClaimFile {
  const tok = new SegmentReader();
  const reader = new Claim837Reader();
  const each = (v: SegmentView) => reader.segment(v, tok.delimiters ?? DEFAULT_DELIMITERS);
  tok.pushEach(input, each);
  tok.endEach(each);
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
