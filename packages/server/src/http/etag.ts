import { ApiError } from '../errors/api-error.ts';

/**
 * The ETag of a versioned resource: its version number, quoted.
 * @param version - the stored version
 */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Reads the version out of an `If-Match` header: 428 when absent, 412 when it names no version.
 * @param header - the header value
 */
export function parseIfMatch(header: string | string[] | undefined): number {
  if (header === undefined) {
    throw new ApiError('precondition-required', 'Send If-Match with the ETag from your last GET of this resource.');
  }
  const m = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(Array.isArray(header) ? (header[0] ?? '') : header);
  const version = Number(m?.[1]);
  // Versions are 32-bit integers in the store: a larger number can match nothing (and would overflow PostgreSQL's int).
  if (!m?.[1] || !Number.isSafeInteger(version) || version > 2_147_483_647) {
    throw new ApiError('precondition-failed', 'If-Match does not match the current version.', [
      { path: 'headers.if-match', message: 'Does not match the current version.' },
    ]);
  }
  return version;
}
