import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Temporary folders for SQLite files, removed after each test.
 * @returns a function making one folder under the OS temp dir with the given prefix
 */
export function useTempDirs(): (prefix: string) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return (prefix) => {
    const d = mkdtempSync(path.join(tmpdir(), `unitwise-${prefix}-`));
    dirs.push(d);
    return d;
  };
}
