import type { z } from 'zod';
import { type InputError, joinPath } from './input-error.ts';

/**
 * Turns zod issues into input errors with paths and plain messages. A missing field says "is required";
 * a wrong type names the expected one and what was given.
 * @param issues - zod's issues
 * @param raw - the value that was parsed (to tell missing from wrong)
 * @param where - the path of `raw` in the file
 */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], raw: unknown, where: string): InputError[] {
  return issues.map((issue) => ({ where: joinPath(where, issue.path), message: describe(issue, raw) }));
}

function describe(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  if (value === undefined && issue.code !== 'custom') return 'is required';
  if (issue.code === 'invalid_type') {
    return `must be ${article(issue.expected)} (found ${kind(value)})`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
  return issue.message;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'an object';
  if (expected === 'int') return 'a whole number';
  return `a ${expected}`;
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}
