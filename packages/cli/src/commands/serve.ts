import cluster from 'node:cluster';
import { DEFAULT_DATABASE_URL, DEFAULT_PORT, startServer } from '@unitwise/server';
import { StoreError } from '@unitwise/store';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { runPrimary } from './serve-cluster.ts';

const HELP = `Usage: unitwise serve [--port N] [--host H] [--database-url URL] [--no-seed]

Runs the clinic server: the HTTP API under /api/v1, the OpenAPI document at /api/openapi.json and the web app.
On first run it creates the database, migrates it and seeds a demo clinic, then prints the demo sign-ins.
Stops cleanly on SIGTERM or Ctrl-C.

  --port N             port to listen on (default $PORT or ${DEFAULT_PORT})
  --host H             address to bind (default $HOST or 0.0.0.0)
  --database-url URL   sqlite:PATH or postgres://... (default $DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --workers N          server processes sharing the port (default 1; PostgreSQL only: SQLite allows one)
  --no-seed            do not create the demo clinic
  --no-signup          turn off self-service clinic sign-up (POST /api/v1/clinics)
  -h, --help           show this help
`;

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  'database-url': { type: 'string' },
  workers: { type: 'string', short: 'w' },
  'no-seed': { type: 'boolean', default: false },
  'no-signup': { type: 'boolean', default: false },
} as const;

/** `unitwise serve`: the clinic server; resolves with 0 once it has shut down. */
export const command: Command = {
  summary: 'run the clinic server (HTTP API and web app) with a demo clinic on first run',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS, 'serve');
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const portText = values.port ?? io.env.PORT ?? String(DEFAULT_PORT);
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a port number (0-65535), not '${portText}'.`);
    }
    const databaseUrl = values['database-url'] ?? io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
    if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
      throw new UsageError(`--database-url must start with sqlite: or postgres://, not '${databaseUrl}'.`);
    }
    const workersText = values.workers ?? '1';
    const workers = Number(workersText);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      throw new UsageError(`--workers must be a whole number from 1 to 64, not '${workersText}'.`);
    }
    if (workers > 1 && databaseUrl.startsWith('sqlite:')) {
      throw new UsageError(
        '--workers needs PostgreSQL: SQLite supports one server process per file. Use --database-url postgres://...',
      );
    }
    // The primary only forks and supervises; each worker (cluster.isPrimary false) runs the server below.
    if (workers > 1 && cluster.isPrimary) return runPrimary(workers, io);
    const server = await startServer({
      port,
      host: values.host ?? io.env.HOST ?? '0.0.0.0',
      databaseUrl,
      seed: !values['no-seed'],
      selfSignup: !values['no-signup'],
      // One JSON line per request (id, method, path, status, time) unless turned off; never bodies or names.
      logger: io.env.UNITWISE_LOG !== '0',
      print: (line) => io.stdout.write(`${line}\n`),
    }).catch((err: unknown) => {
      // A second server on one SQLite file is an expected refusal, not an internal error.
      if (err instanceof StoreError && err.code === 'locked') return err;
      throw err;
    });
    if (server instanceof StoreError) {
      io.stderr.write(`unitwise serve: ${server.message}.\n`);
      return 1;
    }
    await server.closed;
    // A worker's IPC channel to the primary keeps it alive; let go of it so the worker exits once stopped.
    cluster.worker?.disconnect();
    return 0;
  },
};
