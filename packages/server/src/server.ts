import { openStore, type Store } from '@unitwise/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type SeedResult, seedDemo } from './seed/seed-demo.ts';

export interface StartOptions {
  /** Default 8080. */
  port?: number;
  /** Default 0.0.0.0 (all interfaces). */
  host?: string;
  /** `sqlite:PATH` or `postgres://...`; default `sqlite:./data/unitwise.db`. */
  databaseUrl?: string;
  /** Seed the demo clinic when it is missing (default true). */
  seed?: boolean;
  selfSignup?: boolean;
  secureCookies?: boolean;
  webRoot?: string;
  logger?: boolean;
  clock?: () => Date;
  /** Stop on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
  /** Where the start-up banner goes (default stdout). */
  print?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** e.g. `http://127.0.0.1:8080`. */
  url: string;
  seed: SeedResult | undefined;
  /** Resolves once the server has stopped (by `close` or a signal). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/unitwise.db';
export const DEFAULT_PORT = 8080;

/**
 * Opens the store (migrating it), seeds the demo clinic on first run, listens, prints the address and the demo
 * sign-ins (emails and the demo password; never patient data), and stops cleanly on SIGTERM/SIGINT.
 * @param opts - port, host, database URL and app settings
 * @example
 * const server = await startServer({ port: 0, databaseUrl: 'sqlite::memory:' });
 * await server.close();
 */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = opts.clock ?? (() => new Date());
  const databaseUrl = opts.databaseUrl ?? DEFAULT_DATABASE_URL;
  // The server claims a SQLite file for itself: a second server on the same file stops here with a clear message.
  const store = await openStore(databaseUrl, { clock, claimFile: true });
  let seed: SeedResult | undefined;
  try {
    // Processes starting together on one PostgreSQL seed one at a time; the later ones find the clinic and skip.
    if (opts.seed !== false) seed = await store.exclusive('seed-demo', () => seedDemo(store, clock));
  } catch (err) {
    await store.close();
    throw err;
  }
  const app = buildApp({
    store,
    clock,
    ...(opts.selfSignup === undefined ? {} : { selfSignup: opts.selfSignup }),
    ...(opts.secureCookies === undefined ? {} : { secureCookies: opts.secureCookies }),
    ...(opts.webRoot === undefined ? {} : { webRoot: opts.webRoot }),
    ...(opts.logger === undefined ? {} : { logger: opts.logger }),
    shareCaches: true,
  });
  const host = opts.host ?? '0.0.0.0';
  try {
    await app.listen({ port: opts.port ?? DEFAULT_PORT, host });
  } catch (err) {
    await app.close();
    await store.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? DEFAULT_PORT);
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  print(`Unitwise is listening on ${url} (database: ${databaseUrl.replace(/\/\/[^@/]*@/, '//***@')})`);
  print(`API: ${url}/api/v1 · OpenAPI: ${url}/api/openapi.json`);
  if (seed) {
    if (seed.created)
      print(
        `Seeded the demo clinic: ${seed.counts.patients} patients, ${seed.counts.visits} visits (${seed.counts.signed} signed).`,
      );
    print(`Demo sign-ins (password "${seed.password}"):`);
    for (const s of seed.signIns) print(`  ${s.email.padEnd(28)} ${s.roles.join(', ')}`);
  }
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((r) => {
    resolveClosed = r;
  });
  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    print(`Received ${signal}: shutting down.`);
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (opts.handleSignals !== false) {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
      await app.close();
      await store.close();
      resolveClosed();
    })();
    return closing;
  };
  if (opts.handleSignals !== false) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { app, store, url, seed, closed, close };
}
