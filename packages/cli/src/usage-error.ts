/**
 * The CLI's one thrown error type: bad arguments or unusable input. The runner prints its message
 * (never a stack trace) and exits with `exitCode` (2 by default).
 */
export class UsageError extends Error {
  readonly exitCode: number;

  /**
   * @param message - what is wrong and how to fix it
   * @param exitCode - process exit status to use
   */
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UsageError';
    this.exitCode = exitCode;
  }
}
