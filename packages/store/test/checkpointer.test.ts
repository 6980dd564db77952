/**
 * WAL checkpoints run in a worker thread (`db/checkpointer.ts`), not in the commit that crosses 1,000 WAL pages:
 * pages reach the database file while the store stays open, and closing leaves an empty WAL.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/index.ts';
import { useTempDirs } from './helpers/temp-dirs.ts';

const tempDir = useTempDirs();

describe('SQLite checkpoints off the event loop', () => {
  it('copies the WAL into the database file in the background and truncates it on close', async () => {
    const dir = tempDir('ckpt');
    const file = path.join(dir, 'c.db');
    const store = await openStore(`sqlite:${file}`);
    const clinic = await store.clinics.create({ name: 'Checkpoints' });
    const before = statSync(file).size;
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      clinicId: clinic.id,
      action: 'patient.read',
      entity: 'patient',
      entityId: `p${i}`,
      detail: { pad: 'x'.repeat(200) },
    }));
    await store.audit.appendMany(rows);
    // More than 1,000 WAL pages were written; SQLite's own checkpoint is off, so only the worker moves them.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000_000);
    const deadline = Date.now() + 5_000;
    while (statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(statSync(file).size).toBeGreaterThan(before + 500_000);
    await store.close();
    expect(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0).toBe(true);
    const again = await openStore(`sqlite:${file}`);
    expect((await again.audit.list(clinic.id, { limit: 5 })).items).toHaveLength(5);
    await again.close();
  });
});
