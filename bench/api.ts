/**
 * `npm run bench:api` (issue 3, "Benchmark"): the clinic server on a temporary SQLite file, in a child process, under
 * autocannon (50 connections, BENCH_SECONDS each, default 20):
 *   (a) a bare Fastify route in a child process of its own: the ceiling of this machine;
 *   (b) saving a visit with four services (PUT with If-Match; each save runs the rules engine with the patient's
 *       history, stores findings, writes the audit log) — every connection edits its own visit, so no 412s — twice:
 *       the response text edited on each save (services unchanged), and a service description edited on each save;
 *   (c) reading a patient's visit list (20 visits a page);
 *   and the floor of any save here: Fastify + JSON + one SQLite transaction rewriting the visit's services.
 * Prints requests/s, p50 and p99 latency, the ratio save/ceiling, and PASS or FAIL against the target:
 * ratio >= 1/3 and save p99 < 50 ms, judged on the slower kind of save.
 * `node --import tsx bench/api.ts --child app|bare|floor [DB]` is the child mode.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;
const TARGET_RATIO = 1 / 3;
const TARGET_P99_MS = 50;
const PATIENTS = CONNECTIONS;
const HISTORY_VISITS = 6;

// ---------------------------------------------------------------- child mode

async function child(kind: string, db: string | undefined): Promise<void> {
  if (kind === 'bare') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    app.get('/ping', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    process.stdout.write(`READY ${typeof a === 'object' && a ? a.port : 0}\n`);
  } else if (kind === 'floor') {
    await floorChild(db ?? ':memory:');
  } else {
    const { startServer } = await import('@unitwise/server');
    const s = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: `sqlite:${db}`,
      seed: false,
      print: () => {},
    });
    process.stdout.write(`READY ${new URL(s.url).port}\n`);
  }
}

/**
 * The floor of any visit save on this stack: Fastify parses the same JSON body and one SQLite transaction (prepared
 * better-sqlite3 statements, WAL, no checkpoint on the way) bumps the visit's version and rewrites its four services.
 * No authentication, validation, rules engine, findings or audit log: whatever the server does, a save costs at least
 * this, so `floor / ceiling` bounds the ratio any implementation could reach here.
 */
async function floorChild(file: string): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec(`CREATE TABLE visits (id TEXT PRIMARY KEY, version INTEGER NOT NULL, response TEXT);
    CREATE TABLE services (visit_id TEXT NOT NULL, ordinal INTEGER NOT NULL, code TEXT, minutes INTEGER,
      description TEXT, PRIMARY KEY (visit_id, ordinal));`);
  const insertVisit = db.prepare('INSERT INTO visits (id, version) VALUES (?, 1)');
  for (let i = 0; i < PATIENTS; i++) insertVisit.run(`v${i}`);
  const bump = db.prepare(
    'UPDATE visits SET version = version + 1, response = ? WHERE id = ? AND version = ? RETURNING version',
  );
  const clear = db.prepare('DELETE FROM services WHERE visit_id = ?');
  const add = db.prepare('INSERT INTO services (visit_id, ordinal, code, minutes, description) VALUES (?, ?, ?, ?, ?)');
  type Body = { response: string; services: { code: string; minutes: number; description: string }[] };
  const save = db.transaction((id: string, version: number, body: Body) => {
    const row = bump.get(body.response, id, version) as { version: number } | undefined;
    if (!row) return undefined;
    clear.run(id);
    body.services.forEach((x, i) => {
      add.run(id, i, x.code, x.minutes, x.description);
    });
    return row.version;
  });
  const app = Fastify({ logger: false, bodyLimit: 5 * 1024 * 1024 });
  app.put<{ Params: { id: string }; Body: Body }>('/visits/:id', async (req, reply) => {
    const version = save(req.params.id, Number(req.headers['if-match'] ?? 0), req.body);
    if (version === undefined) return reply.code(412).send({ error: 'stale' });
    return reply.header('etag', String(version)).send({ id: req.params.id, version });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  process.stdout.write(`READY ${typeof a === 'object' && a ? a.port : 0}\n`);
}

// ---------------------------------------------------------------- parent

function startChild(args: string[]): Promise<{ proc: ChildProcess; base: string }> {
  const file = fileURLToPath(import.meta.url);
  // BENCH_NODE_ARGS passes flags to the children, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', file, '--child', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve({ proc, base: `http://127.0.0.1:${m[1]}` });
    });
    proc.on('exit', (code) => reject(new Error(`child ${args[0]} exited with ${code}`)));
  });
}

async function stopChild(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

async function api(
  base: string,
  token: string | null,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return { json: text ? JSON.parse(text) : undefined, etag: res.headers.get('etag') ?? '' };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Four timed services (58 minutes) with descriptions that support their codes. */
function visitBody(patientId: string, providerId: string, date: string, n: number) {
  return {
    patientId,
    providerId,
    date,
    discipline: 'PT',
    noteType: 'daily',
    timeIn: '09:00',
    timeOut: '10:05',
    totalTimedMinutes: 58,
    totalTreatmentMinutes: 58,
    services: [
      {
        code: '97530',
        minutes: 23,
        modifiers: ['GP'],
        goalIds: ['g1'],
        description: `Sit-to-stand from a low chair, 3 sets of ${5 + n}, min assist with cues for weight shift, to prepare for toilet transfers.`,
      },
      {
        code: '97110',
        minutes: 15,
        modifiers: ['GP'],
        goalIds: ['g1'],
        description: `Straight leg raises with a 2 lb weight, 3 sets of ${8 + n}, cues for terminal knee extension.`,
      },
      {
        code: '97112',
        minutes: 12,
        modifiers: ['GP'],
        goalIds: ['g1'],
        description: `Tandem stance on foam, ${4 + n} trials of 20 seconds, contact guard, cues for hip strategy.`,
      },
      {
        code: '97140',
        minutes: 8,
        modifiers: ['GP'],
        goalIds: ['g1'],
        description: `Grade III tibiofemoral mobilisation, ${2 + n} bouts of 30 seconds, to gain knee flexion.`,
      },
    ],
    nonBillable: [{ kind: 'rest', minutes: 5 }],
    response: `Walked ${150 + n * 10} feet with a cane, pain 3/10; progressing toward the goal.`,
  };
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Responses by status code, to name what the errors were. */
  statuses: Record<string, number>;
}

async function measure(name: string, opts: autocannon.Options): Promise<Row> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  // statusCodeStats is in autocannon's result but not in its type definitions.
  const stats = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const statuses: Record<string, number> = Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v.count]));
  if (r.timeouts) statuses.timeout = r.timeouts;
  if (r.errors) statuses.error = r.errors;
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors + r.timeouts,
    statuses,
  };
}

async function parent(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'unitwise-bench-api-'));
  const children: ChildProcess[] = [];
  try {
    // ---- setup (not timed): a clinic, an owner's API token, patients with plans, coverage and earlier visits
    const app = await startChild(['app', path.join(dir, 'bench.db')]);
    children.push(app.proc);
    const b = app.base;
    await api(b, null, 'POST', '/api/v1/clinics', {
      clinicName: 'Bench',
      owner: { name: 'Owner', email: 'owner@bench.test', password: 'bench password 1' },
    });
    const signIn = await fetch(`${b}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@bench.test', password: 'bench password 1' }),
    });
    const session = (await signIn.json()) as { csrfToken: string };
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const tokenRes = await fetch(`${b}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ name: 'bench' }),
    });
    const token = ((await tokenRes.json()) as { token: string }).token;
    const provider = (
      await api(b, token, 'POST', '/api/v1/providers', {
        name: 'Bench PT',
        npi: '1234567893',
        discipline: 'PT',
        credential: 'PT',
      })
    ).json.id as string;
    const payer = (await api(b, token, 'POST', '/api/v1/payers', { name: 'Medicare', policyId: 'medicare' })).json
      .id as string;
    const start = '2026-02-02';
    const visits: { id: string; etag: string }[] = [];
    let listPatient = '';
    for (let i = 0; i < PATIENTS; i++) {
      const patient = (
        await api(b, token, 'POST', '/api/v1/patients', {
          firstName: `Bench${i}`,
          lastName: 'Patient',
          birthDate: '1950-01-01',
          sex: 'F',
        })
      ).json.id as string;
      await api(b, token, 'POST', '/api/v1/coverages', {
        patientId: patient,
        payerId: payer,
        memberId: `M${i}`,
        startDate: '2026-01-01',
      });
      await api(b, token, 'POST', '/api/v1/plans-of-care', {
        patientId: patient,
        discipline: 'PT',
        startDate: start,
        endDate: addDays(start, 89),
        certifiedDate: addDays(start, 3),
        plannedCodes: ['97530', '97110', '97112', '97140'],
        goals: [{ id: 'g1', text: 'Patient will walk 300 feet with a cane and supervision within 6 weeks.' }],
      });
      for (let h = 0; h < HISTORY_VISITS; h++) {
        await api(b, token, 'POST', '/api/v1/visits', visitBody(patient, provider, addDays(start, h * 3), h));
      }
      const v = await api(
        b,
        token,
        'POST',
        '/api/v1/visits',
        visitBody(patient, provider, addDays(start, HISTORY_VISITS * 3), 99),
      );
      visits.push({ id: v.json.id, etag: v.etag });
      if (i === 0) listPatient = patient;
    }
    for (let i = 0; i < 14; i++)
      await api(b, token, 'POST', '/api/v1/visits', visitBody(listPatient, provider, addDays(start, 40 + i), 50 + i));
    const auth = { authorization: `Bearer ${token}` };

    // ---- (a) ceiling
    const bare = await startChild(['bare']);
    children.push(bare.proc);
    const ceiling = await measure('bare Fastify GET /ping (ceiling)', { url: `${bare.base}/ping` });
    await stopChild(bare.proc);

    // ---- (a2) the floor of a save on this stack: HTTP, JSON and one SQLite transaction, nothing else
    const floor = await startChild(['floor', path.join(dir, 'floor.db')]);
    children.push(floor.proc);
    const floorVersions = new Map<string, number>();
    const floorPool = Array.from({ length: PATIENTS }, (_, i) => `v${i}`);
    let floorN = 0;
    const floorRow = await measure('floor: HTTP + JSON + one SQLite write', {
      url: floor.base,
      requests: [
        {
          method: 'PUT',
          setupRequest: (req, context) => {
            const ctx = context as { id?: string };
            const id = floorPool.shift() ?? `v${floorN % PATIENTS}`;
            ctx.id = id;
            const body = visitBody('p', 'x', '2026-03-02', ++floorN);
            return {
              ...req,
              path: `/visits/${id}`,
              headers: { 'content-type': 'application/json', 'if-match': String(floorVersions.get(id) ?? 1) },
              body: JSON.stringify(body),
            };
          },
          onResponse: (_status, _body, context, headers) => {
            const ctx = context as { id?: string };
            const etag = (headers as Record<string, string> | undefined)?.etag;
            if (!ctx.id) return;
            if (etag) floorVersions.set(ctx.id, Number(etag));
            floorPool.push(ctx.id);
          },
        },
      ],
    });
    await stopChild(floor.proc);

    // ---- (b) save a visit with four services: each connection PUTs its own visit with the ETag it last saw. Two
    // kinds of autosave: typing in the response (services unchanged), and a service description changed each time.
    const bases = new Map<string, ReturnType<typeof visitBody>>();
    for (const v of visits) {
      const full = (await api(b, token, 'GET', `/api/v1/visits/${v.id}`)).json as { patientId: string; date: string };
      bases.set(v.id, visitBody(full.patientId, provider, full.date, 7));
    }
    let n = 0;
    const typing = (id: string) => {
      const base = bases.get(id) as ReturnType<typeof visitBody>;
      return JSON.stringify({ ...base, response: `${base.response} ${++n}` });
    };
    const editing = (id: string) => {
      const base = bases.get(id) as ReturnType<typeof visitBody>;
      const [first, ...rest] = base.services;
      return JSON.stringify({
        ...base,
        services: [{ ...first, description: `${first?.description} (${++n})` }, ...rest],
      });
    };
    const save = await measureSave('PUT visit, response edited (4 services)', typing);
    const saveEdit = await measureSave('PUT visit, a description edited', editing);

    /** Saves under load; `bodyFor` makes each request's body for a visit id. */
    async function measureSave(name: string, bodyFor: (id: string) => string): Promise<Row> {
      // A run ends with saves in flight whose answers (and new ETags) it drops: read each visit's ETag afresh.
      for (const v of visits) v.etag = (await api(b, token, 'GET', `/api/v1/visits/${v.id}`)).etag;
      // autocannon resets a connection's context after each pass through `requests`, so the visits live in a pool:
      // a request takes a free one and its response returns it with the new ETag (one in flight per connection).
      const free = [...visits];
      // Checked out, oldest first. A timed-out request is retried by autocannon without its response, so its visit
      // never comes back: a retry finding the pool empty takes the oldest checked-out one (a 412 at worst).
      const out = new Set<{ id: string; etag: string }>();
      return measure(name, {
        url: b,
        requests: [
          {
            method: 'PUT',
            setupRequest: (req, context) => {
              const ctx = context as { visit?: { id: string; etag: string } };
              const v = free.shift() ?? out.values().next().value;
              if (!v) throw new Error('bench: no visit to save');
              out.delete(v);
              out.add(v);
              ctx.visit = v;
              return {
                ...req,
                path: `/api/v1/visits/${v.id}`,
                headers: { ...auth, 'content-type': 'application/json', 'if-match': v.etag },
                body: bodyFor(v.id),
              };
            },
            onResponse: (_status, _body, context, headers) => {
              const ctx = context as { visit?: { id: string; etag: string } };
              const etag = (headers as Record<string, string> | undefined)?.etag;
              if (!ctx.visit || !out.delete(ctx.visit)) return;
              if (etag) ctx.visit.etag = etag;
              free.push(ctx.visit);
            },
          },
        ],
      });
    }

    // ---- (c) read a patient's visit list
    const list = await measure('GET /api/v1/patients/:id/visits?limit=20', {
      url: `${b}/api/v1/patients/${listPatient}/visits?limit=20`,
      headers: auth,
    });

    // ---- report
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(8);
    process.stdout.write(
      `\nautocannon: ${CONNECTIONS} connections, ${SECONDS} s each, server and ceiling each in their own process, SQLite file\n\n`,
    );
    process.stdout.write(
      `${'route'.padEnd(46)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}\n`,
    );
    for (const r of [ceiling, floorRow, save, saveEdit, list]) {
      const by = Object.entries(r.statuses)
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ');
      process.stdout.write(
        `${r.name.padEnd(46)} ${fmt(r.rps)} ${fmt(r.p50)} ${fmt(r.p99)} ${fmt(r.errors)}  (${by})\n`,
      );
    }
    // Judged on the slower kind of save, so the verdict never rests on the rows a save could leave as they were.
    const worst = saveEdit.rps < save.rps ? saveEdit : save;
    const ratio = worst.rps / ceiling.rps;
    const p99 = Math.max(save.p99, saveEdit.p99);
    const errors = save.errors + saveEdit.errors + list.errors;
    const pass = ratio >= TARGET_RATIO && p99 < TARGET_P99_MS && errors === 0;
    process.stdout.write(
      `\nvisit save / ceiling = ${(save.rps / ceiling.rps).toFixed(3)} (response edited), ${(saveEdit.rps / ceiling.rps).toFixed(3)} (description edited); target >= ${TARGET_RATIO.toFixed(3)}\n` +
        `save p99 = ${p99} ms, the higher of the two (target < ${TARGET_P99_MS} ms)\n`,
    );
    process.stdout.write(
      `floor / ceiling = ${(floorRow.rps / ceiling.rps).toFixed(3)}: no save on this stack can reach more; ` +
        `visit save / floor = ${(worst.rps / floorRow.rps).toFixed(3)}\n`,
    );
    process.stdout.write(`${pass ? 'PASS' : 'FAIL'}\n`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    for (const c of children) if (c.exitCode === null) await stopChild(c);
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1] ?? 'app', process.argv[at + 2]);
else await parent();
