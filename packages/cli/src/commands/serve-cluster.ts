import cluster, { type Worker } from 'node:cluster';
import type { CliIO } from '../io.ts';

/** How long SIGTERM waits for the workers to finish their requests before they are killed. */
const STOP_GRACE_MS = 30_000;

/**
 * The primary of `unitwise serve --workers N`: forks N workers (each runs the one-process server on the shared port;
 * migrations and the demo seed run once under PostgreSQL advisory locks), replaces a worker that dies, and on
 * SIGTERM/SIGINT passes the signal on and resolves with 0 once every worker has exited.
 * @param workers - how many worker processes
 * @param io - where the primary's lines go
 */
export function runPrimary(workers: number, io: CliIO): Promise<number> {
  let stopping = false;
  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    io.stderr.write(`unitwise serve: worker ${worker.process.pid} exited (${signal ?? code}); starting another.\n`);
    fork();
  });
  cluster.on('online', (worker) => io.stdout.write(`Worker ${worker.process.pid} started.\n`));
  for (let i = 0; i < workers; i++) fork();
  io.stdout.write(`Started ${workers} worker processes (primary ${process.pid}).\n`);
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      io.stdout.write(`Received ${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers.\n`);
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      const kill = setTimeout(() => {
        for (const w of alive) w.process.kill('SIGKILL');
      }, STOP_GRACE_MS);
      let left = alive.length;
      const done = () => {
        clearTimeout(kill);
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        resolve(0);
      };
      if (left === 0) done();
      for (const w of alive) {
        w.once('exit', () => {
          left -= 1;
          if (left === 0) done();
        });
        w.process.kill('SIGTERM');
      }
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
