/**
 * Prints how long saving a visit takes in the store: create (visit + 4 services + non-billable + findings) and
 * update (replace content at the expected version), median and p99 over many runs, on SQLite (a temp file, WAL) and
 * on PostgreSQL when PG_TEST_URL (or the local test database) answers. Figures only; no assertions.
 * Run: node --import tsx packages/store/scripts/bench-visit-save.ts [runs]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/index.ts';
import { seedClinic, visitInput } from '../test/helpers/fixtures.ts';
import { PG_URL, probePostgres } from '../test/helpers/targets.ts';

const runs = Number(process.argv[2] ?? 2000);

/** The q-quantile of sorted milliseconds. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Times `runs` creates and updates on one store. */
async function bench(label: string, url: string): Promise<void> {
  const store = await openStore(url);
  try {
    const s = await seedClinic(store, `Bench ${label}`);
    const { segments: _s, ...input } = visitInput(s.patient.id, s.provider.id);
    const create: number[] = [];
    const update: number[] = [];
    const read: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      const r = await store.visits.create(s.clinic.id, input);
      create.push(performance.now() - t);
      if (!r.ok) throw new Error(r.reason);
      t = performance.now();
      const u = await store.visits.update(s.clinic.id, r.value.id, 1, { ...input, response: `run ${i}` });
      update.push(performance.now() - t);
      if (!u.ok) throw new Error(u.reason);
      t = performance.now();
      await store.visits.list(s.clinic.id, { patientId: s.patient.id, limit: 20 });
      read.push(performance.now() - t);
    }
    for (const [name, xs] of [
      ['create visit + 4 services + findings', create],
      ['update visit at version (replace content)', update],
      ['list a patient’s visits (20, with services)', read],
    ] as const) {
      xs.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(10)} ${name.padEnd(46)} median ${quantile(xs, 0.5).toFixed(3)} ms  p99 ${quantile(xs, 0.99).toFixed(3)} ms  (n=${xs.length})`,
      );
    }
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'unitwise-bench-'));
try {
  await bench('sqlite', `sqlite:${join(dir, 'bench.db')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const probe = await probePostgres();
if (probe.ok) {
  const schema = `uw_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  await bench('postgres', url.toString());
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA "${schema}" CASCADE`);
  await client.end();
} else {
  console.log(`postgres   skipped: ${probe.reason}`);
}
