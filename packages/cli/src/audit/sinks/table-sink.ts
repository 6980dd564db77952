import { dollars, type Finding, type VisitAudit } from '@unitwise/rules';
import type { Output } from '../output.ts';
import type { AuditSink } from '../pipeline.ts';
import type { AuditTally } from '../summary.ts';
import { codesWithUnits, plural } from './text.ts';

const SEVERITY_WORD: Record<Finding['severity'], string> = { error: 'ERROR', warning: 'WARN ', info: 'info ' };

function findingLine(f: Finding, a: VisitAudit): string {
  const line = f.service === undefined ? undefined : a.lines[f.service];
  const where = line ? ` [${line.code}]` : '';
  return `    ${SEVERITY_WORD[f.severity]}  ${f.rule}${where}: ${f.message}`;
}

/**
 * A biller's table: one header line per visit (date, visit, patient, payer, codes×units, estimate, verdict)
 * and its findings under it with the severity as a word; totals and counts by rule at the end.
 * Written as visits are audited, so it works on any size of input.
 * @param out - where to write
 */
export function createTableSink(out: Output): AuditSink {
  out.write(
    'date        visit         patient       payer       codes × units                         estimate  result\n',
  );
  out.write(`${'-'.repeat(118)}\n`);
  return {
    async visit(a) {
      const errors = a.findings.filter((f) => f.severity === 'error').length;
      const warnings = a.findings.filter((f) => f.severity === 'warning').length;
      const result = errors
        ? `${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`
        : warnings
          ? plural(warnings, 'warning')
          : 'OK';
      out.write(
        `${a.date}  ${a.id.padEnd(12)}  ${a.patientId.padEnd(12)}  ${a.estimate.payer.padEnd(10)}  ${codesWithUnits(a.lines).padEnd(36)}  ${dollars(a.estimate.totalCents).padStart(9)}  ${result}\n`,
      );
      // An estimate that leaves a line out says why, so $0.00 is never unexplained.
      if (a.estimate.unpriced !== undefined) out.write(`    note     ${a.estimate.unpriced}\n`);
      for (const f of a.findings) out.write(`${findingLine(f, a)}\n`);
      await out.ready();
    },
    async end(tally: AuditTally) {
      const s = tally.summary;
      out.write(`${'-'.repeat(118)}\n`);
      out.write(
        `Summary: ${plural(s.visits, 'visit')} audited, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`,
      );
      out.write(tally.inputErrorCount ? `, ${plural(tally.inputErrorCount, 'input error')}` : '');
      out.write(`; estimated allowed ${dollars(tally.totalCents)}.\n`);
      if (tally.rules.size) {
        out.write('\nFindings by rule:\n  rule                      errors  warnings  info  visits\n');
        const rules = [...tally.rules.entries()].sort((x, y) => y[1].error - x[1].error || y[1].warning - x[1].warning);
        for (const [rule, t] of rules) {
          const counts = `${String(t.error).padStart(6)}  ${String(t.warning).padStart(8)}  ${String(t.info).padStart(4)}`;
          out.write(`  ${rule.padEnd(24)}  ${counts}  ${String(t.visitCount).padStart(6)}\n`);
        }
      }
      if (tally.inputErrorCount) {
        out.write('\nInput errors (these records were not audited):\n');
        for (const e of tally.listedInputErrors()) out.write(`  ${e.where}: ${e.message}\n`);
      }
      await out.close();
    },
  };
}
