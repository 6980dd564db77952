import { dollars } from '@unitwise/rules';
import { explainCarc } from '../codes/carc.ts';
import { explainClaimStatus, explainPlb } from '../codes/claim-status.ts';
import { explainGroup } from '../codes/groups.ts';
import { explainRarc } from '../codes/rarc.ts';
import type { Problem } from '../problem.ts';
import type { Adjustment, BalanceCheck, BalanceSummary, Remittance } from '../x835/types.ts';

/** An adjustment with the plain words for its group and reason. */
export interface AdjustmentView extends Adjustment {
  groupText: string;
  explanation: string;
}

/** The `remit read --json` document. Patient names are left out: the file is checked, not the patient. */
export interface RemittanceView {
  ok: boolean;
  balanced: boolean;
  errors: Problem[];
  warnings: Problem[];
  interchange: Remittance['interchange'];
  payments: {
    control: string;
    handling: string;
    totalCents: number;
    method: string;
    paymentDate?: string;
    traceNumber: string;
    payerId: string;
    payer: { name: string; id?: string };
    payee: { name: string; idQualifier?: string; id?: string; taxId?: string };
    claims: {
      claimId: string;
      status: string;
      statusText: string;
      chargeCents: number;
      paidCents: number;
      patientCents: number;
      payerClaimNumber: string;
      adjustments: AdjustmentView[];
      remarks: { code: string; explanation: string }[];
      lines: {
        code: string;
        qualifier: string;
        modifiers: string[];
        submittedCode?: string;
        dateOfService?: string;
        dateOfServiceEnd?: string;
        chargeCents: number;
        paidCents: number;
        units: number;
        allowedCents?: number;
        lineControl?: string;
        adjustments: AdjustmentView[];
        remarks: { code: string; explanation: string }[];
      }[];
    }[];
    providerAdjustments: {
      providerId: string;
      date: string;
      reason: string;
      reference: string;
      amountCents: number;
      explanation: string;
    }[];
  }[];
  checks: BalanceCheck[];
  summary: BalanceSummary;
}

function adjView(a: Adjustment): AdjustmentView {
  return { ...a, groupText: explainGroup(a.group), explanation: explainCarc(a.reason) };
}

function remarkView(code: string): { code: string; explanation: string } {
  return { code, explanation: explainRarc(code) };
}

/**
 * The JSON view of a read 835 for billers and the CLI: payments, claims, lines, adjustments with plain words,
 * and every balancing check.
 * @param r - the remittance
 */
export function remittanceView(r: Remittance): RemittanceView {
  return {
    ok: r.errors.length === 0 && r.balanced,
    balanced: r.balanced,
    errors: r.errors,
    warnings: r.warnings,
    interchange: r.interchange,
    payments: r.transactions.map((t) => ({
      control: t.control,
      handling: t.handling,
      totalCents: t.totalCents,
      method: t.method,
      ...(t.paymentDate ? { paymentDate: t.paymentDate } : {}),
      traceNumber: t.traceNumber,
      payerId: t.payerId,
      payer: t.payer,
      payee: t.payee,
      claims: t.claims.map((c) => ({
        claimId: c.claimId,
        status: c.status,
        statusText: explainClaimStatus(c.status),
        chargeCents: c.chargeCents,
        paidCents: c.paidCents,
        patientCents: c.patientCents,
        payerClaimNumber: c.payerClaimNumber,
        adjustments: c.adjustments.map(adjView),
        remarks: c.remarks.map(remarkView),
        lines: c.lines.map((l) => ({
          code: l.procedure.code,
          qualifier: l.procedure.qualifier,
          modifiers: l.procedure.modifiers,
          ...(l.submittedProcedure ? { submittedCode: l.submittedProcedure.code } : {}),
          ...(l.dateOfService ? { dateOfService: l.dateOfService } : {}),
          ...(l.dateOfServiceEnd ? { dateOfServiceEnd: l.dateOfServiceEnd } : {}),
          chargeCents: l.chargeCents,
          paidCents: l.paidCents,
          units: l.units,
          ...(l.allowedCents !== undefined ? { allowedCents: l.allowedCents } : {}),
          ...(l.lineControl ? { lineControl: l.lineControl } : {}),
          adjustments: l.adjustments.map(adjView),
          remarks: l.remarks.map(remarkView),
        })),
      })),
      providerAdjustments: t.providerAdjustments.map((p) => ({
        providerId: p.providerId,
        date: p.date,
        reason: p.reason,
        reference: p.reference,
        amountCents: p.amountCents,
        explanation: explainPlb(p.reason),
      })),
    })),
    checks: r.checks,
    summary: r.summary,
  };
}

const HANDLING: Readonly<Record<string, string>> = {
  I: 'payment with remittance advice',
  H: 'notification only, no payment',
  C: 'payment only',
  D: 'make payment only',
  P: 'prenotification of future transfer',
  U: 'split payment and remittance',
  X: 'handling party’s option to split',
};

function adjLine(a: AdjustmentView): string {
  return `${a.group}-${a.reason} ${dollars(a.amountCents)}${a.quantity !== undefined ? ` (qty ${a.quantity})` : ''}: ${a.explanation}`;
}

/**
 * The plain-text report of `unitwise remit read`.
 * @param v - the view from `remittanceView`
 * @param name - the file name to show
 */
export function remittanceText(v: RemittanceView, name: string): string {
  const out: string[] = [];
  const i = v.interchange;
  out.push(
    `835 remittance ${name}: interchange ${i.control}, ${i.sender} → ${i.receiver}, version ${i.version || '?'}`,
  );
  for (const p of v.payments) {
    out.push('');
    out.push(
      `Payment (ST ${p.control}): ${dollars(p.totalCents)} by ${p.method || '?'} (${HANDLING[p.handling] ?? p.handling})${p.paymentDate ? ` on ${p.paymentDate}` : ''}, trace ${p.traceNumber || '(none)'}`,
    );
    out.push(
      `  payer ${p.payer.name}${p.payerId ? ` (${p.payerId})` : ''}; payee ${p.payee.name}${p.payee.id ? ` (${p.payee.idQualifier ?? ''} ${p.payee.id})` : ''}`,
    );
    for (const c of p.claims) {
      out.push('');
      out.push(
        `  Claim ${c.claimId}: ${c.statusText}; charge ${dollars(c.chargeCents)}, paid ${dollars(c.paidCents)}, patient owes ${dollars(c.patientCents)}${c.payerClaimNumber ? `; payer claim number ${c.payerClaimNumber}` : ''}`,
      );
      for (const a of c.adjustments) out.push(`    claim adjustment ${adjLine(a)}`);
      for (const r of c.remarks) out.push(`    remark ${r.code}: ${r.explanation}`);
      c.lines.forEach((l, n) => {
        const code = [l.code, ...l.modifiers].join(' ');
        const dates = l.dateOfService ? ` ${l.dateOfService}${l.dateOfServiceEnd ? `–${l.dateOfServiceEnd}` : ''}` : '';
        out.push(
          `    line ${n + 1}: ${code}${l.submittedCode ? ` (billed as ${l.submittedCode})` : ''}${dates}; charge ${dollars(l.chargeCents)}, paid ${dollars(l.paidCents)}, ${l.units} unit${l.units === 1 ? '' : 's'}${l.allowedCents !== undefined ? `, allowed ${dollars(l.allowedCents)}` : ''}${l.lineControl ? ` [${l.lineControl}]` : ''}`,
        );
        for (const a of l.adjustments) out.push(`      ${adjLine(a)}`);
        for (const r of l.remarks) out.push(`      remark ${r.code}: ${r.explanation}`);
      });
    }
    for (const a of p.providerAdjustments)
      out.push(
        `  provider adjustment ${a.reason}${a.reference ? `:${a.reference}` : ''} ${dollars(a.amountCents)}: ${a.explanation}`,
      );
  }
  out.push('');
  out.push('Balancing checks');
  const s = v.summary;
  for (const level of ['service', 'claim', 'transaction'] as const) {
    const x = s[level];
    out.push(`  ${level}: ${x.checked} checked, ${x.failed === 0 ? 'all balance' : `${x.failed} do not balance`}`);
  }
  for (const c of v.checks) if (c.level !== 'service' || !c.ok) out.push(`    ${c.ok ? 'ok ' : 'NO '} ${c.message}`);
  if (v.errors.length > 0) {
    out.push('');
    out.push('Errors');
    for (const e of v.errors) out.push(`  ${e.where}: ${e.message}`);
  }
  if (v.warnings.length > 0) {
    out.push('');
    out.push('Warnings');
    for (const w of v.warnings) out.push(`  ${w.where}: ${w.message}`);
  }
  out.push('');
  out.push(
    v.ok
      ? 'Result: the file is sound and balances.'
      : v.balanced
        ? `Result: ${v.errors.length} error(s); fix or ask the payer before posting.`
        : 'Result: the file DOES NOT BALANCE; it must not be posted.',
  );
  return `${out.join('\n')}\n`;
}
