import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO } from '../io.ts';

/** A writable target that may ask the writer to wait (`write` returns false, then 'drain'). */
interface Target {
  write(s: string): unknown;
  once?(event: 'drain', cb: () => void): unknown;
}

const CHUNK = 64 * 1024;

/**
 * Buffered text output that honours backpressure, so writing a report of a million visits keeps memory flat.
 * `write` only buffers; `ready` flushes a full buffer and waits for the target to drain.
 */
export class Output {
  private parts: string[] = [];
  private size = 0;

  /**
   * @param target - stdout or a file stream
   * @param onClose - finishes the target (closing a file); nothing for stdout
   */
  constructor(
    private readonly target: Target,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  /**
   * Buffers text.
   * @param s - the text
   */
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }

  /** Flushes when the buffer is full, waiting for the target if it is busy. */
  async ready(): Promise<void> {
    if (this.size >= CHUNK) await this.flush();
  }

  /** Writes out everything buffered. */
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    const ok = this.target.write(text);
    const once = this.target.once?.bind(this.target);
    if (ok === false && once) await new Promise<void>((done) => once('drain', done));
  }

  /** Flushes and closes the target. */
  async close(): Promise<void> {
    await this.flush();
    await this.onClose();
  }
}

/**
 * Opens the report output: the `--out` file (relative to the working directory), or standard output.
 * @param io - streams and working directory
 * @param out - the `--out` path, if given
 */
export function openOutput(io: CliIO, out: string | undefined): Output {
  if (out === undefined || out === '-') return new Output(io.stdout);
  return openFileOutput(resolve(io.cwd, out));
}

/**
 * Opens a file for buffered output, replacing it.
 * @param path - absolute path
 */
export function openFileOutput(path: string): Output {
  const stream = createWriteStream(path);
  const closed = new Promise<void>((done, fail) => {
    stream.on('close', done);
    stream.on('error', fail);
  });
  // Surfaced by close(); caught here so a failed open is not an unhandled rejection meanwhile.
  closed.catch(() => {});
  return new Output(stream, async () => {
    stream.end();
    await closed;
  });
}
