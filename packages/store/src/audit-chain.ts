import { createHash } from 'node:crypto';

/** The columns of one audit row that the chain covers (everything but the chain hash itself). */
export interface ChainedFields {
  clinic_id: string;
  seq: number;
  id: string;
  user_id: string | null;
  at: string;
  action: string;
  patient_id: string | null;
  entity: string;
  entity_id: string | null;
  ip: string | null;
  detail: string | null;
}

/**
 * The canonical text of an audit entry: a JSON array in fixed column order, so equal rows always give equal text.
 * @param row - the entry's columns
 */
export function canonicalAuditEntry(row: ChainedFields): string {
  return JSON.stringify([
    row.clinic_id,
    row.seq,
    row.id,
    row.user_id,
    row.at,
    row.action,
    row.patient_id,
    row.entity,
    row.entity_id,
    row.ip,
    row.detail,
  ]);
}

/**
 * The chain hash of an entry: SHA-256 (hex) of the previous entry's chain hash (empty for a clinic's first) followed
 * by the canonical entry, so changing, inserting or removing any earlier row changes every later hash.
 * @param previous - the chain hash of the clinic's previous entry, or '' for its first
 * @param row - the entry's columns
 */
export function chainHash(previous: string, row: ChainedFields): string {
  return createHash('sha256').update(previous).update(canonicalAuditEntry(row)).digest('hex');
}
