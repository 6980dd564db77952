import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dollars } from '@unitwise/rules';
import {
  ACCESS,
  ApiError,
  type AuditSink,
  type BillingDeps,
  buildClinicClaims,
  DEFAULT_DATABASE_URL,
  exportReadyClaims,
  PolicyCache,
} from '@unitwise/server';
import { openStore, type Store } from '@unitwise/store';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';

/** A clinic's store opened for one command: who acts, how to audit, and how to close it. */
export interface ClinicSession {
  deps: BillingDeps;
  clinicId: string;
  /** The user named by --user, or `cli` when none was (stored as the creator or poster). */
  actorId: string;
  audit: AuditSink;
  close(): Promise<void>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A `sqlite:` URL with a relative path is taken from the command's working directory, like every other path.
 * @param url - the database URL
 * @param cwd - the working directory
 */
function resolveUrl(url: string, cwd: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  if (file === '' || file.startsWith(':') || path.isAbsolute(file)) return url;
  return `sqlite:${path.resolve(cwd, file)}`;
}

/**
 * Opens the store and checks the clinic (and the user, when named) exist; exit 2 otherwise. Audit events go to the
 * clinic's log with the user's id, or with no user and `actor: 'cli'` in the detail.
 * @param opts - database URL (default $DATABASE_URL, then the server's default), clinic id, user email
 * @param io - streams, environment and working directory
 */
export async function openClinic(
  opts: { databaseUrl: string | undefined; clinicId: string | undefined; user: string | undefined },
  io: CliIO,
): Promise<ClinicSession> {
  if (!opts.clinicId) throw new UsageError('--clinic CLINIC_ID is required with --database-url.');
  const clinicId = opts.clinicId;
  const url = resolveUrl(opts.databaseUrl ?? io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, io.cwd);
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : '';
  // A mistyped path must not create an empty database: the CLI works on one that exists (the server makes it).
  if (file !== '' && !file.startsWith(':') && !(await stat(file).catch(() => null)))
    throw new UsageError(`no database at ${file} (start the server once, or give --database-url).`);
  let store: Store;
  try {
    store = await openStore(url);
  } catch (err) {
    throw new UsageError(`cannot open the database: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    if (!(await store.clinics.get(clinicId))) throw new UsageError(`no clinic with id ${clinicId} in this database.`);
    let userId: string | null = null;
    if (opts.user !== undefined) {
      const found = await store.users.findCredentialsByEmail(opts.user);
      // Another clinic's user is answered like a missing one: the command never reveals other clinics.
      if (!found || found.user.clinicId !== clinicId)
        throw new UsageError(`no user with email ${opts.user} in clinic ${clinicId}.`);
      // The API lets only owners and billers build, export and post: the CLI names no one the API would refuse.
      const allowed: readonly string[] = ACCESS.billingWrite;
      if (found.user.status !== 'active' || !found.user.roles.some((r) => allowed.includes(r)))
        throw new UsageError(`user ${opts.user} may not do billing in this clinic (an active owner or biller may).`);
      userId = found.user.id;
    }
    // In the caller's transaction when it passes one, so the entry commits with the change it records.
    const audit: AuditSink = async (e, tx) => {
      await (tx ?? store).audit.append(clinicId, {
        ...e,
        userId,
        detail: { ...(e.detail ?? {}), actor: userId ? 'user' : 'cli', via: 'cli' },
      });
    };
    return {
      deps: { store, clock: () => new Date(), policies: new PolicyCache() },
      clinicId,
      actorId: userId ?? 'cli',
      audit,
      close: () => store.close(),
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/**
 * Prints an ApiError from the billing functions as the CLI does: its sentence, then each failing field.
 * @param err - the error
 * @param io - streams
 * @param prefix - the command, e.g. `unitwise claims export`
 */
export function printApiError(err: ApiError, io: CliIO, prefix: string): void {
  io.stderr.write(`${prefix}: ${err.message}\n`);
  for (const e of err.errors) io.stderr.write(`  ${e.path}: ${e.message}\n`);
}

/**
 * `claims export --database-url URL --clinic ID`: builds claims from the clinic's signed visits not yet on a claim
 * (the API's build and scrub), exports every ready claim into one stored 837P (the API's export) and writes it to
 * --out or standard output. Held-back claims and their reasons go to standard error.
 * @param values - the parsed flags
 * @param io - streams, environment and working directory
 */
export async function exportFromDatabase(
  values: {
    'database-url'?: string | undefined;
    clinic?: string | undefined;
    user?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    out?: string | undefined;
  },
  io: CliIO,
): Promise<number> {
  for (const k of ['from', 'to'] as const) {
    const v = values[k];
    if (v !== undefined && !ISO_DATE.test(v)) throw new UsageError(`--${k} must be a date YYYY-MM-DD (got '${v}').`);
  }
  const s = await openClinic({ databaseUrl: values['database-url'], clinicId: values.clinic, user: values.user }, io);
  try {
    const built = await buildClinicClaims(
      s.deps,
      s.clinicId,
      s.actorId,
      { ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) },
      s.audit,
    );
    for (const v of built.skipped) io.stderr.write(`skipped visit ${v.visitId}: ${v.reason}\n`);
    const held = built.created.filter((c) => c.status !== 'ready');
    for (const c of held) {
      io.stderr.write(`held back claim ${c.claimNumber} (${c.id}, visits ${c.visitIds.join(', ')}):\n`);
      for (const e of c.scrubErrors) io.stderr.write(`  ${e.where}: ${e.message}\n`);
    }
    let exported: Awaited<ReturnType<typeof exportReadyClaims>>;
    try {
      exported = await exportReadyClaims(s.deps, s.clinicId, s.actorId, undefined, s.audit);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      printApiError(err, io, 'unitwise claims export');
      io.stderr.write(`built ${built.created.length} claim(s), held back ${held.length}; no file written.\n`);
      return 1;
    }
    if (values.out) await writeFile(path.resolve(io.cwd, values.out), exported.text);
    else io.stdout.write(exported.text);
    io.stderr.write(
      `exported ${exported.chosen.length} claim(s) as ${exported.file.fileName} (export ${exported.file.id}, ${dollars(exported.file.chargeCents)})${values.out ? ` to ${values.out}` : ''}; built ${built.created.length}, held back ${held.length}.\n`,
    );
    return held.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof ApiError) {
      printApiError(err, io, 'unitwise claims export');
      return 1;
    }
    throw err;
  } finally {
    await s.close();
  }
}
