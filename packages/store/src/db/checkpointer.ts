import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker copies the WAL back into the database file. */
const CHECKPOINT_EVERY_MS = 500;

/**
 * The worker's code, CommonJS as `eval` workers run it (a .ts worker would need the tsx loader in the thread). It
 * opens its own connection and runs PASSIVE checkpoints, which never block the server's reads and writes; closing
 * runs a TRUNCATE checkpoint so the WAL file ends empty.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = (mode) => { try { db.pragma('wal_checkpoint(' + mode + ')'); } catch {} };
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(timer);
  checkpoint('TRUNCATE');
  db.close();
  parentPort.postMessage('closed');
});
parentPort.postMessage('ready');
`;

/** A running checkpointer: stop it before closing the database. */
export interface Checkpointer {
  close(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that crosses 1,000
 * WAL pages and syncs the file there, which measured 10-15 ms on this project's machines: one request in a hundred
 * waited that long. The caller turns the automatic checkpoint off once this resolves (on failure it stays on).
 * @param path - the database file (already in WAL mode)
 */
export function startCheckpointer(path: string): Promise<Checkpointer> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path, everyMs: CHECKPOINT_EVERY_MS },
  });
  // The worker never keeps a process alive: a CLI that forgets to close the store still exits.
  worker.unref();
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    worker.once('error', onError);
    worker.once('message', () => {
      worker.off('error', onError);
      // After start-up an error only means checkpoints stop; SQLite's own WAL handling stays correct.
      worker.on('error', () => undefined);
      resolve({
        close: () =>
          new Promise<void>((done) => {
            const finish = () => void worker.terminate().then(() => done());
            worker.once('message', finish);
            worker.once('exit', () => done());
            worker.postMessage('close');
          }),
      });
    });
  });
}
