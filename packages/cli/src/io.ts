/**
 * The streams and environment a command talks to. Commands never touch `process` directly so tests can
 * run them in-process with captured output.
 */
export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * The real process's streams, environment and working directory.
 * @example
 * const code = await run(process.argv.slice(2), processIO());
 */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}
