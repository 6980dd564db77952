import { z } from 'zod';
import { auditCaseFile } from '../engine/audit-case-file.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { AuditLogQuery } from '../schemas/clinical.ts';
import { labelAuditEntries } from './audit-log-labels.ts';

/** Any JSON object; the engine's own case-file parser reports the failing paths. */
const CaseFileBody = z
  .record(z.string(), z.unknown())
  .describe('A case file (shared/design.md, "The visit interchange format").');

/** The audit log (read-only) and the stateless case-file audit. */
export const auditRoutes: RouteDef[] = [
  defineRoute({
    id: 'audit-log.list',
    method: 'GET',
    path: '/api/v1/audit-log',
    summary:
      'The clinic’s audit log of reads and writes, newest first, with user and patient names and record labels (owners and auditors)',
    tag: 'audit',
    access: 'auditRead',
    query: AuditLogQuery,
    status: 200,
    async handler({ query, principal, deps, audit }) {
      const { cursor, ...rest } = query;
      const p = await deps.store.audit.list(principal.clinicId, { ...rest, cursor: cursor ?? null });
      const items = await labelAuditEntries(deps.store, principal, p.items);
      // The page names patients, so reading it is itself a read of patient data.
      await audit({ action: 'audit-log.list', entity: 'audit-log', detail: { count: items.length } });
      return { body: { items, next: p.nextCursor } };
    },
  }),
  defineRoute({
    id: 'audit.run',
    method: 'POST',
    path: '/api/v1/audit',
    summary: 'Audit a case file and return the report (the CLI’s `unitwise audit --format json`); nothing is stored',
    tag: 'audit',
    access: 'anyone',
    body: CaseFileBody,
    status: 200,
    async handler({ body, audit }) {
      const report = auditCaseFile(body);
      await audit({ action: 'case-file.audit', entity: 'case-file', detail: { visits: report.summary.visits } });
      return { body: report };
    },
  }),
];
