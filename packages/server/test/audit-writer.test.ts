/** The audit writer: concurrent requests' entries share one statement, each caller waits for its own write. */
import { openStore, type Store } from '@unitwise/store';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditWriter } from '../src/http/audit-writer.ts';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('AuditWriter', () => {
  it('writes entries queued in one turn in one batch, and each promise resolves after its entry is stored', async () => {
    store = await openStore('sqlite::memory:');
    const s = store;
    const clinic = await s.clinics.create({ name: 'Audit batch' });
    const other = await s.clinics.create({ name: 'Audit other' });
    const batches: number[] = [];
    const appendMany = s.audit.appendMany.bind(s.audit);
    s.audit.appendMany = (entries) => {
      batches.push(entries.length);
      return appendMany(entries);
    };
    const writer = new AuditWriter(s);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        writer.write(i < 20 ? clinic.id : other.id, { action: 'visit.read', entity: 'visit', entityId: `v${i}` }),
      ),
    );
    expect(batches).toEqual([25]);
    expect((await s.audit.list(clinic.id, { limit: 100 })).items).toHaveLength(20);
    expect((await s.audit.list(other.id, { limit: 100 })).items).toHaveLength(5);
    // A later write is a new batch.
    await writer.write(clinic.id, { action: 'visit.update', entity: 'visit', entityId: 'v99' });
    expect(batches).toEqual([25, 1]);
    const stored = (await s.audit.list(clinic.id, { action: 'visit.update' })).items;
    expect(stored.map((e) => e.entityId)).toEqual(['v99']);
  });

  it('rejects every caller of a batch the store could not write', async () => {
    store = await openStore('sqlite::memory:');
    const s = store;
    const clinic = await s.clinics.create({ name: 'Audit fail' });
    const writer = new AuditWriter(s);
    await s.close();
    store = undefined;
    const results = await Promise.allSettled([
      writer.write(clinic.id, { action: 'a', entity: 'visit' }),
      writer.write(clinic.id, { action: 'b', entity: 'visit' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
