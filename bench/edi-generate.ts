/**
 * Deterministic X12 835 generation for the EDI benchmark: balanced claims with CO-45/PR-2 lines, some CO-236
 * denials, a PLB per transaction set. Written in 1 MB pieces so generating 50 MB does not hold 50 MB.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

// Deterministic PRNG (mulberry32) so every run and machine gets the same file.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CODES = [
  ['97530', 5500],
  ['97110', 4500],
  ['97140', 4000],
  ['97112', 4800],
  ['97535', 5000],
] as const;
const money = (c: number) => {
  const s = `${Math.floor(Math.abs(c) / 100)}${c % 100 ? `.${String(Math.abs(c) % 100).padStart(2, '0')}` : ''}`;
  return c < 0 ? `-${s}` : s;
};

/**
 * Writes a balanced 835 of about `targetBytes` to `file`; returns its size and claim count.
 * @param file - where to write
 * @param targetBytes - about how large
 */
export function generate835(file: string, targetBytes: number): { bytes: number; claims: number } {
  const rand = rng(835);
  const fd = openSync(file, 'w');
  let buf = '';
  let bytes = 0;
  const flush = () => {
    bytes += Buffer.byteLength(buf);
    writeSync(fd, buf);
    buf = '';
  };
  buf += 'ISA*00*          *00*          *ZZ*MAC12345       *ZZ*UNITWISE01     *250120*0900*^*00501*000000001*0*P*:~\n';
  buf += 'GS*HP*MAC12345*UNITWISE01*20250120*0900*1*X*005010X221A1~\n';
  let claimNo = 0;
  let st = 0;
  while (bytes + buf.length < targetBytes) {
    st++;
    const body: string[] = [];
    let paidTotal = 0;
    body.push(`TRN*1*EFT${String(st).padStart(9, '0')}*1512345678`, 'DTM*405*20250117', 'N1*PR*EXAMPLE MAC');
    body.push('N3*1 PAYER WAY', 'N4*ANYTOWN*NY*123450002', 'PER*BL*EDI SUPPORT*TE*5555550199');
    body.push('N1*PE*EXAMPLE PT CLINIC*XX*1234567893', 'REF*TJ*123456789', 'LX*1');
    for (let k = 0; k < 5000; k++) {
      claimNo++;
      const id = `UW${String(claimNo).padStart(8, '0')}`;
      const nLines = 1 + Math.floor(rand() * 4);
      const lines: string[] = [];
      let charge = 0;
      let paid = 0;
      let patient = 0;
      const day = 1 + Math.floor(rand() * 28);
      const dos = `202501${String(day).padStart(2, '0')}`;
      for (let l = 1; l <= nLines; l++) {
        const [code, rate] = CODES[Math.floor(rand() * CODES.length)] as (typeof CODES)[number];
        const units = 1 + Math.floor(rand() * 3);
        const c = rate * units;
        charge += c;
        if (rand() < 0.05) {
          lines.push(`SVC*HC:${code}:GP:59*${money(c)}*0**${units}`, `DTM*472*${dos}`, `CAS*CO*236*${money(c)}`);
          lines.push(`REF*6R*${id}-${l}`, 'LQ*HE*N20');
          continue;
        }
        const allowed = Math.round(c * 0.72);
        const coins = Math.round(allowed * 0.2);
        const p = allowed - coins;
        paid += p;
        patient += coins;
        lines.push(`SVC*HC:${code}:GP*${money(c)}*${money(p)}**${units}`, `DTM*472*${dos}`);
        lines.push(
          `CAS*CO*45*${money(c - allowed)}`,
          `CAS*PR*2*${money(coins)}`,
          `REF*6R*${id}-${l}`,
          `AMT*B6*${money(allowed)}`,
        );
      }
      body.push(
        `CLP*${id}*1*${money(charge)}*${money(paid)}*${money(patient)}*MB*2202501${String(claimNo).padStart(8, '0')}*11*1`,
      );
      body.push(`NM1*QC*1*PATIENT*TEST****MI*${String(100000000 + claimNo)}A`);
      body.push(...lines);
      paidTotal += paid;
      if (bytes + buf.length + body.length * 30 > targetBytes) break;
    }
    body.push(`PLB*1234567893*20251231*L6:INT${st}*-1.25`);
    paidTotal += 125;
    const stLines = [
      `ST*835*${String(st).padStart(4, '0')}`,
      `BPR*I*${money(paidTotal)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20250120`,
      ...body,
    ];
    stLines.push(`SE*${stLines.length + 1}*${String(st).padStart(4, '0')}`);
    for (const s of stLines) {
      buf += `${s}~\n`;
      if (buf.length > 1 << 20) flush();
    }
  }
  buf += `GE*${st}*1~\nIEA*1*000000001~\n`;
  flush();
  closeSync(fd);
  return { bytes, claims: claimNo };
}
