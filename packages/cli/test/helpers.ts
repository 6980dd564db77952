import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../src/io.ts';
import { run } from '../src/run.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const demoDir = resolve(repoRoot, 'packages/cli/demo');
/** Tests that start a real process get longer: a loaded machine takes seconds to start tsx. */
export const SPAWN_TIMEOUT = 90_000;
const mainTs = resolve(repoRoot, 'packages/cli/src/main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with captured streams.
 * @param args - arguments after `unitwise`
 * @param options - standard input text, working directory, whether stderr claims to be a terminal
 */
export async function runCli(
  args: string[],
  options: { stdin?: string; cwd?: string; tty?: boolean } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: {},
    cwd: options.cwd ?? repoRoot,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/**
 * Runs the real command line in a child process, as a user would.
 * @param args - arguments after `unitwise`
 * @param input - standard input text
 */
export function spawnCli(args: string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', mainTs, ...args], {
    cwd: repoRoot,
    input: input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the real command line in a child process without waiting, so several can run at once.
 * @param args - arguments after `unitwise`
 * @param timeoutMs - the process is killed after this long (bounded for a loaded machine)
 */
export function spawnCliAsync(args: string[], timeoutMs = SPAWN_TIMEOUT): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainTs, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** True when text looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+:\d+:\d+/.test(text) || /\bError: .*\n\s+at /.test(text);
}
