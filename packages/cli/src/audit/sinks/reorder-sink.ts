import type { VisitAudit } from '@unitwise/rules';
import type { AuditSink } from '../pipeline.ts';

/**
 * Holds audited visits and hands them on in input order at the end. Used for `.json` files only: they are
 * read whole anyway, and are audited in date order but reported in the file's order (as `auditCase` does).
 * @param inner - the report writer
 */
export function reorderSink(inner: AuditSink): AuditSink {
  const held: { order: number; audit: VisitAudit }[] = [];
  return {
    visit(audit, order) {
      held.push({ order: order ?? held.length, audit });
    },
    async end(tally) {
      held.sort((a, b) => a.order - b.order);
      for (const h of held) await inner.visit(h.audit, h.order);
      await inner.end(tally);
    },
  };
}
