/** A problem with input data: where it is (`visits[3].services[0].minutes`) and what is wrong. */
export interface InputError {
  where: string;
  message: string;
}

/**
 * Joins a path prefix and a zod-style path into `visits[3].services[0].minutes` form.
 * @param prefix - the location of the parsed value, e.g. `visits[3]` ('' for the root)
 * @param path - keys and indexes below it
 */
export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(file)' : out;
}
