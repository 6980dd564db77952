/**
 * Writes small 835 (005010X221A1) files for tests, shaped like a payer's answer to our claims: BPR/TRN, payer and
 * payee, one CLP per claim with SVC, DTM*472, CAS and REF*6R per line. Totals are computed so the file balances,
 * unless `skewCents` is given to break the transaction balance on purpose.
 */

export interface Adj835 {
  group: string;
  reason: string;
  amountCents: number;
}

export interface Line835 {
  code: string;
  modifiers?: string[];
  chargeCents: number;
  paidCents: number;
  units: number;
  date: string;
  control?: string;
  adjustments: Adj835[];
  remarks?: string[];
}

export interface Claim835 {
  claimNumber: string;
  /** CLP02: 1 primary, 4 denied, 22 reversal. */
  status: string;
  payerClaimNumber: string;
  patientCents?: number;
  /** NM1*QC; a made-up patient when not given (which then matches none of our claims). */
  patient?: { lastName: string; firstName: string; memberId: string };
  lines: Line835[];
}

const money = (c: number) => {
  const s = (Math.abs(c) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${c < 0 ? '-' : ''}${s === '' ? '0' : s}`;
};
const d8 = (iso: string) => iso.replaceAll('-', '');

/**
 * An 835 paying the given claims.
 * @param opts - trace number, payer id and claims; `skewCents` makes BPR02 wrong by that much
 */
export function make835(opts: {
  trace: string;
  payerId?: string;
  claims: Claim835[];
  skewCents?: number;
  /** BPR16, `YYYYMMDD` (default 20260320). */
  paymentDate?: string;
}): string {
  const payerId = opts.payerId ?? '60054';
  const body: string[] = [];
  let total = 0;
  opts.claims.forEach((c, i) => {
    const charge = c.lines.reduce((t, l) => t + l.chargeCents, 0);
    const paid = c.lines.reduce((t, l) => t + l.paidCents, 0);
    const pr =
      c.patientCents ??
      c.lines.reduce(
        (t, l) => t + l.adjustments.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0),
        0,
      );
    total += paid;
    body.push(`LX*${i + 1}`);
    body.push(
      `CLP*${c.claimNumber}*${c.status}*${money(charge)}*${money(paid)}*${money(pr)}*CI*${c.payerClaimNumber}*11*1`,
    );
    const p = c.patient ?? { lastName: 'TEST', firstName: 'PATIENT', memberId: 'M1' };
    body.push(`NM1*QC*1*${p.lastName.toUpperCase()}*${p.firstName.toUpperCase()}****MI*${p.memberId}`);
    for (const l of c.lines) {
      body.push(
        `SVC*HC:${[l.code, ...(l.modifiers ?? [])].join(':')}*${money(l.chargeCents)}*${money(l.paidCents)}**${l.units}`,
      );
      body.push(`DTM*472*${d8(l.date)}`);
      for (const a of l.adjustments) body.push(`CAS*${a.group}*${a.reason}*${money(a.amountCents)}`);
      if (l.control) body.push(`REF*6R*${l.control}`);
      if (l.remarks && l.remarks.length > 0) for (const r of l.remarks) body.push(`LQ*HE*${r}`);
    }
  });
  const bpr = total + (opts.skewCents ?? 0);
  const st = [
    'ST*835*0001',
    `BPR*I*${money(bpr)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*${opts.paymentDate ?? '20260320'}`,
    `TRN*1*${opts.trace}*1${payerId.padStart(9, '0')}`,
    'DTM*405*20260318',
    'N1*PR*EXAMPLE COMMERCIAL PLAN',
    'N3*1 PAYER WAY',
    'N4*ANYTOWN*NY*123450002',
    'PER*BL*EDI SUPPORT*TE*5555550199',
    'N1*PE*EXAMPLE PT CLINIC*XX*1234567893',
    ...body,
  ];
  st.push(`SE*${st.length + 1}*0001`);
  const isa =
    'ISA*00*          *00*          *ZZ*PAYER01        *ZZ*UNITWISE01     *260320*0900*^*00501*000000201*0*T*:';
  return `${[isa, 'GS*HP*PAYER01*UNITWISE01*20260320*0900*1*X*005010X221A1', ...st, 'GE*1*1', 'IEA*1*000000201'].join('~\n')}~\n`;
}
