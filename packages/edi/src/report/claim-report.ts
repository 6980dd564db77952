import { dollars } from '@unitwise/rules';
import type { Problem } from '../problem.ts';
import type { ClaimFile, ReadClaim } from '../x837/read.ts';

/** The `claims check --json` document. */
export interface ClaimFileView {
  ok: boolean;
  errors: Problem[];
  warnings: Problem[];
  interchange: ClaimFile['interchange'];
  transactionSets: number;
  segmentCount: number;
  claims: Omit<ReadClaim, 'where'>[];
}

/**
 * The JSON view of a checked 837P.
 * @param f - the read file
 */
export function claimFileView(f: ClaimFile): ClaimFileView {
  return {
    ok: f.errors.length === 0,
    errors: f.errors,
    warnings: f.warnings,
    interchange: f.interchange,
    transactionSets: f.transactionSets,
    segmentCount: f.segmentCount,
    claims: f.claims.map(({ where: _where, ...c }) => c),
  };
}

/**
 * The plain-text report of `unitwise claims check`.
 * @param v - the view
 * @param name - the file name to show
 */
export function claimFileText(v: ClaimFileView, name: string): string {
  const out: string[] = [];
  const i = v.interchange;
  const lines = v.claims.reduce((t, c) => t + c.lines.length, 0);
  out.push(
    `837P ${name}: interchange ${i.control}, ${i.sender} → ${i.receiver}, version ${i.version || '?'}; ${v.transactionSets} transaction set(s), ${v.claims.length} claim(s), ${lines} line(s)`,
  );
  for (const c of v.claims) {
    out.push('');
    out.push(
      `Claim ${c.claimId}: charge ${dollars(c.chargeCents)}, place of service ${c.placeOfService || '?'}, frequency ${c.frequency || '?'}${c.payerClaimNumber ? `, replaces payer claim ${c.payerClaimNumber}` : ''}`,
    );
    out.push(
      `  payer ${c.payer ? `${c.payer.name} (${c.payer.id})` : '(none)'}; billing NPI ${c.billingNpi ?? '(none)'}${c.renderingNpi ? `; rendering NPI ${c.renderingNpi}` : ''}`,
    );
    out.push(`  diagnoses ${c.diagnoses.map((d, n) => `${n + 1}:${d.code}`).join(' ') || '(none)'}`);
    for (const l of c.lines)
      out.push(
        `  line ${l.number}: ${[l.code, ...l.modifiers].join(' ')} ${l.dateOfService ?? '(no date)'}; ${dollars(l.chargeCents)}, ${l.units} unit${l.units === 1 ? '' : 's'}, pointers ${l.pointers.join(',') || '-'}${l.controlNumber ? ` [${l.controlNumber}]` : ''}`,
      );
  }
  out.push('');
  out.push('Structural checks');
  if (v.errors.length === 0)
    out.push('  envelopes, counts, control numbers, CLM02 = ΣSV102, NPIs and diagnoses: all pass');
  for (const e of v.errors) out.push(`  ERROR ${e.where}: ${e.message}`);
  for (const w of v.warnings) out.push(`  warning ${w.where}: ${w.message}`);
  out.push('');
  out.push(v.ok ? 'Result: the file is sound.' : `Result: ${v.errors.length} error(s); do not send this file as is.`);
  return `${out.join('\n')}\n`;
}
