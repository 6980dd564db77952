import type { VisitAudit } from '@unitwise/rules';
import type { Output } from '../output.ts';
import type { AuditSink } from '../pipeline.ts';
import type { AuditTally } from '../summary.ts';

/**
 * The visit as `--format json` prints it: exactly the design's fields, nothing of the engine's internals.
 * @param a - the audited visit
 */
export function visitJson(a: VisitAudit) {
  return {
    id: a.id,
    patientId: a.patientId,
    date: a.date,
    lines: a.lines.map(({ code, minutes, units, claimedUnits, modifiers }) => ({
      code,
      minutes,
      units,
      claimedUnits,
      modifiers,
    })),
    findings: a.findings,
    estimate:
      a.estimate.unpriced === undefined
        ? { payer: a.estimate.payer, totalCents: a.estimate.totalCents }
        : { payer: a.estimate.payer, totalCents: a.estimate.totalCents, unpriced: a.estimate.unpriced },
  };
}

/**
 * Writes `{ visits, summary, inputErrors }` incrementally: the opening, one visit a line as each is audited,
 * then the summary and input errors. Valid JSON whatever the size, in constant memory.
 * @param out - where to write
 */
export function createJsonSink(out: Output): AuditSink {
  let first = true;
  out.write('{"visits":[');
  return {
    async visit(a) {
      out.write(first ? '\n' : ',\n');
      first = false;
      out.write(JSON.stringify(visitJson(a)));
      await out.ready();
    },
    async end(tally: AuditTally) {
      out.write(first ? '],\n' : '\n],\n');
      out.write(`"summary":${JSON.stringify(tally.summary)},\n`);
      out.write(`"inputErrors":${JSON.stringify(tally.listedInputErrors(), null, 1)}}\n`);
      await out.close();
    },
  };
}
