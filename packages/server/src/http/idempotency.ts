import { createHash } from 'node:crypto';

/** JSON with sorted keys, so that the same body always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  const obj = value as Record<string, unknown>;
  return `{${keys
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

/**
 * The fingerprint of a creating request for `Idempotency-Key`: method, path and canonical body.
 * @param method - HTTP method
 * @param path - the request path without query
 * @param body - the parsed JSON body
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonical(body)}`)
    .digest('hex');
}

/** Keys longer than this are refused (they are stored). */
export const MAX_IDEMPOTENCY_KEY = 200;
