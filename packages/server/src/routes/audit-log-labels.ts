import type { AuditEntry, Store } from '@unitwise/store';
import type { Principal } from '../auth/principal.ts';
import { ACCESS, hasAnyRole } from '../auth/roles.ts';

/** An audit entry with the names a reader needs instead of ids. */
export type LabelledAuditEntry = AuditEntry & {
  userName: string | null;
  patientName: string | null;
  recordLabel: string | null;
};

/**
 * Adds the user's name, the patient's name and a label for the record to each entry. Patient names and record labels
 * go only to roles that may read clinical data (ACCESS.clinicalRead); others get null.
 * @param store - the store
 * @param principal - the reader
 * @param entries - one page of the log
 */
export async function labelAuditEntries(
  store: Store,
  principal: Principal,
  entries: readonly AuditEntry[],
): Promise<LabelledAuditEntry[]> {
  const clinical = hasAnyRole(principal.roles, ACCESS.clinicalRead);
  const labels = await store.audit.labels(
    principal.clinicId,
    clinical ? entries : entries.map((e) => ({ ...e, patientId: null, entity: '', entityId: null })),
  );
  return entries.map((e) => ({
    ...e,
    userName: (e.userId && labels.users[e.userId]) || null,
    patientName: (clinical && e.patientId && labels.patients[e.patientId]) || null,
    recordLabel: (clinical && e.entityId && labels.records[`${e.entity}:${e.entityId}`]) || null,
  }));
}
