/** A finding about a file or a claim: where it is, and what is wrong in plain words. Data, never thrown. */
export interface Problem {
  /** Segment position (`ST 0001 segment 12 (CLM)`), claim id or field path. */
  where: string;
  message: string;
}

/** The one error type this package throws: input that cannot be read at all (no ISA, unreadable file). */
export class EdiError extends Error {
  readonly problems: Problem[];

  /**
   * @param message - what went wrong, in plain words
   * @param problems - the details, if any
   */
  constructor(message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'EdiError';
    this.problems = problems;
  }
}
