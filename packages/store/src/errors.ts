/** Why the store failed unexpectedly; expected outcomes are `Result` data, not errors. */
export type StoreErrorCode =
  | 'signed-immutable'
  | 'append-only'
  | 'constraint'
  | 'bad-url'
  | 'migration'
  | 'locked'
  | 'unexpected';

/** The one error type @unitwise/store throws, for failures a caller cannot expect (database down, bug, trigger). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  /**
   * @param code - the kind of failure
   * @param message - what failed, without patient data
   * @param cause - the driver's error, if any
   */
  constructor(code: StoreErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}
